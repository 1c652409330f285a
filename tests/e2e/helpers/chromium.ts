/**
 * Finding and launching Debian's Chromium for the browser tests and the
 * bench. Shared by `global-setup.ts` (which finds or installs it once) and
 * by every test file (which launches it).
 *
 * Never skips: without a browser the e2e project fails with a message that
 * says how to install one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where we look, in order, after `CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags for headless Chromium in a container (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
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

/** A browser with a fresh profile directory, removed on close. */
export interface LaunchedBrowser {
  /** The (persistent) context in the fresh profile. */
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/** Launches Chromium with the project's flags and a fresh, temporary user-data-dir. */
export async function launchChromium(executablePath: string): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'diptych-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
