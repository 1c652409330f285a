/** Quote with citation: punctuation placement, inner quotes, escaping, links. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, quoteWithCitation } from '../../../sources/citation/quote-with-citation.ts';
import type { SourceId } from '../../../sources/edition.ts';

// Citations as citeproc gives them (pinned in fixtures/citations.json); this
// module only places the quote around them.
const apa = {
  style: 'apa',
  kind: 'in-text' as const,
  source: 'lankov-2007' as SourceId,
  locator: { label: 'paragraph', locator: '3' },
  citation: { text: '(Lankov, n.d., para. 3)', html: '(Lankov, n.d., para. 3)' },
  bibliography: { kind: 'entry', source: 'lankov-2007' as SourceId, text: '', html: '' },
};
const notes = {
  ...apa,
  style: 'chicago-notes',
  kind: 'note' as const,
  citation: {
    text: 'Robert Winstanley-Chesters, “Russia’s Borders: North Korea Is Moving Up Moscow’s Agenda,” The Conversation, [2015?], para. 3.',
    html: 'Robert Winstanley-Chesters, “Russia’s Borders: North Korea Is Moving Up Moscow’s Agenda,” <i>The Conversation</i>, [2015?], para. 3.',
  },
};

describe('quoteWithCitation', () => {
  it('moves a final period after an in-text citation', () => {
    expect(quoteWithCitation('This made Pyongyang wary.', apa).text).toBe(
      '“This made Pyongyang wary” (Lankov, n.d., para. 3).',
    );
  });

  it('keeps a final question or exclamation mark inside and still ends with a period', () => {
    expect(quoteWithCitation('Why?', apa).text).toBe('“Why?” (Lankov, n.d., para. 3).');
  });

  it('adds the period when the quote has none, and drops a trailing comma', () => {
    expect(quoteWithCitation('the status quo', apa).text).toBe(
      '“the status quo” (Lankov, n.d., para. 3).',
    );
    expect(quoteWithCitation('the status quo,', apa).text).toBe(
      '“the status quo” (Lankov, n.d., para. 3).',
    );
  });

  it('makes inner double quotes single, and moves a period out of them too', () => {
    expect(
      quoteWithCitation('united by the much-professed “proletarian solidarity.”', apa).text,
    ).toBe('“united by the much-professed ‘proletarian solidarity’” (Lankov, n.d., para. 3).');
  });

  it('puts the full note on its own line in a notes style, keeping the quote’s punctuation', () => {
    const out = quoteWithCitation('Then as now.', notes);
    expect(out.text).toBe(`“Then as now.”\n${notes.citation.text}`);
    expect(out.html).toBe(`<p>“Then as now.”<br>${notes.citation.html}</p>`);
  });

  it('collapses paragraph breaks of a range to spaces', () => {
    expect(quoteWithCitation('One.\n\nTwo', apa).text).toBe('“One. Two” (Lankov, n.d., para. 3).');
  });

  it('adds the link on a line of its own, as a link only if it is http(s)', () => {
    const out = quoteWithCitation('wary', apa, 'https://example.org/diptych/#lankov-2007:3');
    expect(out.text).toBe(
      '“wary” (Lankov, n.d., para. 3).\nhttps://example.org/diptych/#lankov-2007:3',
    );
    expect(out.html).toContain('<br><a href="https://example.org/diptych/#lankov-2007:3">');
    expect(quoteWithCitation('wary', apa, 'lankov-2007:3').html).toBe(
      '<p>“wary” (Lankov, n.d., para. 3).<br>lankov-2007:3</p>',
    );
  });
});

describe('quoteWithCitation, when it fails', () => {
  it('never lets quoted text or a link become markup', () => {
    const out = quoteWithCitation('<img src=x onerror=alert(1)> & co', apa, 'javascript:alert(1)');
    expect(out.html).toBe(
      '<p>“&lt;img src=x onerror=alert(1)&gt; &amp; co” (Lankov, n.d., para. 3).<br>javascript:alert(1)</p>',
    );
    expect(out.html).not.toContain('<a ');
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });

  it('refuses an empty quote', () => {
    expect(() => quoteWithCitation(' \n ', apa)).toThrow('nothing to quote');
  });
});
