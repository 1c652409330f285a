// A new reader saw two texts, purple underlines, margin glyphs and a header of tools, and nothing
// saying what this is or how to start. The first visit now shows a welcome over a bottom corner
// (app/views/welcome-card.tsx), once the reader is ready: it moves no text, takes no focus, covers
// no passage the page was opened at, and **Start reading** dismisses it for good (a preference in
// localStorage) with the focus on the reading position. Every other browser test has it
// dismissed (tests/e2e/helpers/chromium.ts, `welcome`); this file lets it show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { WELCOME_KEY } from '../../app/views/welcome-pref.ts';
import {
  selectInPassage,
  selectionToolbar,
  simulateQuota,
  storedValue,
} from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide', { welcome: 'shown' });
});
afterAll(async () => {
  await reader?.close();
});

const welcome = (): Locator =>
  reader.page.getByRole('region', { name: 'Welcome to Diptych', exact: true });

/** Where the panes and their first paragraphs are (the texts must not move for the welcome). */
const textPlaces = (): Promise<number[][]> =>
  reader.page.evaluate(() =>
    [...document.querySelectorAll('.pane, .pane [data-address$=":1"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height];
    }),
  );

/** Whether the focus is inside the welcome. */
const focusInWelcome = (): Promise<boolean> =>
  reader.page.evaluate(
    () => document.querySelector('.welcome')?.contains(document.activeElement) ?? false,
  );

/** Whether the page fetched the welcome's lazy chunk. */
const fetchedWelcomeChunk = (): Promise<boolean> =>
  reader.page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => /\/welcome-card-[^/]*\.js$/.test(e.name)),
  );

/** The welcome's box if it is seen, and the boxes of a passage; whether they overlap. */
const covers = (address: string): Promise<{ shown: boolean; overlap: boolean }> =>
  reader.page.evaluate((a) => {
    const card = document.querySelector('.welcome');
    const passage = document.querySelector(`[data-address="${a}"]`);
    if (!card || !passage) throw new Error('no welcome or no passage');
    const shown = getComputedStyle(card).visibility === 'visible';
    const c = card.getBoundingClientRect();
    const overlap = [...passage.getClientRects()].some(
      (p) => c.left < p.right && p.left < c.right && c.top < p.bottom && p.top < c.bottom,
    );
    return { shown, overlap: shown && overlap };
  }, address);

describe('the first-run welcome', () => {
  it('shows on a first visit over a corner, moving no text and taking no focus, and passes axe at 1440 and 420 px', async () => {
    const { page } = reader;
    await page.setViewportSize({ width: 1440, height: 900 });
    await reader.openApp();
    await welcome().waitFor();
    expect(await fetchedWelcomeChunk()).toBe(true);
    expect(await welcome().evaluate((w) => getComputedStyle(w).position)).toBe('fixed');
    const text = await welcome().innerText();
    expect(text).toMatch(/two texts/);
    expect(text).toMatch(/highlight/);
    expect(text).toMatch(/agree, contradict, qualify/);
    expect(text).toMatch(/Press \?/);
    expect(await focusInWelcome()).toBe(false);
    // Inside the window, in a bottom corner.
    const wide = (await welcome().boundingBox())!;
    expect(wide.x + wide.width).toBeLessThanOrEqual(1440);
    expect(wide.y + wide.height).toBeLessThanOrEqual(900);
    expect(wide.y).toBeGreaterThan(450);
    expect(await reader.axeViolations()).toEqual([]);
    await reader.screenshot('welcome-1440');

    await reader.setViewport('narrow');
    await expect.poll(() => welcome().isVisible()).toBe(true);
    const narrow = (await welcome().boundingBox())!;
    const pane = await page.evaluate(
      () =>
        [...document.querySelectorAll('.pane-scroll')]
          .map((el) => el.getBoundingClientRect())
          .find((r) => r.width > 0)!.height,
    );
    expect(narrow.x).toBeGreaterThanOrEqual(0);
    expect(narrow.x + narrow.width).toBeLessThanOrEqual(420);
    // The text stays readable above it: it covers at most half of the pane.
    expect(narrow.height).toBeLessThanOrEqual(pane / 2);
    expect(await reader.axeViolations()).toEqual([]);
    await reader.screenshot('welcome-420');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Start reading: gone, the focus on the active pane's current passage, the texts unmoved.
    const before = await textPlaces();
    await welcome().getByRole('button', { name: 'Start reading' }).click();
    await welcome().waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement;
          const pane = el?.closest('.pane');
          return pane
            ? `${pane.getAttribute('data-pane')}:${el!.hasAttribute('data-address')}`
            : null;
        }),
      )
      .toBe(`${await page.locator('.panes').getAttribute('data-active')}:true`);
    expect(await textPlaces()).toEqual(before);
    expect(await storedValue(page, WELCOME_KEY)).toBe('dismissed');

    // Remembered: a reload shows it no more (its chunk, fetched in the render that makes the
    // reader ready, is not even asked for).
    await reader.openApp();
    expect(await fetchedWelcomeChunk()).toBe(false);
    expect(await page.locator('.welcome').count()).toBe(0);
  });

  for (const viewport of ['wide', 'narrow'] as const) {
    it(`opened at an address (${viewport}), it covers neither that passage nor takes the focus`, async () => {
      await reader.clearStorage();
      await reader.setViewport(viewport);
      await reader.openApp('lankov-2007:13');
      // (Attached, maybe not seen: where it would cover the passage it waits, out of sight.)
      await reader.page.locator('.welcome').waitFor({ state: 'attached' });
      await reader.paragraph('lankov-2007:13').and(reader.current()).waitFor();
      expect(await covers('lankov-2007:13')).toEqual({
        shown: expect.any(Boolean),
        overlap: false,
      });
      expect(await focusInWelcome()).toBe(false);
      // Wherever the passage goes, the welcome never lies over it.
      const scroller = reader.paneOf('lankov-2007').locator('.pane-scroll');
      for (const by of [-300, -200, 250, 400]) {
        await scroller.evaluate((el, d) => el.scrollBy(0, d), by);
        // It moves (or waits) on the frame after the scroll.
        await expect
          .poll(async () => (await covers('lankov-2007:13')).overlap, {
            message: `scrolled by ${by}`,
          })
          .toBe(false);
      }
      await reader.screenshot(`welcome-deep-link-${viewport}`);
      // The passage scrolled well up, out of its way: it is seen.
      await scroller.evaluate((el) => el.scrollBy(0, 1500));
      await expect.poll(() => covers('lankov-2007:13')).toEqual({ shown: true, overlap: false });
      await welcome().waitFor();
    });
  }

  // At 420 × 860 the welcome, a notice and the "Linking from …" chip stacked over each other and
  // over the text, and the welcome spoke of texts side by side and of a `?` key on a phone.
  it('at 420 px says what is true there and gives way while the reader selects, links and is told something', async () => {
    const { page } = reader;
    await reader.clearStorage();
    await reader.setViewport('narrow');
    await reader.openApp();
    await welcome().waitFor();
    const said = await welcome().innerText();
    expect(said).toMatch(/tabs above the text switch/);
    expect(said).not.toMatch(/side by side/);
    // A phone: a touch screen (a coarse pointer that does not hover), most often no keyboard.
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await expect.poll(() => welcome().innerText()).not.toMatch(/Press \?/);
      expect(await welcome().innerText()).toMatch(/tabs above the text switch/);
    } finally {
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
      await cdp.detach();
    }

    /** The boxes of what floats at the bottom and is seen: the welcome, each notice. */
    const floating = (): Promise<{ name: string; box: [number, number, number, number] }[]> =>
      page.evaluate(() =>
        [...document.querySelectorAll('.welcome, .notice-region > *')]
          .filter((el) => getComputedStyle(el).visibility === 'visible')
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { name: el.className, box: [r.left, r.top, r.right, r.bottom] };
          }),
      );
    const overlapping = async (): Promise<string[]> => {
      const seen = await floating();
      return seen.flatMap((a, i) =>
        seen
          .slice(i + 1)
          .filter(
            (b) =>
              a.box[0] < b.box[2] &&
              b.box[0] < a.box[2] &&
              a.box[1] < b.box[3] &&
              b.box[1] < a.box[3],
          )
          .map((b) => `${a.name} over ${b.name}`),
      );
    };
    const shownSource = await page
      .locator('.panes')
      .evaluate(
        (panes) =>
          panes.querySelector<HTMLElement>(
            `.pane[data-pane="${(panes as HTMLElement).dataset['active']}"]`,
          )!.dataset['source']!,
      );

    // Selecting words: the welcome steps out of the way of the words and their toolbar.
    await selectInPassage(page, `${shownSource}:3`, 0, 40);
    const bar = selectionToolbar(page);
    await bar.waitFor();
    await expect.poll(() => welcome().isVisible()).toBe(false);
    // Link passages: the chip names the first side; a notice comes too. Nothing lies over another.
    await bar.getByRole('button', { name: 'Link passages' }).click();
    const chip = page.locator('.link-pending');
    await chip.waitFor();
    await reader.goToAddress('nowhere:99');
    await page.locator('.notice').filter({ hasText: 'nowhere' }).waitFor();
    expect(await overlapping()).toEqual([]);
    expect(await welcome().isVisible()).toBe(false);
    await reader.screenshot('welcome-linking-notice-420');
    // Once the chip and the notice are gone, the welcome is back.
    await chip.getByRole('button', { name: /^Cancel/ }).click();
    await page.locator('.notice').getByRole('button', { name: 'Dismiss' }).click();
    await welcome().waitFor();
    expect(await overlapping()).toEqual([]);
    await reader.setViewport('wide');
  });

  it('a corrupted preference shows it again; storage that refuses the dismissal still dismisses it', async () => {
    const { page } = reader;
    await reader.clearStorage();
    await reader.setViewport('wide');
    await simulateQuota(reader);
    await reader.openApp();
    await page.evaluate((key) => localStorage.setItem(key, '{"not a value'), WELCOME_KEY);
    await reader.openApp();
    await welcome().waitFor();
    await page.evaluate(() => ((window as unknown as { __quota?: boolean }).__quota = true));
    await welcome().getByRole('button', { name: 'Start reading' }).click();
    await welcome().waitFor({ state: 'detached' });
    expect(await storedValue(page, WELCOME_KEY)).toBe('{"not a value');
    // Escape inside it dismisses it too (the next visit, storage working again).
    await reader.clearStorage();
    await reader.openApp();
    await welcome().getByRole('button', { name: 'Start reading' }).focus();
    await page.keyboard.press('Escape');
    await welcome().waitFor({ state: 'detached' });
    expect(await storedValue(page, WELCOME_KEY)).toBe('dismissed');
  });
});
