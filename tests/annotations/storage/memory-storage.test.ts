import { describe, expect, it, vi } from 'vitest';
import { memoryArea, memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { isQuotaExceeded } from '../../../annotations/storage/quota.ts';

describe('memoryStorage', () => {
  it('gets, sets, removes and lists keys', () => {
    const s = memoryStorage();
    expect(s.get('a')).toBeNull();
    s.set('a', '1');
    s.set('b', '2');
    expect(s.get('a')).toBe('1');
    expect(s.keys().sort()).toEqual(['a', 'b']);
    s.remove('a');
    expect(s.keys()).toEqual(['b']);
    expect(s.kind).toBe('memory');
  });

  it('tells the other ports on the same area of a change, never the writer', () => {
    const area = memoryArea();
    const tab1 = memoryStorage(area);
    const tab2 = memoryStorage(area);
    const heard1 = vi.fn();
    const heard2 = vi.fn();
    tab1.subscribe(heard1);
    const off = tab2.subscribe(heard2);
    tab1.set('k', 'v');
    expect(heard1).not.toHaveBeenCalled();
    expect(heard2).toHaveBeenCalledWith({ key: 'k', newValue: 'v' });
    tab1.remove('k');
    expect(heard2).toHaveBeenLastCalledWith({ key: 'k', newValue: null });
    off();
    tab1.set('k', 'w');
    expect(heard2).toHaveBeenCalledTimes(2);
    expect(tab2.get('k')).toBe('w');
  });

  describe('when it fails', () => {
    it('throws a QuotaExceededError past its quota and keeps the old value', () => {
      const s = memoryStorage(memoryArea(20));
      s.set('key', 'old');
      let error: unknown;
      try {
        s.set('key', 'x'.repeat(50));
      } catch (e) {
        error = e;
      }
      expect(isQuotaExceeded(error)).toBe(true);
      expect(s.get('key')).toBe('old');
    });
    it('counts a replaced value once, so rewriting a key of the same size still fits', () => {
      const s = memoryStorage(memoryArea(10));
      s.set('k', '12345678');
      expect(() => s.set('k', '87654321')).not.toThrow();
    });
  });
});
