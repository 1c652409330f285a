/**
 * Annotations: 10,000 annotations on the two texts — load them from (in-memory)
 * storage, validate every record, and anchor every one — against a target of
 * 500 ms in total (issue 5), with JSON.parse of the same stored string as the
 * baseline measured in the same run. Then the same anchoring after an edit
 * near the start of each text (every annotation has moved: the exact-quote
 * step instead of the position step). Then the re-anchoring accuracy after
 * the scripted edits of the baselines (`tests/annotations/anchoring/baselines/`).
 *
 * The annotations are made the way a reader makes them: deterministic
 * pseudo-random selections (5–200 characters) passed through `describe`, then
 * completed by the model (`completeAnnotation`).
 */
import { anchor } from '../annotations/anchoring/anchor.ts';
import { describe } from '../annotations/anchoring/describe.ts';
import {
  CORRECT_OUTCOMES,
  reanchorAfterEdit,
  type ReanchorOutcome,
} from '../annotations/anchoring/reanchor.ts';
import {
  completeAnnotation,
  type Annotation,
  type AnnotationId,
} from '../annotations/model/annotation.ts';
import { loadAnnotations, saveAnnotations } from '../annotations/storage/annotation-storage.ts';
import { memoryStorage } from '../annotations/storage/memory-storage.ts';
import { builtinEditions } from '../sources/builtin.ts';
import type { Edition } from '../sources/edition.ts';
import {
  BASELINE_EDITS,
  baselineAnnotations,
} from '../tests/annotations/anchoring/baselines/index.ts';

const COUNT = 10_000;
const TARGET_MS = 500;

/** A small deterministic generator (mulberry32), so every run measures the same annotations. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeAnnotations(editions: readonly Edition[], count: number): Annotation[] {
  const rnd = random(5);
  const total = editions.reduce((n, e) => n + e.text.length, 0);
  const out: Annotation[] = [];
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  while (out.length < count) {
    let pick = rnd() * total;
    const edition = editions.find((e) => (pick -= e.text.length) < 0) ?? editions[0]!;
    const start = Math.floor(rnd() * edition.text.length);
    const s = describe(edition, start, start + 5 + Math.floor(rnd() * 196));
    if (!s?.quote || !s.position || !s.address) continue;
    const i = out.length;
    const kind = i % 3;
    const time = new Date(base + i * 1000).toISOString();
    out.push(
      completeAnnotation(
        {
          motivation: kind === 0 ? 'highlighting' : kind === 1 ? 'commenting' : 'tagging',
          color: 'yellow',
          ...(kind === 1 ? { note: `Note ${i}: *why* this matters.` } : {}),
          tags: kind === 2 ? ['claim', `t${i % 17}`] : [],
          targets: [
            {
              source: edition.id,
              selectors: { quote: s.quote, position: s.position, address: s.address },
            },
          ],
        },
        `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` as AnnotationId,
        time,
      ),
    );
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function run(): Promise<void> {
  const editions = builtinEditions();
  const byId = new Map(editions.map((e) => [e.id as string, e]));
  const annotations = makeAnnotations(editions, COUNT);
  const port = memoryStorage();
  saveAnnotations(port, { annotations, deleted: {}, revision: 1 });
  const raw = port.get('diptych:v1:annotations')!;

  const anchorAll = (list: readonly Annotation[], docs: ReadonlyMap<string, { text: string }>) => {
    const methods: Record<string, number> = {};
    for (const a of list) {
      const t = a.targets[0]!;
      const r = anchor(docs.get(t.source)!, t.selectors);
      const key = r.placed ? r.method : 'unplaced';
      methods[key] = (methods[key] ?? 0) + 1;
    }
    return methods;
  };

  // Warm-up, then medians of several runs (shared, noisy machines).
  const parse: number[] = [];
  const load: number[] = [];
  const anchoring: number[] = [];
  let methods: Record<string, number> = {};
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    JSON.parse(raw);
    parse.push(performance.now() - t);
    t = performance.now();
    const loaded = loadAnnotations(port);
    load.push(performance.now() - t);
    t = performance.now();
    methods = anchorAll(loaded.set.annotations, byId);
    anchoring.push(performance.now() - t);
  }
  const [p, l, a] = [median(parse), median(load), median(anchoring)];
  console.log(`${COUNT} annotations, ${(raw.length / 1024 / 1024).toFixed(1)} M characters stored`);
  console.log(`JSON.parse alone (baseline)      ${fmt(p).padStart(10)}`);
  console.log(
    `load + validate                  ${fmt(l).padStart(10)}   ${(l / p).toFixed(1)}× JSON.parse`,
  );
  console.log(
    `anchor all                       ${fmt(a).padStart(10)}   ${JSON.stringify(methods)}`,
  );
  console.log(
    `total                            ${fmt(l + a).padStart(10)}   target ≤ ${TARGET_MS} ms: ${l + a <= TARGET_MS ? 'met' : 'NOT met'}`,
  );

  // Every annotation moved: a sentence inserted near the start of each text.
  const shifted = new Map(
    editions.map((e) => [
      e.id as string,
      { text: `${e.text.slice(0, 200)} An inserted sentence.${e.text.slice(200)}` },
    ]),
  );
  const t = performance.now();
  const shiftedMethods = anchorAll(annotations, shifted);
  console.log(
    `anchor all after an early insertion ${fmt(performance.now() - t).padStart(7)}   ${JSON.stringify(shiftedMethods)}`,
  );

  console.log(
    '\nre-anchoring accuracy after the scripted edits (correct = outside the edit: exactly where it was; inside: placed over its text, or unplaced)',
  );
  for (const edition of editions) {
    const base = baselineAnnotations(edition).map((b) => b.selectors);
    for (const edit of BASELINE_EDITS[edition.id] ?? []) {
      const r = reanchorAfterEdit(edition.text, base, edit);
      const errors = (['moved', 'lost', 'misplaced'] as ReanchorOutcome[])
        .map((o) => `${o} ${r.counts[o]}`)
        .join(', ');
      const inside = r.cases.filter((c) => c.touched).length;
      const correct = r.cases.filter((c) => CORRECT_OUTCOMES.has(c.outcome)).length;
      console.log(
        `${edition.id.padEnd(25)} ${edit.name.padEnd(62)} ${correct}/${r.cases.length} (${(r.accuracy * 100).toFixed(1)}%), inside the edit ${inside} (placed ${r.counts['placed-approximately']}, unplaced ${r.counts.unplaced}); ${errors}`,
      );
    }
  }
}
