/** `importText`: every way a reader's text comes in, and every way it can be refused. */
import { describe, expect, it } from 'vitest';
import { recordFromFacts } from '../../../library/model.ts';
import { detectPrint } from '../../../sources/detect-print.ts';
import { importDecodedText, importText } from '../../../sources/import-text.ts';
import { textId } from '../../../sources/text-id.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const NOTES = `# Russia and the North

The first paragraph cites a note.[^a] It ends with a bracket [see below]

The second paragraph starts here and has ~~struck~~ words and https://example.org/x.

1. A list item that introduces (something)
2. Another item

| Year | Event |
| ---- | ----- |
| 2000 | Treaty |

[^a]: The note, with *emphasis*.

    And its second paragraph.
`;

describe('importText: Markdown (CommonMark + GFM)', () => {
  it('uses the first heading as the title and GFM footnotes linked both ways', async () => {
    const r = await importDecodedText(NOTES, 'my-notes.md');
    if (!r.ok) throw new Error(r.reason);
    const { edition, facts, id } = r.text;
    expect(id).toMatch(/^my-notes-[0-9a-f]{10}$/);
    expect(edition.title).toBe('Russia and the North');
    expect(facts).toMatchObject({ title: 'Russia and the North', titleFrom: 'heading' });
    expect(edition.blocks[0]).toMatchObject({ role: 'title', address: `${id}:title1` });
    const p1 = edition.blocks.find((b) => b.n === 1)!;
    expect(p1.text).toBe('The first paragraph cites a note. It ends with a bracket [see below]');
    expect(p1.footnoteRefs).toEqual([{ n: 1, address: `${id}:n1`, offset: 33 }]);
    expect(edition.footnotes).toHaveLength(1);
    expect(edition.footnotes[0]!.text).toBe('The note, with emphasis.\nAnd its second paragraph.');
    expect(edition.footnotes[0]!.referencedFrom).toEqual([p1.address]);
  });

  it('never joins paragraphs at a "page break" in a well-formed file', async () => {
    const r = await importDecodedText(NOTES, 'my-notes.md');
    if (!r.ok) throw new Error(r.reason);
    const texts = r.text.edition.blocks.map((b) => b.text);
    expect(texts).toContain(
      'The second paragraph starts here and has struck words and https://example.org/x.',
    );
    expect(r.text.edition.messages.some((m) => m.ruleId.startsWith('page-break'))).toBe(false);
    expect(texts.filter((t) => t.includes('[see below]'))).toHaveLength(1);
  });

  it('keeps strikethrough, autolinks and tables', async () => {
    const r = await importDecodedText(NOTES, 'my-notes.md');
    if (!r.ok) throw new Error(r.reason);
    const p2 = r.text.edition.blocks.find((b) => b.n === 2)!;
    expect(p2.inlines).toContainEqual({
      type: 'delete',
      children: [{ type: 'text', value: 'struck' }],
    });
    expect(p2.inlines).toContainEqual({
      type: 'link',
      url: 'https://example.org/x',
      children: [{ type: 'text', value: 'https://example.org/x' }],
    });
    expect(r.text.edition.blocks.map((b) => b.text)).toContain('Year | Event\n2000 | Treaty');
  });

  it('reads front matter title, author, date and url', async () => {
    const text = `---\ntitle: "From the front matter"\nauthor:\n  - Jane Roe\n  - John Doe\ndate: 2024-03-05\nurl: https://example.org/n\n---\n\n# Heading\n\nBody text here.\n`;
    const r = await importDecodedText(text, 'fm.md');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.facts).toEqual({
      title: 'From the front matter',
      titleFrom: 'front matter',
      authors: ['Jane Roe', 'John Doe'],
      date: '2024-03-05',
      url: 'https://example.org/n',
    });
    expect(r.text.edition.text).not.toContain('Jane Roe');
  });

  it('reads an author split in front matter (family/given, or literal) and keeps a one-string name as written', async () => {
    const text = [
      '---',
      'author:',
      '  - family: Kim',
      '    given: Minji',
      '  - literal: Korea Institute for National Unification',
      '  - Park Jiwoo',
      '  - { given: Nobody }',
      '---',
      '',
      'Body text here.',
      '',
    ].join('\n');
    const r = await importDecodedText(text, 'names.md');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.facts.authors).toEqual([
      { family: 'Kim', given: 'Minji' },
      { family: 'Korea Institute for National Unification', given: '' },
      'Park Jiwoo',
    ]);
    expect(
      recordFromFacts({ ...r.text.facts, authors: [...r.text.facts.authors] }, 'markdown').authors,
    ).toEqual([
      { family: 'Kim', given: 'Minji' },
      { family: 'Korea Institute for National Unification', given: '' },
      { family: 'Jiwoo', given: 'Park' },
    ]);
    const one = await importDecodedText(
      '---\nauthor: {family: Kim, given: Minji}\n---\n\nBody.\n',
      'one.md',
    );
    if (!one.ok) throw new Error(one.reason);
    expect(one.text.facts.authors).toEqual([{ family: 'Kim', given: 'Minji' }]);
  });

  it('keeps invalid front matter as text, and never takes a javascript: url', async () => {
    const bad = await importDecodedText('---\n: [\n---\n\nBody.\n', 'bad.md');
    if (!bad.ok) throw new Error(bad.reason);
    expect(bad.text.edition.text).toContain(': [');
    const js = await importDecodedText('---\nurl: javascript:alert(1)\n---\n\nBody.\n', 'js.md');
    if (!js.ok) throw new Error(js.reason);
    expect(js.text.facts.url).toBeUndefined();
  });

  it('takes a plain-text file’s first line as its title when it stands alone like one', async () => {
    const text =
      'Notes on the Tumen bridge\n\nThe bridge opened in 1959.\n\nIt carries rail traffic.\n';
    const r = await importDecodedText(text, 'tumen.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.facts).toMatchObject({
      title: 'Notes on the Tumen bridge',
      titleFrom: 'first line',
    });
    expect(r.text.edition.title).toBe('Notes on the Tumen bridge');
    expect(r.text.edition.blocks[0]).toMatchObject({
      role: 'title',
      address: `${r.text.id}:title1`,
    });
    expect(r.text.edition.blocks[1]).toMatchObject({ role: 'paragraph', n: 1 });
    // A question is a title too.
    const asked = await importDecodedText('Who built it?\n\nNobody knows.\n', 'q.TXT');
    expect(asked.ok && asked.text.facts.titleFrom).toBe('first line');
  });

  it('keeps the file name when the first line does not stand alone like a title, or the file is Markdown', async () => {
    const cases: [string, string][] = [
      ['A first sentence that ends as sentences do.\n\nMore text.\n', 'sentence.txt'],
      ['Dear all,\n\nMore text.\n', 'letter.txt'],
      ['Short line\nwith a second line in the same paragraph.\n\nMore text.\n', 'two-lines.txt'],
      [`${'Long '.repeat(30)}line\n\nMore text.\n`, 'long.txt'],
      ['Only a title-like line\n', 'alone.txt'],
      ['Notes on the Tumen bridge\n\nThe bridge opened in 1959.\n', 'tumen.md'],
    ];
    for (const [text, name] of cases) {
      const r = await importDecodedText(text, name);
      if (!r.ok) throw new Error(r.reason);
      expect([name, r.text.facts.titleFrom]).toEqual([name, 'file name']);
      expect(r.text.edition.blocks.some((b) => b.role === 'title')).toBe(false);
    }
  });

  it('takes a Markdown file’s leading heading, ATX or setext, as its title (stated, not inferred)', async () => {
    for (const text of ['# The bridge\n\nIt opened.\n', 'The bridge\n==========\n\nIt opened.\n']) {
      for (const name of ['bridge.md', 'bridge.txt']) {
        const r = await importDecodedText(text, name);
        if (!r.ok) throw new Error(r.reason);
        expect(r.text.facts).toMatchObject({ title: 'The bridge', titleFrom: 'heading' });
      }
    }
  });

  it('falls back to the file name for a text with no title', async () => {
    const r = await importDecodedText('Just a paragraph.\n', 'Plain Notes.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.facts).toMatchObject({ title: 'Plain Notes', titleFrom: 'file name' });
  });
});

describe('importText: extracted print is detected, well-formed Markdown is not', () => {
  const print =
    'A paragraph of running text that continues past the end of the page and the\n\n¹ A footnote from the bottom of the page.\n\nnext page, where it ends with a citation.¹\n';
  it('detects print by cited superscript notes, and repairs it', async () => {
    expect(detectPrint(print)).toBe(true);
    const r = await importDecodedText(print, 'scan.txt');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.edition.blocks.filter((b) => b.n !== undefined)).toHaveLength(1);
  });
  it('does not take Markdown with a heading or GFM footnotes for print', () => {
    expect(detectPrint(`# Title\n\n${print}`)).toBe(false);
    expect(detectPrint(NOTES)).toBe(false);
    expect(detectPrint('A line ending with a bracket (like this)\n\nNext one.\n')).toBe(false);
  });
  it('takes a form feed (pdftotext page break) for print', () => {
    expect(detectPrint('Page one text\n\fPage two text\n')).toBe(true);
  });
});

describe('importText: HTML articles', () => {
  const page = `<!doctype html><html><head><title>An article</title>
<meta name="author" content="Jane Roe"><link rel="canonical" href="https://example.org/a">
<script>window.hacked = 1</script><style>p { color: red }</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article><h1>An article</h1>
<p>The first paragraph of the article, long enough to be its main text, with <em>emphasis</em> and a <a href="https://example.org/ref">link</a>.</p>
<p>The second paragraph <script>evil()</script>says more about the subject of the article, at some length.</p>
<p onclick="evil()">A third <a href="javascript:alert(1)">paragraph</a> with a hostile link.</p></article>
<footer>Copyright and other furniture</footer></body></html>`;

  it('extracts the main text, drops scripts, styles and navigation', async () => {
    const r = await importText(enc(page), 'article.html');
    if (!r.ok) throw new Error(r.reason);
    const { edition, format, facts } = r.text;
    expect(format).toBe('html');
    expect(edition.text).toContain('The first paragraph of the article');
    expect(edition.text).not.toMatch(/hacked|evil|color: red|Home|Copyright/);
    expect(JSON.stringify(edition)).not.toContain('javascript:');
    expect(facts).toMatchObject({ authors: ['Jane Roe'], url: 'https://example.org/a' });
  });

  it('shows the page title as the text’s heading when Readability drops the repeated <h1>', async () => {
    const r = await importText(enc(page), 'article.html');
    if (!r.ok) throw new Error(r.reason);
    const title = r.text.edition.blocks.find((b) => b.role === 'title');
    expect(title?.text).toBe('An article');
    expect(r.text.facts).toMatchObject({ title: 'An article', titleFrom: 'page' });
    // Markdown syntax in a title stays text.
    const odd = await importText(
      enc(
        page
          .replace('<title>An article</title>', '<title>*Not* [a] link_</title>')
          .replace('<h1>An article</h1>', ''),
      ),
      'odd.html',
    );
    if (!odd.ok) throw new Error(odd.reason);
    expect(odd.text.edition.blocks[0]).toMatchObject({ role: 'title', text: '*Not* [a] link_' });
  });

  it('refuses a page with nothing readable', async () => {
    const empty = await importText(
      enc('<!doctype html><html><head><script>x()</script></head><body><nav></nav></body></html>'),
      'empty.html',
    );
    expect(empty).toEqual({
      ok: false,
      reason: expect.stringMatching(/“empty\.html” has no readable text/),
    });
  });

  it('takes the site the page names (og:site_name) as its record’s container, and none it does not name', async () => {
    const named = page.replace(
      '<title>',
      '<meta property="og:site_name" content="The Daily  Courier"><title>',
    );
    const r = await importText(enc(named), 'article.html');
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.facts.site).toBe('The Daily Courier');
    expect(recordFromFacts({ ...r.text.facts, authors: [] }, 'html')).toMatchObject({
      type: 'webpage',
      containerTitle: 'The Daily Courier',
      url: 'https://example.org/a',
    });
    const unnamed = await importText(enc(page), 'article.html');
    if (!unnamed.ok) throw new Error(unnamed.reason);
    expect(unnamed.text.facts.site).toBeUndefined();
    expect(recordFromFacts({ ...unnamed.text.facts, authors: [] }, 'html')).not.toHaveProperty(
      'containerTitle',
    );
  });
});

describe('importText: bad input gets one plain reason', () => {
  it.each([
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x61, 0xff, 0xfe, 0x62]), /not valid UTF-8/],
    ['empty', enc('  \n\n '), /is empty/],
    ['headings only', enc('# One\n\n## Two\n'), /has no running text/],
  ])('%s', async (_, bytes, reason) => {
    const r = await importText(bytes, 'f.md');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('over the size limit', async () => {
    const r = await importText(enc('x'.repeat(2000)), 'big.md', { maxBytes: 1000 });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/too large/) });
  });
});

describe('textId', () => {
  it('is stable, derived from name and content', async () => {
    expect(await textId('a.md', 'x')).toBe(await textId('a.md', 'x'));
    expect(await textId('a.md', 'x')).not.toBe(await textId('a.md', 'y'));
    expect(await textId('a.md', 'x')).not.toBe(await textId('b.md', 'x'));
    expect(await textId('Ünïcode Notes!.md', 'x')).toMatch(/^unicode-notes-[0-9a-f]{10}$/);
  });
  it('keeps a given id for a new version', async () => {
    const r = await importDecodedText('New text.\n', 'a.md', { id: 'a-0123456789' });
    expect(r.ok && r.text.id).toBe('a-0123456789');
  });
});
