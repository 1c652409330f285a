/**
 * The one place English messages choose between a word's singular and plural
 * form by a count ("1 annotation", "3 annotations"; "it is", "they are").
 * Built on `Intl.PluralRules('en')`, the platform's maintained plural rules
 * (CLDR), rather than hand-written `n === 1` tests repeated across modules.
 *
 * Not for: translation. Diptych's messages are English only; each caller
 * passes both forms, so irregular plurals and whole phrases ("was", "were")
 * need no rule here. A translated reader would want message catalogues
 * (ICU MessageFormat), not this.
 *
 * DOM-free: runs in the CLI, the workers and the page alike.
 */

/** English cardinal rules: `one` for 1, `other` for every other count (0, 2, 1.5…). */
const rules = new Intl.PluralRules('en');

/** `one` when English uses the singular for `n`, else `other` (by default `one` + "s"). */
export function plural(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === 'one' ? one : other;
}

/** `n` and then the form of the word it takes: `counted(3, 'text')` is "3 texts". */
export function counted(n: number, one: string, other = `${one}s`): string {
  return `${n} ${plural(n, one, other)}`;
}
