/**
 * `npm run bench -- library` (issue 16):
 *
 * 1. Adding a 1 MB Markdown text: `importDecodedText` (checks + pipeline) and
 *    then `TextLibrary.add` (one IndexedDB transaction: entry, content,
 *    edition), against the pipeline alone on the same text, medians of 5,
 *    alternating. Target: ≤ 2×. The store runs on fake-indexeddb in Node (the
 *    same `idb` code path as a browser; a browser's IndexedDB writes to disk,
 *    which this does not measure).
 * 2. The Library view with 50 stored texts, in headless Chromium: the time
 *    from the click on **Library** to the first paint of the list (the frame
 *    after its last row is in the DOM), medians of 5 page loads, each left
 *    idle for a few seconds first (as a reader meets the page: the dialog's
 *    chunk is fetched in idle time). Target: ≤ 200 ms.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { rmSync } from 'node:fs';
import { createTextLibrary, openLibraryStorage, type TextEntry } from '../library/index.ts';
import { recordFromFacts } from '../library/model.ts';
import { builtinText } from '../sources/builtin.ts';
import { importDecodedText } from '../sources/import-text.ts';
import { BUILTIN_SOURCES } from '../sources/metadata.ts';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

/** About 1 MB of well-formed Markdown: headings, paragraphs and GFM footnotes, from the two texts' words. */
function oneMegabyte(): string {
  const words = BUILTIN_SOURCES.map((m) => builtinText(m))
    .join(' ')
    .replace(/[^\p{L}\p{N}\s.,]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const parts = ['# A long text\n'];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const start = (i * 97) % (words.length - 80);
    const para = `${words.slice(start, start + 60).join(' ')}.`;
    const piece =
      i % 25 === 0
        ? `\n## Section ${i / 25 + 1}\n\n${para}[^n${i}]\n\n[^n${i}]: Note ${i}.\n`
        : `\n${para}\n`;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('');
}

async function addOneMegabyte(): Promise<void> {
  const text = oneMegabyte();
  const pipeline: number[] = [];
  const withStore: number[] = [];
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    const parsed = await importDecodedText(text, 'long.md');
    pipeline.push(performance.now() - t);
    if (!parsed.ok) throw new Error(parsed.reason);

    const { storage } = await openLibraryStorage(new IDBFactory());
    const library = createTextLibrary(storage, { reparse: () => Promise.reject(new Error()) });
    await library.load();
    t = performance.now();
    const again = await importDecodedText(text, 'long.md');
    if (!again.ok) throw new Error(again.reason);
    await library.add(again.text);
    withStore.push(performance.now() - t);
  }
  const ratio = median(withStore) / median(pipeline);
  console.log(
    `add a ${(text.length / 1024 / 1024).toFixed(2)} M-character Markdown text: pipeline ${fmt(median(pipeline))}; parse + store ${fmt(median(withStore))}; ratio ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER'}`,
  );
}

/** 50 entries and contents for the browser's database (small texts: the list never reads them). */
async function fiftyTexts(): Promise<{ entry: TextEntry; content: string }[]> {
  const out: { entry: TextEntry; content: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const content = `# Text number ${i + 1}\n\nA paragraph of text ${i + 1}, with some words to read.\n`;
    const r = await importDecodedText(content, `text-${i + 1}.md`);
    if (!r.ok) throw new Error(r.reason);
    const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    out.push({
      content,
      entry: {
        id: r.text.id,
        name: r.text.name,
        title: r.text.edition.title,
        format: 'markdown',
        version: 1,
        size: content.length,
        added: time,
        modified: time,
        facts: { ...r.text.facts, authors: [...r.text.facts.authors] },
        record: recordFromFacts({ ...r.text.facts, authors: ['Jane Roe'] }, 'markdown'),
        recordEdited: false,
      },
    });
  }
  return out;
}

async function libraryView(): Promise<void> {
  const texts = await fiftyTexts();
  const outDir = await buildApp('diptych-bench-library-');
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // tsx compiles benches with esbuild's keepNames, which wraps the functions handed to
    // `page.evaluate` below in a `__name` call the page lacks (helpers/sync-rig.ts).
    await context.addInitScript('window.__name = (f) => f;');
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-reader-ready]');
    // Store the 50 texts through the page's own IndexedDB (the app's database, as the app made it).
    await page.evaluate(async (list) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('diptych-library');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['texts', 'contents'], 'readwrite');
      for (const t of list) {
        tx.objectStore('texts').put(t.entry);
        tx.objectStore('contents').put({ id: t.entry.id, content: t.content });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, texts);
    for (let run = 0; run < 5; run++) {
      await page.goto(server.url);
      await page.waitForSelector('html[data-reader-ready]');
      await page.getByRole('button', { name: /^Library \(50\)/ }).waitFor();
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const button = [...document.querySelectorAll('button')].find((b) =>
              b.textContent?.startsWith('Library'),
            )!;
            const t0 = performance.now();
            const check = (): void => {
              if (document.querySelectorAll('.library-list tr[data-text]').length === 50) {
                requestAnimationFrame(() => resolve(performance.now() - t0));
              } else requestAnimationFrame(check);
            };
            button.click();
            check();
          }),
      );
      times.push(ms);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const m = median(times);
  console.log(
    `open the Library with 50 stored texts (click → list painted), median of 5: ${fmt(m)} (target ≤ 200 ms) ${m <= 200 ? 'OK' : 'OVER'}`,
  );
}

/** Runs both figures. */
export async function run(): Promise<void> {
  await addOneMegabyte();
  await libraryView();
}
