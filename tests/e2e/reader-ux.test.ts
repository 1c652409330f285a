// Issue 15: the rough edges a new reader hit, each checked as that reader would meet it, at 1400 px
// and 420 px: floating things stay on screen, the Compare view stacks into cards, copy gives the
// text, notices overlay, the drawer obeys Escape, the location marker is not a highlight, the
// comparison marks have a legend and a switch, buttons share one style and are big enough, Back
// returns from a note, Related speaks plainly, Link passages writes no paraphrase, messages say
// what to do, Korean and Russian render with real glyphs, and the build is quiet.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { selectInPassage, selectionToolbar } from './helpers/annotations-ui.ts';
import { chooseStyle, openCite, selectAcross } from './helpers/citations-ui.ts';
import {
  compareMarks,
  openCompareView,
  openRelated,
  relatedPanel,
  waitForMarks,
} from './helpers/compare-ui.ts';
import {
  appBuilt,
  headerTool,
  passageTextOf,
  resizeTo,
  startReader,
  VIEWPORTS,
  type Reader,
} from './helpers/ui.ts';
import { scaled } from '../slowdown.ts';

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

// One page for the file, loaded once here (a page load is about a CPU-second, and the whole suite
// is CPU-bound): each test takes it where the one before left it, resizes it and follows a link
// to its place (`showAt`) as a reader would, and closes what it opened. The page loads again only
// where the load is the point (a remembered switch, a page opened without an address).
let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
  await reader.openApp();
});

/**
 * Sizes the open page to `viewport` and, given an address, follows a link to it (the passage then
 * the current location), with no selection left from the test before.
 */
async function showAt(viewport: keyof typeof VIEWPORTS, address?: string): Promise<void> {
  await reader.page.evaluate(() => document.getSelection()?.removeAllRanges());
  await resizeTo(reader.page, VIEWPORTS[viewport]);
  if (address !== undefined) await reader.goTo(address);
}
afterAll(async () => {
  await reader?.close();
});

/** The element's box lies inside the window (with `slack` px). */
async function insideViewport(page: Page, target: Locator, slack = 0): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize()!;
  if (!box) return false;
  return (
    box.x >= -slack &&
    box.y >= -slack &&
    box.x + box.width <= size.width + slack &&
    box.y + box.height <= size.height + slack
  );
}

/** Scrolls a pane so that `target`'s top is `fromBottom` px above the window's bottom edge. */
async function scrollNearBottom(target: Locator, fromBottom: number): Promise<void> {
  await target.evaluate((el, fromBottom) => {
    const pane = el.closest('.pane-scroll')!;
    const top = el.getBoundingClientRect().top;
    pane.scrollTop += top - (window.innerHeight - fromBottom);
  }, fromBottom);
}

describe('floating things stay inside the window (items 1, 2)', () => {
  it('the selection toolbar at 420 px keeps every action on screen', async () => {
    await showAt('narrow', `${LANKOV}:10`);
    const text = (await reader.paragraph(`${LANKOV}:10`).textContent())!;
    const at = text.indexOf('the Soviet Union established');
    expect(at).toBeGreaterThanOrEqual(0);
    await selectInPassage(
      reader.page,
      `${LANKOV}:10`,
      at,
      at + 'the Soviet Union established'.length,
    );
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    await expect.poll(() => insideViewport(reader.page, bar)).toBe(true);
    for (const name of ['Link passages', 'Related', 'Cite']) {
      const button = bar.getByRole('button', { name, exact: true });
      expect(await insideViewport(reader.page, button), name).toBe(true);
    }
    await reader.screenshot('toolbar-edge-narrow');
  });

  it('the selection toolbar at the right edge of the right pane, across paragraphs, stays on screen', async () => {
    await showAt('wide', `${LANKOV}:12`);
    const first = (await reader.paragraph(`${LANKOV}:12`).textContent())!;
    await selectAcross(
      reader.page,
      { address: `${LANKOV}:12`, offset: first.length - 4 },
      { address: `${LANKOV}:13`, offset: 10 },
    );
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    await expect.poll(() => insideViewport(reader.page, bar)).toBe(true);
    await reader.screenshot('toolbar-edge-wide');
  });

  it('a footnote popover near the bottom opens upwards with Go to note and Cite on screen (wide)', async () => {
    await showAt('wide');
    const marker = reader.footnoteMarker(`${LANKOV}:n5`);
    await scrollNearBottom(marker, 40);
    await marker.click();
    const pop = reader.footnotePopover(5);
    await pop.waitFor();
    await expect.poll(() => insideViewport(reader.page, pop)).toBe(true);
    expect((await pop.boundingBox())!.y).toBeLessThan((await marker.boundingBox())!.y);
    for (const control of [
      pop.getByRole('link', { name: /Go to note 5/ }),
      pop.getByRole('button', { name: /Cite/ }),
    ]) {
      expect(await insideViewport(reader.page, control)).toBe(true);
    }
    await reader.screenshot('footnote-popover-wide-bottom');
    await reader.pressKey('Escape');
    await expect.poll(() => pop.count()).toBe(0);
  });

  it('a footnote popover at 420 px stays inside the window', async () => {
    await showAt('narrow', `${LANKOV}:1`);
    const marker = reader.footnoteMarker(`${LANKOV}:n1`);
    await scrollNearBottom(marker, 60);
    await marker.click();
    const pop = reader.footnotePopover(1);
    await pop.waitFor();
    await expect.poll(() => insideViewport(reader.page, pop)).toBe(true);
    await reader.screenshot('footnote-popover-narrow');
    await reader.pressKey('Escape');
    await expect.poll(() => pop.count()).toBe(0);
  });

  it('the Related panel stays inside the window at 420 px', async () => {
    await showAt('narrow', `${WC}:12`);
    await waitForMarks(reader);
    const panel = await openRelated(reader, `${WC}:12`);
    await expect.poll(() => insideViewport(reader.page, panel)).toBe(true);
    // Below the paragraph, capped to the room there, not over the paragraph it is about.
    const paragraph = await reader.paragraph(`${WC}:12`).boundingBox();
    await expect
      .poll(async () => {
        const box = await panel.boundingBox();
        return box !== null && paragraph !== null && box.y >= paragraph.y + paragraph.height;
      })
      .toBe(true);
    await panel.getByRole('button', { name: /^Close/ }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });
});

describe('the Compare view at 420 px (item 3)', () => {
  it('shows each comparison as a stacked card, with no sideways scrolling', async () => {
    await showAt('narrow');
    await waitForMarks(reader);
    const dialog = await openCompareView(reader);
    const overflow = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const row = dialog.locator('tbody tr').first();
    const cells = await row
      .locator('td:visible')
      .evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().toJSON() as DOMRect));
    expect(cells.length).toBeGreaterThanOrEqual(3);
    // Stacked: each part below the previous one, all of the card's width.
    for (let i = 1; i < cells.length; i++) {
      expect(cells[i]!.top).toBeGreaterThanOrEqual(cells[i - 1]!.bottom - 1);
      expect(Math.abs(cells[i]!.width - cells[0]!.width)).toBeLessThan(2);
    }
    expect(cells[0]!.width).toBeGreaterThan(250);
    // Each part is named (the column heading), so the card reads without the table head.
    const label = await row
      .locator('td')
      .nth(1)
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"Relation"');
    await reader.screenshot('compare-view-narrow');
    await reader.pressKey('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });
});

describe('copying a selection (item 4)', () => {
  it('across paragraphs, copies exactly the passage text', async () => {
    await showAt('wide', `${LANKOV}:15`);
    await waitForMarks(reader);
    const a = (await reader.paragraph(`${LANKOV}:15`).evaluate(passageTextOf))!;
    const b = (await reader.paragraph(`${LANKOV}:16`).evaluate(passageTextOf))!;
    await selectAcross(
      reader.page,
      { address: `${LANKOV}:15`, offset: a.length - 10 },
      { address: `${LANKOV}:16`, offset: 17 },
    );
    await reader.page.evaluate(() => navigator.clipboard.writeText('before'));
    await reader.page.keyboard.press('Control+C');
    const copied = await reader.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${a.slice(-10)}\n\n${b.slice(0, 17)}`);
  });
});

describe('notices (item 5)', () => {
  it('overlay the text, are announced, and go away by themselves or on Escape', async () => {
    await showAt('wide');
    // No notice left from the tests before (a link followed can leave one).
    await reader.page.mouse.move(5, 5);
    await expect.poll(() => reader.page.locator('.notice').count(), { timeout: 15_000 }).toBe(0);
    const panes = reader.page.locator('main.panes');
    const before = (await panes.boundingBox())!.y;
    const block = reader.paragraph(`${LANKOV}:3`).locator('xpath=..');
    await block.hover();
    await block.getByRole('button', { name: 'Copy link to Lankov (2007) ¶3' }).click();
    const notice = reader.notice();
    await expect.poll(() => notice.textContent()).toContain('Link to Lankov (2007) ¶3 copied.');
    expect((await panes.boundingBox())!.y).toBe(before);
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    // By itself, after a few seconds.
    await expect.poll(() => reader.page.locator('.notice').count(), { timeout: 15_000 }).toBe(0);
    // Or on Escape.
    await block.hover();
    await block.getByRole('button', { name: 'Copy link to Lankov (2007) ¶3' }).click();
    await reader.page.locator('.notice').waitFor();
    await reader.pressKey('Escape');
    await expect.poll(() => reader.page.locator('.notice').count()).toBe(0);
  });

  it('a bad link’s notice goes by itself too, whatever the notice before it did', async () => {
    // The page of the test above.
    const block = reader.paragraph(`${LANKOV}:3`).locator('xpath=..');
    const copyLink = block.getByRole('button', { name: 'Copy link to Lankov (2007) ¶3' });
    const toast = reader.page.locator('.notice:not(.notice--offer)');
    // A notice dismissed with the pointer on it (its Dismiss clicked) leaves no hold behind: the
    // toast went from under the pointer, which never left it.
    await block.hover();
    await copyLink.click();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await toast.waitFor({ state: 'detached' });
    await reader.page.mouse.move(5, 5);
    await reader.goToAddress(`${LANKOV}:99`);
    await expect.poll(() => toast.textContent()).toContain('Lankov (2007) has no ¶99');
    expect(await toast.getAttribute('class')).toBe('notice');
    await expect.poll(() => toast.count(), { timeout: 15_000 }).toBe(0);
    // A notice that asks the reader to act (the clipboard refused: copy the link by hand) stays,
    // and once it is gone (Escape), the next one does not.
    const writeText = await reader.page.evaluateHandle(() => navigator.clipboard.writeText);
    await reader.page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
    });
    await block.hover();
    await copyLink.click();
    await expect.poll(() => toast.textContent()).toContain('Could not copy');
    expect(await toast.getAttribute('class')).toBe('notice notice--stays');
    await reader.pressKey('Escape');
    await toast.waitFor({ state: 'detached' });
    await reader.goToAddress(`${LANKOV}:98`);
    await expect.poll(() => toast.textContent()).toContain('Lankov (2007) has no ¶98');
    expect(await toast.getAttribute('class')).toBe('notice');
    // The clipboard as it was, and no notice, for the tests below on this page.
    await writeText.evaluate((original) => {
      navigator.clipboard.writeText = original;
    });
    await reader.pressKey('Escape');
    await toast.waitFor({ state: 'detached' });
  });
});

describe('the Annotations drawer at 420 px (item 6)', () => {
  it('takes focus when it opens and closes on Escape, giving focus back to its toggle', async () => {
    await showAt('narrow');
    // Behind Tools at this width: the drawer gives the focus back to Tools, its toggle hidden.
    await (await headerTool(reader.page, /^Annotations/)).click();
    const toggle = reader.page.getByRole('button', { name: 'Tools', exact: true });
    const drawer = reader.page.locator('#annotations-sidebar');
    await drawer.waitFor();
    await expect
      .poll(() => drawer.evaluate((el) => el.contains(document.activeElement)))
      .toBe(true);
    await reader.pressKey('Escape');
    await expect.poll(() => drawer.isHidden()).toBe(true);
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});

describe('the current location is not a highlight (item 7)', () => {
  it('is marked by a frame, not the highlight yellow', async () => {
    await showAt('wide', `${LANKOV}:12.2`);
    const current = reader.current().first();
    await current.waitFor();
    const style = await current.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, outline: s.outlineStyle };
    });
    expect(style.background).toBe('rgba(0, 0, 0, 0)');
    expect(style.outline).not.toBe('none');
  });
});

describe('comparison marks: legend, switch, plain names (item 8)', () => {
  it('has a legend, a remembered switch, and says "Site navigation", not "Chrome"', async () => {
    await showAt('wide');
    await waitForMarks(reader);
    const legend = reader.page.getByRole('group', { name: 'Comparison marks' });
    for (const word of ['agrees', 'contradicts', 'qualifies', 'complements'])
      expect(await legend.textContent()).toContain(word);
    expect(await insideViewport(reader.page, legend)).toBe(true);
    // A switch with its label (announced "switch, on"), not a pressed button: dark when on, the
    // button read as the legend's heading.
    const toggle = legend.getByRole('switch', { name: 'Comparison marks' });
    expect(await toggle.isChecked()).toBe(true);
    expect(await legend.getByRole('button').count()).toBe(0);
    expect(
      await toggle
        .locator('xpath=ancestor::label')
        .evaluate((l) => getComputedStyle(l).backgroundColor),
    ).toBe('rgba(0, 0, 0, 0)');
    await toggle.click();
    await expect.poll(() => compareMarks(reader, WC).first().isVisible()).toBe(false);
    await reader.openApp();
    // The marks are placed (in the DOM) before the remembered choice is checked: hidden, not absent.
    await compareMarks(reader, WC).first().waitFor({ state: 'attached' });
    expect(await reader.page.locator('.panes').getAttribute('data-compare-marks')).toBe('hidden');
    expect(await compareMarks(reader, WC).first().isVisible()).toBe(false);
    const again = reader.page
      .getByRole('group', { name: 'Comparison marks' })
      .getByRole('switch', { name: 'Comparison marks' });
    expect(await again.isChecked()).toBe(false);
    await again.click();
    await expect.poll(() => compareMarks(reader, WC).first().isVisible()).toBe(true);
    expect(await reader.page.getByRole('button', { name: 'Chrome', exact: true }).count()).toBe(0);
    expect(await reader.page.getByRole('button', { name: 'Site navigation' }).count()).toBe(1);
  });
});

describe('buttons (item 9)', () => {
  it('share one style in the header', async () => {
    await showAt('wide');
    const look = (name: string): Promise<string> =>
      reader.page
        .locator('header')
        .getByRole('button', { name, exact: true })
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.borderTopStyle, s.borderTopColor, s.backgroundColor, s.borderRadius].join(' ');
        });
    const swap = await look('Swap');
    expect(await look('Compare')).toBe(swap);
    expect(await look('Add a text…')).toBe(swap);
    expect(await look('Library')).toBe(swap);
    expect(await look('Bibliography')).toBe(swap);
  });

  it('are at least 24×24 px, the comparison marks and paragraph tools at 420 px included', async () => {
    await showAt('narrow', `${WC}:3`);
    await waitForMarks(reader);
    await reader.paragraph(`${WC}:3`).locator('xpath=..').hover();
    const small = await reader.page.evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          const visible =
            r.width > 0 &&
            r.bottom > 0 &&
            r.top < innerHeight &&
            getComputedStyle(b).visibility !== 'hidden' &&
            Number(getComputedStyle(b.closest('.tools, .compare-tools') ?? b).opacity) > 0;
          return visible && (r.width < 24 || r.height < 24);
        })
        .map(
          (b) =>
            `${b.className || b.textContent}: ${b.getBoundingClientRect().width}×${b.getBoundingClientRect().height}`,
        ),
    );
    expect(small).toEqual([]);
    expect(await compareMarks(reader, WC).first().isVisible()).toBe(true);
  });
});

describe('Back after a footnote link (item 10)', () => {
  it('returns the pane to where it was on the page opened without an address', async () => {
    // Loaded again: a page opened without an address is the point.
    await reader.setViewport('wide');
    await reader.openApp();
    const marker = reader.footnoteMarker(`${LANKOV}:n1`);
    await marker.scrollIntoViewIfNeeded();
    const pane = reader.paneOf(LANKOV).locator('.pane-scroll');
    // Where the pane rests: the same scroll position over two frames.
    const before = await pane.evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          let last = -1;
          const check = (): void => {
            if (el.scrollTop === last) resolve(last);
            else {
              last = el.scrollTop;
              requestAnimationFrame(() => requestAnimationFrame(check));
            }
          };
          check();
        }),
    );
    await marker.click();
    await reader
      .footnotePopover(1)
      .getByRole('link', { name: /Go to note 1/ })
      .click();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe(`#${LANKOV}:n1`);
    await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 500);
    await reader.page.goBack();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe('');
    await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeLessThanOrEqual(before + 2);
    expect(await pane.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(before - 2);
  });
});

describe('Related (item 11)', () => {
  it('shows strength in words, no raw scores, and no filler words as shared terms', async () => {
    await showAt('wide', `${WC}:3`);
    await waitForMarks(reader);
    const panel = await openRelated(reader, `${WC}:3`);
    const text = (await panel.textContent())!;
    expect(text).not.toMatch(/score\s*\d/);
    expect(text).toMatch(/(strong|moderate|weak) match/);
    const terms = await panel
      .locator('.related-terms')
      .allTextContents()
      .then((all) => all.flatMap((t) => t.replace(/^Both speak of:\s*/, '').split(/,\s*/)));
    for (const filler of ['so', 'following', 'began', 'will', 'also', 'however'])
      expect(terms.map((t) => t.toLowerCase())).not.toContain(filler);
    await reader.screenshot('related-panel');
    await reader.pressKey('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });
});

describe('Link passages (item 12)', () => {
  it('does not fill the paraphrase with the quote', async () => {
    await showAt('wide');
    await waitForMarks(reader);
    expect(await relatedPanel(reader.page).count()).toBe(0);
    await selectInPassage(reader.page, `${WC}:5`, 0, 30);
    await selectionToolbar(reader.page).waitFor();
    await reader.pressKey('l');
    await selectInPassage(reader.page, `${LANKOV}:5`, 0, 30);
    await selectionToolbar(reader.page).waitFor();
    await reader.pressKey('l');
    const dialog = reader.page.getByRole('dialog', { name: 'Link passages' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /^agrees/ }).check();
    await dialog.getByRole('button', { name: 'Save comparison' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const view = await openCompareView(reader);
    const own = view.locator('.compare-row--own').first();
    await own.waitFor();
    expect(await own.locator('.compare-paraphrase').count()).toBe(0);
    await reader.pressKey('Escape');
    await expect.poll(() => view.isVisible()).toBe(false);
  });
});

describe('messages in plain language (item 13)', () => {
  it('an unknown passage says which passages exist; a reversed range says so', async () => {
    await showAt('wide');
    await reader.goToAddress(`${LANKOV}:99`);
    await expect.poll(() => reader.notice().textContent()).toContain('paragraphs 1–39');
    await reader.goToAddress(`${LANKOV}:13-12`);
    await expect.poll(() => reader.notice().textContent()).toContain('reversed');
    // At 420 px the long message wraps and its Dismiss keeps its word on one line ("Dismi / ss").
    await reader.setViewport('narrow');
    const dismissLines = await reader.page
      .locator('.notice')
      .getByRole('button', { name: 'Dismiss' })
      .evaluate((button) => {
        const range = document.createRange();
        range.selectNodeContents(button);
        return range.getClientRects().length;
      });
    expect(dismissLines).toBe(1);
  });

  it('Chicago’s note on a source left out of the bibliography cites no manual section', async () => {
    // The notice of the test above dismissed.
    await reader.pressKey('Escape');
    await expect.poll(() => reader.page.locator('.notice').count()).toBe(0);
    await showAt('wide', `${LANKOV}:12`);
    const panel = await openCite(reader, `${LANKOV}:12`);
    await chooseStyle(panel, 'chicago-notes');
    // The first Chicago citation builds its engine (seconds; the panel says so).
    await expect
      .poll(() => panel.textContent(), { timeout: scaled(45_000) })
      .toContain('notes only');
    const text = (await panel.textContent())!;
    expect(text).not.toMatch(/CMOS|14\.114|official CSL/);
    await reader.pressKey('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
  });
});

describe('fonts (item 14)', () => {
  it('renders every Korean and Russian run with a font that has its glyphs', async () => {
    await showAt('wide');
    await reader.page.evaluate(() => document.fonts.ready);
    const cdp = await reader.page.context().newCDPSession(reader.page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    // Each run's letters are drawn by the shipped web font of its script (so on every machine):
    // as many glyphs from a web font as the run has letters of that script.
    const scripts = { ko: /\p{Script=Hangul}/gu, ru: /\p{Script=Cyrillic}/gu } as const;
    for (const lang of ['ko', 'ru'] as const) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector: `.pane [lang="${lang}"]`,
      });
      expect(nodeIds.length, lang).toBeGreaterThan(0);
      for (const nodeId of nodeIds) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        const letters = (outerHTML.replace(/<[^>]*>/g, '').match(scripts[lang]) ?? []).length;
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        const fromWebFonts = fonts
          .filter((f) => f.isCustomFont && /Noto Serif|Diptych/.test(f.familyName))
          .reduce((n, f) => n + f.glyphCount, 0);
        expect(fromWebFonts, `${lang}: ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(letters);
      }
    }
    // Outside the panes too: the Cite panel's quote of footnote 4 showed its Korean as empty boxes.
    await reader.footnoteMarker('lankov-2007:n4').click();
    await reader.footnotePopover(4).getByRole('button', { name: /^Cite/ }).click();
    const quote = reader.page.locator('.cite-quote [lang="ko"]').first();
    await quote.waitFor();
    await reader.page.evaluate(() => document.fonts.ready);
    const { root: after } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: after.nodeId,
      selector: '.cite-quote [lang="ko"]',
    });
    const hangul = ((await quote.textContent())!.match(scripts.ko) ?? []).length;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(
      fonts.filter((f) => f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0),
      JSON.stringify(fonts),
    ).toBeGreaterThanOrEqual(hangul);
    await reader.pressKey('Escape');
    const loaded = await reader.page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    );
    expect(loaded.map((f) => f.replace(/"/g, ''))).toEqual(
      expect.arrayContaining(['Diptych Hangul', 'Diptych Cyrillic']),
    );
    await cdp.detach();
  });
});

describe('build noise (item 15)', () => {
  it('the production build logged no warning', async () => {
    expect((await appBuilt()).warnings).toEqual([]);
  });
});

describe('accessibility at 420 px (acceptance)', () => {
  it('no serious or critical axe violation with the Compare view, the drawer or a popover open', async () => {
    await showAt('narrow', `${LANKOV}:13`);
    // One pane shows at 420 px: wait for the marks of the one shown.
    await reader.page.locator('.compare-mark:visible').first().waitFor();
    await openCompareView(reader);
    expect(await reader.axeViolations()).toEqual([]);
    await reader.pressKey('Escape');
    await (await headerTool(reader.page, /^Annotations/)).click();
    await reader.page.locator('#annotations-sidebar').waitFor();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.pressKey('Escape');
    const marker = reader.footnoteMarker(`${LANKOV}:n1`);
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    await reader.footnotePopover(1).waitFor();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.screenshot('narrow-popover');
  });
});
