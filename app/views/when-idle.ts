/**
 * `whenIdle(f, timeout)`: runs `f` when the page is idle — for work that
 * prepares something the reader may ask for next (a lazy chunk, a citation
 * engine) without competing with what they are doing now. Returns a cancel,
 * so an effect can return it as its cleanup.
 */

/** Runs `f` in idle time (at the latest after `timeout` ms; soon where there is no `requestIdleCallback`). */
export function whenIdle(f: () => void, timeout = 5000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(f, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(f, 1000);
  return () => window.clearTimeout(handle);
}
