// Reading tools: "Copy link" and the address on hover/focus; pane sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
});
afterAll(async () => {
  await reader?.close();
});

describe('copy link', () => {
  it('shows the paragraph’s address on hover and copies its URL', async () => {
    await reader.openApp();
    const block = reader.paragraph('lankov-2007:7').locator('xpath=..');
    const address = block.locator('.addr');
    await reader.page.mouse.move(5, 5);
    expect(await address.evaluate((el) => getComputedStyle(el.parentElement!).opacity)).toBe('0');
    await reader.paragraph('lankov-2007:7').hover();
    await expect
      .poll(() => address.evaluate((el) => getComputedStyle(el.parentElement!).opacity))
      .toBe('1');
    // The address on screen (what the link carries); the button's name says it in words.
    expect(await address.textContent()).toBe('lankov-2007:7');
    await block.getByRole('button', { name: 'Copy link to Lankov (2007) ¶7', exact: true }).click();
    await expect
      .poll(() => reader.notice().textContent())
      .toContain('Link to Lankov (2007) ¶7 copied');
    const copied = await reader.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${inject('baseUrl')}#lankov-2007:7`);
  });

  it('shows the address when the Copy link button has keyboard focus', async () => {
    const block = reader.paragraph('lankov-2007:8').locator('xpath=..');
    await block.getByRole('button', { name: 'Copy link to Lankov (2007) ¶8' }).focus();
    await expect
      .poll(() => block.locator('.tools').evaluate((el) => getComputedStyle(el).opacity))
      .toBe('1');
  });
});

describe('pane sync', () => {
  const scrollerOf = (source: string) => reader.paneOf(source).locator('.pane-scroll');
  /**
   * Scrolls a pane and resolves once the app has had its chance to react:
   * the scroll event was dispatched and two animation frames have run (pane
   * sync follows in the first frame after the event; app/hooks/use-pane-sync.ts).
   * `top` is a scrollTop, or 'end' for as far as the pane goes.
   */
  const scrollAndSettle = (source: string, top: number | 'end') =>
    scrollerOf(source).evaluate(
      (el, to) =>
        new Promise<void>((resolve) => {
          el.addEventListener(
            'scroll',
            () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
            { once: true },
          );
          el.scrollTop = to === 'end' ? el.scrollHeight : to;
        }),
      top,
    );

  it('is off by default: scrolling one pane leaves the other alone', async () => {
    await reader.openApp();
    await scrollAndSettle('lankov-2007', 4000);
    expect(await scrollerOf('winstanley-chesters-2015').evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('when on, scrolling one pane brings a related paragraph of the other to its top', async () => {
    // Which paragraph is related depends on the comparison links the app has (app/sync/sync-targets.ts,
    // unit-tested); here we check the mechanism: the other pane follows and lands on a paragraph.
    const topOfOther = () =>
      reader.paneOf('winstanley-chesters-2015').evaluate((pane) => {
        const scroller = pane.querySelector('.pane-scroll')!;
        const top = scroller.getBoundingClientRect().top;
        // The followed passage (a paragraph or, from a link, a sentence) sits 24px below the top,
        // unless the pane is scrolled as far as it goes.
        const aligned = [...pane.querySelectorAll('[data-address]')].find(
          (el) => Math.abs(el.getBoundingClientRect().top - top - 24) < 4,
        );
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
        return {
          scrollTop: scroller.scrollTop,
          aligned: aligned?.getAttribute('data-address') ?? (atEnd ? 'end' : null),
        };
      });
    await reader.page.getByRole('button', { name: 'Scroll both' }).click();
    expect(
      await reader.page.getByRole('button', { name: 'Scroll both' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await scrollerOf('lankov-2007').evaluate((el) => (el.scrollTop = 2500));
    await expect.poll(async () => (await topOfOther()).aligned).not.toBeNull();
    const first = await topOfOther();
    // By the time a scroll has settled, the other pane has followed: the wait that
    // shows it stays put with Sync off is long enough to see it move.
    await scrollAndSettle('lankov-2007', 'end');
    expect((await topOfOther()).scrollTop).not.toBe(first.scrollTop);
    await expect.poll(async () => (await topOfOther()).aligned).not.toBeNull();
    await reader.page.getByRole('button', { name: 'Scroll both' }).click();
  });
});
