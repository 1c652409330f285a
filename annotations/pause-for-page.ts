/**
 * `pauseForPage()`: lets the browser run other tasks (input, rendering, a
 * worker's replies) before long work goes on. `scheduler.yield()` where there
 * is one — it resumes ahead of other queued work; otherwise `setTimeout`,
 * which browsers clamp to 4 ms once nested. No DOM: usable in `annotations/`.
 */
export const pauseForPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};
