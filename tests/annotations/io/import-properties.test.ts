/**
 * Properties of import (fast-check): for any input — arbitrary text,
 * arbitrary JSON, and our own export with random damage — it never throws,
 * gives the same outcome twice, and keeps its all-or-nothing promise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  importAnnotations,
  type ImportOutcome,
} from '../../../annotations/io/import-annotations.ts';
import { locateInEditions } from '../../../annotations/io/locate-in-editions.ts';
import { exportW3cCollection } from '../../../annotations/io/w3c-export.ts';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { sampleAnnotations } from '../helpers/samples.ts';
import { scaled } from '../../slowdown.ts';

const editions = builtinEditions();
const locate = locateInEditions(editions);
const samples = sampleAnnotations(editions);
const NOW = '2026-02-01T00:00:00.000Z';
const ctx = { existing: [samples[0]!.id], editions, locate, now: NOW };

/** What must hold of every outcome. */
function checkOutcome(outcome: ImportOutcome): void {
  expect(outcome.summary).not.toMatch(/internal error/);
  expect(outcome.summary.length).toBeGreaterThan(0);
  const errors = outcome.results.filter((r) => r.status === 'error');
  if (outcome.fileError !== undefined || errors.length > 0) {
    expect(outcome.ok).toBe(false);
    expect(outcome.annotations).toEqual([]);
    expect(outcome.summary).toMatch(/^Nothing was imported: /);
  } else {
    expect(outcome.ok).toBe(true);
  }
  const ids = outcome.annotations.map((a) => a.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).not.toContain(samples[0]!.id);
  for (const a of outcome.annotations) expect(AnnotationSchema.safeParse(a).success).toBe(true);
}

function run(text: string): void {
  const once = importAnnotations(text, ctx);
  checkOutcome(once);
  expect(importAnnotations(text, ctx)).toEqual(once);
}

/** Replaces the value at a random path of a JSON value. */
function damage(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = path[0]! % value.length;
    return value.map((v, j) => (j === i ? damage(v, path.slice(1), replacement) : v));
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[path[0]! % keys.length]!;
    return {
      ...value,
      [key]: damage((value as Record<string, unknown>)[key], path.slice(1), replacement),
    };
  }
  return replacement;
}

describe('importAnnotations: properties', () => {
  it(
    'any string: never throws, deterministic, all or nothing',
    () => {
      fc.assert(fc.property(fc.string({ maxLength: 200 }), run), { numRuns: 300 });
    },
    scaled(30_000),
  );

  it(
    'any JSON: never throws, deterministic, all or nothing',
    () => {
      fc.assert(fc.property(fc.json({ maxDepth: 5 }), run), { numRuns: 300 });
    },
    scaled(30_000),
  );

  it(
    'our export, damaged anywhere: never throws, deterministic, all or nothing',
    () => {
      const exported = exportW3cCollection(samples, {
        id: 'urn:uuid:6f1c2b0e-0000-4000-8000-00000000c011',
        now: NOW,
      });
      const replacement = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(
          -1,
          1e308,
          '',
          'urn:diptych:source:nowhere',
          'lankov-2007:999',
          '2026-13-45T99:99:99Z',
          { type: 'TextQuoteSelector' },
        ),
      );
      fc.assert(
        fc.property(
          fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
          replacement,
          (path, value) => {
            run(JSON.stringify(damage(exported, path, value)));
          },
        ),
        // Each damaged source sends a quote through fuzzy matching over both texts: slow, so fewer runs.
        { numRuns: 150 },
      );
    },
    scaled(60_000),
  );
});
