// Addresses in the URL: paragraph, sentence, footnote, range, unknown; back and forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

/** Whether the element is within its pane's visible scroll area. */
async function inView(address: string): Promise<boolean> {
  return reader.paragraph(address).evaluate((el) => {
    const pane = el.closest('.pane-scroll')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= pane.top - 1 && r.top < pane.bottom;
  });
}

describe('deep links', () => {
  it('renders both texts without JavaScript-dependent content: Winstanley-Chesters left, Lankov right', async () => {
    await reader.openApp();
    const panes = reader.page.locator('.pane');
    expect(await panes.nth(0).getAttribute('data-source')).toBe('winstanley-chesters-2015');
    expect(await panes.nth(1).getAttribute('data-source')).toBe('lankov-2007');
    // Every numbered paragraph carries its address.
    expect(
      await reader.paneOf('lankov-2007').locator('.block--numbered > [data-address]').count(),
    ).toBe(39);
    expect(
      await reader
        .paneOf('winstanley-chesters-2015')
        .locator('.block--numbered > [data-address]')
        .count(),
    ).toBe(21);
    expect(await reader.current().count()).toBe(0);
  });

  it('opens a paragraph: scrolled into view, marked aria-current="location", focused', async () => {
    await reader.openApp('lankov-2007:12');
    const p = reader.paragraph('lankov-2007:12');
    await expect.poll(() => p.getAttribute('aria-current')).toBe('location');
    await expect.poll(() => inView('lankov-2007:12')).toBe(true);
    expect(await reader.current().count()).toBe(1);
    expect(await p.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('opens a sentence: the sentence span is marked, inside its paragraph', async () => {
    await reader.openApp('lankov-2007:12.2');
    const s = reader.paragraph('lankov-2007:12.2');
    await expect.poll(() => s.getAttribute('aria-current')).toBe('location');
    expect(await s.evaluate((el) => el.closest('[data-address="lankov-2007:12"]') !== null)).toBe(
      true,
    );
    await expect.poll(() => inView('lankov-2007:12.2')).toBe(true);
  });

  it('opens a footnote in the notes list', async () => {
    await reader.openApp('lankov-2007:n5');
    const note = reader.paragraph('lankov-2007:n5');
    await expect.poll(() => note.getAttribute('aria-current')).toBe('location');
    await expect.poll(() => inView('lankov-2007:n5')).toBe(true);
    expect(await note.evaluate((el) => el.closest('.notes') !== null)).toBe(true);
  });

  it('opens a paragraph range by marking each paragraph', async () => {
    await reader.openApp('lankov-2007:12-13');
    await expect.poll(() => reader.current().count()).toBe(2);
    expect(await reader.current().nth(0).getAttribute('data-address')).toBe('lankov-2007:12');
  });

  it('opens a Winstanley-Chesters paragraph and an unnumbered block', async () => {
    await reader.openApp('winstanley-chesters-2015:7');
    await expect
      .poll(() => reader.paragraph('winstanley-chesters-2015:7').getAttribute('aria-current'))
      .toBe('location');
    await reader.goToAddress('winstanley-chesters-2015:heading1');
    const heading = reader.paragraph('winstanley-chesters-2015:heading1');
    await expect.poll(() => heading.getAttribute('aria-current')).toBe('location');
    expect(await heading.textContent()).toBe('The post-Soviet era');
  });

  it('loads the source into a pane when swapped away, and back/forward move between visited passages', async () => {
    await reader.openApp('lankov-2007:3');
    await reader.goToAddress('winstanley-chesters-2015:5');
    await expect
      .poll(() => reader.paragraph('winstanley-chesters-2015:5').getAttribute('aria-current'))
      .toBe('location');
    await reader.goToAddress('lankov-2007:n2');
    await expect
      .poll(() => reader.paragraph('lankov-2007:n2').getAttribute('aria-current'))
      .toBe('location');
    await reader.page.goBack();
    await expect
      .poll(() => reader.paragraph('winstanley-chesters-2015:5').getAttribute('aria-current'))
      .toBe('location');
    expect(await reader.paragraph('lankov-2007:n2').getAttribute('aria-current')).toBeNull();
    await reader.page.goBack();
    await expect
      .poll(() => reader.paragraph('lankov-2007:3').getAttribute('aria-current'))
      .toBe('location');
    await reader.page.goForward();
    await expect
      .poll(() => reader.paragraph('winstanley-chesters-2015:5').getAttribute('aria-current'))
      .toBe('location');
  });

  describe('when it fails', () => {
    it('an unknown paragraph shows a short notice, and the texts stay', async () => {
      await reader.openApp('lankov-2007:99');
      await expect
        .poll(() => reader.notice().textContent())
        .toContain('Lankov (2007) has no ¶99: it has paragraphs 1–39 and notes 1–10.');
      expect(await reader.current().count()).toBe(0);
      expect(await reader.paragraph('lankov-2007:1').isVisible()).toBe(true);
    });

    it('an unknown source and a malformed hash show notices too', async () => {
      await reader.openApp('smith-1999:1');
      await expect.poll(() => reader.notice().textContent()).toContain('no source “smith-1999”');
      await reader.goToAddress('<img src=x onerror=alert(1)>');
      await expect.poll(() => reader.notice().textContent()).toContain('is not a passage address');
      // The hash is echoed as text, never as markup.
      expect(await reader.page.locator('.notice img').count()).toBe(0);
    });
  });
});
