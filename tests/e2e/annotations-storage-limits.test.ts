// Issue 12, items 1 and 4, as a reader meets them: a far-future date in an
// imported file must not stop annotating after a reload, and an import that
// storage cannot hold must say so (with the numbers) rather than "Imported".
// One browser for the file; each test starts from an emptied localStorage.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  annotate,
  clearStorage,
  openSidebar,
  sidebarItems,
  storageStatus,
  storedAnnotations,
  simulateQuota,
} from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';
import { tempDirForFile } from '../helpers/temp-dir.ts';

/** This file's exports and hand-made import files, removed after its tests. */
const tmp = tempDirForFile('diptych-e2e-limits-');

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await simulateQuota(reader);
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});
beforeEach(async () => {
  await clearStorage(reader);
  await reader.openApp();
});

const FAR = '9999-12-31T23:59:59.999Z';
const IMPORT_LABEL = 'Annotation file to import (W3C JSON-LD or Hypothesis JSON)';

/** A W3C annotation file quoting `exact` in Lankov, dated `at`; returns its path. */
function w3cFile(name: string, quotes: readonly string[], at?: string): string {
  const items = quotes.map((exact, i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:6f1c2b0e-0000-4000-8000-${String(900 + i).padStart(12, '0')}`,
    type: 'Annotation',
    ...(at ? { created: at, modified: at } : {}),
    body: { type: 'TextualBody', value: `Imported ${i}.`, purpose: 'commenting' },
    target: {
      source: 'urn:diptych:source:lankov-2007',
      selector: { type: 'TextQuoteSelector', exact },
    },
  }));
  const file = path.join(tmp, `diptych-${name}-${Date.now()}.jsonld`);
  writeFileSync(file, JSON.stringify(items.length === 1 ? items[0] : items));
  return file;
}

async function importFile(file: string): Promise<string> {
  const bar = await openSidebar(reader.page);
  await reader.page.waitForFunction(
    () => document.querySelector('.ann-files button:not([disabled])') !== null,
  );
  await bar.getByLabel(IMPORT_LABEL).setInputFiles(file);
  const result = bar.locator('.ann-import-result');
  await expect.poll(async () => (await result.textContent()) ?? '').not.toBe('');
  return (await result.textContent()) ?? '';
}

describe('a far-future date on import (issue 12, item 1)', () => {
  it('after a reload, highlighting still works, is stamped by the real clock, and nothing is lost', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(1);
    const text = await importFile(
      w3cFile('future', ['the USSR remained the major donor of North Korea'], FAR),
    );
    expect(text).toMatch(/Imported 1 annotation/);

    await reader.openApp(); // reload
    await annotate(reader.page, 'lankov-2007:3', 0, 30, 'h');
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(3);
    const stored = await storedAnnotations(reader.page);
    const year = String(new Date().getUTCFullYear());
    const created = stored.map((a) => (a as unknown as { created: string }).created).sort();
    expect(created.filter((c) => c === FAR)).toHaveLength(1);
    expect(created.filter((c) => c.startsWith(year))).toHaveLength(2);
    expect(await storageStatus(reader.page).count()).toBe(0);

    await reader.openApp(); // and again: nothing damaged, all three listed
    await openSidebar(reader.page);
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(3);
    expect(await storageStatus(reader.page).count()).toBe(0);
  });
});

describe('an import that storage cannot hold (issue 12, item 4)', () => {
  it('is refused with the numbers, not reported as imported, and nothing changes', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(1);
    await reader.page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = true;
    });
    const text = await importFile(
      w3cFile('full', [
        'the USSR remained the major donor of North Korea',
        'Soviet aid were necessary to keep North Korean economy afloat',
      ]),
    );
    expect(text).not.toMatch(/Imported/);
    expect(text).toMatch(/Nothing was imported: .* would take \d+\.\d+ MB/);
    await openSidebar(reader.page);
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);

    await reader.page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = false;
    });
    await reader.openApp(); // reload: what the reader was told is what is there
    await openSidebar(reader.page);
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
  });
});
