/**
 * The sync contract in Node, without a server: database names, the
 * document shape, and the design document's `validate_doc_update` evaluated
 * as CouchDB would (a function from its source text).
 */
import { describe, expect, it } from 'vitest';
import * as sync from '../../../annotations/sync/index.ts';
import {
  authorOfDoc,
  groupDatabaseName,
  groupOfDatabase,
  privateDatabaseName,
  toAnnotationDoc,
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
        'MAX_USER_NAME_LENGTH',
        'PRIVATE_DATABASE_PREFIX',
        'VALIDATE_DOC_UPDATE',
        'authorIri',
        'authorOfDoc',
        'creatorOf',
        'groupDatabaseName',
        'groupOfDatabase',
        'groupSecurity',
        'isGroupName',
        'privateDatabaseName',
        'toAnnotationDoc',
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
});

describe('validate_doc_update', () => {
  type Ctx = { name: string | null; roles: string[] };
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
});
