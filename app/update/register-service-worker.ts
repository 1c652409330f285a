/**
 * Registers the reader's service worker (app/build/pwa-options.ts) through
 * vite-plugin-pwa's `virtual:pwa-register` (Workbox's `workbox-window`
 * underneath) and returns the update store. A lazily loaded chunk: nothing of
 * it is in the initial bundle, and no inline script is needed (the
 * Content-Security-Policy allows none). In the development server the
 * virtual module is the plugin's no-op, so no worker is registered there.
 */
import { registerSW } from 'virtual:pwa-register';
import { createAppUpdate, type AppUpdate } from './app-update.ts';

/** The page's one update store. */
export function registerServiceWorker(): AppUpdate {
  return createAppUpdate(registerSW, {
    reload: () => window.location.reload(),
    warn: (message, error) => console.warn(message, error),
    every(ms, run) {
      const timer = window.setInterval(run, ms);
      return () => window.clearInterval(timer);
    },
    online: () => navigator.onLine,
  });
}
