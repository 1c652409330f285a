/**
 * The sync server's access rules over HTTP, against the real server
 * (`diptych serve` on 127.0.0.1, temporary data): members read and write a
 * group, non-members get 401/403, a member cannot change another's
 * annotation, a private layer is its owner's alone, record overrides only
 * there and only well formed, sessions (cookies)
 * work, the CouchDB endpoints replication uses answer, and the documents as
 * stored pass the W3C MUST suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  creatorOf,
  DESIGN_DOC_ID,
  groupDatabaseName,
  privateDatabaseName,
  toAnnotationDoc,
  toRecordOverrideDoc,
  w3cOfDoc,
} from '../../annotations/sync/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { CouchAdmin } from '../../server/couch-admin.ts';
import { sampleAnnotations } from '../annotations/helpers/samples.ts';
import { checkW3cConformance } from '../annotations/helpers/w3c-conformance.ts';
import { call, type Who } from './helpers/http.ts';
import { startServerProcess, TEST_ADMIN, type ServerProcess } from './helpers/server-process.ts';

const ana = { name: 'ana', password: 'ana-pw' };
const ben = { name: 'ben', password: 'ben-pw' };
const eve = { name: 'eve', password: 'eve-pw' };
const GROUP = groupDatabaseName('lankov-seminar');
const samples = sampleAnnotations(builtinEditions());
const withId = (i: number, id: string) =>
  ({ ...samples[i % samples.length]!, id }) as (typeof samples)[number];

let server: ServerProcess;
let as: (who: Who, method: string, path: string, body?: unknown) => ReturnType<typeof call>;

beforeAll(async () => {
  server = await startServerProcess();
  as = (who, method, path, body) => call(server.couchUrl, who, method, path, body);
  const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
  for (const user of [ana, ben, eve]) await admin.addUser(user.name, user.password);
  await admin.createGroup('lankov-seminar', 'ana', ['ben']);
}, 90_000);

afterAll(async () => {
  await server?.dispose();
}, 30_000);

describe('a group', () => {
  const anaDoc = toAnnotationDoc(withId(0, 'urn:uuid:00000000-0000-4000-8000-00000000a001'), 'ana');
  const benDoc = toAnnotationDoc(withId(1, 'urn:uuid:00000000-0000-4000-8000-00000000b001'), 'ben');

  it('members write their annotations and read everyone’s', async () => {
    const put = await as(ana, 'PUT', `${GROUP}/${encodeURIComponent(anaDoc._id)}`, anaDoc);
    expect(put.status).toBe(201);
    expect(
      (await as(ben, 'PUT', `${GROUP}/${encodeURIComponent(benDoc._id)}`, benDoc)).status,
    ).toBe(201);
    const read = await as(ben, 'GET', `${GROUP}/${encodeURIComponent(anaDoc._id)}`);
    expect(read.status).toBe(200);
    expect(read.body['creator']).toEqual({
      id: 'urn:diptych:user:ana',
      type: 'Person',
      nickname: 'ana',
    });
    const all = await as(ana, 'GET', `${GROUP}/_all_docs`);
    expect(all.body.rows!.map((r) => (r as { id: string }).id)).toEqual(
      expect.arrayContaining([anaDoc._id, benDoc._id, DESIGN_DOC_ID]),
    );
  });

  it('a non-member gets 403, a stranger 401, a wrong password 401 — on reads and writes', async () => {
    const doc = toAnnotationDoc(withId(2, 'urn:uuid:00000000-0000-4000-8000-00000000e001'), 'eve');
    const paths: [string, string, unknown?][] = [
      ['GET', GROUP],
      ['GET', `${GROUP}/_all_docs`],
      ['GET', `${GROUP}/_changes`],
      ['GET', `${GROUP}/${encodeURIComponent(anaDoc._id)}`],
      ['PUT', `${GROUP}/${encodeURIComponent(doc._id)}`, doc],
      ['POST', `${GROUP}/_bulk_docs`, { docs: [doc] }],
      ['POST', `${GROUP}/_bulk_docs`, { docs: [{ ...doc, _rev: '1-abc' }], new_edits: false }],
      ['POST', `${GROUP}/_revs_diff`, { [anaDoc._id]: ['1-abc'] }],
      ['PUT', `${GROUP}/_local/checkpoint`, { seq: 1 }],
      ['PUT', `${GROUP}/_security`, { members: { names: ['eve'], roles: [] } }],
    ];
    for (const [method, path, body] of paths) {
      expect((await as(eve, method, path, body)).status, `eve ${method} ${path}`).toBe(403);
      expect((await as(null, method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
      expect(
        (await as({ name: 'ana', password: 'wrong' }, method, path, body)).status,
        `wrong password ${method} ${path}`,
      ).toBe(401);
    }
    const refused = await as(eve, 'GET', GROUP);
    expect(refused.body).toEqual({
      error: 'forbidden',
      reason: 'You are not allowed to access this db.',
    });
    const bulk = await as(eve, 'POST', `${GROUP}/_bulk_docs`, { docs: [doc] });
    expect(bulk.body).toEqual({
      error: 'forbidden',
      reason: 'You are not allowed to access this db.',
    });
    // Nothing eve sent was stored.
    expect((await as(ana, 'GET', `${GROUP}/${encodeURIComponent(doc._id)}`)).status).toBe(404);
  });

  it('a member cannot edit or delete another member’s annotation', async () => {
    const current = await as(ben, 'GET', `${GROUP}/${encodeURIComponent(anaDoc._id)}`);
    const rev = current.body['_rev'] as string;
    const path = `${GROUP}/${encodeURIComponent(anaDoc._id)}`;
    const asBen = {
      ...current.body,
      creator: { id: 'urn:diptych:user:ben', type: 'Person', nickname: 'ben' },
    };
    expect((await as(ben, 'PUT', path, { ...current.body, body: [] })).status).toBe(403);
    expect((await as(ben, 'PUT', path, asBen)).status).toBe(403);
    expect((await as(ben, 'DELETE', `${path}?rev=${rev}`)).status).toBe(403);
    const bulk = await as(ben, 'POST', `${GROUP}/_bulk_docs`, {
      docs: [{ ...current.body, _deleted: true }],
    });
    expect(bulk.body).toEqual([expect.objectContaining({ id: anaDoc._id, error: 'forbidden' })]);
    // A replicated write (new_edits: false) is checked too.
    const replicated = await as(ben, 'POST', `${GROUP}/_bulk_docs`, {
      new_edits: false,
      docs: [
        { ...asBen, _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', rev.split('-')[1]] } },
      ],
    });
    expect(replicated.body).toEqual([
      expect.objectContaining({ id: anaDoc._id, error: 'forbidden' }),
    ]);
    // Nor can a member write an annotation in someone else's name, or a non-annotation.
    const forged = toAnnotationDoc(
      withId(3, 'urn:uuid:00000000-0000-4000-8000-00000000b002'),
      'ana',
    );
    expect(
      (await as(ben, 'PUT', `${GROUP}/${encodeURIComponent(forged._id)}`, forged)).status,
    ).toBe(403);
    expect((await as(ben, 'PUT', `${GROUP}/not-an-annotation`, { hello: 'world' })).status).toBe(
      403,
    );
    // The author still can, and the document is unchanged by ben's attempts.
    const after = await as(ana, 'GET', `${path}?revs=true`);
    expect(after.body['_rev']).toBe(rev);
    expect((await as(ana, 'PUT', path, { ...after.body, 'diptych:color': 'green' })).status).toBe(
      201,
    );
    const latest = await as(ana, 'GET', path);
    expect((await as(ana, 'DELETE', `${path}?rev=${latest.body['_rev'] as string}`)).status).toBe(
      200,
    );
  });

  it('only a server admin writes design documents and _local/_security (the owner is a database admin)', async () => {
    const ddoc = await as(ana, 'GET', `${GROUP}/${DESIGN_DOC_ID}`);
    expect(ddoc.status).toBe(200);
    const loosened = { ...ddoc.body, validate_doc_update: 'function () {}' };
    expect((await as(ana, 'PUT', `${GROUP}/${DESIGN_DOC_ID}`, loosened)).status).toBe(403);
    expect((await as(ana, 'PUT', `${GROUP}/_design%2Fother`, loosened)).status).toBe(403);
    expect(
      (await as(ana, 'POST', `${GROUP}/_bulk_docs`, { docs: [{ _id: '_design/x' }] })).status,
    ).toBe(403);
    expect((await as(ben, 'PUT', `${GROUP}/_local/_security`, { security: {} })).status).toBe(403);
    expect((await as(ben, 'PUT', `${GROUP}/_local%2F_security`, { security: {} })).status).toBe(
      403,
    );
    expect((await as(ben, 'POST', `${GROUP}`, { _id: '_local/_security' })).status).toBe(403);
    // The owner manages members through _security (CouchDB's way); a member cannot.
    const security = await as(ana, 'GET', `${GROUP}/_security`);
    expect(security.body).toEqual({
      admins: { names: ['ana'], roles: [] },
      members: { names: ['ana', 'ben'], roles: [] },
    });
    expect(
      (
        await as(ben, 'PUT', `${GROUP}/_security`, {
          ...security.body,
          admins: { names: ['ben'], roles: [] },
        })
      ).status,
    ).toBe(403);
  });

  it('creating databases, listing them and signing up are a server admin’s', async () => {
    expect((await as(ana, 'PUT', 'made-by-ana')).status).toBe(403);
    expect((await as(null, 'PUT', 'made-by-nobody')).status).toBe(401);
    expect((await as(ana, 'DELETE', GROUP)).status).toBe(403);
    expect((await as(ana, 'GET', '_all_dbs')).status).toBe(403);
    expect((await as(TEST_ADMIN, 'GET', '_all_dbs')).body).toEqual(expect.arrayContaining([GROUP]));
    const signup = {
      _id: 'org.couchdb.user:mallory',
      name: 'mallory',
      password: 'x',
      roles: [],
      type: 'user',
    };
    expect((await as(null, 'PUT', '_users/org.couchdb.user:mallory', signup)).status).toBe(401);
    expect((await as(ana, 'PUT', '_users/org.couchdb.user:mallory', signup)).status).toBe(403);
    expect((await as(ana, 'GET', '_users/org.couchdb.user:ben')).status).toBe(403);
    expect((await as(ana, 'GET', '_users/_all_docs')).status).toBe(403);
    // A user reads their own account, with the groups listed on it.
    const own = await as(ben, 'GET', '_users/org.couchdb.user:ben');
    expect(own.body['diptych_groups']).toEqual(['lankov-seminar']);
  });
});

describe('a private layer', () => {
  it('is readable and writable by its owner alone', async () => {
    const db = privateDatabaseName('ben');
    const doc = toAnnotationDoc(withId(4, 'urn:uuid:00000000-0000-4000-8000-00000000b0b0'), 'ben');
    const path = `${db}/${encodeURIComponent(doc._id)}`;
    expect((await as(ben, 'PUT', path, doc)).status).toBe(201);
    expect((await as(ben, 'GET', path)).status).toBe(200);
    expect((await as(ana, 'GET', path)).status).toBe(403);
    expect((await as(ana, 'GET', `${db}/_changes`)).status).toBe(403);
    expect(
      (
        await as(
          ana,
          'PUT',
          `${db}/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-0000000000a1')}`,
          doc,
        )
      ).status,
    ).toBe(403);
    expect((await as(null, 'GET', path)).status).toBe(401);
  });
});

describe('a record override (issue 14: record edits sync with the private layer)', () => {
  const db = privateDatabaseName('ana');
  const record = toRecordOverrideDoc(
    'winstanley-chesters-2015',
    { URL: 'https://example.org/russias-borders', issued: '2015-06-03' },
    'ana',
    '2026-11-30T16:00:00.000Z',
  );
  const path = `${db}/${encodeURIComponent(record._id)}`;

  it('a valid one is accepted in its reader’s private layer, readable by them alone, and reverts as a tombstone', async () => {
    const put = await as(ana, 'PUT', path, record);
    expect(put.status).toBe(201);
    const read = await as(ana, 'GET', path);
    expect(read.body).toMatchObject({ type: 'diptych:RecordOverride', fields: record.fields });
    expect((await as(ben, 'GET', path)).status).toBe(403);
    // An edit on top of it, then the revert (a deletion that replicates).
    const edited = {
      ...read.body,
      fields: { ...record.fields, 'title-short': 'Russia’s borders' },
    };
    const second = await as(ana, 'PUT', path, edited);
    expect(second.status).toBe(201);
    const gone = await as(ana, 'DELETE', `${path}?rev=${second.body['rev'] as string}`);
    expect(gone.status).toBe(200);
    const changes = await as(ana, 'GET', `${db}/_changes?style=all_docs`);
    const row = (changes.body['results'] as { id: string; deleted?: boolean }[]).find(
      (r) => r.id === record._id,
    );
    expect(row?.deleted).toBe(true);
  });

  it('a malformed one is refused with the rule it breaks, by PUT and by replication', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...record, fields: { URL: 'javascript:alert(1)' } }, /URL must be an http\(s\) address/],
      [{ ...record, fields: { colour: 'red' } }, /unknown field colour/],
      [{ ...record, fields: { issued: 'June 2015' } }, /issued must be a date/],
      [{ ...record, fields: {} }, /at least one field/],
      [{ ...record, source: 'urn:diptych:source:lankov-2007' }, /name the source of its id/],
      [{ ...record, creator: creatorOf('ben') }, /name you as its creator/],
      [{ ...record, type: 'Annotation' }, /type "diptych:RecordOverride"/],
    ];
    for (const [doc, rule] of cases) {
      const answer = await as(ana, 'PUT', path, doc);
      expect(answer.status, JSON.stringify(doc)).toBe(403);
      expect(String(answer.body['reason'])).toMatch(rule);
    }
    const replicated = await as(ana, 'POST', `${db}/_bulk_docs`, {
      new_edits: false,
      docs: [{ ...cases[0]![0], _rev: '1-abcd' }],
    });
    expect(replicated.body).toEqual([
      expect.objectContaining({ id: record._id, error: 'forbidden' }),
    ]);
    // Nothing of them was stored (the valid one was reverted above).
    const after = await as(ana, 'GET', path);
    expect(after.status).toBe(404);
  });

  it('is refused in a group layer, even to its owner, and in someone else’s private layer', async () => {
    const inGroup = await as(ana, 'PUT', `${GROUP}/${encodeURIComponent(record._id)}`, record);
    expect(inGroup.status).toBe(403);
    expect(String(inGroup.body['reason'])).toMatch(/private layer, never to a group/);
    const bulk = await as(ana, 'POST', `${GROUP}/_bulk_docs`, { docs: [record] });
    expect(bulk.body).toEqual([expect.objectContaining({ id: record._id, error: 'forbidden' })]);
    expect((await as(ana, 'GET', `${GROUP}/${encodeURIComponent(record._id)}`)).status).toBe(404);
    const bens = toRecordOverrideDoc('lankov-2007', { issued: '2007' }, 'ben', record.modified);
    expect((await as(ben, 'PUT', `${db}/${encodeURIComponent(bens._id)}`, bens)).status).toBe(403);
  });
});

describe('sessions', () => {
  it('a cookie session from _session opens the layers; signing out closes them', async () => {
    const login = await as(null, 'POST', '_session', { name: 'ben', password: 'ben-pw' });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/AuthSession=[^;]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = /AuthSession=[^;]+/.exec(setCookie)![0];
    const session = await as({ cookie }, 'GET', '_session');
    expect(session.body['userCtx']).toEqual({ name: 'ben', roles: [] });
    expect((await as({ cookie }, 'GET', GROUP)).status).toBe(200);
    expect((await as({ cookie }, 'GET', privateDatabaseName('ana'))).status).toBe(403);
    const wrong = await as(null, 'POST', '_session', { name: 'ben', password: 'nope' });
    expect(wrong.status).toBe(401);
  });
});

describe('the endpoints replication uses', () => {
  it('_changes long-polls and streams continuously', async () => {
    const since = (await as(ben, 'GET', `${GROUP}/_changes?since=now`)).body['last_seq'];
    const poll = as(
      ben,
      'GET',
      `${GROUP}/_changes?feed=longpoll&since=${String(since)}&timeout=20000`,
    );
    await new Promise((r) => setTimeout(r, 300));
    const doc = toAnnotationDoc(withId(5, 'urn:uuid:00000000-0000-4000-8000-00000000b005'), 'ben');
    await as(ben, 'PUT', `${GROUP}/${encodeURIComponent(doc._id)}`, doc);
    const answer = await poll;
    expect((answer.body['results'] as { id: string }[]).map((r) => r.id)).toEqual([doc._id]);

    const controller = new AbortController();
    const response = await fetch(
      new URL(`${GROUP}/_changes?feed=continuous&since=0&heartbeat=1000`, server.couchUrl),
      {
        headers: { authorization: `Basic ${Buffer.from('ben:ben-pw').toString('base64')}` },
        signal: controller.signal,
      },
    );
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(doc._id)) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(1);
  });

  it('_revs_diff, _bulk_get, _local documents and _all_docs answer as CouchDB does', async () => {
    const doc = toAnnotationDoc(withId(6, 'urn:uuid:00000000-0000-4000-8000-00000000b006'), 'ben');
    const put = await as(ben, 'PUT', `${GROUP}/${encodeURIComponent(doc._id)}`, doc);
    const rev = put.body['rev'] as string;
    const diff = await as(ben, 'POST', `${GROUP}/_revs_diff`, { [doc._id]: [rev, '9-feed'] });
    expect(diff.body).toEqual({ [doc._id]: { missing: ['9-feed'] } });
    const got = await as(ben, 'POST', `${GROUP}/_bulk_get?revs=true`, {
      docs: [{ id: doc._id, rev }],
    });
    expect(JSON.stringify(got.body)).toContain(rev);
    expect((await as(ben, 'PUT', `${GROUP}/_local/ben-checkpoint`, { last_seq: 3 })).status).toBe(
      201,
    );
    expect((await as(ben, 'GET', `${GROUP}/_local/ben-checkpoint`)).body['last_seq']).toBe(3);
    const all = await as(
      ben,
      'GET',
      `${GROUP}/_all_docs?include_docs=true&keys=${encodeURIComponent(JSON.stringify([doc._id]))}`,
    );
    expect(all.body.rows).toHaveLength(1);
  });

  it('keeps conflicting revisions (a revision tree), and a replicated history as sent', async () => {
    const doc = toAnnotationDoc(withId(7, 'urn:uuid:00000000-0000-4000-8000-00000000b007'), 'ben');
    const path = `${GROUP}/${encodeURIComponent(doc._id)}`;
    const first = await as(ben, 'PUT', path, doc);
    const base = (first.body['rev'] as string).split('-')[1]!;
    // Two devices edited revision 1 differently, then a third revision on one of them.
    const left = {
      ...doc,
      'diptych:color': 'green',
      _rev: '3-aaaa',
      _revisions: { start: 3, ids: ['aaaa', 'a2a2', base] },
    };
    const right = {
      ...doc,
      'diptych:color': 'blue',
      _rev: '2-bbbb',
      _revisions: { start: 2, ids: ['bbbb', base] },
    };
    const pushed = await as(ben, 'POST', `${GROUP}/_bulk_docs`, {
      new_edits: false,
      docs: [left, right],
    });
    expect(pushed.status).toBe(201);
    const read = await as(ben, 'GET', `${path}?conflicts=true&revs=true`);
    expect(read.body['_rev']).toBe('3-aaaa');
    expect(read.body['_conflicts']).toEqual(['2-bbbb']);
    expect(read.body['_revisions']).toEqual({ start: 3, ids: ['aaaa', 'a2a2', base] });
    expect((await as(ben, 'GET', `${path}?rev=2-bbbb`)).body['diptych:color']).toBe('blue');
  });
});

describe('documents as stored', () => {
  it('are W3C annotations: every stored annotation passes the W3C MUST suite', async () => {
    const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
    const docs = samples.map((a) => toAnnotationDoc(a, 'ben'));
    const put = await as(ben, 'POST', `${privateDatabaseName('ben')}/_bulk_docs`, { docs });
    expect(put.status).toBe(201);
    const all = await as(ben, 'GET', `${privateDatabaseName('ben')}/_all_docs?include_docs=true`);
    const stored = all.body
      .rows!.map((r) => (r as { doc: Record<string, unknown> }).doc)
      .filter((d) => d['type'] === 'Annotation');
    expect(stored.length).toBeGreaterThanOrEqual(samples.length);
    for (const doc of stored) {
      expect(doc['_id']).toBe(doc['id']);
      expect(checkW3cConformance(w3cOfDoc(doc)), String(doc['_id'])).toEqual([]);
    }
    expect(admin.couchUrl).toBe(server.couchUrl);
  }, 60_000);
});
