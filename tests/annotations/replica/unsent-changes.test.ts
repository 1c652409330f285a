/**
 * The reader's changes written to a layer and not yet on the server
 * (annotations/replica/unsent-changes.ts): marked when written, cleared by
 * the push of that revision or a later one, kept across a reload for the
 * same server and user only.
 */
import { describe, expect, it } from 'vitest';
import {
  loadUnsent,
  noteSent,
  noteWritten,
  revGeneration,
  saveUnsent,
  UNSENT_KEY,
  unsentIds,
  unsentOutside,
} from '../../../annotations/replica/unsent-changes.ts';
import { mapWebStorage } from '../../helpers/map-web-storage.ts';

const PRIVATE = 'userdb-616e61';
const GROUP = 'diptych-group-seminar';

describe('noteWritten and noteSent', () => {
  it('marks a write until the push sends that revision', () => {
    const written = noteWritten({}, PRIVATE, 'a', '2-x');
    expect([...unsentIds(written)]).toEqual(['a']);
    expect(noteSent(written, PRIVATE, [{ id: 'a', rev: '2-x' }])).toEqual({});
  });

  it('keeps the mark while only an older revision has been sent (two edits, the first on its way)', () => {
    const twice = noteWritten(noteWritten({}, PRIVATE, 'a', '2-x'), PRIVATE, 'a', '3-y');
    expect(noteSent(twice, PRIVATE, [{ id: 'a', rev: '2-x' }])).toEqual({ [PRIVATE]: { a: 3 } });
    expect(noteSent(twice, PRIVATE, [{ id: 'a', rev: '3-y' }])).toEqual({});
  });

  it('clears by layer: the same id sent from another layer does not count', () => {
    const moved = noteWritten(noteWritten({}, GROUP, 'a', '1-g'), PRIVATE, 'a', '3-p');
    const sentFromGroup = noteSent(moved, GROUP, [{ id: 'a', rev: '1-g' }]);
    expect(sentFromGroup).toEqual({ [PRIVATE]: { a: 3 } });
    expect(unsentIds(sentFromGroup).has('a')).toBe(true);
  });

  it('returns the same object when nothing changes (no new snapshot for nothing)', () => {
    const one = noteWritten({}, PRIVATE, 'a', '2-x');
    expect(noteWritten(one, PRIVATE, 'a', '1-w')).toBe(one);
    expect(noteSent(one, PRIVATE, [{ id: 'b', rev: '5-z' }])).toBe(one);
    expect(noteSent(one, GROUP, [{ id: 'a', rev: '5-z' }])).toBe(one);
  });

  it('reads a revision’s generation, 0 for one it cannot read', () => {
    expect([revGeneration('12-abc'), revGeneration('abc'), revGeneration('')]).toEqual([12, 0, 0]);
  });
});

describe('unsentOutside', () => {
  it('keeps a left group’s changes when every live layer has caught up, and hides them while left', () => {
    const both = noteWritten(noteWritten({}, GROUP, 'g', '2-g'), PRIVATE, 'p', '3-p');
    // Every live layer (Private) caught up: the group's edit made while left still waits to go up.
    expect(unsentOutside(both, [PRIVATE])).toEqual({ [GROUP]: { g: 2 } });
    // Shown as waiting while the group is left: only the live layers'.
    expect([...unsentIds(unsentOutside(both, [GROUP]))]).toEqual(['p']);
  });

  it('returns the same object when it holds none of the layers', () => {
    const written = noteWritten({}, PRIVATE, 'p', '1-p');
    expect(unsentOutside(written, [GROUP])).toBe(written);
    expect(unsentOutside(written, [])).toBe(written);
  });
});

describe('kept across a reload', () => {
  it('for the same server and user', () => {
    const storage = mapWebStorage();
    const unsent = noteWritten({}, PRIVATE, 'a', '2-x');
    saveUnsent(storage, 'http://127.0.0.1:5984/couch/', 'ana', unsent);
    expect(loadUnsent(storage, 'http://127.0.0.1:5984/couch/', 'ana')).toEqual(unsent);
    expect(loadUnsent(storage, 'http://127.0.0.1:5984/couch/', 'ben')).toEqual({});
    expect(loadUnsent(storage, 'https://elsewhere.example/', 'ana')).toEqual({});
  });

  it('the key goes when nothing is unsent', () => {
    const storage = mapWebStorage();
    saveUnsent(storage, 'api', 'ana', noteWritten({}, PRIVATE, 'a', '2-x'));
    saveUnsent(storage, 'api', 'ana', {});
    expect(storage.getItem(UNSENT_KEY)).toBeNull();
  });

  describe('when it fails', () => {
    it('unreadable or malformed: nothing unsent, no throw', () => {
      const storage = mapWebStorage();
      for (const raw of ['{', '[]', '{"api":"api","user":"ana","unsent":{"db":{"a":-1}}}']) {
        storage.setItem(UNSENT_KEY, raw);
        expect(loadUnsent(storage, 'api', 'ana')).toEqual({});
      }
      expect(loadUnsent(null, 'api', 'ana')).toEqual({});
    });

    it('a refused write is ignored', () => {
      const full = {
        ...mapWebStorage(),
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      };
      expect(() =>
        saveUnsent(full, 'api', 'ana', noteWritten({}, PRIVATE, 'a', '1-x')),
      ).not.toThrow();
    });
  });
});
