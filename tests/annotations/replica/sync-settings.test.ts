/**
 * The sync settings (annotations/replica/sync-settings.ts): each
 * annotation's layer and author stored as id lists per (layer, author)
 * pair, read back as the engine's two maps; settings stored as the two maps
 * by an earlier version still read; unreadable ones read as none.
 */
import { describe, expect, it } from 'vitest';
import {
  loadSyncSettings,
  saveSyncSettings,
  SYNC_SETTINGS_KEY,
  type SyncSettings,
} from '../../../annotations/replica/sync-settings.ts';
import { mapWebStorage } from '../../helpers/map-web-storage.ts';

const settings = (n: number): SyncSettings => {
  const layerOf: Record<string, string> = {};
  const authorOf: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    layerOf[id] = i % 3 === 0 ? 'diptych-group-seminar' : 'userdb-616e61';
    authorOf[id] = i % 6 === 0 ? 'ben' : 'ana';
  }
  // A layer with no author known, and an author with no layer: both kept.
  layerOf['urn:uuid:layer-only'] = 'userdb-616e61';
  authorOf['urn:uuid:author-only'] = 'ana';
  return {
    server: 'http://127.0.0.1:5984',
    api: 'http://127.0.0.1:5984/couch/',
    user: 'ana',
    signedIn: true,
    groups: ['seminar'],
    defaultLayer: 'userdb-616e61',
    layerOf,
    authorOf,
    lastSync: '2026-11-30T12:00:00.000Z',
  };
};

describe('sync settings', () => {
  it('round-trip: the maps come back as they were, stored as id lists per layer and author', () => {
    const storage = mapWebStorage();
    const s = settings(10_000);
    expect(saveSyncSettings(storage, s)).toBe(true);
    expect(loadSyncSettings(storage)).toEqual(s);
    const raw = storage.getItem(SYNC_SETTINGS_KEY)!;
    expect(JSON.parse(raw)).not.toHaveProperty('layerOf');
    // Each id once: well under the two maps' size.
    expect(raw.length).toBeLessThan(JSON.stringify(s).length / 2);
  });

  it('reads settings an earlier version stored as two maps', () => {
    const storage = mapWebStorage();
    const s = settings(5);
    storage.setItem(SYNC_SETTINGS_KEY, JSON.stringify(s));
    expect(loadSyncSettings(storage)).toEqual(s);
  });

  it('reads damaged settings as none', () => {
    const storage = mapWebStorage();
    const { layerOf: _l, authorOf: _a, ...common } = settings(1);
    for (const bad of [
      '{',
      JSON.stringify(common),
      JSON.stringify({ ...common, placed: [{ layer: 3, author: 'ana', ids: [] }] }),
    ]) {
      storage.setItem(SYNC_SETTINGS_KEY, bad);
      expect(loadSyncSettings(storage)).toBeNull();
    }
  });
});
