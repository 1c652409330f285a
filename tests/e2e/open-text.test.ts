// "Open a text": the pipeline runs in the browser, loaded on demand, for a file the reader opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

const input = () => reader.page.getByTestId('open-text-input');

describe('open a text', () => {
  it('parses a Markdown file in the browser and shows it, numbered, in the active pane', async () => {
    await reader.openApp();
    const parserRequests: string[] = [];
    reader.page.on('request', (r) => {
      if (/parse-worker/.test(r.url())) parserRequests.push(r.url());
    });
    const markdown =
      'My notes\n\nFirst paragraph, about G.D. Tolaraya. Second sentence.¹\n\n¹ A *footnote*.\n\nSecond paragraph.';
    await input().setInputFiles({
      name: 'My Notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown),
    });
    const pane = reader.paneOf('my-notes');
    await expect.poll(() => pane.count()).toBe(1);
    expect(parserRequests.length).toBe(1); // the parser came as its own worker chunk, on demand
    expect(await reader.paragraph('my-notes:2').textContent()).toContain(
      'First paragraph, about G.D. Tolaraya. Second sentence.',
    );
    expect(await reader.paragraph('my-notes:2.1').textContent()).toBe(
      'First paragraph, about G.D. Tolaraya.',
    );
    expect(await reader.paragraph('my-notes:3').textContent()).toBe('Second paragraph.');
    expect(await reader.paragraph('my-notes:n1').textContent()).toContain('A footnote.');
    expect(await reader.notice().textContent()).toContain('Opened “My Notes.md” for this session');
  });

  describe('when it fails', () => {
    it('refuses binary data with a clear message and changes nothing', async () => {
      await reader.openApp();
      const panes = await reader.page
        .locator('.pane')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
      await input().setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      });
      await expect
        .poll(() => reader.notice().textContent())
        .toContain('“photo.png” looks like binary data');
      expect(
        await reader.page
          .locator('.pane')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-source'))),
      ).toEqual(panes);
    });
    it('refuses an empty file', async () => {
      await input().setInputFiles({
        name: 'empty.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('  \n'),
      });
      await expect.poll(() => reader.notice().textContent()).toContain('“empty.txt” is empty');
    });
  });
});
