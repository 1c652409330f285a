/**
 * A stable id for a text a reader adds: the slug of its name and the first
 * 40 bits of the SHA-256 of its name and content — `my-notes-3fa94c02d1`.
 *
 * Derived, not random, so that two browsers that add the same file give it
 * the same id, and an annotation file exported from one names a text the
 * other can match. The name is part of it so that two files with the same
 * content stay two texts; the hash makes a clash with a built-in id (which
 * ends in a year) or with another text practically impossible. A new version
 * of a text keeps the id it was first added under (see `library/`).
 */
import { sourceIdFromFileName } from './source-id.ts';

/** Longest slug kept in an id (ids appear in every address and URL). */
const MAX_SLUG = 40;

/** Lower-case hex of the SHA-256 of `text` (UTF-8), via Web Crypto (browsers, workers, Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The id of a text named `name` with content `content` (see the module comment). */
export async function textId(name: string, content: string): Promise<string> {
  // Letters keep their base letter (Ü → u), as a reader would spell the name in ASCII.
  const ascii = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const slug = sourceIdFromFileName(ascii).slice(0, MAX_SLUG).replace(/-+$/, '') || 'text';
  const hash = await sha256Hex(`${name}\u0000${content}`);
  return `${slug}-${hash.slice(0, 10)}`;
}
