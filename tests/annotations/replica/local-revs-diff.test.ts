// The batched revsDiff answers as PouchDB's own, on Node's PouchDB (LevelDB in a temporary folder).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchRevsDiff } from '../../../annotations/replica/local-revs-diff.ts';
import type { PouchConstructor, PouchDatabase } from '../../../annotations/replica/pouch-types.ts';

const PouchDB = createRequire(import.meta.url)('pouchdb') as PouchConstructor;

type RevsDiff = (request: Record<string, string[]>) => Promise<Record<string, unknown>>;
const revsDiffOf = (db: PouchDatabase): RevsDiff =>
  (db as unknown as { revsDiff: RevsDiff }).revsDiff.bind(db);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diptych-revs-diff-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('batchRevsDiff', () => {
  it('answers as PouchDB does for missing, present, deleted and conflicted documents', async () => {
    const db = new PouchDB(join(dir, 'a'));
    const a = await db.put({ _id: 'a', n: 1 });
    const b = await db.put({ _id: 'b', n: 1 });
    await db.put({ _id: 'b', _rev: b.rev, _deleted: true });
    // Two branches of c, as a replication brings them.
    await (db as unknown as { bulkDocs(d: object, o: object): Promise<unknown> }).bulkDocs(
      {
        docs: [
          { _id: 'c', _rev: '1-aaa', n: 1 },
          { _id: 'c', _rev: '1-bbb', n: 2 },
        ],
      },
      { new_edits: false },
    );
    const request = {
      a: [a.rev, '2-fff'],
      b: [b.rev, '3-eee'],
      c: ['1-aaa', '1-ccc', '2-ddd'],
      d: ['1-xxx', '2-yyy'],
      e: ['1-zzz'],
    };
    const expected = await revsDiffOf(db)(request);
    const got = await revsDiffOf(batchRevsDiff(db))(request);
    expect(got).toEqual(expected);
    expect(got['d']).toEqual({ missing: ['1-xxx', '2-yyy'] });
    expect(await revsDiffOf(db)({})).toEqual({});
    await db.close();
  });
});
