// Footnote markers and popovers, the notes list and its back-links; the text contract of data-address elements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});

describe('footnote popovers', () => {
  it('hover shows the footnote; leaving hides it', async () => {
    const marker = reader.footnoteMarker('lankov-2007:n2');
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    const pop = reader.footnotePopover(2);
    await pop.waitFor();
    expect(await pop.textContent()).toContain('report, 19 March 2007.');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    await reader.page.mouse.move(5, 5);
    await pop.waitFor({ state: 'detached' });
  });

  it('focus shows it, Enter pins it, Escape closes it and returns focus to the marker', async () => {
    const marker = reader.footnoteMarker('lankov-2007:n3');
    await marker.focus();
    const pop = reader.footnotePopover(3);
    await pop.waitFor();
    await reader.pressKey('Enter');
    expect(await pop.getAttribute('data-state')).toBe('pinned');
    await reader.page.mouse.move(5, 5);
    expect(await pop.isVisible()).toBe(true);
    await reader.pressKey('Escape');
    await pop.waitFor({ state: 'detached' });
    expect(await marker.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('click pins it; its links open in a new tab safely; it links to the note in the list', async () => {
    const marker = reader.footnoteMarker('lankov-2007:n3');
    await marker.click();
    const pop = reader.footnotePopover(3);
    expect(await pop.getAttribute('data-state')).toBe('pinned');
    await reader.screenshot('footnote-popover');
    const external = pop.getByRole('link', { name: 'http://www.rusimpex.ru' });
    expect(await external.getAttribute('target')).toBe('_blank');
    expect(await external.getAttribute('rel')).toBe('noopener noreferrer');
    await pop.getByRole('link', { name: /Go to note 3/ }).click();
    const note = reader.paragraph('lankov-2007:n3');
    await expect.poll(() => note.getAttribute('aria-current')).toBe('location');
    await pop.waitFor({ state: 'detached' });
  });

  it('the note links back to every place that cites it', async () => {
    const item = reader.paragraph('lankov-2007:n3').locator('xpath=..');
    const back = item.getByRole('link', { name: 'Back to Lankov (2007) ¶16' });
    await back.click();
    await expect
      .poll(() => reader.paragraph('lankov-2007:16').getAttribute('aria-current'))
      .toBe('location');
  });

  it('sets lang on Russian and Korean runs and renders emphasis', async () => {
    expect(await reader.paragraph('lankov-2007:n7').locator('[lang="ru"]').count()).toBeGreaterThan(
      0,
    );
    expect(await reader.paragraph('lankov-2007:n4').locator('[lang="ko"]').count()).toBeGreaterThan(
      0,
    );
    expect(await reader.paragraph('lankov-2007:n2').locator('em').textContent()).toBe('ITAR-TASS');
  });
});

describe('the data-address text contract (for the annotation DOM bridge)', () => {
  it('every block and footnote element holds exactly its text, markers and numbers aside', async () => {
    await reader.page.getByRole('button', { name: 'Site navigation' }).click();
    const rendered = await reader.page.evaluate(() => {
      const textOf = (el: Element): string => {
        let out = '';
        for (const child of el.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
          else if (child instanceof Element && !child.hasAttribute('data-anchor-ignore'))
            out += textOf(child);
        }
        return out;
      };
      return Object.fromEntries(
        [...document.querySelectorAll('[data-address]')].map((el) => [
          el.getAttribute('data-address'),
          textOf(el),
        ]),
      );
    });
    const expected = new Set<string>();
    for (const edition of builtinEditions()) {
      for (const passage of [...edition.blocks, ...edition.footnotes]) {
        expect(rendered[passage.address], passage.address).toBe(passage.text);
        expected.add(passage.address);
        for (const s of passage.sentences) {
          expect(rendered[s.address], s.address).toBe(s.text);
          expected.add(s.address);
        }
      }
    }
    // Nothing else in the page carries an address.
    expect(Object.keys(rendered).sort()).toEqual([...expected].sort());
    await reader.page.getByRole('button', { name: 'Site navigation' }).click();
  });

  it('every address appears once in the page', async () => {
    const duplicates = await reader.page.evaluate(() => {
      const seen = new Set<string>();
      const dup: string[] = [];
      for (const el of document.querySelectorAll('[data-address]')) {
        const a = el.getAttribute('data-address')!;
        if (seen.has(a)) dup.push(a);
        seen.add(a);
      }
      return dup;
    });
    expect(duplicates).toEqual([]);
  });
});
