/**
 * Annotation import/export speed on 10,000 annotations spread over the two
 * texts (the load figure): schema validation, W3C export, import of
 * that export (parse, validate, resolve every target) and the Markdown
 * digest. Baselines from the same run: `JSON.stringify` of the internal list
 * for export, `JSON.parse` of the exported file for import, so the figures
 * read as "how much our checks cost over the bare JSON work".
 */
import { importAnnotations } from '../annotations/io/import-annotations.ts';
import { CONTEXT_CHARS } from '../annotations/io/resolve-target.ts';
import { markdownDigest } from '../annotations/io/markdown-digest.ts';
import { serializeW3cCollection } from '../annotations/io/w3c-export.ts';
import { addressForRange } from '../annotations/model/address-for-range.ts';
import { AnnotationSchema, COLORS, type Annotation } from '../annotations/model/annotation.ts';
import { builtinEditions } from '../sources/builtin.ts';
import type { Edition } from '../sources/edition.ts';

const COUNT = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown, runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Deterministic annotations on word boundaries of the editions. */
function makeAnnotations(editions: readonly Edition[]): Annotation[] {
  const out: Annotation[] = [];
  for (let i = 0; out.length < COUNT; i++) {
    const edition = editions[i % editions.length]!;
    const text = edition.text;
    let start = (i * 7919) % (text.length - 200);
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    let end = start + 20 + (i % 60);
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const exact = text.slice(start, end);
    if (exact.trim() !== exact || exact === '') continue;
    const n = String(out.length).padStart(12, '0');
    const stamp = new Date(Date.UTC(2026, 0, 1) + out.length * 60_000).toISOString();
    out.push(
      AnnotationSchema.parse({
        id: `urn:uuid:00000000-0000-4000-8000-${n}`,
        created: stamp,
        modified: stamp,
        motivation: i % 3 === 0 ? 'commenting' : 'highlighting',
        ...(i % 3 === 0 ? { note: `Note ${i}: *why* this matters.` } : {}),
        ...(i % 4 === 0 ? { color: COLORS[i % COLORS.length] } : {}),
        tags: i % 2 === 0 ? [`tag${i % 17}`] : [],
        targets: [
          {
            source: edition.id,
            selectors: {
              quote: {
                exact,
                prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
                suffix: text.slice(end, end + CONTEXT_CHARS),
              },
              position: { start, end },
              address: addressForRange(edition, start, end),
            },
          },
        ],
      }),
    );
  }
  return out;
}

/** Prints the figures: sizes, then each operation's median time and its ratio to the JSON baseline. */
export async function run(): Promise<void> {
  const editions = builtinEditions();
  const annotations = makeAnnotations(editions);
  const now = '2026-02-01T00:00:00.000Z';
  const file = serializeW3cCollection(annotations, {
    id: 'urn:uuid:00000000-0000-4000-8000-bench0000000',
    now,
  });

  const validate = time(() => annotations.forEach((a) => AnnotationSchema.parse(a)));
  const stringify = time(() => JSON.stringify(annotations));
  const exportMs = time(() => serializeW3cCollection(annotations, { now }));
  const parse = time(() => JSON.parse(file));
  let outcome = importAnnotations(file, { existing: [], editions, now });
  const importMs = time(() => {
    outcome = importAnnotations(file, { existing: [], editions, now });
  });
  const digest = time(() => markdownDigest(annotations));

  const mb = (Buffer.byteLength(file) / 1024 / 1024).toFixed(1);
  console.log(
    `${annotations.length} annotations; exported file ${mb} MB (${Math.round(Buffer.byteLength(file) / annotations.length)} bytes each)`,
  );
  console.log(`validate (AnnotationSchema)   ${validate.toFixed(0)} ms`);
  console.log(
    `W3C export                    ${exportMs.toFixed(0)} ms  (${(exportMs / stringify).toFixed(1)}× JSON.stringify, ${stringify.toFixed(0)} ms)`,
  );
  console.log(
    `import of that export         ${importMs.toFixed(0)} ms  (${(importMs / parse).toFixed(1)}× JSON.parse, ${parse.toFixed(0)} ms)`,
  );
  console.log(
    `  round trip identical: ${JSON.stringify(outcome.annotations) === JSON.stringify(annotations)} (${outcome.summary})`,
  );
  console.log(`Markdown digest               ${digest.toFixed(0)} ms`);
}
