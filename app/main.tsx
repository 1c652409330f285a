/**
 * Browser entry: hydrates the prerendered reader (see
 * `build/editions-plugin.ts`, which also arranges for this module to run
 * only after the prerendered text has painted), or renders it if the page
 * came without prerendered markup (e.g. a dev server whose prerender failed).
 */
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import packedEditions from 'virtual:diptych-editions';
import { unpackEditions } from './data/packed-editions.ts';
import { loadAnnotationRuntime } from './annotations/use-annotations.ts';
import { deferredStylesLoaded } from './deferred-styles.ts';
import { Root } from './root.tsx';
import './styles.css';
import './selection/selection.css';
import './annotations/annotations.css';
import './citations/citations.css';
import './sync-panel/sync-panel.css';
import './library/library.css';

const editions = unpackEditions(packedEditions);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The stored annotations start loading now, not after hydration: their store is read (the app's
// own save in short slices, anything else validated in a worker: annotations/read-stored-set.ts)
// and anchored in the editions about to be shown, while this thread hydrates.
loadAnnotationRuntime(editions).catch(() => {
  // Reported where it is awaited (use-annotations.ts).
});
/** Ends the first paint's containment and hydrates (or renders) the reader. */
function start(root: HTMLElement): void {
  // The first paint is over: end its containment (PRERENDERED_ATTRIBUTE in build/editions-plugin.ts)
  // before hydrating, so that effects which measure or scroll (deep links, pane sync) see real heights.
  document.documentElement.removeAttribute('data-prerendered');
  // Hydration in a transition is done in slices, yielding to the browser between them (React
  // hydrates a blocking-priority root in one task: 200–600 ms for the two texts, a frozen page).
  // The prerendered text is on screen meanwhile; events on it wait for its slice to hydrate.
  if (root.firstElementChild)
    startTransition(() => {
      hydrateRoot(root, <Root editions={editions} />);
    });
  else createRoot(root).render(<Root editions={editions} />);
}

// The page inlined only its first paint's rules (build/critical-css.ts); the whole stylesheet,
// requested with this module, is in before anything the app renders can need it. (A `.then`,
// not a top-level await: with one, the bundler split the entry into some thirty small chunks.)
void deferredStylesLoaded().then(() => start(container));
