// The full Korean font for a reader's own texts: which Fontsource slices it lists, and when it is needed.
import { describe, expect, it } from 'vitest';
import { hangulSlices, hangulSlicesModule } from '../../app/build/hangul-slices-plugin.ts';
import { hasHangul } from '../../app/fonts/use-hangul-font.ts';
import type { Edition } from '../../sources/edition.ts';

describe('hangulSlices', () => {
  it('lists the Hangul slices of Noto Serif KR (WOFF2), each with its unicode-range, and no others', () => {
    const slices = hangulSlices();
    expect(slices.length).toBeGreaterThan(50);
    expect(slices.every((s) => /noto-serif-kr-\d+-400-normal\.woff2$/.test(s.file))).toBe(true);
    // Every syllable of “두만강 철교” falls in one of the listed ranges.
    const covered = (cp: number) =>
      slices.some((s) =>
        s.range.split(',').some((part) => {
          const [lo, hi] = part.trim().slice(2).split('-');
          return cp >= parseInt(lo!, 16) && cp <= parseInt(hi ?? lo!, 16);
        }),
      );
    expect([...'두만강철교'].every((c) => covered(c.codePointAt(0)!))).toBe(true);
    // Latin is not (it is the serif stack's).
    expect(covered('a'.codePointAt(0)!)).toBe(false);
    const source = hangulSlicesModule(slices.slice(0, 2));
    expect(source).toMatch(/^import u0 from ".*noto-serif-kr-\d+-400-normal\.woff2\?url";$/m);
    expect(source).toContain('export default [');
  });
});

describe('hasHangul', () => {
  it('tells a text with Hangul from one without', () => {
    const edition = (text: string) => ({ text }) as Edition;
    expect(hasHangul(edition('The Tumen bridge (두만강 철교).'))).toBe(true);
    expect(hasHangul(edition('The Tumen bridge; Туманная.'))).toBe(false);
  });
});
