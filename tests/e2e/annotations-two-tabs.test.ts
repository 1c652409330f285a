// Issue 12, item 6: an annotation deleted in one tab while its editor is open in another keeps
// the typed text there, says what happened, and can be restored with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annotate,
  openSidebar,
  sidebar,
  sidebarItems,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

describe('two tabs, one editor', () => {
  it('a delete in the other tab keeps what was typed, says so, and Restore brings it back', async () => {
    await reader.openApp('lankov-2007:2');
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'n');
    const editor = sidebar(reader.page).getByRole('form', { name: 'Edit annotation' });
    await editor.waitFor();
    await editor.getByLabel('Note').fill('My unsaved thoughts on *this*');
    await editor.getByLabel('Tags (separated by commas)').fill('draft, aid');

    const other = await reader.page.context().newPage();
    try {
      await other.goto(reader.page.url());
      await other.waitForSelector('html[data-reader-ready]');
      await openSidebar(other);
      await expect.poll(() => sidebarItems(other).count()).toBe(1);
      await sidebarItems(other)
        .first()
        .getByRole('button', { name: /^Delete/ })
        .click();
      await expect.poll(async () => (await storedAnnotations(other)).length).toBe(0);
    } finally {
      await other.close();
    }

    const kept = sidebar(reader.page).getByRole('alert').filter({ hasText: 'Deleted elsewhere' });
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.getByRole('textbox', { name: 'Your note' }).inputValue()).toBe(
      'My unsaved thoughts on *this*',
    );
    expect(await kept.textContent()).toContain('Tags: draft, aid');
    // The passage in words, as everywhere a reader reads it (not "lankov-2007:2").
    expect(await kept.textContent()).toContain(
      'The annotation on Lankov (2007) ¶2, sentence 1 was deleted',
    );
    await expect
      .poll(() => reader.notice().textContent())
      .toContain(
        'The annotation you were editing on Lankov (2007) ¶2, sentence 1 was deleted in another tab or window; what you typed is kept',
      );
    expect(await editor.count()).toBe(0);
    await reader.screenshot('annotations-two-tabs-kept-wide');
    await reader.setViewport('narrow');
    await reader.screenshot('annotations-two-tabs-kept-narrow');
    await reader.setViewport('wide');

    await kept.getByRole('button', { name: 'Restore it with your text' }).click();
    await expect.poll(() => kept.count()).toBe(0);
    await expect
      .poll(async () => (await storedAnnotations(reader.page)).map((a) => [a.note, a.tags]))
      .toEqual([['My unsaved thoughts on *this*', ['draft', 'aid']]]);
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
    expect(await sidebarItems(reader.page).first().textContent()).toContain('My unsaved thoughts');
  });
});
