// Where a click lands shows. A comparison mark takes the reader to the counterpart passage in the
// other pane, marked as the current location (a dashed frame) and focused; the reset for passages
// focused by script (`[tabindex='-1']:focus { outline: none }`) was more specific than the frame
// and hid it, so after the jump nothing said which sentence the mark meant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReader, type Reader } from './helpers/ui.ts';
import { waitForMarks } from './helpers/compare-ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

/** The current location's address, whether it has the focus, and its outline style. */
const currentFrame = (): Promise<{ address: string | null; focused: boolean; outline: string }> =>
  reader.page.locator('[aria-current="location"]').evaluate((el) => ({
    address: el.getAttribute('data-address'),
    focused: el === document.activeElement,
    outline: getComputedStyle(el).outlineStyle,
  }));

describe('the current location after a click', () => {
  it('a comparison mark clicked: its counterpart is focused and framed (dashed)', async () => {
    await reader.openApp();
    await waitForMarks(reader);
    const mark = reader.paneOf('winstanley-chesters-2015').locator('.compare-mark').first();
    const counterpart = await mark.getAttribute('data-counterpart');
    expect(counterpart).toMatch(/^lankov-2007:/);
    await mark.click();
    await reader.page.locator(`[aria-current="location"][data-address="${counterpart}"]`).waitFor();
    await expect
      .poll(currentFrame)
      .toEqual({ address: counterpart, focused: true, outline: 'dashed' });
  });
});
