/**
 * Vite plugin: the virtual module `virtual:diptych-hangul-slices`, which lists
 * the Korean slices of Fontsource's Noto Serif KR (`@fontsource/noto-serif-kr`,
 * OFL 1.1, the same face `text-fonts-plugin.ts` cuts the built-in texts'
 * Hangul from): each slice's WOFF2 file, imported with `?url` so that Vite
 * emits it as a hashed asset, and its `unicode-range`, read from Fontsource's
 * `400.css`. `app/fonts/hangul-font.ts` registers them as one family for the
 * reader's own texts, whose Hangul the built-in subset does not cover.
 *
 * Only the slices with Hangul (syllables and jamo) are listed, each with only
 * the Hangul part of its range (one slice also holds basic Latin, which stays
 * the serif stack's): 86 files, about 2 MiB in all, 24 KB each at the median;
 * a page loads only the slices its characters fall in. Not the WOFF
 * fallbacks (every browser the reader supports reads WOFF2), nor the slices
 * of Hanja, Latin or Cyrillic.
 *
 * Not for: the built-in texts (`text-fonts-plugin.ts`, subset at build time
 * and named in the prerendered page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:diptych-hangul-slices';
const RESOLVED_ID = `\0${MODULE_ID}`;
const require = createRequire(import.meta.url);

/** Hangul syllables, jamo, compatibility jamo and the jamo extensions. */
const HANGUL_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
];

const hex = (cp: number): string => `U+${cp.toString(16)}`;

/** One slice: its WOFF2 file (absolute path) and the Hangul it covers (CSS `unicode-range`). */
export interface HangulSlice {
  readonly file: string;
  readonly range: string;
}

/** The `[first, last]` code points of a CSS `unicode-range` list. */
function ranges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const a = Number.parseInt(lo!, 16);
    return [a, hi === undefined ? a : Number.parseInt(hi, 16)];
  });
}

/** The slices of Fontsource's `400.css` that hold Hangul, in the stylesheet's order. */
export function hangulSlices(): HangulSlice[] {
  const cssPath = require.resolve('@fontsource/noto-serif-kr/400.css');
  const css = readFileSync(cssPath, 'utf8');
  const out: HangulSlice[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
    if (!file || !range) continue;
    // Only the slice's Hangul: one slice also holds basic Latin, which stays the serif stack's.
    const hangul = ranges(range).flatMap(([a, b]) =>
      HANGUL_RANGES.filter(([lo, hi]) => a <= hi && b >= lo).map(
        ([lo, hi]) => [Math.max(a, lo), Math.min(b, hi)] as const,
      ),
    );
    if (hangul.length === 0) continue;
    out.push({
      file: path.resolve(path.dirname(cssPath), file),
      range: hangul.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${b.toString(16)}`)).join(','),
    });
  }
  return out;
}

/** The virtual module's source: one `?url` import per slice, and the list. */
export function hangulSlicesModule(slices: readonly HangulSlice[]): string {
  const imports = slices.map((s, i) => `import u${i} from ${JSON.stringify(`${s.file}?url`)};`);
  const list = slices.map((s, i) => `{ url: u${i}, range: ${JSON.stringify(s.range)} }`);
  return `${imports.join('\n')}\nexport default [\n${list.join(',\n')}\n];\n`;
}

/** The plugin. */
export function hangulSlicesPlugin(): Plugin {
  return {
    name: 'diptych-hangul-slices',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? hangulSlicesModule(hangulSlices()) : undefined),
  };
}
