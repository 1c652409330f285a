/**
 * `node-fetch` for the browser build: the browser's own `fetch` and
 * `Headers`. `@citation-js/core` (the citation export) imports `node-fetch`
 * unconditionally but uses the global `fetch` whenever it runs in a browser;
 * aliasing it here (vite.config.ts, build only) keeps node-fetch, fetch-blob
 * and their `node:*` imports out of the browser bundle, and the build quiet.
 * The export never fetches anything: it formats local records.
 */
const browserFetch: typeof fetch = (...args) => globalThis.fetch(...args);

export default browserFetch;
/** The browser's `Headers`. */
export const Headers = globalThis.Headers;
