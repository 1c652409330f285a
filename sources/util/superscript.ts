/** Superscript digits, as the print extraction of Lankov's footnote markers uses them. */

const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** One or more superscript digits. */
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** A block that starts with a superscript number and a space: a footnote definition. */
export const FOOTNOTE_DEFINITION_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t\u00a0]*/;

/** `¹⁰` → 10. */
export function superscriptToNumber(run: string): number {
  let n = 0;
  for (const ch of run) n = n * 10 + DIGITS.indexOf(ch);
  return n;
}
