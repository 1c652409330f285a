/**
 * Pipeline speed: the full pipeline against bare remark-parse on the same
 * input, in the same run — on the two seed texts and on a ~5 MB text made by
 * repeating them. Targets (corpus issue): pipeline ≤ 2× remark-parse, and its
 * cost per MB at 5 MB ≤ 1.5× its cost per MB on the two texts.
 *
 * The 5 MB text runs without editorial declarations: repeated, each would
 * match hundreds of blocks, which the pipeline rightly refuses.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { builtinText } from '../sources/builtin.ts';
import { BUILTIN_SOURCES } from '../sources/metadata.ts';
import { parseEdition } from '../sources/pipeline.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median times of `a` and `b`, run alternately so that both see the same
 * machine load (these machines are shared and noisy).
 */
function timePair(a: () => unknown, b: () => unknown, runs: number): [number, number] {
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    sa.push(performance.now() - t);
    t = performance.now();
    b();
    sb.push(performance.now() - t);
  }
  return [median(sa), median(sb)];
}

const bare = (text: string) => unified().use(remarkParse).parse(text);
const mb = (text: string) => Buffer.byteLength(text) / 1024 / 1024;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function run(): Promise<void> {
  const texts = BUILTIN_SOURCES.map((meta) => ({ meta, text: builtinText(meta) }));
  // Warm up the JIT on both code paths.
  for (let i = 0; i < 5; i++)
    for (const { meta, text } of texts) {
      bare(text);
      parseEdition(text, { id: meta.id, declarations: meta.declarations, kind: 'print' });
    }

  let seedPipeline = 0;
  let seedBytes = 0;
  console.log('input                        size       remark-parse   pipeline     ratio');
  for (const { meta, text } of texts) {
    const [r, p] = timePair(
      () => bare(text),
      () => parseEdition(text, { id: meta.id, declarations: meta.declarations, kind: 'print' }),
      101,
    );
    seedPipeline += p;
    seedBytes += mb(text);
    console.log(
      `${meta.id.padEnd(28)} ${(mb(text) * 1024).toFixed(1).padStart(6)} KB  ${fmt(r).padStart(12)} ${fmt(p).padStart(11)}   ${(p / r).toFixed(2)}×`,
    );
  }
  const both = texts.map((t) => t.text).join('\n\n');
  let big = '';
  while (Buffer.byteLength(big) < 5 * 1024 * 1024) big += `${both}\n\n`;
  const [rBig, pBig] = timePair(
    () => bare(big),
    () => parseEdition(big, { id: 'repeated', kind: 'print' }),
    3,
  );
  console.log(
    `${'both texts repeated'.padEnd(28)} ${mb(big).toFixed(2).padStart(6)} MB  ${fmt(rBig).padStart(12)} ${fmt(pBig).padStart(11)}   ${(pBig / rBig).toFixed(2)}×  (target ≤ 2×)`,
  );
  const perMbSeed = seedPipeline / seedBytes;
  const perMbBig = pBig / mb(big);
  console.log(
    `pipeline cost per MB: two texts ${fmt(perMbSeed)}/MB, 5 MB ${fmt(perMbBig)}/MB → ${(perMbBig / perMbSeed).toFixed(2)}× (target ≤ 1.5×)`,
  );
}
