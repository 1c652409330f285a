// Issue 12, item 6: a 1 GB file is refused by its size before it is read — annotation import,
// Add a text…, workspace import — with the numbers, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate, openSidebar, sidebar, storedAnnotations } from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';
import { openLibrary } from './helpers/library-ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

/**
 * Gives the file input `selector` a 1 GB file built from one 1 MB blob repeated (so the page
 * holds 1 MB, not 1 GB), after counting every read of a blob's contents.
 */
async function chooseHugeFile(selector: string, name: string): Promise<void> {
  await reader.page.evaluate(
    ({ selector, name }) => {
      const w = window as unknown as { __reads: number };
      w.__reads = 0;
      for (const method of ['text', 'arrayBuffer', 'stream', 'bytes'] as const) {
        const proto = Blob.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
        const original = proto[method];
        if (!original) continue;
        proto[method] = function (this: Blob, ...args: unknown[]) {
          w.__reads += 1;
          return original.apply(this, args);
        };
      }
      const mb = new Blob([new Uint8Array(1024 * 1024).fill(120)]);
      const file = new File(
        Array.from({ length: 1024 }, () => mb),
        name,
      );
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, name },
  );
}
const reads = () => reader.page.evaluate(() => (window as unknown as { __reads: number }).__reads);

describe('a 1 GB file', () => {
  it('annotation import: refused by size, unread, the annotations as they were', async () => {
    await reader.openApp('lankov-2007:2');
    await annotate(reader.page, 'lankov-2007:2', 0, 20, 'h');
    const before = await storedAnnotations(reader.page);
    expect(before).toHaveLength(1);
    const bar = await openSidebar(reader.page);
    await chooseHugeFile('input[accept*="application/ld+json"]', 'huge.jsonld');
    const status = bar.locator('.ann-import-result');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'huge.jsonld: Nothing was imported. This file is too large to import (1024.0 MB; Diptych imports files up to 32 MB). Check that you chose the right file.',
      );
    expect(await reads()).toBe(0);
    expect(await storedAnnotations(reader.page)).toEqual(before);
    await reader.screenshot('huge-file-annotations-wide');
    await sidebar(reader.page).getByRole('button', { name: 'Close' }).click();
  });

  it('Add a text…: refused by size, unread, nothing added', async () => {
    await reader.openApp();
    await chooseHugeFile('[data-testid="add-text-input"]', 'huge.md');
    await expect
      .poll(() => reader.notice().textContent())
      .toContain('“huge.md” is too large (1024.0 MB; the limit is 8 MB).');
    expect(await reads()).toBe(0);
    expect(await reader.page.locator('.pane[data-source^="huge-"]').count()).toBe(0);
  });

  it('workspace import: refused by size, unread', async () => {
    await reader.openApp();
    await openLibrary(reader.page);
    await chooseHugeFile('[data-testid="workspace-input"]', 'huge.json');
    await expect
      .poll(() => reader.notice().textContent())
      .toContain(
        'Nothing was imported from “huge.json”: the file is larger than a workspace can be (1024.0 MB; the limit is 128 MB).',
      );
    expect(await reads()).toBe(0);
  });
});
