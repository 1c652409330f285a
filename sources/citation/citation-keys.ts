/**
 * Stable, readable citation keys, as Better BibTeX makes them by default
 * (Zotero's `[auth:lower][year][veryshorttitle:lower]`): the first author's
 * family name, the year, the first word of the title that is not a function
 * word, all lower case, letters and digits only — `lankov2007russia`,
 * `winstanleychesters2015russias`. Unique within the library: a key that
 * repeats gets `a`, `b`… in the library's order, the first keeping it bare.
 *
 * The same key is the BibTeX key, the RIS `ID`, the CSL-JSON `citation-key`
 * and the Pandoc/LaTeX citation key.
 */
import type { SourceMetadata } from '../metadata.ts';

// Better BibTeX's `veryshorttitle` skips these words when taking a title's
// first word (its default function-word list, English part).
const SKIP = new Set([
  'a',
  'an',
  'the',
  'some',
  'from',
  'on',
  'in',
  'to',
  'of',
  'do',
  'with',
  'der',
  'die',
  'das',
  'ein',
  'eine',
  'einer',
  'eines',
  'einem',
  'einen',
  'un',
  'une',
  'la',
  'le',
  'les',
  'el',
  'las',
  'los',
  'al',
  'uno',
  'una',
  'unos',
  'unas',
  'de',
  'des',
  'del',
  'd',
]);

/** Letters and digits only, accents folded, lower case. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** The key of one record, before uniqueness. */
export function baseCitationKey(meta: SourceMetadata): string {
  const author = fold(meta.csl.author[0]?.family ?? '');
  const year = String(meta.csl.issued?.['date-parts'][0]?.[0] ?? '');
  const words = meta.csl.title.split(/[\s\-–—:;,.!?/()“”"]+/).map(fold);
  const word = words.find((w) => w && !SKIP.has(w)) ?? '';
  return `${author}${year}${word}` || fold(meta.id) || 'source';
}

/** Every source's key, unique within `sources`, keyed by source id. */
export function citationKeys(sources: readonly SourceMetadata[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const meta of sources) {
    const base = baseCitationKey(meta);
    let key = base;
    for (let i = 0; used.has(key); i++) key = `${base}${suffix(i)}`;
    used.add(key);
    keys.set(meta.id, key);
  }
  return keys;
}

/** a, b, … z, aa, ab … */
function suffix(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}
