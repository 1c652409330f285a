import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT_VERSION } from '../../../annotations/io/format.ts';
import { MIGRATIONS, migrateDocument, type Migration } from '../../../annotations/io/migrations.ts';

describe('migrateDocument', () => {
  it('format 1 is current and the first: no migrations exist yet', () => {
    expect(CURRENT_FORMAT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
    const doc = { type: 'AnnotationCollection' };
    expect(migrateDocument(doc, 1)).toEqual({ ok: true, document: doc, from: 1 });
  });

  it('runs a chain of steps in order, oldest first', () => {
    // The machinery, with steps made up for this test (not a real format history).
    const steps: Migration[] = [
      {
        from: 1,
        change: 'adds b',
        migrate: (d) => ({ ...d, b: true, trail: `${String(d['trail'])}>2` }),
      },
      {
        from: 2,
        change: 'adds c',
        migrate: (d) => ({ ...d, c: true, trail: `${String(d['trail'])}>3` }),
      },
    ];
    expect(migrateDocument({ trail: '1' }, 1, steps, 3)).toEqual({
      ok: true,
      document: { trail: '1>2>3', b: true, c: true },
      from: 1,
    });
    expect(migrateDocument({ trail: '2' }, 2, steps, 3)).toMatchObject({
      document: { trail: '2>3', c: true },
    });
  });
});

describe('migrateDocument: when it fails', () => {
  it.each([
    [7, /newer Diptych \(format 7\); this one reads formats up to 1/],
    [0, /whole number from 1/],
    [1.5, /whole number from 1/],
    ['1', /whole number from 1, not "1"/],
    [null, /whole number from 1, not null/],
  ])('refuses version %j', (version, message) => {
    const result = migrateDocument({}, version);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('refuses a version with no upgrade step', () => {
    expect(migrateDocument({}, 1, [], 2)).toEqual({
      ok: false,
      message: 'no upgrade from format 1; this Diptych cannot read it',
    });
  });
});
