/**
 * A saved page's byline is the record's author, never ¶1: the fixtures in
 * `tests/fixtures/html-bylines/` are small hand-written pages, one per way a
 * byline is written (or is not).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBylineText } from '../../../sources/html/byline.ts';
import { htmlToMarkdown } from '../../../sources/html/html-to-markdown.ts';
import { importText } from '../../../sources/import-text.ts';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../fixtures/html-bylines/${name}.html`, import.meta.url));

const RASON = 'The border town of Rason was opened to foreign trade in 1991';

describe('importText: a saved page’s byline', () => {
  it.each([
    ['meta-author-by-paragraph', ['Jane Doe'], RASON],
    ['meta-author-staff-writer', ['Jane Doe'], RASON],
    ['byline-class', ['Jane Doe'], RASON],
    ['address-rel-author', ['Jane Doe'], RASON],
    ['byline-class-no-meta', ['By Jane Doe'], RASON],
    ['no-byline', ['Jane Doe'], RASON],
    ['first-paragraph-mentions-author', ['Jane Doe'], 'Jane Doe, who reported from Rason in 2012'],
  ])('%s: authors %j, ¶1 starts “%s”', async (name, authors, first) => {
    const r = await importText(fixture(name), `${name}.html`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.facts.authors).toEqual(authors);
    const paragraphs = r.text.edition.blocks.filter((b) => b.n !== undefined);
    expect(paragraphs[0]!.n).toBe(1);
    expect(paragraphs[0]!.text.startsWith(first)).toBe(true);
    // Nothing of the page's text is lost but the byline: three paragraphs each.
    expect(paragraphs).toHaveLength(name === 'byline-class-no-meta' ? 4 : 3);
    expect(r.text.edition.text).not.toMatch(/^By Jane Doe$|Staff writer/m);
  });

  it('keeps a real first paragraph that starts with “By”', () => {
    const page = htmlToMarkdown(fixture('first-paragraph-mentions-author').toString());
    if (!page.ok) throw new Error(page.reason);
    expect(page.markdown).toContain('By the time the railway reopened');
  });

  it('removes only the first byline element, keeping an author’s box further down', () => {
    const page = htmlToMarkdown(fixture('byline-class-no-meta').toString());
    if (!page.ok) throw new Error(page.reason);
    expect(page.byline).toBe('By Jane Doe');
    expect(page.markdown).toContain('Jane Doe covers Russia.');
  });
});

describe('isBylineText', () => {
  it.each([
    'Jane Doe',
    'By Jane Doe',
    'by  Jane Doe',
    'Written by Jane Doe',
    'Jane Doe, Staff writer',
    'Jane Doe | The Courier',
    'By Jane Doe and John Roe',
  ])('takes “%s” for the byline Jane Doe', (text) =>
    expect(isBylineText(text, 'Jane Doe')).toBe(true),
  );
  it.each([
    'Jane Doe, who reported from Rason in 2012, found the port nearly empty.',
    'Jane Doe spent a winter in Rason',
    'By the time the railway reopened, the coal trade had moved north.',
    'By Janet Smith',
    `Jane Doe, ${'a very long title that goes on and on '.repeat(3)}`,
  ])('keeps “%s” as text', (text) => expect(isBylineText(text, 'Jane Doe')).toBe(false));
  it('matches a byline stated with its “By”', () => {
    expect(isBylineText('Jane Doe', 'By Jane Doe')).toBe(true);
    expect(isBylineText('', 'Jane Doe')).toBe(false);
    expect(isBylineText('Jane Doe', '')).toBe(false);
  });
});
