/**
 * Where a string's Cyrillic and Hangul runs are, and their language (`ru`,
 * `ko`): the rule the pipeline's `languageRuns` plugin applies to the texts,
 * and the reader to an edition's text shown outside its panes
 * (`app/views/language-text.tsx`). A run spans the script's words and the
 * spaces, digits and punctuation between them, so "Толарая Г.Д.
 * Международные…" is one run, not one per word.
 *
 * Assumption worth naming: Cyrillic is tagged Russian. Both sources cite only
 * Russian-language works; a Ukrainian or Bulgarian title would be mistagged.
 */
import type { RunLanguage } from './edition.ts';

const RUN =
  /(\p{Script=Cyrillic}+(?:[\s\p{P}\d]+\p{Script=Cyrillic}+)*\.?)|(\p{Script=Hangul}+(?:[\s\p{P}\d]+\p{Script=Hangul}+)*\.?)/gu;

/** Splits `value` into runs; `lang` is set on Cyrillic and Hangul runs. */
export function splitLanguageRuns(value: string): Array<{ value: string; lang?: RunLanguage }> {
  const out: Array<{ value: string; lang?: RunLanguage }> = [];
  let last = 0;
  for (const m of value.matchAll(RUN)) {
    if (m.index > last) out.push({ value: value.slice(last, m.index) });
    out.push({ value: m[0], lang: m[1] !== undefined ? 'ru' : 'ko' });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ value: value.slice(last) });
  return out;
}
