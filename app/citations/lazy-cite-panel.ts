/**
 * The Cite panel as a lazy chunk that can be preloaded: loaded ahead of use
 * in idle time (`use-citations.ts`), so that the first Cite after an idle
 * page neither waits for the chunk nor suspends (a suspended first render
 * costs React 19's 300 ms fallback throttle; `lazy-with-preload.ts`); loaded
 * on first open otherwise. Kept out of the initial bundle (`bench/reader.ts`).
 */
import { lazyWithPreload } from '../views/lazy-with-preload.ts';

/** The Cite panel (`cite-panel.tsx`), loaded on demand; `LazyCitePanel.preload()` fetches it. */
export const LazyCitePanel = lazyWithPreload(() =>
  import('./cite-panel.tsx').then((m) => m.CitePanel),
);
