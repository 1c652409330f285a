import { describe, expect, it } from 'vitest';
import {
  exportW3cAnnotation,
  exportW3cCollection,
  serializeW3cCollection,
  toW3cAnnotation,
} from '../../../annotations/io/w3c-export.ts';
import { ANNO_CONTEXT, CURRENT_FORMAT_VERSION } from '../../../annotations/io/format.ts';
import type { Annotation } from '../../../annotations/model/annotation.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { annotationsIn, checkW3cConformance } from '../helpers/w3c-conformance.ts';
import { golden } from '../../helpers/golden.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const editions = builtinEditions();
const samples = sampleAnnotations(editions);
const OPTIONS = {
  id: 'urn:uuid:6f1c2b0e-0000-4000-8000-00000000c011',
  now: '2026-01-07T08:00:00.000Z',
};

/** The pinned export of the samples: the format-1 fixture, regenerated with UPDATE=1 (review the diff). */
const PINNED = new URL('../../fixtures/annotations/format-v1.jsonld', import.meta.url);

describe('exportW3cCollection', () => {
  it('every exported annotation passes every W3C MUST assertion', () => {
    const document = exportW3cCollection(samples, OPTIONS);
    const items = annotationsIn(document);
    expect(items).toHaveLength(samples.length);
    for (const { annotation, context } of items) {
      expect(checkW3cConformance(annotation, context), JSON.stringify(annotation)).toEqual([]);
    }
  });

  it('a standalone annotation carries its own @context and conforms', () => {
    for (const a of samples) expect(checkW3cConformance(exportW3cAnnotation(a))).toEqual([]);
  });

  it('writes the envelope: type, format version, generator, total, one page', () => {
    const doc = exportW3cCollection(samples, { ...OPTIONS, appVersion: '0.1.0' }) as Record<
      string,
      unknown
    >;
    expect(doc['@context']).toContain(ANNO_CONTEXT);
    expect(doc['type']).toBe('AnnotationCollection');
    expect(doc['diptych:formatVersion']).toBe(CURRENT_FORMAT_VERSION);
    expect(doc['generator']).toEqual({
      type: 'Software',
      name: 'Diptych',
      'diptych:version': '0.1.0',
    });
    expect(doc['generated']).toBe(OPTIONS.now);
    expect(doc['total']).toBe(samples.length);
    expect((doc['first'] as { items: unknown[] }).items).toHaveLength(samples.length);
  });

  it('the quote and position selectors select the same text of the edition (W3C §4.2)', () => {
    for (const a of samples) {
      const w3c = toW3cAnnotation(a) as { target: unknown };
      const targets = Array.isArray(w3c.target) ? w3c.target : [w3c.target];
      targets.forEach(
        (t: { source: string; selector: { exact?: string; start?: number; end?: number }[] }) => {
          const edition = editions.find((e) => t.source === `urn:diptych:source:${e.id}`)!;
          const [quote, position] = t.selector;
          expect(edition.text.slice(position!.start, position!.end)).toBe(quote!.exact);
        },
      );
    }
  });

  it('names sources by URN, never by an invented URL', () => {
    const text = serializeW3cCollection(samples, OPTIONS);
    const sources = [...text.matchAll(/"source": "([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(sources)).toEqual(
      new Set(['urn:diptych:source:lankov-2007', 'urn:diptych:source:winstanley-chesters-2015']),
    );
  });

  it('an empty collection is still a valid envelope', () => {
    const doc = exportW3cCollection([], OPTIONS) as { total: number; first: { items: unknown[] } };
    expect(doc.total).toBe(0);
    expect(doc.first.items).toEqual([]);
  });

  it('matches the pinned format-1 file', () => {
    const text = serializeW3cCollection(samples, OPTIONS);
    expect(text).toBe(golden(PINNED, text));
  });
});

describe('exportW3cCollection: when it fails', () => {
  it('refuses an invalid annotation, naming it', () => {
    const bad = { ...samples[0]!, tags: ['x', 'x'] } as Annotation;
    expect(() => exportW3cCollection([samples[1]!, bad], OPTIONS)).toThrow(
      /urn:uuid:6f1c2b0e-0000-4000-8000-000000000001.*duplicate tag/,
    );
  });

  it('a conformance check of a broken export fails (the check can fail)', () => {
    const w3c = { ...exportW3cAnnotation(samples[0]!) } as Record<string, unknown>;
    delete w3c['target'];
    expect(checkW3cConformance(w3c).map((f) => f.assertion)).toContain('3.1-targetKeyFound.json');
  });
});
