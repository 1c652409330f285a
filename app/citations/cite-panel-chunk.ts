/**
 * The Cite panel's chunk, loaded on demand: by the panel's `lazy()` when it
 * first opens, and ahead of that in idle time (`use-citations.ts`), so that
 * the first Cite after an idle page does not wait for the chunk (about 300
 * ms of the first citation on the bench before this, `bench/cite-first.ts`).
 * The module loader keeps one copy, so both callers share the download.
 */
export function loadCitePanel(): Promise<typeof import('./cite-panel.tsx')> {
  return import('./cite-panel.tsx');
}
