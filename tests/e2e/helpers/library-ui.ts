/**
 * Opening the Library as a reader does. The dialog's code loads on first use
 * (a lazy chunk), so "open" means: the dialog is shown and has drawn its list
 * (or its "No texts yet"), not merely that the button was clicked.
 */
import type { Locator, Page } from 'playwright-core';
import { headerTool } from './ui.ts';

/** The Library dialog. */
export function libraryDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Library' });
}

/** Clicks **Library** and waits until the dialog shows its texts; returns the dialog. */
export async function openLibrary(page: Page): Promise<Locator> {
  await (await headerTool(page, /^Library/)).click();
  const dialog = libraryDialog(page);
  await dialog.locator('.library-list, .library-empty').first().waitFor();
  return dialog;
}
