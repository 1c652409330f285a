import { describe, expect, it, vi } from 'vitest';
import {
  openBrowserStorage,
  PROBE_KEY,
  webStoragePort,
} from '../../../annotations/storage/local-storage.ts';
import { quotaExceededError } from '../../../annotations/storage/quota.ts';

/** A Web Storage object over a Map, with switchable failures (Node has no localStorage). */
class FakeStorage implements Storage {
  values = new Map<string, string>();
  failWrites: Error | null = null;
  failReads = false;
  get length(): number {
    if (this.failReads) throw new Error('SecurityError');
    return this.values.size;
  }
  key(i: number): string | null {
    return [...this.values.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    if (this.failReads) throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    return this.values.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.failWrites) throw this.failWrites;
    this.values.set(k, v);
  }
  removeItem(k: string): void {
    if (this.failReads) throw new Error('denied');
    this.values.delete(k);
  }
  clear(): void {
    this.values.clear();
  }
}

/** A `storage` event as browsers dispatch it to other tabs. */
function storageEvent(init: {
  key: string | null;
  newValue: string | null;
  storageArea: Storage | null;
}): Event {
  return Object.assign(new Event('storage'), init);
}

describe('webStoragePort', () => {
  it('wraps get, set, remove and keys', () => {
    const storage = new FakeStorage();
    const port = webStoragePort(storage, new EventTarget());
    port.set('a', '1');
    expect(port.get('a')).toBe('1');
    expect(port.keys()).toEqual(['a']);
    port.remove('a');
    expect(port.get('a')).toBeNull();
    expect(port.kind).toBe('local');
  });

  it('turns storage events on its own storage area into changes', () => {
    const storage = new FakeStorage();
    const events = new EventTarget();
    const port = webStoragePort(storage, events);
    const heard = vi.fn();
    const off = port.subscribe(heard);
    events.dispatchEvent(storageEvent({ key: 'k', newValue: 'v', storageArea: storage }));
    events.dispatchEvent(storageEvent({ key: 'k', newValue: 'x', storageArea: new FakeStorage() }));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith({ key: 'k', newValue: 'v' });
    off();
    events.dispatchEvent(storageEvent({ key: 'k', newValue: 'w', storageArea: storage }));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  describe('when it fails', () => {
    it('never throws on reads, listing or removal; a failed write throws to the caller', () => {
      const storage = new FakeStorage();
      const port = webStoragePort(storage, new EventTarget());
      storage.failReads = true;
      expect(port.get('a')).toBeNull();
      expect(port.keys()).toEqual([]);
      expect(() => port.remove('a')).not.toThrow();
      storage.failWrites = quotaExceededError();
      expect(() => port.set('a', '1')).toThrow(/quota/);
    });
  });
});

describe('openBrowserStorage', () => {
  it('uses localStorage when it accepts a write, and leaves no probe behind', () => {
    const storage = new FakeStorage();
    const opened = openBrowserStorage(() => storage, new EventTarget());
    expect(opened.port.kind).toBe('local');
    expect(opened.fallbackReason).toBeUndefined();
    expect(storage.values.has(PROBE_KEY)).toBe(false);
  });

  it('keeps a full localStorage: it still holds the annotations', () => {
    const storage = new FakeStorage();
    storage.values.set('diptych:v1:annotations', '{}');
    storage.failWrites = quotaExceededError();
    const opened = openBrowserStorage(() => storage, new EventTarget());
    expect(opened.port.kind).toBe('local');
    expect(opened.port.get('diptych:v1:annotations')).toBe('{}');
  });

  describe('when it fails', () => {
    const refusing = new FakeStorage();
    refusing.failWrites = Object.assign(new Error('no'), { name: 'InvalidStateError' });
    const getters: [string, () => Storage | undefined][] = [
      ['missing', () => undefined],
      [
        'blocked',
        () => {
          throw Object.assign(new Error('denied'), { name: 'SecurityError' });
        },
      ],
      ['refusing writes', () => refusing],
    ];
    it.each(getters)('falls back to memory when localStorage is %s, and says why', (_name, get) => {
      const opened = openBrowserStorage(get, new EventTarget());
      expect(opened.port.kind).toBe('memory');
      expect(opened.fallbackReason).toMatch(/only until you close this tab/);
    });
  });
});
