/** The record override store: validated changes, undo, corrupted data backed up, full storage reported, nothing lost. */
import { describe, expect, it } from 'vitest';
import {
  RECORD_OVERRIDES_KEY,
  openRecordOverrideStore,
  type OverrideStorage,
} from '../../../app/citations/record-override-store.ts';

function memory(
  initial: Record<string, string> = {},
): OverrideStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('openRecordOverrideStore', () => {
  it('stores, reads back, clears and undoes overrides keyed by source id', () => {
    const storage = memory();
    const store = openRecordOverrideStore(storage);
    let changes = 0;
    store.subscribe(() => changes++);
    expect(store.set('lankov-2007', { issued: '2007-09' })).toEqual({ ok: true });
    expect(openRecordOverrideStore(storage).get('lankov-2007')).toEqual({ issued: '2007-09' });
    expect(JSON.parse(storage.data.get(RECORD_OVERRIDES_KEY)!)).toEqual({
      version: 1,
      overrides: { 'lankov-2007': { issued: '2007-09' } },
    });
    store.clear('lankov-2007');
    expect(store.all()).toEqual({});
    expect(store.undo()).toBe(true);
    expect(store.get('lankov-2007')).toEqual({ issued: '2007-09' });
    expect(changes).toBe(3);
  });

  it('refuses an invalid change with a message and keeps what was there', () => {
    const store = openRecordOverrideStore(memory());
    store.set('lankov-2007', { URL: 'https://a.org' });
    const bad = store.set('lankov-2007', { URL: 'javascript:alert(1)' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/http\(s\)/);
    expect(store.get('lankov-2007')).toEqual({ URL: 'https://a.org' });
    expect(store.replaceAll({ 'lankov-2007': { nonsense: 'x' } }).ok).toBe(false);
    expect(store.get('lankov-2007')).toEqual({ URL: 'https://a.org' });
  });

  it('backs up stored data it cannot read, opens empty and never writes over it', () => {
    const storage = memory({
      [RECORD_OVERRIDES_KEY]: '{"version":1,"overrides":{"lankov-2007":{"URL":"ftp://x"}}}',
    });
    const store = openRecordOverrideStore(storage);
    expect(store.all()).toEqual({});
    expect(store.problem()).toMatch(
      /could not be read; they were copied to diptych:backup:record-overrides:/,
    );
    const backup = [...storage.data.keys()].find((k) =>
      k.startsWith('diptych:backup:record-overrides:'),
    );
    expect(storage.data.get(backup!)).toContain('ftp://x');
    store.set('lankov-2007', { issued: '2007' });
    expect(storage.data.get(RECORD_OVERRIDES_KEY)).toContain('ftp://x');
  });

  it('keeps a change in the tab and says so when storage is full', () => {
    const storage = memory();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = openRecordOverrideStore(storage);
    expect(store.set('lankov-2007', { issued: '2007' }).ok).toBe(true);
    expect(store.get('lankov-2007')).toEqual({ issued: '2007' });
    expect(store.problem()).toMatch(/storage is full/);
  });
});
