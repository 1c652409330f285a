/**
 * Finding and launching Debian's Chromium for the browser tests and the
 * bench. `global-setup.ts` finds (or installs) it and launches it once per
 * run; every test file connects to that browser for a context of its own.
 *
 * Never skips: without a browser the e2e project fails with a message that
 * says how to install one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { WELCOME_KEY } from '../../../app/views/welcome-pref.ts';
import { scaled } from '../../slowdown.ts';

/** Where we look, in order, after `CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Browser features turned off, on top of Playwright's own. Chromium 156's
 * headless mode opens a window for every new browser context, and with it a
 * renderer of its own for the WebUI omnibox popup (chrome://omnibox-popup),
 * which loads and runs its scripts whether or not anything is typed: about
 * 1 s of CPU per context, measured by reading that renderer's /proc stat
 * (3 contexts in a row, load 13-18). On two cores it ran beside each test
 * file's page loads and each of the first-paint bench's cold loads (seen in
 * bench/trace-first-paint.ts traces as a "WebUI Top Renderer" process).
 * The three features together stop it; any one alone only halves it.
 */
export const EXTRA_DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
] as const;

/**
 * Playwright's `--disable-features` list (PaintHolding, HttpsUpgrades…) with
 * {@link EXTRA_DISABLED_FEATURES}. One list, because Chromium keeps only the
 * last `--disable-features` it is given and Playwright puts its own before
 * the caller's: a second flag would silently switch Playwright's back on.
 * Playwright does not export the list, so it is read from its bundle; if that
 * ever fails, this throws rather than drop Playwright's features.
 */
export function disabledFeatures(): string[] {
  const bundle = readFileSync(
    createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'),
    'utf8',
  );
  const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  const own = list
    ?.replace(/\/\/[^\n]*/g, '')
    .match(/"([A-Za-z0-9]+)"/g)
    ?.map((q) => q.slice(1, -1));
  if (!own?.includes('PaintHolding'))
    throw new Error(
      "tests/e2e/helpers/chromium.ts: could not read Playwright's --disable-features list from playwright-core/lib/coreBundle.js (did its layout change?)",
    );
  return [...new Set([...own, ...EXTRA_DISABLED_FEATURES])];
}

/**
 * Flags for headless Chromium in a container: no sandbox (containers run as
 * root without user namespaces), no GPU, and nothing that talks to the
 * network behind the tests' back (QUIC, background networking, component
 * updates, sync), and no WebUI omnibox popup per context (above).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${disabledFeatures().join(',')}`,
];

/** The first Chromium executable found, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Finds Chromium; as root, installs Debian's package if it is missing; else
 * throws a loud error (the browser tests must not be skipped silently).
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.warn('[e2e] Chromium not found; installing Debian’s chromium package (apt-get)…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      '',
      '==================================================================',
      ' BROWSER TESTS CANNOT RUN: no Chromium found.',
      ` Looked at $CHROMIUM_PATH and ${CHROMIUM_CANDIDATES.join(', ')}.`,
      ' Install it (Debian: sudo apt-get install chromium) or set',
      ' CHROMIUM_PATH to a Chromium executable, then run npm test again.',
      '==================================================================',
    ].join('\n'),
  );
}

/** Launches a headless Chromium of its own (the bench: one per section), with a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

/** A running Chromium that test files connect to (see `connectChromium`). */
export interface ChromiumServer {
  /** The WebSocket endpoint (on 127.0.0.1) to pass to `connectChromium`. */
  readonly wsEndpoint: string;
  readonly close: () => Promise<void>;
}

/**
 * Launches one Chromium for a whole test run, with the project's flags.
 * Playwright gives the browser a fresh temporary `--user-data-dir` and
 * removes it on close; the endpoint listens on loopback only.
 *
 * Why one browser for the run: launching Chromium cost every e2e file a few
 * seconds on an idle machine and tens of seconds at load 10. Files stay
 * isolated: each gets its own browser context (its own storage, cookies
 * and permissions), as a fresh profile would give it.
 */
export async function launchChromiumServer(executablePath: string): Promise<ChromiumServer> {
  const server = await chromium.launchServer({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    host: '127.0.0.1',
  });
  return { wsEndpoint: server.wsEndpoint(), close: () => server.close() };
}

/** A browser context of its own in the shared Chromium. */
export interface ConnectedBrowser {
  /** A fresh context: empty storage, no permissions granted, no pages open. */
  readonly context: BrowserContext;
  /** Closes the context and disconnects (the shared browser keeps running). */
  readonly close: () => Promise<void>;
}

/** Options of `connectChromium`. */
export interface ContextOptions {
  /**
   * Whether the reader may register its service worker (app/build/pwa-options.ts). Blocked
   * unless a test is about it (tests/e2e/offline.test.ts, content-security-policy.test.ts):
   * a page the worker controls is answered from its cache, out of reach of `page.route`
   * (which tests use to hold back or fail a request), and installing it downloads the whole
   * build into every context, for nothing.
   */
  readonly serviceWorkers?: 'allow' | 'block';
  /**
   * Whether the reader builds its citation style's engine ahead of the first Cite
   * (app/citations/when-citing-likely.ts). Off unless a test cites (tests/e2e/citations.test.ts):
   * the warm-up fires in any page left still for 3 s or pointed at a paragraph's tools, and
   * each one costs 1.5-1.8 CPU-s of the worker's build, a tenth of the suite's CPU on two
   * cores, for an engine most tests never use. A test that cites without it waits for the
   * build on its first Cite, as a reader who cites at once does.
   */
  readonly citeWarmup?: 'on' | 'off';
  /**
   * Whether the reader's first-run welcome (app/views/welcome-card.tsx) may show. Dismissed
   * unless a test is about it (tests/e2e/welcome.test.ts), by storing the preference a reader's
   * **Start reading** stores (WELCOME_KEY) before each page of the context loads, where nothing
   * is stored yet: every test starts from empty storage, and the card over a corner of the
   * window would otherwise be in the way of clicks there and in every screenshot.
   */
  readonly welcome?: 'shown' | 'dismissed';
}

/** Connects to the run's Chromium (`launchChromiumServer`) and opens a fresh context. */
export async function connectChromium(
  wsEndpoint: string,
  options: ContextOptions = {},
): Promise<ConnectedBrowser> {
  const browser = await chromium.connect(wsEndpoint);
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  if ((options.citeWarmup ?? 'off') === 'off') {
    await context.addInitScript(() => {
      (globalThis as { diptychCiteWarmup?: boolean }).diptychCiteWarmup = false;
    });
  }
  if ((options.welcome ?? 'dismissed') === 'dismissed') {
    await context.addInitScript((key: string) => {
      try {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, 'dismissed');
      } catch {
        // No storage here (about:blank), or a test made it refuse: the app is left to it.
      }
    }, WELCOME_KEY);
  }
  // Playwright's 30 s default for actions and waits, scaled like every other limit.
  context.setDefaultTimeout(scaled(30_000));
  return {
    context,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}
