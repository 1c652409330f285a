// No user or imported string is ever inserted as HTML; javascript: and other
// non-http(s)/mailto links are never clickable. Known XSS payloads are typed
// into notes and tags, and imported (W3C and Hypothesis JSON); none may run.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceIri } from '../../annotations/io/format.ts';
import { builtinEdition } from '../../sources/builtin.ts';
import type { SourceId } from '../../sources/edition.ts';
import {
  annotate,
  clearStorage,
  openSidebar,
  sidebar,
  sidebarItems,
} from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';
import { tempDirForFile } from '../helpers/temp-dir.ts';

/** This file's exports and hand-made import files, removed after its tests. */
const tmp = tempDirForFile('diptych-e2e-security-');

/** Payloads that would set `window.__xss` (or open a dialog) if any part of them ran. */
const PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src="x" onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"><circle r="1"/></svg>',
  '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
  '<a href="javascript:window.__xss=\'a\'">html link</a>',
  '[md link](javascript:window.__xss="md")',
  '[entity link](&#106;avascript:window.__xss="entity")',
  '[spaced](java\tscript:window.__xss="tab")',
  '[ref link][evil]\n\n[evil]: javascript:window.__xss="ref"',
  '<javascript:alert(1)>',
  '[data](data:text/html,<script>window.__xss="data"</script>)',
  '"><img src=x onerror=alert(1)>',
];

let reader: Reader;
const dialogs: string[] = [];
beforeAll(async () => {
  reader = await startReader('wide');
  reader.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await reader.openApp();
  await clearStorage(reader);
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});

/** Nothing ran, and no link in the page leads anywhere but http(s) or mailto. */
async function assertNothingRan(): Promise<void> {
  expect(
    await reader.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  const hrefs = await reader.page.evaluate(() =>
    [...document.querySelectorAll('a[href], area[href], [*|href]:not(link)')].map((a) =>
      a.getAttribute('href')!,
    ),
  );
  for (const href of hrefs)
    expect(href).toMatch(/^(https?:|mailto:|#|\.\/|[a-z0-9-]+\.(css|js)$|[^:]*$)/i);
  const injected = await reader.page.evaluate(
    () =>
      document.querySelectorAll(
        '.ann-sidebar script, .ann-sidebar img, .ann-sidebar svg, .ann-sidebar iframe, .ann-sidebar [onerror], .ann-sidebar [onload]',
      ).length,
  );
  expect(injected).toBe(0);
}

/** Clicks every link in the notes (each must be http(s)/mailto; none may run script). */
async function clickNoteLinks(): Promise<void> {
  const links = sidebar(reader.page).locator('.ann-note a');
  for (let i = 0; i < (await links.count()); i++) {
    const href = await links.nth(i).getAttribute('href');
    expect(href).toMatch(/^(https?:|mailto:)/);
  }
}

describe('typed payloads', () => {
  it('notes and tags show every payload as text; nothing runs', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'n');
    const editor = sidebar(reader.page).getByRole('form', { name: 'Edit annotation' });
    await editor.getByLabel('Note').fill(PAYLOADS.join('\n\n'));
    await editor
      .getByLabel('Tags (separated by commas)')
      .fill('<script>window.__xss="tag"</script>, <img src=x onerror=alert(1)>');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const item = sidebarItems(reader.page).first();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('<script>window.__xss = "script"</script>');
    expect(text).toContain('<svg onload=');
    expect(await item.locator('.ann-tags li').allTextContents()).toEqual([
      '<script>window.__xss="tag"</script>',
      '<img src=x onerror=alert(1)>',
    ]);
    await clickNoteLinks();
    await reader.openApp();
    await openSidebar(reader.page);
    await sidebarItems(reader.page).first().waitFor();
    await assertNothingRan();
  });
});

describe('imported payloads', () => {
  const lankov = builtinEdition('lankov-2007' as SourceId)!;
  const para = lankov.blocks.find((b) => b.n === 4)!;
  const quote = para.text.slice(0, 40);

  it('W3C and Hypothesis files with payloads in notes and tags import as text; nothing runs', async () => {
    const w3c = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: PAYLOADS.map((p, i) => ({
        id: `urn:uuid:00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        type: 'Annotation',
        body: [
          { type: 'TextualBody', value: p, format: 'text/markdown', purpose: 'commenting' },
          { type: 'TextualBody', value: `tag ${i} <b onmouseover=alert(1)>`, purpose: 'tagging' },
        ],
        target: {
          source: sourceIri(lankov.id),
          selector: { type: 'TextQuoteSelector', exact: quote },
        },
      })),
    };
    const hypothesis = {
      total: 2,
      rows: [
        {
          id: 'hyp-xss-1',
          uri: 'https://example.org/lankov',
          text: '<img src=x onerror="window.__xss=\'hyp\'"> [x](javascript:window.__xss="hyp")',
          tags: ['<svg onload=alert(1)>'],
          target: [
            {
              source: 'https://example.org/lankov',
              selector: [{ type: 'TextQuoteSelector', exact: quote }],
            },
          ],
        },
      ],
    };
    const dir = tmp;
    const w3cFile = path.join(dir, `xss-w3c-${Date.now()}.jsonld`);
    const hypFile = path.join(dir, `xss-hyp-${Date.now()}.json`);
    writeFileSync(w3cFile, JSON.stringify(w3c));
    writeFileSync(hypFile, JSON.stringify(hypothesis));
    const bar = await openSidebar(reader.page);
    await reader.page.waitForFunction(
      () => document.querySelector('.ann-files button:not([disabled])') !== null,
    );
    const input = bar.getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)');
    await input.setInputFiles(w3cFile);
    await expect
      .poll(() => bar.locator('.ann-import-result').textContent())
      .toMatch(/Imported \d+ annotations/);
    await input.setInputFiles(hypFile);
    await expect
      .poll(() => bar.locator('.ann-import-result').textContent())
      .toMatch(/Imported 1 annotation/);
    const text = (await bar.textContent()) ?? '';
    expect(text).toContain('<svg onload=alert(1)>');
    expect(text).toContain('<img src=x onerror="window.__xss=\'hyp\'">');
    await clickNoteLinks();
    // Open each imported note's item and hover over everything: still nothing runs.
    const items = sidebarItems(reader.page);
    for (let i = 0; i < Math.min(await items.count(), 8); i++) await items.nth(i).hover();
    await assertNothingRan();
  });
});
