import { describe, expect, it } from 'vitest';
import { counted, plural } from '../../../sources/util/plural.ts';

describe('plural', () => {
  it('takes the singular for one and the plural for every other count', () => {
    expect(plural(1, 'text')).toBe('text');
    for (const n of [0, 2, 3, 11, 21, 101, 1_000_000]) expect(plural(n, 'text')).toBe('texts');
  });

  it('takes an irregular plural or a whole phrase as given', () => {
    expect(plural(1, 'is', 'are')).toBe('is');
    expect(plural(2, 'is', 'are')).toBe('are');
    expect(plural(1, 'entry', 'entries')).toBe('entry');
    expect(plural(0, 'entry', 'entries')).toBe('entries');
    expect(plural(1, '', ' each')).toBe('');
  });

  it('takes the plural for a fraction, as English does ("1.5 seconds")', () => {
    expect(plural(1.5, 'second')).toBe('seconds');
    expect(plural(0.5, 'second')).toBe('seconds');
  });
});

describe('counted', () => {
  it('puts the count before the form it takes', () => {
    expect(counted(0, 'annotation')).toBe('0 annotations');
    expect(counted(1, 'annotation')).toBe('1 annotation');
    expect(counted(2, 'annotation was', 'annotations were')).toBe('2 annotations were');
    expect(counted(1, 'annotation was', 'annotations were')).toBe('1 annotation was');
  });
});
