// Issue 12, item 3: "Open a text" parses in a Web Worker with budgets; crafted files cannot freeze the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRAFTED_TEXTS, craftedText } from '../fixtures/crafted/crafted-texts.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

const input = () => reader.page.getByTestId('open-text-input');
const paneSources = () =>
  reader.page.locator('.pane').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
const open = (name: string, text: string) =>
  input().setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });

describe('open a crafted text', () => {
  const refused: Record<string, string> = {
    'dash-list.md':
      '“dash-list.md” nests lists and blockquotes 10,000 deep on line 1 (the limit is 32).',
    'brackets.md': '“brackets.md” nests square brackets 100,000 deep on line 1 (the limit is 32).',
    'indented-list.md': '“indented-list.md” nests lists and blockquotes 33 deep on line 33',
    'blockquotes.md': '“blockquotes.md” nests lists and blockquotes 10,000 deep on line 1',
  };
  for (const crafted of CRAFTED_TEXTS.filter((t) => refused[t.name])) {
    it(`refuses ${crafted.description} with a clear message, and changes nothing`, async () => {
      await reader.openApp();
      const before = await paneSources();
      await open(crafted.name, crafted.make());
      await expect.poll(() => reader.notice().textContent()).toContain(refused[crafted.name]);
      expect(await paneSources()).toEqual(before);
    });
  }

  it('keeps the page responsive while a long text parses, shows progress, and Cancel stops it', async () => {
    await reader.openApp();
    const before = await paneSources();
    await open('long-text.md', craftedText('long-text.md'));
    const progress = reader.page.getByTestId('open-text-progress');
    await progress.waitFor();
    // The page's thread answers at once while the worker parses.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      expect(await reader.page.evaluate(() => 1 + 1)).toBe(2);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    await progress.getByRole('button', { name: /Cancel/ }).click();
    await expect
      .poll(() => reader.notice().textContent())
      .toContain('Opening “long-text.md” was cancelled.');
    expect(await progress.count()).toBe(0);
    expect(await paneSources()).toEqual(before);
  });
});

describe('a 100,000-paragraph text', () => {
  it('opens (in the worker), renders only a window of it, scrolls, and follows a link deep inside', async () => {
    await reader.openApp();
    await open('long-text.md', craftedText('long-text.md'));
    const pane = reader.paneOf('long-text');
    await expect.poll(() => pane.count(), { timeout: 120_000, interval: 1_000 }).toBe(1);
    const rendered = await pane.locator('[data-address$=".1"]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(1_000);
    expect(await reader.paragraph('long-text:1').textContent()).toBe('Paragraph 1 of a long text.');
    // Scrolling to the middle renders the middle.
    await pane.locator('.pane-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect
      .poll(() =>
        pane
          .locator('.block--numbered > [data-address]')
          .evaluateAll((els) =>
            els.map((e) => Number(e.getAttribute('data-address')!.split(':')[1])),
          ),
      )
      .toContainEqual(expect.any(Number));
    const numbers = await pane
      .locator('.block--numbered > [data-address]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-address')!.split(':')[1])));
    expect(Math.max(...numbers)).toBeGreaterThan(20_000);
    // A deep link lands on its paragraph, rendered and marked.
    await reader.goToAddress('long-text:99999');
    await expect
      .poll(() => reader.paragraph('long-text:99999').getAttribute('aria-current'))
      .toBe('location');
    expect(await reader.paragraph('long-text:99999').textContent()).toBe(
      'Paragraph 99999 of a long text.',
    );
    await reader.screenshot('open-text-long-wide');
  }, 180_000);
});
