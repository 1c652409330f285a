/**
 * Citation speed, per style: building the citeproc engine (the slow part,
 * paid once per style per process or page), and one `cite()` (first note or
 * in-text citation, short note and bibliography entry, text and HTML) against
 * the baseline of one bare citeproc `makeCitationCluster` call on the same
 * engine, measured in the same run.
 *
 * Engine builds are slow under Node because citeproc-js's XmlJSON walks the
 * whole style tree for every macro lookup (Juris-M/citeproc-js PR #256, open,
 * proposes a cache); the big Chicago styles take seconds. The browser path
 * parses the style with DOMParser instead.
 */
import CSL from 'citeproc';
import { createCiter } from '../sources/citation/create-citer.ts';
import { nodeCslLoader } from '../sources/citation/node-csl-loader.ts';
import { styleRecord } from '../sources/citation/records.ts';
import { LOCALE_FILE, STYLES } from '../sources/citation/styles.ts';
import { lankov2007 } from '../sources/metadata.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (ms: number) => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(3)} ms`);

export async function run(): Promise<void> {
  const locale = await nodeCslLoader(LOCALE_FILE);
  console.log('style                     engine build   cite()       bare cluster   ratio');
  for (const style of STYLES) {
    let t = performance.now();
    const citer = await createCiter(style.id, nodeCslLoader);
    const build = performance.now() - t;

    // Baseline: the same engine work citeproc does for one in-text cite.
    const record = styleRecord(lankov2007, style.id);
    const engine = new CSL.Engine(
      { retrieveLocale: () => locale, retrieveItem: () => record },
      await nodeCslLoader(style.file),
      'en-US',
      true,
    );
    engine.updateItems([record.id]);
    engine.setOutputFormat('text');

    const sCite: number[] = [];
    const sBare: number[] = [];
    for (let i = 0; i < 201; i++) {
      t = performance.now();
      citer.cite('lankov-2007', { label: 'paragraph', locator: String((i % 39) + 1) });
      sCite.push(performance.now() - t);
      t = performance.now();
      engine.makeCitationCluster([
        { id: record.id, label: 'paragraph', locator: String((i % 39) + 1) },
      ]);
      sBare.push(performance.now() - t);
    }
    const c = median(sCite);
    const b = median(sBare);
    console.log(
      `${style.id.padEnd(25)} ${fmt(build).padStart(12)} ${fmt(c).padStart(11)} ${fmt(b).padStart(13)}   ${(c / b).toFixed(1)}×`,
    );
  }
  console.log(
    '(cite() makes 2 clusters per format, 4 in a notes style, so ≈2–4× one bare cluster is the floor.)',
  );
}
