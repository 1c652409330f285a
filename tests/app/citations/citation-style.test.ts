import { describe, expect, it } from 'vitest';
import {
  CITATION_STYLE_KEY,
  loadCitationStyle,
  saveCitationStyle,
  type StyleStorage,
} from '../../../app/citations/citation-style.ts';
import { DEFAULT_STYLE, STYLE_IDS } from '../../../sources/citation/styles.ts';

function memory(
  initial: Record<string, string> = {},
): StyleStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

describe('citation style preference', () => {
  it('stores and reads back every style id under the app namespace', () => {
    for (const id of STYLE_IDS) {
      const storage = memory();
      expect(saveCitationStyle(id, storage)).toBe(true);
      expect(storage.data[CITATION_STYLE_KEY]).toBe(id);
      expect(loadCitationStyle(storage)).toBe(id);
    }
    expect(CITATION_STYLE_KEY.startsWith('diptych:')).toBe(true);
  });

  it('gives the default when nothing is stored', () => {
    expect(loadCitationStyle(memory())).toBe(DEFAULT_STYLE);
    expect(loadCitationStyle(undefined)).toBe(DEFAULT_STYLE);
  });

  describe('when it fails', () => {
    it.each(['chicago', 'APA', '"apa"', '', ' mla', 'null', '{"style":"mla"}'])(
      'a stored %j falls back to the default',
      (value) => {
        expect(loadCitationStyle(memory({ [CITATION_STYLE_KEY]: value }))).toBe(DEFAULT_STYLE);
      },
    );

    it('a storage that throws on read gives the default, on write reports false', () => {
      const broken: StyleStorage = {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      };
      expect(loadCitationStyle(broken)).toBe(DEFAULT_STYLE);
      expect(saveCitationStyle('mla', broken)).toBe(false);
      expect(saveCitationStyle('mla', undefined)).toBe(false);
    });

    it('refuses to store something that is not a style id', () => {
      const storage = memory();
      expect(saveCitationStyle('harvard' as never, storage)).toBe(false);
      expect(storage.data).toEqual({});
    });
  });
});
