/**
 * Citations for the annotations' Markdown digest, in the reader's chosen
 * style: `markdownDigest` (annotations/io/) takes a synchronous
 * `cite(address)`, and the citer lives in a worker, so every address is
 * cited first, in one batch, and the function answers from that table.
 *
 * Not for: the digest itself (annotations/io/markdown-digest.ts).
 */
import type { StyleId } from '../../sources/citation/styles.ts';
import { callCiterLazily } from './use-citations.ts';

/**
 * A `cite(address)` for the digest, in `style` (default: the stored choice),
 * with every one of `addresses` already cited. An address outside the table
 * gets an empty string. Rejects with a one-line message if the citer fails
 * (e.g. an address that is not one).
 */
export async function citeForDigest(
  addresses: readonly string[],
  style?: StyleId,
): Promise<(address: string) => string> {
  // The stored choice, read from a lazy chunk (its zod schema stays out of the initial bundle).
  const chosen = style ?? (await import('./citation-style.ts')).loadCitationStyle();
  const unique = [...new Set(addresses)];
  const texts =
    unique.length === 0
      ? []
      : await callCiterLazily({ op: 'citeMany', style: chosen, addresses: unique });
  const table = new Map(unique.map((a, i) => [a, texts[i] ?? '']));
  return (address) => table.get(address) ?? '';
}
