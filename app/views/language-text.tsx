/**
 * An edition's text shown outside its pane (a quote in the Cite panel, an
 * annotation card, a search snippet, a comparison, a related passage), with
 * its Korean and Russian runs marked `lang` as the panes mark them
 * (`splitLanguageRuns`, the pipeline's own rule). The web fonts for those
 * scripts are named for `:lang(ko)` and `:lang(ru)` only (styles.css; first
 * in every stack they slowed the first paint), so unmarked text had none of
 * them: the Cite panel showed footnote 4's Korean as empty boxes on a machine
 * without a Korean font, and a screen reader read it with an English voice.
 */
import { Fragment, type ReactNode } from 'react';
import { splitLanguageRuns } from '../../sources/split-language-runs.ts';

/** `text` as React text, its Cyrillic and Hangul runs in `<span lang>`. Never HTML. */
export function LanguageText({ text }: { readonly text: string }): ReactNode {
  const runs = splitLanguageRuns(text);
  if (runs.every((run) => run.lang === undefined)) return text;
  return runs.map((run, i) =>
    run.lang ? (
      <span key={i} lang={run.lang}>
        {run.value}
      </span>
    ) : (
      <Fragment key={i}>{run.value}</Fragment>
    ),
  );
}
