/**
 * The comparison tests' vocabulary, on top of `ui.ts`'s `Reader`: compared
 * passage marks, the Compare view and its filters, downloads, the Related
 * panel, Link passages. Tests say what a reader does ("activate the mark of
 * agenda-rank in Winstanley-Chesters"), not which selectors the markup uses.
 */
import type { Locator, Page } from 'playwright-core';
import { downloadedText, headerTool, type Reader } from './ui.ts';

/** The id of a curated comparison. */
export const comparisonId = (key: string): string => `urn:diptych:comparison:${key}`;

/** The mark of a comparison in the pane showing `source`. */
export function compareMark(reader: Reader, source: string, id: string): Locator {
  return reader.paneOf(source).locator(`.compare-mark[data-compare="${id}"]`);
}

/** Every compared-passage mark in the pane showing `source`. */
export function compareMarks(reader: Reader, source: string): Locator {
  return reader.paneOf(source).locator('.compare-mark');
}

/** Waits until the comparisons are loaded and marked. */
export async function waitForMarks(reader: Reader): Promise<void> {
  await reader.page.locator('.compare-mark').first().waitFor();
}

/** Whether an element lies (at least partly) within its pane's visible scroll area. */
export function inPaneViewport(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const pane = el.closest('.pane-scroll');
    if (!pane) return false;
    const a = el.getBoundingClientRect();
    const b = pane.getBoundingClientRect();
    return a.bottom > b.top && a.top < b.bottom && a.height > 0;
  });
}

/** Opens the Compare view from the header and returns the dialog. */
export async function openCompareView(reader: Reader): Promise<Locator> {
  await (await headerTool(reader.page, 'Compare')).click();
  const dialog = reader.page.getByRole('dialog', { name: 'Compare' });
  await dialog.locator('.compare-row').first().waitFor();
  return dialog;
}

/** The Compare table's rows. */
export function compareRows(dialog: Locator): Locator {
  return dialog.locator('tbody tr');
}

/** Chooses an option of a labelled select in the Compare view (by its visible text). */
export async function chooseFilter(
  dialog: Locator,
  label: 'Relation' | 'Topic' | 'Whose',
  option: string,
): Promise<void> {
  await dialog.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** Clicks `button` and returns the downloaded file's name and text. */
export async function download(
  page: Page,
  button: Locator,
): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: dl.suggestedFilename(), text: await downloadedText(dl) };
}

/** The "Related in the other text" panel. */
export function relatedPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^Related in / });
}

/**
 * Opens Related for a paragraph through its block tool (the block's one button so named; the
 * name ends with the paragraph in words, "Lankov (2007) ¶12", which keyboard.test.ts checks).
 */
export async function openRelated(reader: Reader, address: string): Promise<Locator> {
  const block = reader.paragraph(address).locator('xpath=..');
  await block.hover();
  await block.getByRole('button', { name: /^Related in the other text to / }).click();
  const panel = relatedPanel(reader.page);
  await panel.locator('.related-item').first().waitFor();
  return panel;
}

/** The addresses of Related's listed passages (`items`: its `.related-item`s), in order. */
export function addressesOf(items: Locator): Promise<string[]> {
  return items.evaluateAll((all) => all.map((li) => li.getAttribute('data-address-ref') ?? ''));
}
