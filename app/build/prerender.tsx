/**
 * Build-time only (Node): parses the built-in editions and renders the reader
 * to HTML for `index.html`. Loaded by `editions-plugin.ts` through `tsx`; the
 * browser never imports this module (it reads the file system through
 * `sources/builtin.ts`).
 *
 * The markup must equal the client's first render exactly, or hydration
 * throws it away: the client's first render therefore ignores the URL hash
 * and applies it in an effect (see `app/hooks/use-hash-location.ts`).
 */
import { renderToString } from 'react-dom/server';
import { loadCuratedComparisons } from '../../annotations/comparisons/load-curated.ts';
import type { Annotation } from '../../annotations/model/annotation.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import type { Edition } from '../../sources/edition.ts';
import { Root } from '../root.tsx';

/**
 * The editions, the reader rendered over them, and the curated comparisons
 * read through the importer against them (the app ships the result:
 * `virtual:diptych-curated`, see `editions-plugin.ts`).
 */
export function prerenderReader(): {
  editions: readonly Edition[];
  html: string;
  curated: readonly Annotation[];
} {
  const editions = builtinEditions();
  return {
    editions,
    html: renderToString(<Root editions={editions} />),
    curated: loadCuratedComparisons(editions),
  };
}
