// Below 900 px the Annotations sidebar is a drawer over the text. A new reader at 420 px chose an
// annotation's quote ("Show in the text"): the text behind scrolled to it, and the drawer stayed,
// covering all but 34 px of it. Now the drawer steps aside, the passage is on screen,
// and the Annotations button brings the drawer back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annotate,
  clearStorage,
  openSidebar,
  sidebar,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('narrow');
  await reader.openApp();
  await clearStorage(reader);
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});

describe('the Annotations drawer at 420 px', () => {
  it('steps aside when an annotation is shown in the text', async () => {
    const quote = await annotate(reader.page, 'lankov-2007:30', 0, 24, 'h');
    const address = (await storedAnnotations(reader.page))[0]!.targets[0]!.selectors.address;
    await reader.goToAddress('lankov-2007:1');
    const bar = await openSidebar(reader.page);
    await bar.getByRole('button', { name: `Show in the text: ${quote}` }).click();
    await sidebar(reader.page).waitFor({ state: 'hidden' });
    await expect.poll(() => reader.page.evaluate(() => window.location.hash)).toBe(`#${address}`);
    // The passage is on screen, with nothing over it.
    const passage = reader.paragraph('lankov-2007:30');
    await expect
      .poll(() =>
        passage.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const x = r.left + Math.min(40, r.width / 2);
          const y = Math.max(r.top, 0) + 10;
          return y < window.innerHeight && el.contains(document.elementFromPoint(x, y));
        }),
      )
      .toBe(true);
    await reader.screenshot('annotation-drawer-show-in-text-narrow');
    // And the drawer comes back as it was.
    const again = await openSidebar(reader.page);
    expect(await again.getByRole('button', { name: `Show in the text: ${quote}` }).count()).toBe(1);
  });
});

// Add note at 420 px opened the drawer over the words the note is about, and the card cut their
// quote at four lines: a reader writing a note on a long selection could read neither. While the
// note is written, the card shows the quote whole (app/annotations/annotations.css).
describe('Add note at 420 px', () => {
  it('shows the selected words whole in the drawer while the note is written', async () => {
    const { page } = reader;
    const quote = await annotate(page, 'lankov-2007:13', 0, 280, 'n');
    const editor = sidebar(page).getByRole('form', { name: 'Edit annotation' });
    await editor.waitFor();
    const shown = page.locator('.ann-item:has(> .ann-editor) .ann-quote');
    expect((await shown.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      `Show in the text: ${quote.replace(/\s+/g, ' ')}`,
    );
    const fit = await shown.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        // Nothing of it clipped (a line clamp hides the rest), and all of it in the window.
        clipped: el.scrollHeight - el.clientHeight,
        inWindow: r.top >= 0 && r.bottom <= window.innerHeight,
        lines: Math.round(
          r.height /
            (parseFloat(getComputedStyle(el).lineHeight) ||
              1.2 * parseFloat(getComputedStyle(el).fontSize)),
        ),
      };
    });
    expect(fit.clipped).toBeLessThanOrEqual(1);
    expect(fit.inWindow).toBe(true);
    // A selection longer than the four lines a card shows otherwise.
    expect(fit.lines).toBeGreaterThan(4);
    await reader.screenshot('annotation-drawer-add-note-narrow');
    await editor.getByRole('button', { name: 'Cancel' }).click();
  });
});
