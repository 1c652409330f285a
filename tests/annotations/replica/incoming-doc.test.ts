/**
 * The gate for documents from a server (annotations/replica/incoming-doc.ts):
 * our own documents read back exactly; hostile, malformed, oversized or
 * creator-less ones are refused with a reason, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { readIncomingDoc } from '../../../annotations/replica/incoming-doc.ts';
import { toAnnotationDoc } from '../../../annotations/sync/index.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const editions = builtinEditions();
const samples = sampleAnnotations(editions);
const ctx = { editions };

describe('readIncomingDoc', () => {
  it('reads our own documents back as the same annotation, with the author', () => {
    for (const a of samples) {
      const read = readIncomingDoc({ ...toAnnotationDoc(a, 'ana'), _rev: '1-x' }, ctx);
      expect(read).toEqual({ ok: true, annotation: a, author: 'ana' });
    }
  });

  it('keeps hostile strings as data (they are rendered as text)', () => {
    const xss = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const a = { ...samples[0]!, note: xss, tags: [xss.slice(0, 40)] };
    const read = readIncomingDoc(toAnnotationDoc(a, 'ana'), ctx);
    expect(read.ok && read.annotation.note).toBe(xss);
  });

  it('refuses malformed, oversized and anonymous documents with a reason', () => {
    const good = toAnnotationDoc(samples[0]!, 'ana') as Record<string, unknown>;
    const cases: Record<string, unknown>[] = [
      { ...good, target: 42 },
      { ...good, type: 'Bookmark' },
      { ...good, created: 'yesterday' },
      { ...good, _id: 'urn:uuid:someone-else' },
      { ...good, creator: { id: 'https://example.org/me', type: 'Person' } },
      { ...good, body: [{ type: 'TextualBody', value: 'x'.repeat(2_000_000) }] },
      { _id: 'x' },
    ];
    for (const doc of cases) {
      const read = readIncomingDoc(doc, ctx);
      expect(read.ok).toBe(false);
      expect(read.ok ? '' : read.reason).toMatch(/\S/);
    }
  });
});
