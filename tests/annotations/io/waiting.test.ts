/**
 * Annotations on a text this browser lacks (issue 16): kept, named with the
 * text's title from the file, and placed once the text is added; refused as
 * before when the caller does not allow waiting.
 */
import { describe, expect, it } from 'vitest';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import { anchor } from '../../../annotations/anchoring/anchor.ts';
import { importAnnotations } from '../../../annotations/io/import-annotations.ts';
import { serializeW3cCollection } from '../../../annotations/io/w3c-export.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { importDecodedText } from '../../../sources/import-text.ts';
import { targetAt } from '../helpers/samples.ts';

const TEXT = '# Field notes\n\nThe railway reached Rajin in 2013, after five years of work.\n';

async function libraryText() {
  const r = await importDecodedText(TEXT, 'field-notes.md');
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

async function exported() {
  const text = await libraryText();
  const start = text.edition.text.indexOf('reached Rajin');
  const annotation = AnnotationSchema.parse({
    id: 'urn:uuid:7d7d7d7d-0000-4000-8000-000000000001',
    motivation: 'highlighting',
    color: 'yellow',
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    targets: [targetAt(text.edition, start, start + 'reached Rajin'.length)],
  });
  const file = serializeW3cCollection([annotation], {
    id: 'urn:uuid:7d7d7d7d-0000-4000-8000-0000000000ff',
    now: '2026-01-01T00:00:00.000Z',
    sources: [{ id: text.id, title: 'Field notes' }],
  });
  return { text, annotation, file };
}

describe('annotations waiting for their text', () => {
  it('are kept, with the title the file gives, when the caller allows waiting', async () => {
    const { text, annotation, file } = await exported();
    const outcome = importAnnotations(file, {
      existing: [],
      editions: builtinEditions(),
      waitFor: (id) => id === text.id,
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.annotations).toEqual([annotation]);
    expect(outcome.waiting).toEqual([{ source: text.id, title: 'Field notes', count: 1 }]);
    expect(outcome.summary).toMatch(
      /1 annotation wait for “Field notes” \(not in this browser yet\)/,
    );
    // Once the text is added, the anchoring cascade places it where it was.
    const placed = anchor(text.edition, annotation.targets[0]!.selectors);
    expect(placed).toMatchObject({
      placed: true,
      start: annotation.targets[0]!.selectors.position.start,
    });
  });

  it('are refused as before when waiting is not allowed', async () => {
    const { file } = await exported();
    const outcome = importAnnotations(file, { existing: [], editions: builtinEditions() });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toMatch(/unknown source/);
  });

  it('need an address in the text they wait for', async () => {
    const { text, file } = await exported();
    const broken = file.replace(`"${text.id}:1"`, '"lankov-2007:1"');
    const outcome = importAnnotations(broken, {
      existing: [],
      editions: builtinEditions(),
      waitFor: () => true,
    });
    expect(outcome.ok).toBe(false);
  });

  it('the export names the text and still passes as W3C (the title is an extension)', async () => {
    const { text, file } = await exported();
    expect(JSON.parse(file)['diptych:sources']).toEqual([
      { id: `urn:diptych:source:${text.id}`, title: 'Field notes' },
    ]);
  });
});

describe('an annotation whose quote a new version of its text left out', () => {
  async function newVersion() {
    const { text, annotation, file } = await exported();
    const r = await importDecodedText(
      TEXT.replace('reached Rajin in 2013', 'was finished in 2013'),
      'field-notes.md',
      { id: text.id },
    );
    if (!r.ok) throw new Error(r.reason);
    return { edition: r.text.edition, annotation, file };
  }

  it('is refused by a plain annotation import, as before (issue 12, item 5)', async () => {
    const { edition, file } = await newVersion();
    const outcome = importAnnotations(file, { existing: [], editions: [edition] });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toContain('nor anywhere else in it');
  });

  it('is kept unplaced, as given, where the caller keeps unplaced ones (a workspace)', async () => {
    const { edition, annotation, file } = await newVersion();
    const outcome = importAnnotations(file, {
      existing: [],
      editions: [edition],
      keepUnplaced: (id) => id === edition.id,
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.annotations).toEqual([annotation]);
    expect(outcome.summary).toContain(
      '1 annotation was kept unplaced: its quoted text is not in its text (listed under Unplaced in Annotations)',
    );
    expect(anchor(edition, annotation.targets[0]!.selectors)).toMatchObject({ placed: false });
  });
});
