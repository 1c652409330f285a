// axe-core audit of the main views (wide and narrow, popover open, search open, dialog open) and the landmarks.
// One page for the file: only the first test loads the app; each test after it closes what the one
// before opened and moves in the page (a hash link, as a reader's) to the passage it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCompareView, openRelated, relatedPanel, waitForMarks } from './helpers/compare-ui.ts';
import {
  bibliographyDialog,
  chooseStyle,
  openCite,
  panelCitation,
} from './helpers/citations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';
import { scaled } from '../slowdown.ts';

let reader: Reader;

/** Closes the open dialogs one by one (Escape, as a reader does), each time waiting until it has gone. */
async function closeDialogs(): Promise<void> {
  const dialogs = reader.page.getByRole('dialog');
  for (let open = await dialogs.count(); open > 0; open = await dialogs.count()) {
    await reader.pressKey('Escape');
    await expect.poll(() => dialogs.count()).toBeLessThan(open);
  }
}

beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

describe('accessibility', () => {
  it('has a banner, a main and two labelled regions, and a heading outline', async () => {
    await reader.setViewport('wide');
    await reader.openApp();
    expect(await reader.page.getByRole('banner').count()).toBe(1);
    expect(await reader.page.getByRole('main').count()).toBe(1);
    expect(await reader.page.getByRole('region').count()).toBe(2);
    expect(await reader.page.getByRole('region', { name: /Lankov \(2007\)/ }).count()).toBe(1);
    expect(await reader.page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await reader.page.getByRole('heading', { level: 2 }).count()).toBe(2);
    expect(await reader.page.getByRole('search').count()).toBe(1);
  });

  it('wide: no serious or critical axe violations', async () => {
    expect(await reader.axeViolations()).toEqual([]);
  });

  it('wide, with a footnote pinned and search results open: none either', async () => {
    await reader.goTo('lankov-2007:13');
    await reader.footnoteMarker('lankov-2007:n1').click();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.search('Toloraya');
    await reader.searchHits().first().waitFor();
    expect(await reader.axeViolations()).toEqual([]);
  });

  it('wide, with chrome shown and the shortcuts dialog open: none either', async () => {
    // The search results and the pinned footnote of the test before, closed.
    await reader.searchBox().fill('');
    await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(() => reader.searchHits().count()).toBe(0);
    if (await reader.footnotePopover(1).isVisible()) await reader.pressKey('Escape');
    await reader.footnotePopover(1).waitFor({ state: 'hidden' });
    await reader.page.getByRole('button', { name: 'Site navigation' }).click();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.pressKey('?');
    await reader.page.getByRole('dialog').waitFor();
    expect(await reader.axeViolations()).toEqual([]);
    await closeDialogs();
    await reader.page.getByRole('button', { name: 'Site navigation' }).click();
    expect(
      await reader.page
        .getByRole('button', { name: 'Site navigation' })
        .getAttribute('aria-pressed'),
    ).toBe('false');
  });

  it('narrow: none either', async () => {
    await reader.setViewport('narrow');
    await reader.goTo('lankov-2007:n4');
    await expect.poll(() => reader.paneOf('lankov-2007').isVisible()).toBe(true);
    expect(await reader.axeViolations()).toEqual([]);
    await reader.setViewport('wide');
  });

  it('wide, with comparison marks, the Compare view and the Related panel open: none either', async () => {
    await waitForMarks(reader);
    expect(await reader.axeViolations()).toEqual([]);
    await openRelated(reader, 'lankov-2007:12');
    expect(await reader.axeViolations()).toEqual([]);
    await openCompareView(reader);
    expect(await reader.axeViolations()).toEqual([]);
    await closeDialogs();
    // Escape closes the Related panel from anywhere (related-panel.tsx): pressed while it is open.
    const related = relatedPanel(reader.page);
    await expect
      .poll(async () => {
        if ((await related.count()) > 0) await reader.pressKey('Escape');
        return related.count();
      })
      .toBe(0);
  });

  it(
    'wide, with the Cite panel and the Bibliography dialog open: none either',
    async () => {
      await reader.goTo('lankov-2007:12');
      const panel = await openCite(reader, 'lankov-2007:12');
      await chooseStyle(panel, 'mla');
      await panelCitation(reader.page).waitFor({ timeout: scaled(45_000) });
      expect(await reader.axeViolations()).toEqual([]);
      await reader.pressKey('Escape');
      await panel.waitFor({ state: 'detached' });
      await reader.page.getByRole('button', { name: 'Bibliography' }).click();
      await bibliographyDialog(reader.page)
        .locator('.bibliography-entry')
        .first()
        .waitFor({ timeout: scaled(45_000) });
      expect(await reader.axeViolations()).toEqual([]);
      await closeDialogs();
    },
    scaled(120_000),
  );

  describe('when it fails', () => {
    it('the audit does report a violation (it is not vacuous)', async () => {
      await reader.page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'data:,';
        document.querySelector('main')!.append(img);
      });
      const ids = (await reader.axeViolations()).map((v) => v.id);
      expect(ids).toContain('image-alt');
    });
  });
});
