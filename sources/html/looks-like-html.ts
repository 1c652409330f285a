/**
 * Whether a text is an HTML page, by its name or its first tag. Apart from
 * `html-to-markdown.ts` so that deciding costs nothing: the converter (linkedom,
 * Readability, rehype) is loaded only for a page (`sources/import-text.ts`).
 */

/** True when `text` looks like an HTML document rather than Markdown. */
export function looksLikeHtml(text: string, name = ''): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(text);
}
