/**
 * Vite plugin for the development server only: answers `/sw.js` with a
 * service worker that removes itself.
 *
 * Why: `npm start` (the built reader, with its caching service worker) and
 * `npm run dev` both serve on localhost:5173. A browser that opened the
 * built reader there keeps its worker, which would go on answering the
 * development server's page from its cache — the old build, not the code
 * being edited. The development server registers no worker
 * (app/build/pwa-options.ts), but the browser still checks the old one's
 * script on every visit: finding this one instead, it installs it, and this
 * worker drops the precache, unregisters and reloads the open pages, which
 * then come from the development server.
 */
import type { Plugin } from 'vite';

/** The worker served in place of the build's `sw.js`. */
export const RESET_WORKER = `// Diptych development server: this worker removes the built reader's (app/build/dev-service-worker-reset.ts).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('workbox-')) await caches.delete(name);
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
`;

/** The plugin; add it to `plugins` in vite.config.ts. */
export function devServiceWorkerReset(): Plugin {
  return {
    name: 'diptych-dev-service-worker-reset',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (new URL(req.url ?? '/', 'http://x').pathname !== '/sw.js') return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(RESET_WORKER);
      });
    },
  };
}
