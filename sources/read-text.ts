/**
 * Checks raw bytes before they reach the pipeline: a text a reader or the CLI
 * hands us must be non-empty, valid UTF-8, not binary and not huge. Pure (no
 * I/O): the caller reads the bytes. Returns the decoded text (BOM removed) or
 * a one-line reason.
 */

/** Largest text we parse: both seed texts are ~33 KB together; 8 MB is a long book. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** The result of `decodeText`. */
export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Decodes and checks `bytes` as a source text. */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_TEXT_BYTES): DecodedText {
  if (bytes.length > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      reason: `is too large (${mb(bytes.length)} MB; the limit is ${mb(maxBytes)} MB)`,
    };
  }
  if (bytes.includes(0))
    return {
      ok: false,
      reason: 'looks like binary data (an image, a PDF or a Word file, say), not text',
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, reason: 'is empty' };
  // Control characters other than tab, newline, carriage return and form feed mean binary.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 31) || c === 127) controls++;
  }
  if (controls > 0 && controls / text.length > 0.001) {
    return { ok: false, reason: 'looks like binary data (control characters), not text' };
  }
  return { ok: true, text };
}
