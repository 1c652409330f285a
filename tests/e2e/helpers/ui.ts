/**
 * The browser tests' vocabulary (after Excalidraw's tests/helpers/ui.ts):
 * open the reader at an address, find a pane, a paragraph, a footnote
 * marker, press keys, search, audit with axe, take screenshots. Later tests
 * (annotations, citations, comparisons) should extend this file rather than
 * reach for raw selectors.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { waitForBuildResult, type BuildResult } from './app-build.ts';
import { connectChromium, type ContextOptions } from './chromium.ts';

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Viewports the tests use. */
export const VIEWPORTS = {
  wide: { width: 1400, height: 900 },
  narrow: { width: 420, height: 860 },
} as const;

/**
 * Resizes the page and waits until its resize handlers have run: the browser fires `resize` in
 * the frame after the new size, and until then what measures the layout on a resize (the
 * header's fold, `views/use-header-fold.ts`) still holds the old width's answer.
 */
export async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * A tool of the header (Swap, Site navigation, Aligned, Scroll both, Keyboard shortcuts, Compare,
 * Timeline, Annotations, Bibliography, Sync, Add a text…, Library), by its accessible name
 * (a string matches exactly). Below 700 px the tools are behind **Tools**, and from 700 px the
 * Reader toolbar's where the header would otherwise take three lines
 * (app/views/header-tools.tsx): when the tool is not in sight, this opens Tools first, as a
 * reader does, so the tool can be clicked.
 */
export async function headerTool(page: Page, name: string | RegExp): Promise<Locator> {
  const tool = page
    .locator('.banner')
    .getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
  const tools = page.locator('.banner .tools-button');
  if (
    (await tool.count()) === 0 &&
    (await tools.isVisible()) &&
    (await tools.getAttribute('aria-expanded')) !== 'true'
  )
    await tools.click();
  return tool;
}

/** A reader page and the words to drive it. */
export interface Reader {
  readonly page: Page;
  /** Loads the app afresh (optionally at `#address`) and waits until it is interactive. */
  openApp(address?: string): Promise<void>;
  /** Follows a hash link inside the running app (a same-document navigation). */
  goToAddress(address: string): Promise<void>;
  /**
   * Follows a hash link to a passage in the running app and waits until it is the current
   * location: how a test moves on in a page it shares with the tests before it, without a load.
   */
  goTo(address: string): Promise<void>;
  /** The pane currently showing `source`. */
  paneOf(source: string): Locator;
  /** The element carrying `data-address="<address>"` (paragraph, sentence or footnote). */
  paragraph(address: string): Locator;
  /** Elements marked `aria-current="location"`. */
  current(): Locator;
  /** The footnote marker button for a footnote address (first citing place). */
  footnoteMarker(footnoteAddress: string): Locator;
  /** The popover of a footnote (a group labelled "Footnote n"). */
  footnotePopover(n: number): Locator;
  /** Presses a key on whatever has focus. */
  pressKey(key: string): Promise<void>;
  /** Focuses the search box with `/` and types a query. */
  search(query: string): Promise<void>;
  /** The search input. */
  searchBox(): Locator;
  /** Search result options. */
  searchHits(): Locator;
  /** The notice line. */
  notice(): Locator;
  /** Resizes the viewport. */
  setViewport(kind: keyof typeof VIEWPORTS): Promise<void>;
  /** Saves a screenshot under tests/e2e/screenshots/<name>.png; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Runs axe-core on the page; returns violations of the given impacts. */
  axeViolations(impacts?: readonly string[]): Promise<AxeViolation[]>;
  /**
   * Leaves the app (for about:blank, so it cannot write again as it closes) and clears all
   * that the reader's origin stores — local storage, IndexedDB, Cache Storage, service
   * workers, cookies — as a fresh context starts. What stays is what a fresh context would
   * have to fetch and compile again: the HTTP cache (with V8's code cache) and the granted
   * permissions. Then `openApp` loads the app as a new reader meets it.
   */
  clearStorage(): Promise<void>;
  /** Closes the page's browser context. */
  close(): Promise<void>;
}

/** What we keep of an axe violation (enough to read the failure). */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * The text of a finished download, read through Playwright: the browser is
 * the run's shared one (connected, not launched), so the file has no local
 * path to read.
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** This worker's Chromium (global-setup.ts launches one per worker; vitest numbers workers from 1). */
export function workerBrowserEndpoint(): string {
  const endpoints = inject('browserEndpoints');
  const worker = Number(process.env['VITEST_POOL_ID'] ?? '1');
  return endpoints[(Math.max(1, worker) - 1) % endpoints.length]!;
}

let built: Promise<BuildResult> | undefined;

/**
 * Waits until the run's build of the app is done (global-setup.ts starts it in the
 * background) and returns its result; throws if it failed, so every browser test says why.
 * Every browser test file waits for it in its first hook (wait-for-build.ts).
 */
export async function appBuilt(): Promise<BuildResult> {
  built ??= waitForBuildResult(inject('buildResultFile'));
  const result = await built;
  if (!result.ok) throw new Error(`The app's production build failed:\n${result.error ?? ''}`);
  return result;
}

/** Options of `startReader`. */
export interface ReaderOptions extends ContextOptions {
  /** Where the reader is served (default: the run's static server; a sync server serves it too). */
  readonly url?: string;
}

/** Opens a fresh context of this worker's Chromium (empty storage) and one page on the served build. */
export async function startReader(
  viewport: keyof typeof VIEWPORTS = 'wide',
  options: ReaderOptions = {},
): Promise<Reader> {
  const baseUrl = options.url ?? inject('baseUrl');
  const launched = await connectChromium(workerBrowserEndpoint(), options);
  const page = await launched.context.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  const reader: Reader = {
    page,
    async openApp(address) {
      await page.goto('about:blank');
      errors.length = 0;
      await page.goto(address ? `${baseUrl}#${address}` : baseUrl);
      await page.waitForSelector('html[data-reader-ready]');
      if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    },
    async goToAddress(address) {
      await page.evaluate((a) => {
        window.location.hash = a;
      }, address);
    },
    async goTo(address) {
      await reader.goToAddress(address);
      await expect
        .poll(() =>
          reader
            .current()
            .evaluateAll((marked) => marked.map((el) => el.getAttribute('data-address'))),
        )
        .toContain(address);
    },
    async clearStorage() {
      await page.goto('about:blank');
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Storage.clearDataForOrigin', {
          origin: new URL(baseUrl).origin,
          storageTypes: 'all',
        });
      } finally {
        await cdp.detach();
      }
    },
    paneOf: (source) => page.locator(`.pane[data-source="${source}"]`),
    paragraph: (address) => page.locator(`[data-address="${address}"]`),
    current: () => page.locator('[aria-current="location"]'),
    footnoteMarker: (address) => page.locator(`.fn-marker[data-footnote="${address}"]`).first(),
    footnotePopover: (n) => page.getByRole('group', { name: `Footnote ${n}`, exact: true }),
    pressKey: (key) => page.keyboard.press(key),
    async search(query) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('/');
      await page.keyboard.type(query);
    },
    searchBox: () => page.getByRole('combobox', { name: 'Search all texts' }),
    searchHits: () => page.locator('.search-results [role="option"]'),
    // Not the header's count of changes waiting to sync, a status too (sync-button.tsx).
    notice: () =>
      page
        .getByRole('status')
        .filter({ hasText: /\S/ })
        .and(page.locator(':not(.sync-waiting)'))
        .first(),
    setViewport: (kind) => page.setViewportSize(VIEWPORTS[kind]),
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async axeViolations(impacts = ['serious', 'critical']) {
      axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does
      // not govern (a <script> tag, as addScriptTag adds, is refused by it).
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async (wanted) => {
        interface AxeRule {
          id: string;
          impact?: string;
          enabled: boolean;
        }
        const axe = (
          window as unknown as {
            axe: {
              _audit: { rules: AxeRule[] };
              run: (
                ctx: Document,
                options: { resultTypes: string[]; runOnly: { type: 'rule'; values: string[] } },
              ) => Promise<{ violations: unknown[] }>;
            };
          }
        ).axe;
        // Only the rules that can report one of the wanted impacts: a rule that declares its
        // impact reports every violation with exactly that impact (axe's finalizeRuleResult), so
        // the moderate and minor rules (landmarks, region, headings…) could never add to the
        // result, and each one walks the whole page (about 1,460 elements). Rules off by
        // default stay off. Only violations are read: the passes are not collected either.
        const rules = axe._audit.rules
          .filter((rule) => rule.enabled && (!rule.impact || wanted.includes(rule.impact)))
          .map((rule) => rule.id);
        const result = await axe.run(document, {
          resultTypes: ['violations'],
          runOnly: { type: 'rule', values: rules },
        });
        return result.violations as {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: string[] }[];
        }[];
      }, impacts);
      return violations
        .filter((v) => impacts.includes(v.impact ?? ''))
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        }));
    },
    close: launched.close,
  };
  return reader;
}

/** The text of a passage element without what is marked `data-anchor-ignore` (for `locator.evaluate`). */
export function passageTextOf(el: Element): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out += (n as Text).data;
    else if (!(n as Element).hasAttribute?.('data-anchor-ignore')) n.childNodes.forEach(walk);
  };
  walk(el);
  return out;
}
