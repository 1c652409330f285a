/**
 * The generated W3C file `annotations/comparisons/curated-comparisons.json`:
 * up to date with the authoring data (regenerate with `UPDATE=1`), a linking
 * annotation per comparison with exactly two targets and the three selectors
 * each, and every annotation passes the W3C MUST suite.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CURATED_FILE,
  serializeCuratedCollection,
} from '../../../annotations/comparisons/curated-collection.ts';
import { CURATED_COMPARISONS } from '../../../annotations/comparisons/curated.ts';
import { buildCuratedComparisons } from '../../../annotations/comparisons/build-curated.ts';
import {
  curatedCollectionText,
  loadCuratedComparisons,
} from '../../../annotations/comparisons/load-curated.ts';
import { importAnnotations } from '../../../annotations/io/import-annotations.ts';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { golden } from '../../helpers/golden.ts';
import { annotationsIn, checkW3cConformance } from '../helpers/w3c-conformance.ts';

const editions = builtinEditions();
const expected = serializeCuratedCollection(editions);
/**
 * The committed file, read when a test needs it: never at module load, so
 * that only the first test (and only with UPDATE=1) rewrites it.
 */
const committed = (): string => readFileSync(CURATED_FILE, 'utf8');
const committedDocument = (): unknown => JSON.parse(committed()) as unknown;

type JsonRecord = Record<string, unknown>;

describe('curated-comparisons.json', () => {
  it('is up to date with curated.ts and the editions (else run with UPDATE=1 and review the diff)', () => {
    expect(
      golden(CURATED_FILE, expected),
      'curated-comparisons.json is stale: regenerate it with UPDATE=1',
    ).toBe(expected);
  });

  it('holds one linking annotation per curated comparison, each with exactly two targets, one per source', () => {
    const items = annotationsIn(committedDocument()).map((x) => x.annotation as JsonRecord);
    expect(items).toHaveLength(CURATED_COMPARISONS.length);
    for (const item of items) {
      expect(item['motivation']).toBe('linking');
      const targets = item['target'] as JsonRecord[];
      expect(targets.map((t) => t['source'])).toEqual([
        'urn:diptych:source:winstanley-chesters-2015',
        'urn:diptych:source:lankov-2007',
      ]);
      for (const t of targets) {
        const selectors = t['selector'] as JsonRecord[];
        expect(selectors.map((s) => s['type'])).toEqual([
          'TextQuoteSelector',
          'TextPositionSelector',
        ]);
        expect(Object.keys(selectors[0]!).sort()).toEqual(['exact', 'prefix', 'suffix', 'type']);
        expect(String(t['diptych:address'])).toMatch(/^(winstanley-chesters-2015|lankov-2007):/);
      }
    }
  });

  it('carries relation, topic, both paraphrases and the note as bodies', () => {
    const items = annotationsIn(committedDocument()).map((x) => x.annotation as JsonRecord);
    items.forEach((item, i) => {
      const c = CURATED_COMPARISONS[i]!;
      const bodies = item['body'] as JsonRecord[];
      const field = (name: string) =>
        bodies.filter((b) => b['diptych:field'] === name).map((b) => b['value']);
      expect(field('relation')).toEqual([c.relation]);
      expect(field('topic')).toEqual([c.topic]);
      expect(field('paraphrase')).toEqual([c.wc.paraphrase, c.lankov.paraphrase]);
      expect(field('linkNote')).toEqual(c.note === undefined ? [] : [c.note]);
    });
  });

  it('passes every W3C MUST assertion, annotation by annotation', () => {
    const found = annotationsIn(committedDocument());
    expect(found.length).toBeGreaterThan(0);
    for (const { annotation, context } of found) {
      expect(
        checkW3cConformance(annotation, context),
        String((annotation as JsonRecord)['id']),
      ).toEqual([]);
    }
  });

  describe('when it fails', () => {
    it('an edit to the authoring data makes the committed file stale', () => {
      const edited = CURATED_COMPARISONS.map((c, i) =>
        i === 0
          ? {
              ...c,
              wc: { ...c.wc, paraphrase: `${c.wc.paraphrase.slice(0, -1)}, says the title.` },
            }
          : c,
      );
      expect(serializeCuratedCollection(editions, edited)).not.toBe(committed());
    });

    it('an edit to an edition that moves a quote makes the committed file stale', () => {
      const [wc, lankov] = editions;
      const shifted = {
        ...lankov!,
        text: `Preface.\n\n${lankov!.text}`,
        blocks: lankov!.blocks.map((b) => ({ ...b, start: b.start + 10, end: b.end + 10 })),
      };
      expect(serializeCuratedCollection([wc!, shifted])).not.toBe(committed());
    });

    it('a comparison whose annotation breaks the W3C model fails the suite', () => {
      const item = annotationsIn(committedDocument())[0]!;
      const broken = { ...(item.annotation as JsonRecord), id: undefined, target: undefined };
      expect(checkW3cConformance(broken, item.context).length).toBeGreaterThan(0);
    });
  });
});

describe('loading the shipped file', () => {
  it('curatedCollectionText is the committed file, byte for byte', () => {
    expect(curatedCollectionText()).toBe(committed());
  });

  it('loads through the importer to exactly the annotations built from curated.ts', () => {
    expect(loadCuratedComparisons(editions)).toEqual(buildCuratedComparisons(editions));
  });

  it('a second import of the file finds only duplicates', () => {
    const ids = loadCuratedComparisons(editions).map((a) => a.id);
    const again = importAnnotations(committed(), { existing: ids, editions });
    expect(again.ok).toBe(true);
    expect(again.annotations).toEqual([]);
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
  });

  it('the loaded annotations pass the model schema', () => {
    for (const a of loadCuratedComparisons(editions))
      expect(AnnotationSchema.safeParse(a).success).toBe(true);
  });
});
