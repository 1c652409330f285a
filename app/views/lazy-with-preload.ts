/**
 * `lazyWithPreload(load)`: a component whose code is a lazy chunk, like
 * `React.lazy`, plus `preload()` to fetch the chunk ahead of use (in idle
 * time); once the chunk is in, the component renders at once instead of
 * suspending.
 *
 * Why not `React.lazy` alone: a lazy component suspends on its first render
 * even when its chunk has already arrived (its promise settles only on a
 * later microtask), and React 19 then holds the content back until 300 ms
 * after the Suspense fallback was shown (its fallback throttle). That was
 * most of the time from a click on Cite to the panel (365 of 421 ms,
 * `bench/cite-first.ts`). A preloaded component here never suspends.
 *
 * The choice between the loaded component and the lazy one is made once per
 * mount, so a component that mounted while its chunk was loading keeps its
 * state when the chunk arrives. The package `react-lazy-with-preload` does
 * the same in as many lines; not worth a dependency.
 */
import {
  createElement,
  lazy,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';

/** A lazily loaded component that can be preloaded. */
export interface PreloadableComponent<P extends object> {
  (props: P): ReactNode;
  /** Fetches the chunk (once; a failed fetch is tried again on the next call or render). */
  preload(): Promise<void>;
}

/** Wraps `load` (a dynamic `import()` of the component's module) as a preloadable lazy component. */
export function lazyWithPreload<P extends object>(
  load: () => Promise<ComponentType<P>>,
): PreloadableComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const get = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => get().then((component) => ({ default: component })));

  function Preloadable(props: P): ReactNode {
    // Fixed for this mount: switching types would remount the component and lose its state.
    const [Component] = useState<ComponentType<P> | LazyExoticComponent<ComponentType<P>>>(
      () => loaded ?? Lazy,
    );
    return createElement(Component as ComponentType<P>, props);
  }
  Preloadable.preload = (): Promise<void> => get().then(() => undefined);
  return Preloadable;
}
