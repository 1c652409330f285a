/// <reference types="vitest/config" />
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { editionsPlugin } from './app/build/editions-plugin.ts';
import { SECURITY_HEADERS } from './app/build/content-security-policy.ts';
import { hangulSlicesPlugin } from './app/build/hangul-slices-plugin.ts';
import { textFontsPlugin } from './app/build/text-fonts-plugin.ts';
import { pwaOptions } from './app/build/pwa-options.ts';
import { devServiceWorkerReset } from './app/build/dev-service-worker-reset.ts';
import { buildTempDir } from './app/build/build-temp-dir.ts';
import { LongestFirstSequencer } from './tests/sequencer.ts';
import { RUN_WORKERS, SLOWDOWN, SLOWDOWN_VARIABLE, scaled } from './tests/slowdown.ts';

// One config for the app build and for the test runner. Unit tests run in Node
// (everything outside app/ is DOM-free by design); browser tests live in
// tests/e2e and drive Debian's Chromium through playwright-core against the
// production build (see tests/e2e/global-setup.ts). The editions are parsed
// at build time and the reader is prerendered into index.html
// (app/build/editions-plugin.ts).
//
// Time limits are set for an idle 2-core machine and scaled by the load the
// run starts under (tests/slowdown.ts); the workers read the same factor.
process.env[SLOWDOWN_VARIABLE] = String(SLOWDOWN);

/**
 * Workers have no `document`: `decode-named-character-reference` (used by
 * micromark, in the text-parsing worker) offers a DOM build under the
 * `browser` condition, which would fail there, and a plain one under
 * `worker`/`default`. Worker bundles get the plain one.
 */
function workerSafeModules(): Plugin {
  const plain = createRequire(import.meta.url).resolve('decode-named-character-reference');
  return {
    name: 'diptych-worker-safe-modules',
    enforce: 'pre',
    resolveId: (source) => (source === 'decode-named-character-reference' ? plain : undefined),
  };
}

export default defineConfig(({ command }) => ({
  root: 'app',
  base: './',
  // app/public: the icons, copied as they are (the manifest names them; app/build/pwa-options.ts).
  publicDir: 'public',
  // The service worker and the web app manifest (build only; app/build/pwa-options.ts says why);
  // the development server answers /sw.js with one that removes a built reader's worker.
  plugins: [
    react(),
    editionsPlugin(),
    textFontsPlugin(),
    hangulSlicesPlugin(),
    VitePWA(pwaOptions()),
    devServiceWorkerReset(),
    buildTempDir(),
  ],
  // The browser build gets the browser's fetch for node-fetch (app/build/browser-fetch.ts):
  // nothing server-side in the bundle. Node (tests, the CLI) keeps the real package.
  resolve: {
    alias:
      command === 'build'
        ? [
            {
              find: /^node-fetch$/,
              replacement: fileURLToPath(new URL('./app/build/browser-fetch.ts', import.meta.url)),
            },
          ]
        : [],
  },
  // `npm start` opens a browser only where there is a screen to show it on;
  // headless (CI, containers) it just serves and prints the URL.
  preview: {
    // What a static host should send (README, "Security headers").
    headers: { ...SECURITY_HEADERS },
    open:
      process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // A clean build prints no warning (tests/e2e/reader-ux.test.ts). Rolldown's plugin-timing
    // report is a diagnostic of how busy the machine was (the build-time prerender and font
    // subsetting are slow on a loaded 2-core box), not a defect; `npm run bench` measures speed.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: {
        // The HTML-page converter (sources/html/html-to-markdown.ts) loads only when a reader adds
        // a web page, but its libraries make one 640 kB chunk: three chunks by library instead
        // (fetched together, in parallel), so no chunk passes the 500 kB warning limit.
        codeSplitting: {
          groups: [
            { name: 'html-css', test: /node_modules[\\/]cssomnom[\\/]/ },
            {
              name: 'html-dom',
              test: /node_modules[\\/](linkedom|htmlparser2|domutils|domhandler|domelementtype|dom-serializer|css-select|css-what|nth-check|boolbase|@mozilla[\\/]readability)[\\/]/,
            },
            { name: 'html-parse5', test: /node_modules[\\/]parse5[\\/]/ },
            // React in a chunk of its own, loaded with the entry: left to the bundler, it moved in
            // and out of the entry chunk as lazy chunks came and went, each move costing the initial
            // JavaScript 0.3-0.7 KB of glue (issue 15's 120 KB budget).
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
    target: 'es2022',
    // No <link rel="modulepreload"> in index.html: the entry loads after the
    // prerendered text has painted, and the preloads competed with that first
    // paint (bench/reader.ts). Lazy chunks still get their dependencies preloaded.
    modulePreload: {
      resolveDependencies: (_file, deps, context) => (context.hostType === 'html' ? [] : deps),
    },
  },
  // Module workers, so the citation worker's styles stay one lazy chunk each
  // (an IIFE worker would inline all six; app/citations/citer-worker.ts).
  // The workers are bundles of their own: the same quiet plugin-timing check as the app's.
  worker: {
    format: 'es',
    plugins: () => [workerSafeModules()],
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    root: '.',
    // One worker more than the cores (tests/slowdown.ts says why not two): vitest's default
    // (cores − 1) is one on a two-core machine, which ran every file — unit and browser — one
    // after another.
    maxWorkers: RUN_WORKERS,
    // Long unit files while the app builds, then the browser tests longest first, then the short
    // unit files (tests/sequencer.ts): vitest's own order ran every browser test first, waiting for
    // the build, and a fresh clone's by-size order started long browser tests last.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          // Browser tests: the reader (tests/e2e/) and modules that need a real DOM (*.browser.test.ts).
          exclude: ['tests/e2e/**', 'tests/**/*.browser.test.ts', 'node_modules/**'],
          environment: 'node',
          // The unit files share their workers' module graph instead of each importing it afresh
          // in a new process: with one process per file, importing (unified, citeproc, zod, …) took
          // more than half the project's CPU time (370 → 150 CPU-seconds for the project, measured
          // on this 2-core machine), CPU the browser tests then lacked. What a file changes it puts
          // back (vi.unstubAllGlobals, saved environment variables, setExtraSources([])).
          isolate: false,
          // Property tests and citeproc engine builds are slow on a loaded 2-core machine.
          testTimeout: scaled(30_000),
          hookTimeout: scaled(30_000),
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts', 'tests/**/*.browser.test.ts'],
          // One build for the run and one Chromium per worker; files run as many at a time as
          // the run has workers (three on two cores), each in a fresh browser context. Most of
          // a browser test is waiting on the page, so they overlap well even on two cores;
          // limits are scaled by the load (tests/slowdown.ts), not tuned to a quiet machine.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // The build is made in the background; each file waits for it first (in a hook of its own).
          setupFiles: ['tests/e2e/wait-for-build.ts'],
          // As the unit files: the helpers and playwright-core imported once per worker, not per
          // file. Each file still gets its own browser context (helpers/ui.ts).
          isolate: false,
          testTimeout: scaled(60_000),
          hookTimeout: scaled(60_000),
          // The app answers within a frame or two; 5 s covers a cold lazy chunk.
          expect: { poll: { timeout: scaled(5_000) } },
        },
      },
    ],
  },
}));
