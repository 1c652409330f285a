/**
 * Is a text extracted print? The repairs meant for print (`pageBreakRepair`:
 * rejoining paragraphs a page break cut) damage a well-formed text — they
 * join a paragraph that ends in `]` or `)` or a list intro to whatever
 * follows — so they run only where declared or detected with confidence:
 *
 * - declared: the built-in editions (their metadata says so), front matter
 *   `repairs: print`, or the caller's `kind: 'print'`;
 * - detected: the text has a form feed (the page break `pdftotext` writes),
 *   or it cites superscript-numbered notes the way extracted print does — a
 *   line starting with a superscript number whose marker also appears inside
 *   running text — and it has none of the marks of a Markdown file (ATX
 *   headings, GFM footnotes `[^x]`, fenced code, front matter, tables).
 *
 * Everything else is read as Markdown (CommonMark + GFM), without repairs.
 * A false "no" costs a reader a paragraph left split at a page break (the
 * text is all there); a false "yes" would glue paragraphs together, which is
 * why the test is strict.
 */

const MARKDOWN_MARKS = /^(#{1,6}[ \t]|```|~~~|\[\^[^\]\n]+\]:|---[ \t]*$|\|.*\|[ \t]*$)/m;
const NOTE_LINE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t\u00a0]*\S/gm;

/** True when `text` reads as extracted print (see the module comment). */
export function detectPrint(text: string): boolean {
  if (text.includes('\f')) return true;
  if (MARKDOWN_MARKS.test(text)) return false;
  for (const m of text.matchAll(NOTE_LINE)) {
    const marker = m[1]!;
    // The same marker cited inside a line of running text (after a letter or punctuation).
    const cited = new RegExp(`[\\p{L}\\p{P}]${marker}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, 'u');
    if (cited.test(text)) return true;
  }
  return false;
}
