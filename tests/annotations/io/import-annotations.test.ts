/**
 * Import: fixture folders under `tests/fixtures/annotations/import/<case>/`
 * (`input.txt`, optional `options.json`, expected `expected.json`; regenerate
 * with UPDATE=1 and review the diff), the round trip of our own export, and
 * the all-or-nothing rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importAnnotations,
  importFileSizeCheck,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ITEMS,
  type ImportOutcome,
} from '../../../annotations/io/import-annotations.ts';
import { describe as describeSelection } from '../../../annotations/anchoring/describe.ts';
import { locateInEditions } from '../../../annotations/io/locate-in-editions.ts';
import { exportW3cAnnotation, serializeW3cCollection } from '../../../annotations/io/w3c-export.ts';
import { AnnotationSchema, type AnnotationId } from '../../../annotations/model/annotation.ts';
import { parseNoteMarkdown } from '../../../annotations/model/note-markdown.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { golden } from '../../helpers/golden.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const editions = builtinEditions();
const locate = locateInEditions(editions);
const samples = sampleAnnotations(editions);
const NOW = '2026-02-01T00:00:00.000Z';
const CASES = new URL('../../fixtures/annotations/import/', import.meta.url);
/** Terms of the formats and the parser, which a refusal's plain advice must not use. */
const JARGON =
  /W3C|IRI|§|selector|\[\d+\]|\bid\b|"|TextQuote|TextPosition|AnnotationPage|Collection|position \d|Unexpected token|formatVersion|diptych:/;

function runCase(name: string): ImportOutcome {
  const dir = new URL(`${name}/`, CASES);
  const input = readFileSync(new URL('input.txt', dir), 'utf8');
  const optionsFile = new URL('options.json', dir);
  const options = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as { existing?: string[]; locate?: boolean })
    : {};
  return importAnnotations(input, {
    existing: (options.existing ?? []) as AnnotationId[],
    editions,
    ...(options.locate === false ? {} : { locate }),
    now: NOW,
  });
}

describe('importAnnotations: fixture cases', () => {
  const cases = readdirSync(CASES).sort();
  it('has the cases', () => expect(cases.length).toBeGreaterThan(20));

  it.each(cases)('%s', (name) => {
    const outcome = runCase(name);
    const expectedFile = new URL(`${name}/expected.json`, CASES);
    const actual = `${JSON.stringify(outcome, null, 2)}\n`;
    expect(actual).toBe(golden(expectedFile, actual));
    // Invariants of every outcome.
    if (name.startsWith('bad-')) {
      expect(outcome.ok).toBe(false);
      expect(outcome.annotations).toEqual([]);
      expect(outcome.summary).toMatch(/^Nothing was imported: /);
      // The words shown first are a student's: what is wrong and what to do, none of the
      // file's own terms (the summary keeps those, for whoever repairs the file).
      expect(outcome.advice).toMatch(/^Nothing was imported\. [A-Z0-9]/);
      expect(outcome.advice).not.toMatch(JARGON);
    } else {
      expect(outcome.ok).toBe(true);
      expect(outcome.advice).toBeUndefined();
    }
    for (const a of outcome.annotations) expect(AnnotationSchema.safeParse(a).success).toBe(true);
  });
});

describe('importAnnotations: XSS payloads (the xss-payloads case, also for the browser tests)', () => {
  it('keeps every payload as the literal string it was, and no note renders a link', () => {
    const outcome = runCase('xss-payloads');
    expect(outcome.ok).toBe(true);
    const input = JSON.parse(readFileSync(new URL('xss-payloads/input.txt', CASES), 'utf8')) as {
      items: { body: { value: string }[] }[];
    };
    outcome.annotations.forEach((a, i) => {
      expect(a.note).toBe(input.items[i]!.body[0]!.value);
      const links = JSON.stringify(parseNoteMarkdown(a.note!)).match(/"type":"link"/g);
      expect(links).toBeNull();
    });
  });
});

describe('importAnnotations: one selector builder', () => {
  it('an imported sentence gets the selectors a selection of it in the reader gets (a sentence address)', () => {
    const lankov = editions.find((e) => e.id === 'lankov-2007')!;
    const sentence = lankov.blocks.find((b) => b.n === 6)!.sentences[0]!;
    const start = lankov.blocks.find((b) => b.n === 6)!.start + sentence.start;
    const end = start + sentence.text.length;
    const file = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:6f1c2b0e-0000-4000-8000-0000000000a1',
      type: 'Annotation',
      target: {
        source: 'https://example.org/some-copy-of-lankov',
        selector: { type: 'TextQuoteSelector', exact: sentence.text },
      },
    });
    const outcome = importAnnotations(file, { existing: [], editions, locate, now: NOW });
    expect(outcome.ok, outcome.summary).toBe(true);
    const made = describeSelection(lankov, start, end)!;
    expect(made.address).toBe(sentence.address);
    expect(outcome.annotations[0]!.targets[0]!.selectors).toEqual({
      quote: made.quote,
      position: made.position,
      address: made.address,
    });
  });
});

describe('importAnnotations: our own export', () => {
  it('reads back identical annotations (round trip)', () => {
    const text = serializeW3cCollection(samples, {
      id: 'urn:uuid:6f1c2b0e-0000-4000-8000-00000000c011',
      now: NOW,
    });
    const outcome = importAnnotations(text, { existing: [], editions, locate, now: NOW });
    expect(outcome.format).toBe('diptych');
    expect(outcome.annotations).toEqual(samples);
    expect(outcome.summary).toBe(`Imported ${samples.length} annotations.`);
  });

  it('reads the pinned format-1 file to the samples (format history: 1 is the first version)', () => {
    const text = readFileSync(
      new URL('../../fixtures/annotations/format-v1.jsonld', import.meta.url),
      'utf8',
    );
    expect(importAnnotations(text, { existing: [], editions, now: NOW }).annotations).toEqual(
      samples,
    );
  });

  it('reads back a standalone exported annotation (its own @context, no envelope) identically', () => {
    for (const a of samples) {
      const outcome = importAnnotations(JSON.stringify(exportW3cAnnotation(a)), {
        existing: [],
        editions,
        now: NOW,
      });
      expect(outcome.format).toBe('w3c');
      expect(outcome.annotations).toEqual([a]);
    }
  });

  it('does not double what is already there', () => {
    const text = serializeW3cCollection(samples, { now: NOW });
    const outcome = importAnnotations(text, {
      existing: samples.slice(0, 3).map((a) => a.id),
      editions,
      now: NOW,
    });
    expect(outcome.results.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'imported',
      'imported',
      'imported',
      'imported',
    ]);
    expect(outcome.annotations).toEqual(samples.slice(3));
    expect(outcome.summary).toBe(
      'Imported 4 annotations; 3 annotations were already here and not doubled.',
    );
  });

  it('needs no locate for its own sources', () => {
    const text = serializeW3cCollection(samples, { now: NOW });
    expect(importAnnotations(text, { existing: [], editions, now: NOW }).ok).toBe(true);
  });

  it('our own export of MAX_IMPORT_ITEMS annotations like the samples fits in MAX_IMPORT_CHARS', () => {
    const text = serializeW3cCollection(samples, { now: NOW });
    expect((text.length / samples.length) * MAX_IMPORT_ITEMS).toBeLessThan(MAX_IMPORT_CHARS);
  });
});

describe('importAnnotations: when it fails', () => {
  it('refuses a huge file before parsing it', () => {
    const huge = `[${' '.repeat(MAX_IMPORT_CHARS)}]`;
    const outcome = importAnnotations(huge, { existing: [], editions, now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toMatch(
      /^Nothing was imported: the file is too large \(32\.0 MB; the limit is 32 MB\)\.$/,
    );
  });

  it('refuses a huge file by its size, before reading it', () => {
    expect(importFileSizeCheck(MAX_IMPORT_BYTES)).toBeNull();
    expect(importFileSizeCheck(MAX_IMPORT_BYTES + 1)?.summary).toBe(
      'Nothing was imported: the file is too large (32.0 MB; the limit is 32 MB).',
    );
    expect(importFileSizeCheck(1024 ** 3)).toMatchObject({
      ok: false,
      annotations: [],
      results: [],
    });
  });

  it('reports the path of the bad item and adds nothing from a file with one bad item', () => {
    const outcome = runCase('bad-one-among-good');
    expect(outcome.results.map((r) => r.status)).toEqual(['imported', 'error', 'imported']);
    expect(outcome.results[1]).toMatchObject({ path: '[1].created' });
    expect(outcome.annotations).toEqual([]);
  });
});
