// The layer and author filter shared by the sidebar and the Compare view (issue 13).
import { describe, expect, it } from 'vitest';
import type { SyncSnapshot } from '../../../annotations/replica/sync-engine.ts';
import {
  ALL_LAYERS,
  filterAuthors,
  isOpenLayerFilter,
  passesLayerFilter,
  syncMetaOf,
} from '../../../app/sync-panel/layer-filter.ts';

const PRIVATE = 'userdb-62656e';
const GROUP = 'diptych-group-seminar';

/** Ben, signed in, with a private layer and a group; ana's and his annotations in it. */
function snapshot(over: Partial<SyncSnapshot> = {}): SyncSnapshot {
  return {
    server: 'http://127.0.0.1:5984/',
    user: 'ben',
    signedIn: true,
    status: { kind: 'synced', words: 'Synced.' },
    lastSync: null,
    layers: [
      { db: PRIVATE, label: 'Private', kind: 'private' },
      { db: GROUP, label: 'seminar', kind: 'group' },
    ],
    suggestedGroups: [],
    defaultLayer: PRIVATE,
    layerOf: { mine: PRIVATE, ours: GROUP, anas: GROUP },
    authorOf: { mine: 'ben', ours: 'ben', anas: 'ana' },
    unsent: new Set(),
    conflicts: {},
    recordConflicts: {},
    rejected: [],
    message: null,
    ...over,
  };
}

const kept = (filter: { layer: string; author: string }, s: SyncSnapshot | null) =>
  ['mine', 'ours', 'anas', 'unsynced'].filter((id) => passesLayerFilter(filter, s, id));

describe('syncMetaOf', () => {
  it('gives the layer, the author and whether it is the reader’s', () => {
    const s = snapshot();
    expect(syncMetaOf(s, 'anas')).toMatchObject({
      layer: { db: GROUP, kind: 'group' },
      author: 'ana',
      mine: false,
    });
    expect(syncMetaOf(s, 'ours')).toMatchObject({ author: 'ben', mine: true });
    // Not synced yet: in no layer, and the reader's.
    expect(syncMetaOf(s, 'unsynced')).toEqual({
      layer: null,
      author: null,
      mine: true,
      conflict: null,
      unsent: false,
      left: false,
    });
  });

  it('an annotation of a group left on this device keeps its group and author, marked left', () => {
    const s = snapshot({ layers: [{ db: PRIVATE, label: 'Private', kind: 'private' }] });
    expect(syncMetaOf(s, 'anas')).toMatchObject({
      layer: { db: GROUP, label: 'seminar', kind: 'group' },
      author: 'ana',
      mine: false,
      left: true,
    });
    expect(syncMetaOf(s, 'mine')?.left).toBe(false);
    // Signed out, no layer is live: nothing was left, and no group is named.
    const out = syncMetaOf(snapshot({ signedIn: false, layers: [] }), 'anas');
    expect(out).toMatchObject({ layer: null, left: false });
  });

  it('says whether a change of the reader’s has not reached the server yet', () => {
    const s = snapshot({ unsent: new Set(['ours']) });
    expect(syncMetaOf(s, 'ours')?.unsent).toBe(true);
    expect(syncMetaOf(s, 'mine')?.unsent).toBe(false);
  });

  it('is null without sync, or signed out with nothing ever synced', () => {
    expect(syncMetaOf(null, 'mine')).toBeNull();
    expect(syncMetaOf(snapshot({ signedIn: false, layerOf: {} }), 'mine')).toBeNull();
  });
});

describe('passesLayerFilter', () => {
  it('keeps everything when open, with or without sync', () => {
    expect(isOpenLayerFilter(ALL_LAYERS)).toBe(true);
    expect(kept(ALL_LAYERS, snapshot())).toEqual(['mine', 'ours', 'anas', 'unsynced']);
    expect(kept(ALL_LAYERS, null)).toEqual(['mine', 'ours', 'anas', 'unsynced']);
  });

  it('keeps one layer', () => {
    expect(kept({ layer: GROUP, author: '' }, snapshot())).toEqual(['ours', 'anas']);
    expect(kept({ layer: PRIVATE, author: '' }, snapshot())).toEqual(['mine']);
  });

  it('keeps one author; what is not synced yet is the reader’s', () => {
    expect(kept({ layer: '', author: 'ana' }, snapshot())).toEqual(['anas']);
    expect(kept({ layer: '', author: 'ben' }, snapshot())).toEqual(['mine', 'ours', 'unsynced']);
  });

  it('keeps what both keep', () => {
    expect(kept({ layer: GROUP, author: 'ben' }, snapshot())).toEqual(['ours']);
    expect(kept({ layer: PRIVATE, author: 'ana' }, snapshot())).toEqual([]);
  });

  it('follows a move: the layer is read from the snapshot each time', () => {
    const moved = snapshot({ layerOf: { mine: GROUP, ours: GROUP, anas: GROUP } });
    expect(kept({ layer: GROUP, author: 'ben' }, moved)).toEqual(['mine', 'ours']);
    expect(kept({ layer: PRIVATE, author: '' }, moved)).toEqual([]);
  });
});

describe('filterAuthors', () => {
  it('lists each author once, sorted', () => {
    expect(filterAuthors(snapshot())).toEqual(['ana', 'ben']);
    expect(filterAuthors(null)).toEqual([]);
  });
});
