/**
 * Test helpers for storage and the store: valid annotations, made through the
 * model's own `completeAnnotation` so they are exactly what the store makes.
 */
import {
  completeAnnotation,
  type Annotation,
  type AnnotationId,
  type NewAnnotation,
} from '../../../annotations/model/annotation.ts';
import type { Address, SourceId } from '../../../sources/edition.ts';

/** A valid `NewAnnotation` on Lankov's title ("Russia", offsets 0–6), with a note. */
export function newAnnotation(overrides: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    motivation: 'commenting',
    note: 'A note.',
    tags: ['russia'],
    color: 'yellow',
    targets: [
      {
        source: 'lankov-2007' as SourceId,
        selectors: {
          quote: { exact: 'Russia', prefix: '', suffix: ' and North Korea: From “Socialist' },
          position: { start: 0, end: 6 },
          address: 'lankov-2007:title1' as Address,
        },
      },
    ],
    ...overrides,
  };
}

/** A valid stored annotation with id `urn:uuid:…<n>` made at `time`. */
export function annotation(
  n: number,
  time = '2026-01-01T00:00:00.000Z',
  overrides: Partial<NewAnnotation> = {},
): Annotation {
  const id = `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as AnnotationId;
  return completeAnnotation(newAnnotation({ note: `Note ${n}.`, ...overrides }), id, time);
}

/** The same annotation with a later `modified` and some fields changed. */
export function edited(a: Annotation, time: string, changes: Partial<Annotation> = {}): Annotation {
  return { ...a, ...changes, modified: time };
}
