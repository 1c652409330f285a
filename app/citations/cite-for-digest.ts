/**
 * Citations for the annotations' Markdown digest, in the reader's chosen
 * style: `markdownDigest` (annotations/io/) takes a synchronous
 * `cite(address)`, and the citer lives in a worker, so every address is
 * cited first, in one batch, and the function answers from that table.
 *
 * `form: 'pandoc'` gives each passage's Pandoc citation
 * (`[@lankov2007russia, para. 12]`) instead, for a digest meant for Pandoc.
 *
 * Not for: the digest itself (annotations/io/markdown-digest.ts).
 */
import { DEFAULT_STYLE, isStyleId, type StyleId } from '../../sources/citation/styles.ts';
import { loadCustomStyles } from './custom-style-store.ts';
import type { PinpointMode } from '../../sources/citation/pinpoint.ts';
import { loadCitationStyle, loadPinpointChoice } from './citation-style.ts';
import { loadRecordOverrides } from './record-override-store.ts';
import { callCiterLazily } from './use-citations.ts';

/**
 * A `cite(address)` for the digest, in `style` (default: the stored choice),
 * with every one of `addresses` already cited. An address outside the table
 * gets an empty string. Rejects with a one-line message if the citer fails
 * (e.g. an address that is not one).
 */
export async function citeForDigest(
  addresses: readonly string[],
  styleId: StyleId | string = loadCitationStyle(),
  form: 'citation' | 'pandoc' = 'citation',
  pinpoint: PinpointMode = loadPinpointChoice(styleId),
): Promise<(address: string) => string> {
  const style = isStyleId(styleId)
    ? styleId
    : (loadCustomStyles().find((s) => s.id === styleId) ?? DEFAULT_STYLE);
  const unique = [...new Set(addresses)];
  const texts =
    unique.length === 0
      ? []
      : await callCiterLazily({
          op: 'citeMany',
          style,
          form,
          requests: unique.map((address) => ({ address, pinpoint })),
          overrides: loadRecordOverrides(),
        });
  const table = new Map(unique.map((a, i) => [a, texts[i] ?? '']));
  return (address) => table.get(address) ?? '';
}
