/**
 * "Copy quote with citation": a passage's text in quotation marks with its
 * citation (and, if given, the passage link), as plain text and as HTML with
 * the style's italics.
 *
 * The citation itself always comes from citeproc (`create-citer.ts`); this
 * module only places the quotation around it, following the run-in
 * quotation rules the four manuals share for American English:
 *   - the quote goes in double quotation marks, and double quotation marks
 *     inside it become single ones;
 *   - in-text styles: the parenthetical citation follows the closing
 *     quotation mark and the sentence's period follows the citation, so a
 *     final period of the quote moves after it ("…relations” (Lankov, ca.
 *     2007, para. 3).); a final ? or ! stays inside the quote and a period
 *     still follows the citation (APA, MLA and Chicago author-date agree);
 *   - notes styles: the quote keeps its punctuation and the full note
 *     follows on its own line, for the reader to place as a footnote.
 * Block quotations (APA: 40 words or more; MLA: more than four lines; CMOS:
 * 100 words or more) are not laid out as blocks: the quote stays run-in.
 * Whitespace, including paragraph breaks in a range, collapses to single
 * spaces.
 *
 * Security: the quote and the link are user-visible text from the edition or
 * the app; they are HTML-escaped, and the link becomes an `<a href>` only if
 * it is an absolute http(s) URL. The citation HTML is citeproc's.
 *
 * Not for: the clipboard itself (the app writes both forms to it).
 */
import type { CitationResult, Formatted } from './create-citer.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The quote as it goes between the outer quotation marks: one line, inner double quotes made single. */
function normalizeQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim().replace(/“/g, '‘').replace(/”/g, '’');
}

/** Splits an in-text quote into the part inside the quotation marks and whether it keeps its final mark. */
function splitTerminal(quote: string): string {
  // A closing single quote may follow the period: `solidarity.’` → `solidarity’`.
  const m = /^(.*?)[.,;:]+(’?)$/s.exec(quote);
  return m ? `${m[1]}${m[2]}` : quote;
}

function isHttpUrl(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The quote with its citation. `result` is the citation of the quoted
 * passage; `link` (optional) is the passage's address or URL. Throws on an
 * empty quote.
 */
export function quoteWithCitation(
  quote: string,
  result: Pick<CitationResult, 'kind' | 'citation'>,
  link?: string,
): Formatted {
  const q = normalizeQuote(quote);
  if (q === '') throw new Error('nothing to quote: the passage is empty');
  const kind = result.kind;
  let text: string;
  let html: string;
  if (kind === 'in-text') {
    const inside = splitTerminal(q);
    text = `“${inside}” ${result.citation.text}.`;
    html = `“${escapeHtml(inside)}” ${result.citation.html}.`;
  } else {
    text = `“${q}”\n${result.citation.text}`;
    html = `“${escapeHtml(q)}”<br>${result.citation.html}`;
  }
  if (link !== undefined && link.trim() !== '') {
    const l = link.trim();
    text += `\n${l}`;
    html += isHttpUrl(l)
      ? `<br><a href="${escapeHtml(l)}">${escapeHtml(l)}</a>`
      : `<br>${escapeHtml(l)}`;
  }
  return { text, html: `<p>${html}</p>` };
}
