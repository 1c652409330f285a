/**
 * The citation tests' vocabulary, on top of `ui.ts`'s `Reader`: the Cite
 * button of a passage, the Cite panel and its parts, the Bibliography dialog,
 * a selection across passages, and reading both clipboard types back.
 */
import type { Locator, Page } from 'playwright-core';
import type { Reader } from './ui.ts';

export { CITATION_STYLE_KEY, PINPOINT_CHOICE_KEY } from '../../../app/citations/citation-style.ts';
export { RECORD_OVERRIDES_KEY } from '../../../app/citations/record-override-store.ts';

/** The "Cite" button in a paragraph's tools (shown on hover or focus) or a note's line. */
export function citeButton(reader: Reader, address: string): Locator {
  const { page } = reader;
  return /:n\d+$/.test(address)
    ? page.locator(`.note:has([data-address="${address}"]) .note-cite`)
    : page.locator(`.block:has(> [data-address="${address}"]) .tools button`, { hasText: 'Cite' });
}

/** The open Cite panel (a modal dialog named "Cite …"). */
export function citePanel(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Cite / });
}

/** The Bibliography dialog. */
export function bibliographyDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Bibliography' });
}

/** The panel's in-text citation or first note, once formatted. */
export function panelCitation(page: Page): Locator {
  return citePanel(page).locator('.cite-citation');
}

/** The record editor of a built-in source (Edit record, from the Cite panel). */
export function recordEditor(page: Page): Locator {
  return page.locator('dialog.record-override-editor');
}

/** Types a URL and a date issued into the open record editor and presses Save record. */
export async function fillRecord(editor: Locator, url: string, issued: string): Promise<void> {
  await editor.getByLabel(/^URL/).fill(url);
  await editor.getByLabel(/^Date issued/).fill(issued);
  await editor.getByRole('button', { name: 'Save record' }).click();
}

/** Opens the Cite panel of a passage from the keyboard (focus its Cite button, press Enter). */
export async function openCite(reader: Reader, address: string): Promise<Locator> {
  const button = citeButton(reader, address);
  await button.focus();
  await reader.page.keyboard.press('Enter');
  const panel = citePanel(reader.page);
  await panel.waitFor();
  return panel;
}

/** Chooses a style in the open dialog's picker. */
export async function chooseStyle(dialog: Locator, style: string): Promise<void> {
  await dialog.getByLabel('Style', { exact: true }).selectOption(style);
}

/** Chooses a pinpoint form (`paragraph`, `section`, `none`) in the open Cite panel. */
export async function choosePinpoint(panel: Locator, mode: string): Promise<void> {
  await panel.getByLabel('Pinpoint', { exact: true }).selectOption(mode);
}

/**
 * Selects from character `from` of one passage's text to character `to` of
 * another's (footnote markers and other ignored content skipped), as a drag
 * would; returns the selected text.
 */
export async function selectAcross(
  page: Page,
  start: { address: string; offset: number },
  end: { address: string; offset: number },
): Promise<string> {
  return page.evaluate(
    ({ start, end }) => {
      const point = (address: string, offset: number): [Node, number] => {
        const el = document.querySelector(`[data-address="${CSS.escape(address)}"]`);
        if (!el) throw new Error(`no element for ${address}`);
        const walker = document.createTreeWalker(
          el,
          NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
          {
            acceptNode: (n) =>
              n.nodeType === 3
                ? NodeFilter.FILTER_ACCEPT
                : (n as Element).hasAttribute('data-anchor-ignore')
                  ? NodeFilter.FILTER_REJECT
                  : NodeFilter.FILTER_SKIP,
          },
        );
        let acc = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = (n as Text).data.length;
          if (offset <= acc + len) return [n, offset - acc];
          acc += len;
        }
        throw new Error(`offset ${offset} is past the end of ${address}`);
      };
      const range = document.createRange();
      range.setStart(...point(start.address, start.offset));
      range.setEnd(...point(end.address, end.offset));
      const el = document.querySelector(`[data-address="${CSS.escape(start.address)}"]`);
      (el?.closest('.pane-scroll') as HTMLElement | null)?.focus({ preventScroll: true });
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return range.toString();
    },
    { start, end },
  );
}

/** Both types on the clipboard (the test's context must grant clipboard-read). */
export async function readClipboard(
  page: Page,
): Promise<{ html: string | null; text: string | null }> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const read = async (type: string): Promise<string | null> => {
      const item = items.find((i) => i.types.includes(type));
      return item ? (await item.getType(type)).text() : null;
    };
    return { html: await read('text/html'), text: await read('text/plain') };
  });
}
