/**
 * Vite plugin: web fonts for the scripts the texts use beyond Latin — Korean
 * (Hangul, in Lankov's footnote 4) and Russian (Cyrillic, in his notes) — so
 * they render with real glyphs on every machine, not as empty boxes where no
 * Korean font is installed.
 *
 * At build time it reads the two texts, collects the characters of each
 * script, and cuts from the Noto Serif faces of Fontsource (`@fontsource/*`,
 * OFL) only those glyphs (`subset-font`, HarfBuzz's hb-subset): a few KB of
 * WOFF2 per face instead of megabytes. Each subset gets an `@font-face` whose
 * `unicode-range` lists exactly its characters, injected into `index.html`;
 * the browser loads a face only when text in its range is laid out (lazily),
 * and uses it for those characters only. `styles.css` names the families
 * first for Korean and Russian runs (`:lang(ko)`, `:lang(ru)`: the
 * `languageRuns` plugin marks them in every text), not in the stacks of all
 * text, which made the first paint slower.
 *
 * What it is for: the built-in texts. A text of the reader's own with other
 * Korean characters gets the full face in Fontsource's slices, registered
 * only when such a text is shown (`hangul-slices-plugin.ts`,
 * `app/fonts/hangul-font.ts`); its other scripts fall back to the system's
 * fonts.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** One web-font face cut to the characters of one script. */
interface FaceSpec {
  /** The CSS family name styles.css uses. */
  readonly family: string;
  /** The Fontsource stylesheet listing the face's files and their unicode ranges. */
  readonly css: string;
  readonly style: 'normal' | 'italic';
  /** Which characters of the texts this face is for. */
  readonly script: RegExp;
}

/** The families styles.css puts first for Korean and Russian runs (`:lang(ko)`, `:lang(ru)`). */
export const TEXT_FONT_FAMILIES = ['Diptych Hangul', 'Diptych Cyrillic'] as const;

const FACES: readonly FaceSpec[] = [
  {
    family: 'Diptych Hangul',
    css: '@fontsource/noto-serif-kr/400.css',
    style: 'normal',
    script: /\p{Script=Hangul}/u,
  },
  {
    family: 'Diptych Cyrillic',
    css: '@fontsource/noto-serif/cyrillic-400.css',
    style: 'normal',
    script: /\p{Script=Cyrillic}/u,
  },
  {
    family: 'Diptych Cyrillic',
    css: '@fontsource/noto-serif/cyrillic-400-italic.css',
    style: 'italic',
    script: /\p{Script=Cyrillic}/u,
  },
];

const TEXTS_DIR = fileURLToPath(new URL('../../sources/texts/', import.meta.url));
const require = createRequire(import.meta.url);

/** A built face: its file name under the build's assets and its `@font-face` rule. */
export interface BuiltFace {
  readonly fileName: string;
  readonly source: Uint8Array;
  readonly rule: string;
}

/** Parses `unicode-range: U+20-22,U+ac00` into a code point test. */
function rangeTest(list: string): (cp: number) => boolean {
  const ranges = list.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const a = Number.parseInt(lo!, 16);
    return [a, hi === undefined ? a : Number.parseInt(hi, 16)] as const;
  });
  return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
}

const hex = (cp: number): string => `U+${cp.toString(16)}`;

/** Every non-Latin face the texts need, subset to their characters. */
export async function buildTextFonts(): Promise<BuiltFace[]> {
  const text = readdirSync(TEXTS_DIR)
    .filter((f) => /\.(md|txt)$/.test(f))
    .map((f) => readFileSync(path.join(TEXTS_DIR, f), 'utf8'))
    .join('\n');
  // Loaded here, not with the config: unit tests load vite.config.ts and never build.
  const { default: subsetFont } = await import('subset-font');
  const out: BuiltFace[] = [];
  for (const face of FACES) {
    const chars = [...new Set([...text].filter((c) => face.script.test(c)))].sort();
    if (chars.length === 0) continue;
    const cssPath = require.resolve(face.css);
    const css = readFileSync(cssPath, 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file) continue;
      // A per-script stylesheet (cyrillic-400.css) has no unicode-range: its one file is the script.
      const inRange = range ? rangeTest(range) : (): boolean => true;
      const mine = chars.filter((c) => inRange(c.codePointAt(0)!));
      if (mine.length === 0) continue;
      const font = readFileSync(path.resolve(path.dirname(cssPath), file));
      const source = new Uint8Array(
        await subsetFont(font, mine.join(''), { targetFormat: 'woff2' }),
      );
      const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
      const slug = face.family.toLowerCase().replace(/\W+/g, '-');
      const fileName = `assets/${slug}-${face.style}-${hash}.woff2`;
      const codepoints = mine.map((c) => hex(c.codePointAt(0)!)).join(',');
      out.push({
        fileName,
        source,
        rule: `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:400;font-display:swap;src:url(./${fileName}) format('woff2');unicode-range:${codepoints}}`,
      });
    }
  }
  return out;
}

/** The plugin: emits the subsets and declares them in `index.html`. */
export function textFontsPlugin(): Plugin {
  let faces: Promise<BuiltFace[]> | null = null;
  const built = (): Promise<BuiltFace[]> => (faces ??= buildTextFonts());
  return {
    name: 'diptych-text-fonts',
    async generateBundle() {
      for (const f of await built()) {
        this.emitFile({ type: 'asset', fileName: f.fileName, source: f.source });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        void built().then((list) => {
          const f = list.find((x) => req.url?.endsWith(`/${x.fileName}`));
          if (!f) return next();
          res.setHeader('Content-Type', 'font/woff2');
          res.end(f.source);
        }, next);
      });
    },
    async transformIndexHtml() {
      const list = await built();
      return [
        {
          tag: 'style',
          attrs: { id: 'diptych-text-fonts' },
          children: list.map((f) => f.rule).join('\n'),
          injectTo: 'head',
        },
      ];
    },
  };
}
