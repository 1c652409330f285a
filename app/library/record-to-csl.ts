/**
 * A library text's record → the CSL-JSON the citer formats (`UserSource`).
 * Dates become CSL `date-parts`; only fields the reader (or the file) gave
 * are written. A title the text does not state — the file's name, or
 * `Pasted text`, or a plain-text file's first line taken as its title —
 * kept while the reader has not replaced it, is listed as inferred, so no
 * citation or export states it as the work's title. So is
 * the split of an author's name the file gave as one string with no comma
 * ("Kim Minji"): split at its last space, the family name is a guess (right
 * for "Jane Roe", wrong for a Korean name written family name first), kept
 * until the reader saves the record (the form shows the split as "Family,
 * Given", so a save is the reader's word on it).
 */
import type { TextEntry } from '../../library/index.ts';
// Not through library/index.ts: this module is in the page's initial code, the schemas are not.
import { guessedSplit, nameFromString } from '../../library/names.ts';
import type { UserSource } from '../citations/user-source.ts';
import { plural } from '../../sources/util/plural.ts';

type Inferred = NonNullable<UserSource['inferred']>[number];

const parts = (date: string): { 'date-parts': number[][] } => ({
  'date-parts': [date.split('-').map(Number)],
});

/**
 * The names the file gave as one string that the record still holds as split by guess
 * (`nameFromString`), with the family name guessed; empty once the reader saved the record.
 */
export function guessedNames(
  entry: TextEntry,
): { written: string; family: string; given: string }[] {
  // `facts` is always stored; a test's partial entry may leave it out.
  const facts = entry.facts as TextEntry['facts'] | undefined;
  if (!facts || entry.recordEdited) return [];
  const out: { written: string; family: string; given: string }[] = [];
  facts.authors.forEach((name, i) => {
    if (typeof name !== 'string' || !guessedSplit(name)) return;
    const guess = nameFromString(name);
    const held = entry.record.authors[i];
    if (held && held.family === guess.family && held.given === guess.given)
      out.push({ written: name.replace(/\s+/g, ' ').trim(), ...guess });
  });
  return out;
}

const list = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/** The citer's view of a stored text. */
export function recordToCsl(entry: TextEntry): UserSource {
  const r = entry.record;
  const facts = entry.facts as TextEntry['facts'] | undefined;
  const inferred: Inferred[] = [];
  if (facts?.titleFrom === 'file name' && r.title === facts.title)
    inferred.push({
      field: 'title',
      evidence: `the text states none: “${r.title}” comes from “${entry.name}”, the name it was added under`,
    });
  if (facts?.titleFrom === 'first line' && r.title === facts.title)
    inferred.push({
      field: 'title',
      evidence: `“${r.title}” is the text’s first line, standing alone like a title; the text does not mark it as one`,
    });
  const guessed = guessedNames(entry);
  if (guessed.length)
    inferred.push({
      field: 'author',
      evidence:
        `the file gives ${list(guessed.map((g) => `“${g.written}”`))} as one string${plural(guessed.length, '', ' each')}; ` +
        `split at the last space, ${list(guessed.map((g) => `“${g.family}”`))} ${plural(guessed.length, 'is a guess', 'are guesses')}`,
    });
  return {
    id: entry.id,
    label: entry.title,
    ...(inferred.length ? { inferred } : {}),
    csl: {
      id: entry.id,
      type: r.type,
      title: r.title,
      author: r.authors.map((a) => ({ family: a.family, given: a.given })),
      ...(r.issued !== undefined ? { issued: parts(r.issued) } : {}),
      ...(r.accessed !== undefined ? { accessed: parts(r.accessed) } : {}),
      ...(r.containerTitle !== undefined ? { 'container-title': r.containerTitle } : {}),
      ...(r.publisher !== undefined ? { publisher: r.publisher } : {}),
      ...(r.url !== undefined ? { URL: r.url } : {}),
      ...(r.titleShort !== undefined ? { 'title-short': r.titleShort } : {}),
      ...(r.editors !== undefined
        ? { editor: r.editors.map((a) => ({ family: a.family, given: a.given })) }
        : {}),
      ...(r.edition !== undefined ? { edition: r.edition } : {}),
      ...(r.volume !== undefined ? { volume: r.volume } : {}),
      ...(r.issue !== undefined ? { issue: r.issue } : {}),
      ...(r.page !== undefined ? { page: r.page } : {}),
      ...(r.number !== undefined ? { number: r.number } : {}),
      ...(r.doi !== undefined ? { DOI: r.doi } : {}),
      ...(r.place !== undefined ? { 'publisher-place': r.place } : {}),
      ...(r.genre !== undefined ? { genre: r.genre } : {}),
      ...(r.medium !== undefined ? { medium: r.medium } : {}),
    },
  };
}
