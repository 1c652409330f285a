/**
 * The benches' 10,000 annotations on the two texts: quotes of 20–119
 * characters spread evenly over both editions (made by `describe`, as a
 * reader's selection would be), a third with a note, a quarter tagged, every
 * colour. Deterministic, so every run measures the same set; shared by the
 * sidebar bench (loaded from localStorage) and the sync benches (replicated
 * from the server), so their figures compare like with like.
 */
import { describe } from '../../annotations/anchoring/describe.ts';
import {
  completeAnnotation,
  type Annotation,
  type AnnotationId,
} from '../../annotations/model/annotation.ts';
import { saveAnnotations } from '../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY } from '../../annotations/storage/envelope.ts';
import { memoryStorage } from '../../annotations/storage/memory-storage.ts';
import { builtinEditions } from '../../sources/builtin.ts';

/** `count` annotations spread over the two built-in texts. */
export function spreadAnnotations(count: number): Annotation[] {
  const editions = builtinEditions();
  const out: Annotation[] = [];
  for (let i = 0; out.length < count; i++) {
    const e = editions[i % 2]!;
    const start = (i * 7919) % (e.text.length - 300);
    const s = describe(e, start, start + 20 + (i % 100));
    if (!s?.quote || !s.position || !s.address) continue;
    out.push(
      completeAnnotation(
        {
          motivation: i % 3 === 1 ? 'commenting' : 'highlighting',
          color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5],
          ...(i % 3 === 1 ? { note: `Note ${i}: *why* this matters.` } : {}),
          tags: i % 4 === 0 ? [`t${i % 17}`] : [],
          targets: [
            {
              source: e.id,
              selectors: { quote: s.quote, position: s.position, address: s.address },
            },
          ],
        },
        `urn:uuid:00000000-0000-4000-8000-${String(out.length).padStart(12, '0')}` as AnnotationId,
        new Date(Date.UTC(2026, 0, 1, 0, 0, 0, out.length)).toISOString(),
      ),
    );
  }
  return out;
}

/**
 * `annotations` as the store writes them under its localStorage key (the
 * data alone: loading it validates every record, as for a string the app did
 * not write itself).
 */
export function storedForm(annotations: Annotation[]): string {
  return storedEntries(annotations)[ANNOTATIONS_KEY]!;
}

/**
 * Every localStorage key and value a save of `annotations` leaves: the data
 * and the digest of it (`annotations/storage/stored-digest.ts`), as a
 * reader's browser holds them after the app saved their annotations.
 */
export function storedEntries(annotations: Annotation[]): Record<string, string> {
  const port = memoryStorage();
  const saved = saveAnnotations(port, { annotations, deleted: {}, revision: 1 });
  if (!saved.ok) throw new Error(saved.message);
  return Object.fromEntries(port.keys().map((k) => [k, port.get(k)!]));
}
