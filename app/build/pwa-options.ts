/**
 * The reader as an installable, offline app (issue 13, "Offline, truly"):
 * the options of vite-plugin-pwa, which writes the web app manifest and,
 * with Workbox's `generateSW`, a service worker (`sw.js`) that precaches
 * every file of the build — the app shell (`index.html`, with the editions
 * and the prerendered text), every lazy chunk (search, citations and their
 * CSL styles and locales, the curated comparisons, the workers, the word
 * vectors…), the fonts and the icons — so that once loaded, the reader
 * works with no network, reload included.
 *
 * Why these choices:
 * - `registerType: 'prompt'`: a new version is offered, never forced
 *   mid-reading. The new worker waits until the reader chooses **Reload**
 *   (`app/update/`), or until every tab of the old version is closed.
 * - `clientsClaim`: on the first visit the new worker takes the open page
 *   at once (there is no older version to clash with), so a lazy chunk asked
 *   for after the network went away still comes from the cache. On an update
 *   it only takes the pages once the reader has accepted it.
 * - No runtime caching and `/couch/` kept out of the navigation fallback:
 *   the sync API (same origin under `diptych serve`) always goes to the
 *   network; PouchDB handles being offline itself (`annotations/replica/`).
 * - `injectRegister: false`: the page registers the worker from its own
 *   lazily loaded module (`app/update/register-service-worker.ts`), not from
 *   an inline script the Content-Security-Policy would have to allow.
 * - The development server gets no worker (`devOptions.enabled: false`, the
 *   plugin's register module is then a no-op), so nothing caches a stale app
 *   while developing.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** The colour of the browser's UI around the installed app (the reader's ink). */
export const THEME_COLOR = '#1d1d1f';
/** The page behind the app while it starts (the reader's paper). */
export const BACKGROUND_COLOR = '#fffdf8';

/** The PNG icons, rendered from `icons/icon.svg` by `scripts/make-icons.ts`. */
export const PNG_ICONS = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'apple-touch-icon.png', size: 180 },
] as const;

/**
 * Paths the service worker never answers for, even for a navigation: the
 * CouchDB API `diptych serve` puts beside the reader. (Requests that are not
 * navigations are answered only when they are in the precache.)
 */
export const NETWORK_ONLY_PATHS: readonly RegExp[] = [/^\/couch(\/|$)/];

/**
 * The `Cache-Control` a host should send with a file of the built reader
 * (`diptych serve` does; README, "Offline and installable"): Vite's hashed
 * files under `assets/` never change, so they may be kept for a year;
 * everything else — `index.html`, `sw.js`, the manifest, the icons — keeps
 * its name across versions and must be checked each time, or a browser
 * would keep offering yesterday's app (and never see the new `sw.js`).
 */
export function cacheControlFor(relativePath: string): string {
  return /^\/?assets\//.test(relativePath.replace(/\\/g, '/'))
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/**
 * The largest file precached: above Workbox's 2 MiB default, so that every chunk is offline
 * (the largest is about 400 kB). A larger file fails the build (vite-plugin-pwa throws) rather
 * than silently leaving it out; tests/e2e/offline.test.ts checks every built file is cached.
 */
const MAX_PRECACHED_BYTES = 8 * 1024 * 1024;

/** vite-plugin-pwa's options for the reader's build. */
export function pwaOptions(): Partial<VitePWAOptions> {
  return {
    registerType: 'prompt',
    injectRegister: false,
    strategies: 'generateSW',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: true,
    manifest: {
      id: './',
      name: 'Diptych',
      short_name: 'Diptych',
      description:
        'Two texts side by side for close reading: footnotes, annotations, comparisons and citations.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      icons: [
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        // The drawing keeps its leaves inside the central 80% safe zone, so it also serves masked.
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    includeAssets: ['icons/apple-touch-icon.png'],
    workbox: {
      globPatterns: ['**/*.{html,js,css,woff2,json}'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHED_BYTES,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [...NETWORK_ONLY_PATHS],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      runtimeCaching: [],
      // Built into sw.js rather than a second workbox-*.js file: one file to fetch and to check.
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
    devOptions: { enabled: false },
  };
}
