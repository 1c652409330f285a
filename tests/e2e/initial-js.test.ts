// The reader's initial JavaScript (issue 15: 120 KB gzipped) holds only what the reader needs
// before their first interaction. The selection toolbar (with the selection tracking, the copy
// handler and the DOM bridge), the annotations' highlight painter and the library's add and
// replace commands are chunks of their own, loaded after the reader is ready; they were 3.3 KB
// of the budget, which was 0.35 KB from full. And a lazily loaded toolbar behaves as the one
// that came with the page: a selection made before its chunk arrived gets its toolbar when it does.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { initialScripts, withStaticImports } from '../../bench/reader.ts';
import { selectInPassage, selectionToolbar } from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

/** Every script that loads before the app runs (bench/reader.ts counts the same), as text. */
function initialJavaScript(): { readonly code: string; readonly gzipped: number } {
  const dist = inject('distDir');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = withStaticImports(dist, initialScripts(html)).map((src) =>
    readFileSync(path.join(dist, src)),
  );
  return {
    code: files.map((f) => f.toString('utf8')).join('\n'),
    gzipped: files.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0),
  };
}

describe('the initial JavaScript', () => {
  it('is within the 120 KB budget, gzipped', () => {
    expect(initialJavaScript().gzipped).toBeLessThanOrEqual(120 * 1024);
  });

  // One string each module alone has (property names and messages survive minification).
  it.each([
    ['the selection toolbar', 'This selection runs into the other text'],
    ['the highlight painter and the DOM bridge', 'staticRangesCovering'],
    ['the library’s add and replace commands', 'is already in your library.'],
  ])('leaves out %s', (_what, marker) => {
    expect(initialJavaScript().code).not.toContain(marker);
  });
});

describe('the selection toolbar, a chunk of its own', () => {
  let reader: Reader;
  beforeAll(async () => {
    reader = await startReader('wide');
  });
  afterAll(async () => {
    await reader?.close();
  });

  it('shows for a selection made before its chunk arrived, once it does', async () => {
    // A build that has the toolbar in its entry has no such chunk to hold back.
    const assets = readdirSync(path.join(inject('distDir'), 'assets'));
    expect(assets.filter((f) => /^selection-toolbar-[^/]*\.js$/.test(f))).toHaveLength(1);
    const chunk = /\/assets\/selection-toolbar-[^/]*\.js$/;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let requested!: () => void;
    const held = new Promise<void>((resolve) => (requested = resolve));
    await reader.page.route(chunk, async (route) => {
      requested();
      await released;
      await route.continue();
    });
    try {
      await reader.openApp();
      // The reader is ready without it: the chunk is asked for once the reader is interactive.
      await held;
      await selectInPassage(reader.page, 'lankov-2007:2', 0, 40);
      // A frame for the selection to be read, had anything been there to read it.
      await reader.page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      expect(await selectionToolbar(reader.page).count()).toBe(0);
      release();
      await selectionToolbar(reader.page).waitFor();
      expect(
        await selectionToolbar(reader.page)
          .getByRole('button', { name: 'Highlight', exact: true })
          .isVisible(),
      ).toBe(true);
    } finally {
      release();
      await reader.page.unroute(chunk);
    }
  });
});
