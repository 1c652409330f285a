/**
 * The sync contract in Node, without a server: database names, the
 * document shape, and the design document's `validate_doc_update` evaluated
 * as CouchDB would (a function from its source text).
 */
import { describe, expect, it } from 'vitest';
import * as sync from '../../../annotations/sync/index.ts';
import {
  authorOfDoc,
  contentOfDoc,
  creatorOf,
  deviceOfDoc,
  groupDatabaseName,
  groupOfDatabase,
  privateDatabaseName,
  readRecordOverrideDoc,
  recordDocId,
  sourceOfRecordDocId,
  toAnnotationDoc,
  toRecordOverrideDoc,
  userNameProblem,
  userOfPrivateDatabase,
  VALIDATE_DOC_UPDATE,
  w3cOfDoc,
} from '../../../annotations/sync/index.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { sampleAnnotations } from '../helpers/samples.ts';
import { checkW3cConformance } from '../helpers/w3c-conformance.ts';

const sample = sampleAnnotations(builtinEditions())[0]!;

describe('annotations/sync', () => {
  it('exports exactly its public surface', () => {
    expect(Object.keys(sync).sort()).toEqual(
      [
        'AUTHOR_IRI_PREFIX',
        'DESIGN_DOC_ID',
        'DESIGN_DOC_VERSION',
        'DIPTYCH_DESIGN_DOC',
        'GROUPS_FIELD',
        'GROUP_DATABASE_PREFIX',
        'GROUP_NAME_PATTERN',
        'MAX_RECORD_DOC_CHARS',
        'MAX_USER_NAME_LENGTH',
        'PRIVATE_DATABASE_PREFIX',
        'RECORD_DOC_PREFIX',
        'RECORD_DOC_TYPE',
        'VALIDATE_DOC_UPDATE',
        'authorIri',
        'authorOfDoc',
        'contentOfDoc',
        'creatorOf',
        'DEVICE_FIELD',
        'DEVICE_IRI_PREFIX',
        'DeviceIriSchema',
        'deviceOfDoc',
        'groupDatabaseName',
        'groupOfDatabase',
        'groupSecurity',
        'isGroupName',
        'privateDatabaseName',
        'readRecordOverrideDoc',
        'recordDocId',
        'sourceOfRecordDocId',
        'toAnnotationDoc',
        'toRecordOverrideDoc',
        'userNameProblem',
        'userOfPrivateDatabase',
        'w3cOfDoc',
      ].sort(),
    );
  });
});

describe('database names', () => {
  it('a private layer is couch_peruser’s userdb-<hex of UTF-8>, and back', () => {
    expect(privateDatabaseName('ana')).toBe('userdb-616e61');
    expect(privateDatabaseName('Zoë Ó')).toBe('userdb-5a6fc3ab20c393');
    for (const name of ['ana', 'Zoë Ó', '김민준', 'a.b@c']) {
      expect(userOfPrivateDatabase(privateDatabaseName(name))).toBe(name);
      expect(privateDatabaseName(name)).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
    }
    expect(userOfPrivateDatabase('diptych-group-x')).toBeNull();
    expect(userOfPrivateDatabase('userdb-zz')).toBeNull();
    expect(userOfPrivateDatabase('userdb-ff')).toBeNull(); // not UTF-8
  });

  it('a group is diptych-group-<name>; bad names are refused by name', () => {
    expect(groupDatabaseName('lankov-seminar')).toBe('diptych-group-lankov-seminar');
    expect(groupOfDatabase('diptych-group-lankov-seminar')).toBe('lankov-seminar');
    expect(groupOfDatabase('userdb-616e61')).toBeNull();
    for (const bad of ['', 'Lankov', 'a b', '-x', 'x'.repeat(65), 'ü'])
      expect(() => groupDatabaseName(bad)).toThrow(/is not a valid group name/);
  });

  it('user names: CouchDB’s rules, and no blanks at the ends or control characters', () => {
    expect(userNameProblem('ana')).toBeNull();
    expect(userNameProblem('')).toMatch(/empty/);
    expect(userNameProblem('_admin')).toMatch(/"_"/);
    expect(userNameProblem('a:b')).toMatch(/":"/);
    expect(userNameProblem(' ana')).toMatch(/space/);
    expect(userNameProblem('a\nb')).toMatch(/control/);
  });
});

describe('the document', () => {
  it('is the W3C JSON-LD with _id = id and the author as creator, and passes the MUST suite', () => {
    const doc = toAnnotationDoc(sample, 'Zoë');
    expect(doc._id).toBe(sample.id);
    expect(doc.id).toBe(sample.id);
    expect(doc.creator).toEqual({
      id: 'urn:diptych:user:Zo%C3%AB',
      type: 'Person',
      nickname: 'Zoë',
    });
    expect(authorOfDoc(doc)).toBe('Zoë');
    expect(authorOfDoc({ creator: 'someone' })).toBeNull();
    expect(authorOfDoc({ creator: { id: 'urn:diptych:user:%E0%A4%A' } })).toBeNull();
    expect(Object.keys(w3cOfDoc({ ...doc, _rev: '1-a' })).some((k) => k.startsWith('_'))).toBe(
      false,
    );
    expect(checkW3cConformance(w3cOfDoc(doc))).toEqual([]);
  });

  it('names the device that wrote it, when given; its content is the same whichever device wrote it', () => {
    const laptop = 'urn:diptych:device:0f8fad5b-d9cb-469f-a165-70867728950e';
    const desktop = 'urn:diptych:device:7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const doc = toAnnotationDoc(sample, 'ana', laptop);
    expect(doc['diptych:device']).toBe(laptop);
    expect(deviceOfDoc(doc)).toBe(laptop);
    expect(checkW3cConformance(w3cOfDoc(doc))).toEqual([]);
    expect(contentOfDoc(doc)).toEqual(contentOfDoc(toAnnotationDoc(sample, 'ana', desktop)));
    expect(contentOfDoc(doc)).toEqual(w3cOfDoc(toAnnotationDoc(sample, 'ana')));
    // Left out when not given (documents before devices were named look like this).
    expect('diptych:device' in toAnnotationDoc(sample, 'ana')).toBe(false);
    // A record edit names its device the same way, and still reads as before.
    const record = toRecordOverrideDoc(
      'lankov-2007',
      { issued: '2007' },
      'ana',
      sample.modified,
      laptop,
    );
    expect(deviceOfDoc({ ...record })).toBe(laptop);
    expect(readRecordOverrideDoc({ ...record })).toMatchObject({
      ok: true,
      fields: { issued: '2007' },
    });
    expect(() =>
      toRecordOverrideDoc('lankov-2007', { issued: '2007' }, 'ana', sample.modified, 'laptop'),
    ).toThrow();
  });

  it('when it fails: a device that is not a device IRI is refused on the way out and not read on the way in', () => {
    expect(() => toAnnotationDoc(sample, 'ana', 'laptop')).toThrow();
    for (const bad of [
      'laptop',
      'urn:diptych:device:',
      'urn:diptych:device:<script>',
      'urn:diptych:user:ana',
      'urn:diptych:device:0F8FAD5B-D9CB-469F-A165-70867728950E',
      42,
      null,
      { id: 'urn:diptych:device:0f8fad5b-d9cb-469f-a165-70867728950e' },
    ])
      expect(deviceOfDoc({ 'diptych:device': bad }), String(bad)).toBeNull();
    expect(deviceOfDoc({})).toBeNull();
  });
});

describe('validate_doc_update', () => {
  type Ctx = { name: string | null; roles: string[]; db?: string };
  // CouchDB evaluates the stored source text; so does this test.
  const validate = new Function(`return (${VALIDATE_DOC_UPDATE})`)() as (
    n: object,
    o: object | null,
    u: Ctx,
    s: object,
  ) => void;
  const verdict = (n: object, o: object | null, u: Ctx) => {
    try {
      validate(n, o, u, {});
      return 'ok';
    } catch (e) {
      return Object.keys(e as object)[0];
    }
  };
  const ana: Ctx = { name: 'ana', roles: [] };
  const ben: Ctx = { name: 'ben', roles: [] };
  const anas = toAnnotationDoc(sample, 'ana');

  it('orders who may do what', () => {
    expect(verdict(anas, null, ana)).toBe('ok');
    expect(verdict({ ...anas, body: [] }, anas, ana)).toBe('ok');
    expect(verdict({ _id: anas._id, _deleted: true }, anas, ana)).toBe('ok');
    expect(verdict(anas, null, { name: null, roles: ['_admin'] })).toBe('ok');
    expect(verdict({ hello: 1 }, null, { name: 'root', roles: ['_admin'] })).toBe('ok');
    // Someone else's, in any form.
    expect(verdict(anas, null, ben)).toBe('forbidden');
    expect(verdict(toAnnotationDoc(sample, 'ben'), anas, ben)).toBe('forbidden');
    expect(verdict({ _id: anas._id, _deleted: true }, anas, ben)).toBe('forbidden');
    // Not an annotation, or not its own id.
    expect(verdict({ _id: 'x', type: 'Note' }, null, ana)).toBe('forbidden');
    expect(verdict({ ...anas, _id: 'urn:uuid:other' }, null, ana)).toBe('forbidden');
    // Signed out.
    expect(verdict(anas, null, { name: null, roles: [] })).toBe('unauthorized');
    // A deleted document may be written again by anyone's own annotation (a new one).
    expect(verdict(toAnnotationDoc(sample, 'ben'), { _id: anas._id, _deleted: true }, ben)).toBe(
      'ok',
    );
  });

  describe('a record override', () => {
    const anaPrivate: Ctx = { ...ana, db: privateDatabaseName('ana') };
    const anaInGroup: Ctx = { ...ana, db: groupDatabaseName('lankov-seminar') };
    const record = toRecordOverrideDoc(
      'winstanley-chesters-2015',
      { URL: 'https://example.org/russias-borders', issued: '2015-06-03' },
      'ana',
      '2026-11-30T16:00:00.000Z',
    );
    const refusal = (n: object, u: Ctx) => {
      try {
        validate(n, null, u, {});
        return 'ok';
      } catch (e) {
        return (e as { forbidden?: string }).forbidden ?? Object.keys(e as object)[0];
      }
    };

    it('is accepted in its writer’s private layer, and a revert (deletion) too', () => {
      expect(verdict(record, null, anaPrivate)).toBe('ok');
      expect(
        verdict({ ...record, fields: { 'title-short': ' Russia’s borders ' } }, record, anaPrivate),
      ).toBe('ok');
      expect(verdict({ _id: record._id, _deleted: true }, record, anaPrivate)).toBe('ok');
    });

    it('is refused in a group layer, or without a database', () => {
      expect(refusal(record, anaInGroup)).toMatch(/private layer, never to a group/);
      expect(refusal(record, ana)).toMatch(/private layer/);
    });

    it('is refused when malformed, each with the rule it breaks', () => {
      const cases: [object, RegExp][] = [
        [{ ...record, type: 'Note' }, /type "diptych:RecordOverride"/],
        [{ ...record, _id: 'diptych:record:Lankov 2007' }, /id diptych:record:<source id>/],
        [{ ...record, source: 'urn:diptych:source:lankov-2007' }, /name the source of its id/],
        [{ ...record, creator: creatorOf('ben') }, /name you as its creator/],
        [{ ...record, modified: 'yesterday' }, /modified/],
        [{ ...record, fields: [] }, /fields as an object/],
        [{ ...record, fields: {} }, /at least one field/],
        [{ ...record, fields: { colour: 'red' } }, /unknown field colour \(valid: author, title/],
        [{ ...record, fields: { title: 42 } }, /title must be a string/],
        [{ ...record, fields: { title: '' } }, /title must be a string/],
        [{ ...record, fields: { title: 'x'.repeat(2001) } }, /1 to 2000/],
        [{ ...record, fields: { title: 'a\u0000b' } }, /control characters/],
        [{ ...record, fields: { issued: 'June 2015' } }, /issued must be a date/],
        [{ ...record, fields: { URL: 'javascript:alert(1)' } }, /URL must be an http\(s\) address/],
        // An annotation-shaped document under a record id is not let through as an annotation.
        [{ ...anas, _id: record._id }, /type "diptych:RecordOverride"/],
      ];
      for (const [doc, rule] of cases) expect(refusal(doc, anaPrivate)).toMatch(rule);
      // Someone else's record in ana's layer cannot be changed by ben (were he let in).
      expect(
        verdict({ ...record, creator: creatorOf('ben') }, record, { ...ben, db: anaPrivate.db! }),
      ).toBe('forbidden');
    });

    it('every value the client’s schema accepts, the server accepts too', () => {
      const valid: Record<string, string> = {
        author: 'Winstanley-Chesters, Robert',
        title: 'Russia’s borders',
        issued: '2015',
        accessed: '2026-11-30',
        URL: 'HTTPS://example.org/a?b=c',
        page: 'xii–xv',
        DOI: '10.1234/abc',
        volume: '2',
      };
      for (const [field, value] of Object.entries(valid)) {
        const doc = { ...record, fields: { [field]: value } };
        expect(readRecordOverrideDoc(doc).ok, field).toBe(true);
        expect(verdict(doc, null, anaPrivate), field).toBe('ok');
      }
    });
  });
});

describe('the record override document', () => {
  const doc = toRecordOverrideDoc(
    'lankov-2007',
    { issued: '2007-09', publisher: 'Kookmin University' },
    'Zoë',
    '2026-11-30T16:00:00.000Z',
  );

  it('is keyed by source, names the source IRI and its writer, and reads back', () => {
    expect(doc).toEqual({
      _id: 'diptych:record:lankov-2007',
      type: 'diptych:RecordOverride',
      source: 'urn:diptych:source:lankov-2007',
      fields: { issued: '2007-09', publisher: 'Kookmin University' },
      modified: '2026-11-30T16:00:00.000Z',
      creator: { id: 'urn:diptych:user:Zo%C3%AB', type: 'Person', nickname: 'Zoë' },
    });
    expect(recordDocId('lankov-2007')).toBe(doc._id);
    expect(sourceOfRecordDocId(doc._id)).toBe('lankov-2007');
    expect(sourceOfRecordDocId('urn:uuid:1')).toBeNull();
    expect(readRecordOverrideDoc({ ...doc, _rev: '1-a' })).toEqual({
      ok: true,
      sourceId: 'lankov-2007',
      fields: doc.fields,
      modified: doc.modified,
      author: 'Zoë',
    });
  });

  it('is rejected by the client’s schema when a value is wrong, with the reason', () => {
    const reasons = [
      readRecordOverrideDoc({ ...doc, fields: { issued: '2015-02-30' } }),
      readRecordOverrideDoc({ ...doc, fields: { URL: 'ftp://example.org' } }),
      readRecordOverrideDoc({ ...doc, fields: {} }),
      readRecordOverrideDoc({ ...doc, source: 'urn:diptych:source:other' }),
      readRecordOverrideDoc({ ...doc, creator: { id: 'mailto:x', type: 'Person', nickname: 'x' } }),
      readRecordOverrideDoc({ ...doc, fields: { title: 'x'.repeat(200_000) } }),
    ].map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons[0]).toMatch(/fields.issued: issued must be a real date/);
    expect(reasons[1]).toMatch(/URL must be an http\(s\) address/);
    expect(reasons[2]).toMatch(/no field/);
    expect(reasons[3]).toMatch(/does not name the source/);
    expect(reasons[4]).toMatch(/no Diptych user/);
    expect(reasons[5]).toMatch(/a record edit is at most 100,000/);
  });
});
