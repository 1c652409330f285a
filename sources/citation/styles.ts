/**
 * The citation styles Diptych offers: their ids (the same in the UI, the CLI
 * and the stored preference), labels, kinds and the official CSL file each
 * one is driven by.
 *
 * What it is for: naming and validating a style id, and telling a view
 * whether a style makes notes (first note + short subsequent note) or
 * in-text citations. It is deliberately tiny and imports nothing heavy, so the
 * app can import it statically for its style picker while citeproc and the
 * style files load on demand (`sources/citation/index.ts`).
 *
 * What it is not for: formatting (see `create-citer.ts`) or reading the style
 * files (see `csl-loader.ts`).
 */
/** Every style id, in the order a picker lists them. */
export const STYLE_IDS = [
  'apa',
  'mla',
  'chicago-notes',
  'chicago-author-date',
  'chicago-notes-17',
  'chicago-author-date-17',
] as const;

/** A style id: `apa`, `mla`, `chicago-notes`, `chicago-author-date`, `chicago-notes-17`, `chicago-author-date-17`. */
export type StyleId = (typeof STYLE_IDS)[number];

// The zod schema of a style id is in `style-id-schema.ts`: this module is in the reader's
// initial bundle (its ids and labels), and a `zod` import here put all of zod there, whatever was
// used (bench/reader.ts).

/** The style used when none is chosen (the CLI default, and the app's first run). */
export const DEFAULT_STYLE: StyleId = 'apa';

/** What a citation looks like in a style. */
export type StyleKind = 'in-text' | 'note';

/** A style Diptych offers. */
export interface StyleDescriptor {
  /** The stable id (UI, CLI, stored preference). */
  readonly id: StyleId;
  /** What a reader sees in the picker. */
  readonly label: string;
  /** `note`: a full first note, a short subsequent note and a bibliography; `in-text`: a parenthetical citation and a reference list. */
  readonly kind: StyleKind;
  /** File name of the official CSL style under `sources/citation/styles/`. */
  readonly file: string;
  /** The manual and edition the style implements, for the README and the picker's description. */
  readonly manual: string;
}

/** The styles, in picker order. */
export const STYLES: readonly StyleDescriptor[] = [
  {
    id: 'apa',
    label: 'APA 7',
    kind: 'in-text',
    file: 'apa.csl',
    manual: 'Publication Manual of the APA, 7th ed.',
  },
  {
    id: 'mla',
    label: 'MLA 9',
    kind: 'in-text',
    file: 'modern-language-association.csl',
    manual: 'MLA Handbook, 9th ed.',
  },
  {
    id: 'chicago-notes',
    label: 'Chicago 18 (notes and bibliography)',
    kind: 'note',
    file: 'chicago-notes-bibliography.csl',
    manual: 'The Chicago Manual of Style, 18th ed.',
  },
  {
    id: 'chicago-author-date',
    label: 'Chicago 18 (author-date)',
    kind: 'in-text',
    file: 'chicago-author-date.csl',
    manual: 'The Chicago Manual of Style, 18th ed.',
  },
  {
    id: 'chicago-notes-17',
    label: 'Chicago 17 (notes and bibliography)',
    kind: 'note',
    file: 'chicago-notes-bibliography-17th-edition.csl',
    manual: 'The Chicago Manual of Style, 17th ed.',
  },
  {
    id: 'chicago-author-date-17',
    label: 'Chicago 17 (author-date)',
    kind: 'in-text',
    file: 'chicago-author-date-17th-edition.csl',
    manual: 'The Chicago Manual of Style, 17th ed.',
  },
];

/** File name of the en-US locale under `sources/citation/styles/` (the built-in styles are English). */
export const LOCALE_FILE = 'locales-en-US.xml';

/**
 * The official CSL locales Diptych bundles (`styles/locales-*.xml`). A style
 * whose `default-locale` is one of them is formatted in it; any other
 * locale falls back to en-US, and the citer says so (`localeNote`).
 */
export const BUNDLED_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ru-RU', 'ko-KR'] as const;

/** A bundled locale tag. */
export type BundledLocale = (typeof BUNDLED_LOCALES)[number];

/** The locale file of a bundled locale. */
export function localeFile(locale: BundledLocale): string {
  return `locales-${locale}.xml`;
}

/**
 * The bundled locale for a style's `default-locale`: the exact tag, else the
 * bundled locale of the same language (`de` → `de-DE`, `en` → `en-US`), else
 * `undefined`.
 */
export function bundledLocale(tag: string | undefined): BundledLocale | undefined {
  if (!tag) return undefined;
  const exact = BUNDLED_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const language = tag.split('-')[0]!.toLowerCase();
  return BUNDLED_LOCALES.find((l) => l.split('-')[0]!.toLowerCase() === language);
}

/** True if `value` is a style id. */
export function isStyleId(value: unknown): value is StyleId {
  // The same test as `StyleIdSchema` (a string equal to one of the ids), without zod.
  return typeof value === 'string' && (STYLE_IDS as readonly string[]).includes(value);
}

/** The descriptor of a style id. */
export function styleDescriptor(id: StyleId): StyleDescriptor {
  // STYLES has one entry per STYLE_IDS member (pinned by a test).
  return STYLES.find((s) => s.id === id)!;
}

/**
 * Parses a style id from untrusted input (CLI flag, stored preference).
 * Throws an error that names the valid choices.
 */
export function parseStyleId(value: unknown): StyleId {
  if (!isStyleId(value)) {
    throw new Error(`unknown style ${JSON.stringify(value)} (valid: ${STYLE_IDS.join(', ')})`);
  }
  return value;
}
