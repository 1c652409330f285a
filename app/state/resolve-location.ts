/**
 * From a URL hash to a passage: parse the address (`sources/address.ts`),
 * find its edition, resolve it with `findPassage`, and say which elements to
 * mark. Pure; the reader state calls it for every hash change.
 *
 * Not for: scrolling or history (the views do that).
 */
import {
  describePassages,
  findPassage,
  formatAddress,
  parseAddress,
} from '../../sources/address.ts';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { passageInWords } from '../views/passage-in-words.ts';

/** A hash that names a passage, or why it does not. */
export type ResolvedLocation =
  | {
      readonly ok: true;
      /** The canonical address. */
      readonly address: Address;
      /** Its source. */
      readonly source: SourceId;
      /** The `data-address` elements to mark current: the passage, or each paragraph of a range. */
      readonly marked: readonly Address[];
    }
  | {
      readonly ok: false;
      /** A short message for the reader. */
      readonly notice: string;
    };

/** A paragraph range written the wrong way round ("lankov-2007:13-12"). */
const REVERSED_RANGE = /^([a-z0-9-]+):(\d+)-(\d+)$/;

/** Longest piece of a bad hash echoed back in a notice. */
const MAX_ECHO = 60;

function echo(raw: string): string {
  return raw.length > MAX_ECHO ? `${raw.slice(0, MAX_ECHO)}…` : raw;
}

/** Decodes a `location.hash` (with or without `#`); undecodable input is returned as is. */
export function hashToAddress(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Resolves an address string against the editions. */
export function resolveLocation(editions: readonly Edition[], raw: string): ResolvedLocation {
  const parsed = parseAddress(raw);
  const reversed = REVERSED_RANGE.exec(raw.trim());
  if (!parsed && reversed && Number(reversed[2]) > Number(reversed[3]) && reversed[3] !== '0')
    return {
      ok: false,
      notice: `The range ${echo(raw.trim())} is reversed: try ${reversed[1]}:${reversed[3]}-${reversed[2]}.`,
    };
  if (!parsed)
    return { ok: false, notice: `“${echo(raw)}” is not a passage address (try lankov-2007:12).` };
  const edition = editions.find((e) => e.id === parsed.source);
  if (!edition)
    return { ok: false, notice: `There is no source “${echo(parsed.source)}” in this reader.` };
  const address = formatAddress(parsed);
  const passage = findPassage(edition, address);
  const label = sourceMetadata(edition.id)?.label ?? edition.title;
  if (!passage)
    return {
      ok: false,
      // In words, as every other notice names a passage ("Lankov (2007) has no ¶99"), not by the
      // raw address and the text's full title.
      notice: `${label} has no ${passageInWords(address, '').trim()}: it has ${describePassages(edition)}.`,
    };
  const marked = passage.kind === 'range' ? passage.blocks.map((b) => b.address) : [address];
  return { ok: true, address, source: edition.id, marked };
}
