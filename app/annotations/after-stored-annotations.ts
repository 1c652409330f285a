/**
 * `afterStoredAnnotations()`: settles once the stored annotations are open
 * (read, checked and anchored: `loadAnnotationRuntime`) and the page has
 * then been idle (`whenIdle`, at the latest `IDLE_TIMEOUT_MS` later) — or
 * at the reader's first key press or pointer press, whichever comes first.
 *
 * What it is for: start-up work that the first reading does not need — the
 * compare engine and its curated set, the library, the stored citation
 * style, the update checker — waits for it, so it does not take the main
 * thread from the annotations while they open. The whole load is main-thread
 * work on a two-core machine: with 10,000 stored annotations, those loads
 * ran in the middle of it, and the reader was ready (bench/annotations-sidebar.ts)
 * later by what they cost (bench/ab-annotations-load.ts: faster in 8 of 8
 * pairs). With few or none stored, the annotations open as soon as their
 * chunk has loaded, and the rest follows at the next idle moment.
 *
 * A reader who acts first (a click, a key) gets everything at once, as
 * before: what they ask for may need one of those parts.
 *
 * What it is not for: anything the reader asked for — those paths load what
 * they need themselves.
 */
import { whenIdle } from '../views/when-idle.ts';

/** The longest wait for an idle moment once the annotations are open, in ms. */
const IDLE_TIMEOUT_MS = 1000;

let signalOpened: () => void = () => undefined;
/** Settles when `storedAnnotationsOpened` is called. */
const opened = new Promise<void>((resolve) => {
  signalOpened = resolve;
});

/**
 * Called by `loadAnnotationRuntime` (use-annotations.ts) once the stored
 * annotations are open, or failed to open (that is reported where the
 * runtime is awaited). The call goes this way, not the gate awaiting the
 * runtime itself, so this module imports nothing of the annotations: it is
 * imported by modules that lazy chunks import too (use-citations.ts), and an
 * import of the runtime's loader from here made the bundler split small
 * shared chunks off the entry (three more requests before the app runs).
 */
export function storedAnnotationsOpened(): void {
  signalOpened();
}

let settled: Promise<void> | null = null;

/** See the module comment. One promise per page. */
export function afterStoredAnnotations(): Promise<void> {
  settled ??= new Promise<void>((resolve) => {
    const events = ['pointerdown', 'keydown'] as const;
    const done = (): void => {
      for (const type of events) window.removeEventListener(type, done, true);
      resolve();
    };
    for (const type of events) window.addEventListener(type, done, true);
    void opened.then(() => whenIdle(done, IDLE_TIMEOUT_MS));
  });
  return settled;
}
