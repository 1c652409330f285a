/**
 * For any valid annotation on our texts (fast-check builds them: any span,
 * motivation, colour, note, tags, origin, or a comparison of two spans), our
 * export passes every W3C MUST assertion and imports back identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAnnotations } from '../../../annotations/io/import-annotations.ts';
import { exportW3cCollection, serializeW3cCollection } from '../../../annotations/io/w3c-export.ts';
import {
  AnnotationSchema,
  COLORS,
  RELATIONS,
  type Annotation,
} from '../../../annotations/model/annotation.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { annotationsIn, checkW3cConformance } from '../helpers/w3c-conformance.ts';
import { targetAt } from '../helpers/samples.ts';
import { scaled } from '../../slowdown.ts';

const editions = builtinEditions();

const span = fc
  .record({
    e: fc.nat({ max: editions.length - 1 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ e, at, len }) => {
    const edition = editions[e]!;
    const start = Math.min(Math.floor(at * edition.text.length), edition.text.length - 1);
    return targetAt(edition, start, Math.min(edition.text.length, start + len));
  });

const text = fc
  .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
  .filter((s) => s.trim() !== '');
const tag = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .map((s) => s.replace(/[\r\n]/g, ' ').trim())
  .filter((s) => s !== '');
const date = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

const annotation: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.uuid().map((u) => `urn:uuid:${u}`),
    dates: fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    kind: fc.constantFrom('highlighting', 'commenting', 'tagging', 'linking'),
    color: fc.option(fc.constantFrom(...COLORS), { nil: undefined }),
    note: fc.option(text, { nil: undefined }),
    tags: fc.uniqueArray(tag, { maxLength: 5 }),
    targets: fc.tuple(span, span),
    link: fc.record({
      relation: fc.constantFrom(...RELATIONS),
      topic: text,
      paraphrases: fc.tuple(text, text),
      note: fc.option(text, { nil: undefined }),
      curated: fc.boolean(),
    }),
    origin: fc.option(
      fc.record({
        format: fc.constantFrom('w3c', 'hypothesis'),
        id: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => {
    const linking = r.kind === 'linking';
    const strip = <T extends object>(o: T): T =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    return AnnotationSchema.parse(
      strip({
        id: r.id,
        created: r.dates[0],
        modified: r.dates[1],
        motivation: r.kind,
        color: r.color,
        note: r.note,
        tags: r.tags,
        targets: linking ? [...r.targets] : [r.targets[0]],
        link: linking ? strip(r.link) : undefined,
        origin: r.origin === undefined ? undefined : strip(r.origin),
      }),
    );
  });

describe('export and import, for any valid annotation', () => {
  it(
    'every exported annotation conforms, and the import is identical',
    () => {
      fc.assert(
        fc.property(fc.uniqueArray(annotation, { maxLength: 4, selector: (a) => a.id }), (list) => {
          const document = exportW3cCollection(list, {
            id: 'urn:uuid:6f1c2b0e-0000-4000-8000-00000000c011',
            now: '2026-01-01T00:00:00.000Z',
          });
          for (const { annotation: item, context } of annotationsIn(document)) {
            expect(checkW3cConformance(item, context)).toEqual([]);
          }
          const text = serializeW3cCollection(list, { now: '2026-01-01T00:00:00.000Z' });
          const outcome = importAnnotations(text, {
            existing: [],
            editions,
            now: '2026-06-01T00:00:00.000Z',
          });
          expect(outcome.summary).toBe(
            list.length === 0
              ? 'Imported 0 annotations.'
              : `Imported ${list.length} annotation${list.length === 1 ? '' : 's'}.`,
          );
          expect(outcome.annotations).toEqual(list);
        }),
        { numRuns: 200 },
      );
    },
    scaled(60_000),
  );
});
