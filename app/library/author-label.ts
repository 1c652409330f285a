/**
 * The Library's Author column: the authors as a reader names them, given
 * names first ("Jane Doe", "Andrei Lankov"), as the record holds them.
 * The column used to show family names only ("Doe"), which reads as a
 * citation's short form and loses the given name the record has.
 *
 * Not for citations: their names come from citeproc and the chosen style
 * (`sources/citation/`), which orders, initials and abbreviates by the style's
 * rules. This is plain text, rendered by React as text, never as HTML.
 */

/** One name as records hold it (CSL's `family` and `given`; `given` empty for an organisation). */
export interface AuthorName {
  /** Family name, or an organisation's whole name. */
  readonly family: string;
  /** Given names; empty when there are none. */
  readonly given: string;
}

/**
 * How many names are listed in full before "et al.": three fit a table cell
 * at 1440 px and read as a list; past that the first name stands for all,
 * as in a citation's "et al." (the record form lists every name).
 */
export const LISTED_AUTHORS = 3;

/** One name in reading order: "Jane Doe"; an organisation or a mononym as it stands. */
export function fullName(name: AuthorName): string {
  const given = name.given.trim();
  const family = name.family.trim();
  return given ? `${given} ${family}` : family;
}

/**
 * The authors for the Author column: "—" for none, "Jane Doe",
 * "Jane Doe and John Roe", "Jane Doe, John Roe and Ann Poe", and past
 * `LISTED_AUTHORS` names "Jane Doe et al.".
 */
export function authorLabel(names: readonly AuthorName[]): string {
  const full = names.map(fullName).filter((n) => n !== '');
  if (full.length === 0) return '—';
  if (full.length > LISTED_AUTHORS) return `${full[0]} et al.`;
  if (full.length === 1) return full[0]!;
  return `${full.slice(0, -1).join(', ')} and ${full[full.length - 1]}`;
}
