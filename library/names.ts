/**
 * Names as a file or a reader writes them → the family and given names a
 * citation record holds. Plain functions with no schema, so that the page's
 * initial code (the citer's view of the Library, `app/library/record-to-csl.ts`)
 * can use them without loading zod and the library's schemas (`model.ts`).
 */

/** A name split into family and given names (`given` empty for an organisation's). */
export interface SplitName {
  readonly family: string;
  readonly given: string;
}

/**
 * Splits a name as written ("Jane Roe", "Roe, Jane", "UNESCO") into family and given names.
 * A name of several words with no comma is split at its last space: a guess, right for
 * "Jane Roe", wrong for "Kim Minji" (family name first), which `guessedSplit` names.
 */
export function nameFromString(name: string): SplitName {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    return { family: trimmed.slice(0, comma).trim(), given: trimmed.slice(comma + 1).trim() };
  }
  const space = trimmed.lastIndexOf(' ');
  if (space < 0) return { family: trimmed, given: '' };
  return { family: trimmed.slice(space + 1), given: trimmed.slice(0, space) };
}

/**
 * True when `name` as written says nothing of which part is the family name, so that
 * `nameFromString` splits it by guess: several words and no comma ("Kim Minji").
 */
export function guessedSplit(name: string | SplitName): boolean {
  if (typeof name !== 'string') return false;
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return !trimmed.includes(',') && trimmed.includes(' ');
}
