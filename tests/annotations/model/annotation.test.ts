import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AnnotationIdSchema,
  AnnotationSchema,
  NewAnnotationSchema,
  completeAnnotation,
  motivationFor,
  newAnnotationId,
  type AnnotationId,
  type NewAnnotation,
} from '../../../annotations/model/annotation.ts';
import type { Address, SourceId } from '../../../sources/edition.ts';
import { scaled } from '../../slowdown.ts';

const target = (
  source = 'lankov-2007',
  address = 'lankov-2007:1',
  start = 10,
  exact = 'North Korea',
) => ({
  source: source as SourceId,
  selectors: {
    quote: { exact, prefix: 'about ', suffix: ' and' },
    position: { start, end: start + exact.length },
    address: address as Address,
  },
});

const highlight: NewAnnotation = {
  motivation: 'highlighting',
  color: 'yellow',
  targets: [target()],
};
const ID = 'urn:uuid:00000000-0000-4000-8000-000000000001' as AnnotationId;
const NOW = '2026-01-31T12:00:00.000Z';

/** The messages of a failed parse, with their paths. */
function issues(value: unknown): string[] {
  const result = AnnotationSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('AnnotationSchema', () => {
  it('accepts a completed highlight and fills tags', () => {
    const a = completeAnnotation(highlight, ID, NOW);
    expect(a).toEqual({ ...highlight, tags: [], id: ID, created: NOW, modified: NOW });
    expect(AnnotationSchema.parse(a)).toEqual(a);
  });

  it('accepts a linking annotation with two targets and a link', () => {
    const a = completeAnnotation(
      {
        motivation: 'linking',
        targets: [
          target(),
          target('winstanley-chesters-2015', 'winstanley-chesters-2015:3-4', 500),
        ],
        link: {
          relation: 'contradicts',
          topic: 'Aid',
          paraphrases: ['A says', 'B says'],
          curated: true,
        },
      },
      ID,
      NOW,
    );
    expect(a.targets).toHaveLength(2);
  });

  it('motivationFor follows the content', () => {
    expect(motivationFor({})).toBe('highlighting');
    expect(motivationFor({ tags: ['x'] })).toBe('tagging');
    expect(motivationFor({ note: 'hi', tags: ['x'] })).toBe('commenting');
    expect(motivationFor({ note: '  ' })).toBe('highlighting');
  });

  it('newAnnotationId makes distinct urn:uuid ids', () => {
    const a = newAnnotationId();
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(newAnnotationId()).not.toBe(a);
  });
});

describe('AnnotationSchema: when it fails', () => {
  const good = completeAnnotation(highlight, ID, NOW);
  const cases: [string, unknown, string][] = [
    ['not an object', 'x', ''],
    [
      'id not an IRI',
      { ...good, id: 'abc' },
      'id: must be a URN such as "urn:uuid:…" or an http(s) IRI',
    ],
    // Issue 12, item 6: ids are URNs or http(s) IRIs, never something a browser would run.
    ['javascript: id', { ...good, id: 'javascript:alert(1)' }, 'id: must be a URN'],
    ['data: id', { ...good, id: 'data:text/html,x' }, 'id: must be a URN'],
    ['file: id', { ...good, id: 'file:///etc/passwd' }, 'id: must be a URN'],
    ['unknown field', { ...good, colour: 'red' }, 'Unrecognized key'],
    ['unknown colour', { ...good, color: 'red' }, 'color:'],
    ['local time without zone', { ...good, created: '2026-01-31T12:00:00' }, 'created:'],
    [
      'modified before created',
      { ...good, modified: '2020-01-01T00:00:00.000Z' },
      'modified: modified is before created',
    ],
    ['duplicate tag', { ...good, tags: ['a', 'a'] }, 'tags.1: duplicate tag "a"'],
    ['padded tag', { ...good, tags: [' a'] }, 'tags.0: a tag must not start or end'],
    ['empty note', { ...good, note: '' }, 'note: an empty or blank note is written as no note'],
    ['blank note', { ...good, note: ' \n ' }, 'note: an empty or blank note is written as no note'],
    [
      'two targets on a highlight',
      { ...good, targets: [target(), target()] },
      'targets: a highlighting annotation has exactly one target',
    ],
    ['no target', { ...good, targets: [] }, 'targets:'],
    [
      'linking with one target',
      { ...good, motivation: 'linking' },
      'targets: a linking annotation has exactly two targets',
    ],
    [
      'link on a highlight',
      {
        ...good,
        link: { relation: 'agrees', topic: 't', paraphrases: ['a', 'b'], curated: false },
      },
      'link: a highlighting annotation has no link',
    ],
    [
      'quote and position disagree',
      {
        ...good,
        targets: [target('lankov-2007', 'lankov-2007:1', 10, 'North Korea')].map((t) => ({
          ...t,
          selectors: { ...t.selectors, position: { start: 10, end: 12 } },
        })),
      },
      'targets.0.selectors.position: position and quote disagree',
    ],
    [
      'empty range',
      {
        ...good,
        targets: [
          { ...target(), selectors: { ...target().selectors, position: { start: 5, end: 5 } } },
        ],
      },
      'end must be greater than start',
    ],
    [
      'address of another source',
      { ...good, targets: [target('lankov-2007', 'winstanley-chesters-2015:1')] },
      'targets.0.selectors.address: the address names a different source',
    ],
    [
      'not an address',
      { ...good, targets: [target('lankov-2007', 'lankov-2007:zz')] },
      'must be a passage address',
    ],
    [
      'bad source id',
      { ...good, targets: [target('Lankov 2007', 'lankov-2007:1')] },
      'targets.0.source: must be a source id',
    ],
    [
      'empty quote',
      { ...good, targets: [target('lankov-2007', 'lankov-2007:1', 3, '')] },
      'must not be empty',
    ],
  ];
  it.each(cases)('rejects %s', (_name, value, message) => {
    const found = issues(value);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(message);
  });

  it('NewAnnotationSchema refuses the fields the store fills', () => {
    expect(NewAnnotationSchema.safeParse({ ...highlight, id: ID }).success).toBe(false);
  });

  it('completeAnnotation throws on invalid input', () => {
    expect(() => completeAnnotation({ ...highlight, targets: [] }, ID, NOW)).toThrow();
  });
});

describe('AnnotationIdSchema and the W3C suite', () => {
  // The suite checks ids as JSON Schema `format: uri` (ajv-formats). Every id
  // the schema accepts must pass that check, or an export could fail a MUST.
  const uri = (() => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    return ajv.compile({ type: 'string', format: 'uri' });
  })();

  it(
    'every id it accepts is a URI to the suite (fast-check)',
    () => {
      const scheme = fc.constantFrom(
        'http://',
        'https://',
        'urn:',
        'urn:uuid:',
        'urn:isbn:',
        'urn:x-foo:',
        'HTTPS://',
        'urn:diptych:hypothesis:',
      );
      const rest = fc.string({
        unit: fc.constantFrom(...'aZ1-._~!$&\'()*+,;=:@/?#%2F[] é"<>\\^`{|}'.split('')),
        maxLength: 24,
      });
      let accepted = 0;
      fc.assert(
        fc.property(scheme, rest, (s, r) => {
          const id = s + r;
          if (AnnotationIdSchema.safeParse(id).success) {
            accepted += 1;
            expect(uri(id), id).toBe(true);
          }
        }),
        { numRuns: 5000 },
      );
      expect(accepted).toBeGreaterThan(500); // the property is not vacuous
    },
    scaled(30_000),
  );

  it.each([
    'http://example.org/ä',
    'http://example.org/a b',
    'x:?y',
    'http://example.org/#a#b',
    'http://exa mple.org',
    'abc',
    'urn:',
  ])('refuses %j', (id) => expect(AnnotationIdSchema.safeParse(id).success).toBe(false));
});
