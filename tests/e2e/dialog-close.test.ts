// A long dialog kept its Close button at its very end: a new reader who opened the Timeline at
// 1440 px found Close 5,300 px down, under the 67 rows of its table (clicking outside does not
// close it). Close now stays at the dialog's bottom edge while it scrolls, at 1440 and 420 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerTool, startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

describe('the Timeline dialog', () => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 420, height: 860 },
  ]) {
    it(`shows Close without scrolling at ${size.width} px, and Close closes it`, async () => {
      await reader.page.setViewportSize(size);
      await reader.openApp();
      await (await headerTool(reader.page, 'Timeline')).click();
      const dialog = reader.page.getByRole('dialog', { name: 'Timeline' });
      await dialog.getByRole('table').waitFor();
      // The dialog is longer than the window: it scrolls.
      expect(await dialog.evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
      const close = dialog.getByRole('button', { name: 'Close', exact: true });
      const inSight = () =>
        close.evaluate((b) => {
          const r = b.getBoundingClientRect();
          const d = b.closest('dialog')!.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          return (
            r.top >= d.top &&
            r.bottom <= d.bottom &&
            r.bottom <= window.innerHeight &&
            b.contains(document.elementFromPoint(x, y))
          );
        });
      expect(await inSight()).toBe(true);
      // Halfway down the table, still in sight and on top.
      await dialog.evaluate((d) => (d.scrollTop = d.scrollHeight / 2));
      expect(await inSight()).toBe(true);
      await reader.screenshot(`timeline-close-${size.width}`);
      await close.click();
      await dialog.waitFor({ state: 'detached' });
    });
  }
});
