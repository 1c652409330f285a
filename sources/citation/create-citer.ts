/**
 * The citeproc-js wrapper: one `Citer` per style formats in-text citations,
 * first and subsequent notes, narrative citations, multi-passage clusters
 * and bibliography entries for the sources it is given, in plain text and
 * in HTML, plus the Pandoc and LaTeX forms of the same citation.
 *
 * Every string a reader sees as a citation comes from citeproc-js driven by
 * a CSL style: the official built-in ones, or one a reader loaded
 * (`style-file.ts`). The wrapper only chooses the record (`records.ts`), the
 * pinpoint (`pinpoint.ts`, `locator.ts`), the cite position (first or
 * subsequent), the prefix and suffix, and unwraps citeproc's bibliography
 * markup. Pandoc and LaTeX citations are not formatted strings but markup for
 * those tools (keys from `citation-keys.ts`), built here.
 *
 * Runs unchanged in Node and in the browser: it reads styles and locales
 * through a `CslLoader` port (`csl-loader.ts`) and touches no file system,
 * DOM or storage.
 *
 * Security: the HTML is citeproc's, built from the records and the
 * reader's prefix and suffix, which citeproc escapes (`&`, `<`, `>`; checked
 * by a test). Views render it through a whitelist (`app/citations/safe-markup.tsx`).
 *
 * Not for: checking that a passage exists (needs the edition; see
 * `cli/commands/cite.ts`), or file formats (`export-bibliography.ts`).
 */
import CSL from 'citeproc';
import type { SourceId } from '../edition.ts';
import { BUILTIN_SOURCES, type CslItem, type SourceMetadata } from '../metadata.ts';
import { citationKeys } from './citation-keys.ts';
import { installMacroCache, type CiteprocModule } from './citeproc-macro-cache.ts';
import type { CslLoader } from './csl-loader.ts';
import { CiteLocatorSchema } from './locator-schema.ts';
import type { CiteLocator } from './locator.ts';
import { missingNote } from './missing-fields.ts';
import {
  DECLARED_COUNT_NOTE,
  NO_SECTION_NOTE,
  defaultPinpoint,
  paragraphCountNeedsDeclaring,
  parsePinpointMode,
  type PinpointMode,
  type SectionPlace,
} from './pinpoint.ts';
import { styleRecord, type StyleRef } from './records.ts';
import { styleLocale, type CustomStyle } from './style-file.ts';
import { amendStyle } from './style-amendments.ts';
import {
  localeFile,
  styleDescriptor,
  type BundledLocale,
  type StyleId,
  type StyleKind,
} from './styles.ts';

// Where there is no DOMParser (the CLI in Node, the citation worker),
// citeproc walks its own JSON tree of the style for every macro call: index
// the macros once per style instead (about a third less build time;
// bench/citer-cache.ts). Installed here so every caller gets it.
installMacroCache(CSL as unknown as CiteprocModule);

/** A formatted string in both forms a clipboard or a terminal wants. */
export interface Formatted {
  /** Plain text (italics lost). */
  readonly text: string;
  /** HTML from citeproc (`<i>` for italics); render through the whitelist. */
  readonly html: string;
}

/** A source's entry in a style's bibliography, or the reason it has none. */
export type BibliographyEntry =
  | {
      readonly kind: 'entry';
      /** Which source. */
      readonly source: SourceId;
      /** The plain-text entry. */
      readonly text: string;
      /** The HTML entry (citeproc's `csl-entry` wrapper removed). */
      readonly html: string;
      /** What the record lacks or only infers, in one sentence (`missingNote`); `bibliography()` only. */
      readonly missing?: string;
    }
  | {
      readonly kind: 'absent';
      /** Which source. */
      readonly source: SourceId;
      /** Why the style leaves it out, for the reader (never an empty line). */
      readonly reason: string;
      /** As on an entry: the record is incomplete even where the style prints none. */
      readonly missing?: string;
    };

/** A style to build a citer for: a built-in id or a style a reader loaded. */
export type StyleSpec = StyleId | CustomStyle;

/** What a citer says about its style. */
export interface CiterStyle {
  /** The style id (`apa`… or `custom:…`). */
  readonly id: string;
  /** What a reader sees in the picker. */
  readonly label: string;
  /** Notes or in-text. */
  readonly kind: StyleKind;
  /** The locale it formats in. */
  readonly locale: string;
  /** Set when that is not the locale the style asks for (see `styleLocale`). */
  readonly localeNote?: string;
}

/** One passage in a citation. */
export interface CiteItemRequest {
  /** The source id. */
  readonly source: string;
  /** The pinpoint from its address, if any (`locatorFor`). */
  readonly locator?: CiteLocator;
  /** Where its paragraphs sit under a heading (for the section pinpoint). */
  readonly section?: SectionPlace;
  /** Text before the citation: "see". */
  readonly prefix?: string;
  /** Text after the pinpoint: "emphasis added". */
  readonly suffix?: string;
}

/** How to cite. */
export interface CiteOptions {
  /** The pinpoint form (default: the style's; see `pinpoint.ts`). */
  readonly pinpoint?: PinpointMode;
  /** Narrative form: the author's name in the running text, the rest in parentheses (or in the note). One passage only. */
  readonly narrative?: boolean;
}

/** A narrative citation: the name for the running text and what follows it. */
export interface NarrativeCitation {
  /** The author as the style names them in text ("Lankov"). */
  readonly author: Formatted;
  /** The citation without the author: "(n.d., para. 12)", or the note without the name. */
  readonly rest: Formatted;
  /** In-text styles: both, as a writer types them ("Lankov (n.d., para. 12)"); notes styles: the name. */
  readonly inText: Formatted;
}

/** A citation of one or more passages. */
export interface ClusterResult {
  /** The style that formatted it. */
  readonly style: string;
  /** Notes or in-text. */
  readonly kind: StyleKind;
  /** The cited passages' sources and pinpoints, in the order given. */
  readonly items: readonly { readonly source: SourceId; readonly locator?: CiteLocator }[];
  /** The in-text citation, or the full first note in a notes style. */
  readonly citation: Formatted;
  /** Notes styles only: the short note for later citations. */
  readonly subsequentNote?: Formatted;
  /** With `narrative`: the split form. */
  readonly narrative?: NarrativeCitation;
  /** The bibliography entries of the cited sources (or why a style has none). */
  readonly entries: readonly BibliographyEntry[];
  /** Pandoc citation: `[@lankov2007russia, para. 12]`. */
  readonly pandoc: string;
  /** biblatex citation: `\autocite[para.~12]{lankov2007russia}`. */
  readonly latex: string;
  /** What the cited records lack (one sentence per incomplete record). */
  readonly missing: readonly string[];
  /** Set when the pinpoint is Diptych's count in a style whose manual wants it declared. */
  readonly pinpointNote?: string;
}

/** Everything a Cite panel shows for one passage. */
export interface CitationResult extends ClusterResult {
  /** The cited source. */
  readonly source: SourceId;
  /** The pinpoint from the address, if the passage has one. */
  readonly locator?: CiteLocator;
  /** The source's bibliography entry, or why the style has none. */
  readonly bibliography: BibliographyEntry;
}

/** Formats citations in one style. */
export interface Citer {
  /** The style. */
  readonly style: CiterStyle;
  /** Citation keys of the sources (BibTeX, RIS, CSL-JSON, Pandoc, LaTeX). */
  readonly keys: ReadonlyMap<string, string>;
  /**
   * Cites a source, with a pinpoint if given. Throws a message naming the
   * valid choices for an unknown source or a malformed locator.
   */
  cite(
    source: string,
    locator?: CiteLocator,
    options?: CiteOptions & Omit<CiteItemRequest, 'source' | 'locator'>,
  ): CitationResult;
  /**
   * Replaces the sources (e.g. with a reader's record overrides applied)
   * without rebuilding the engine: milliseconds instead of seconds.
   */
  setSources(sources: readonly SourceMetadata[]): void;
  /** Cites several passages in one citation, sorted and disambiguated by the style. */
  citeCluster(items: readonly CiteItemRequest[], options?: CiteOptions): ClusterResult;
  /** The bibliography of every source in the style's order, then the sources it leaves out, with the reason. */
  bibliography(): readonly BibliographyEntry[];
}

// citeproc-js reports an item that renders to nothing in the bibliography
// with this error code (CSL.ERROR_NO_RENDERED_FORM).
const ERROR_NO_RENDERED_FORM = 1;

/** Longest prefix or suffix accepted. */
export const MAX_AFFIX_CHARS = 200;

/**
 * Why a style leaves a source out of its bibliography, in words a student
 * follows (the rule is CMOS 18 14.114, which the official CSL style follows;
 * sources/citation/README.md says more). Only the built-in styles' rule is
 * known; a loaded style gets the neutral sentence.
 */
function absenceReason(style: CiterStyle, record: CslItem, builtIn: boolean): string {
  if (builtIn && style.kind === 'note' && record.type === 'manuscript') {
    return `${style.label} lists only published or archived works in its bibliography, and this source is an unpublished manuscript: cite it in notes only.`;
  }
  return `${style.label} prints no bibliography entry for this source.`;
}

const CSL_ENTRY = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/;

/** Checks a prefix or suffix; returns it trimmed. */
function checkAffix(what: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  if (v === '') return undefined;
  if (v.length > MAX_AFFIX_CHARS)
    throw new Error(`the ${what} is longer than ${MAX_AFFIX_CHARS} characters`);
  return v;
}

/** A suffix reads after a comma unless it starts with its own punctuation. */
function joinSuffix(suffix: string): string {
  return /^[,;.:)\]]/.test(suffix) ? suffix : `, ${suffix}`;
}

/** "para. 12", "paras. 12-13", "n. 5": the pinpoint as Pandoc and biblatex read it. */
function pinText(locator: CiteLocator, latex: boolean): string {
  const range = locator.locator.includes('-');
  const value = latex ? locator.locator.replace('-', '--') : locator.locator;
  const space = latex ? '~' : ' ';
  if (locator.label === 'note') return `n.${space}${value}`;
  return `${range ? 'paras.' : 'para.'}${space}${value}`;
}

/** biblatex: escape the characters TeX treats specially. */
function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&#^_%~]/g, (c) =>
    c === '\\'
      ? '\\textbackslash{}'
      : c === '~'
        ? '\\textasciitilde{}'
        : c === '^'
          ? '\\textasciicircum{}'
          : `\\${c}`,
  );
}

/** A citeproc-js engine and its helpers: the part of `citeproc` typed in `types/citeproc.d.ts`. */
type TitleCaser = (state: unknown, text: string) => string;

/**
 * Loads a style (and its locale) through `loader` and builds its citeproc
 * engine. `sources` defaults to the built-in sources (pass them with the
 * reader's record overrides applied).
 */
export async function createCiter(
  spec: StyleSpec,
  loader: CslLoader,
  sources: readonly SourceMetadata[] = BUILTIN_SOURCES,
): Promise<Citer> {
  const builtIn = typeof spec === 'string';
  const descriptor = builtIn ? styleDescriptor(spec) : undefined;
  const { locale, note: localeNote } = builtIn
    ? { locale: 'en-US', note: undefined }
    : styleLocale(spec.defaultLocale);
  const style: CiterStyle = {
    id: builtIn ? spec : spec.id,
    label: builtIn ? descriptor!.label : spec.label,
    kind: builtIn ? descriptor!.kind : spec.kind,
    locale,
    ...(localeNote ? { localeNote } : {}),
  };
  const recordStyle: StyleRef = builtIn ? spec : 'custom';
  const localeTags = [...new Set(['en-US', locale])] as BundledLocale[];
  const [loadedStyle, ...localeXmls] = await Promise.all([
    builtIn ? loader(descriptor!.file) : Promise.resolve(spec.xml),
    ...localeTags.map((l) => loader(localeFile(l))),
  ]);
  // A built-in style's known shortcomings amended once it is loaded (style-amendments.ts); not in
  // the load's own promise, which would let a failing locale's error overtake the style's.
  const styleXml = builtIn ? amendStyle(spec, loadedStyle) : loadedStyle;
  const locales = new Map(localeTags.map((l, i) => [l.toLowerCase(), localeXmls[i]!]));
  let records = new Map<string, CslItem>(sources.map((m) => [m.id, styleRecord(m, recordStyle)]));
  let metas = new Map(sources.map((m) => [m.id as string, m]));
  let keys = citationKeys(sources);
  let engine: InstanceType<typeof CSL.Engine>;
  try {
    engine = new CSL.Engine(
      {
        retrieveLocale: (lang: string) =>
          locales.get(lang.toLowerCase()) ??
          locales.get(
            [...locales.keys()].find((k) => k.split('-')[0] === lang.toLowerCase().split('-')[0]) ??
              'en-us',
          )!,
        retrieveItem: (id: string) => records.get(id),
      },
      styleXml!,
      locale,
      true,
    );
    engine.updateItems([...records.keys()]);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`citeproc could not use the style “${style.label}”: ${reason}`, {
      cause: error,
    });
  }
  const titleCase = (CSL as unknown as { Output: { Formatters: { title: TitleCaser } } }).Output
    .Formatters.title;
  // citeproc's formatters take the engine itself as their state.
  const state: unknown = engine;

  // Both formats of the bibliography, computed once: it depends only on the
  // style and the records.
  const bibliographyIn = (format: 'text' | 'html'): Map<string, string> => {
    engine.setOutputFormat(format);
    const made = engine.makeBibliography();
    const entries = new Map<string, string>();
    if (!made) return entries;
    const [meta, strings] = made;
    const omitted = new Set<string>();
    for (const error of meta.bibliography_errors) {
      if (error.error_code !== ERROR_NO_RENDERED_FORM) {
        throw new Error(
          `citeproc could not format ${error.itemID} in ${style.id} (error ${error.error_code})`,
        );
      }
      omitted.add(error.itemID);
    }
    // `entry_ids` still lists the items the style renders to nothing, while
    // `strings` has no slot for them: drop them before pairing the two up.
    const listed = meta.entry_ids.filter((ids) => !ids.some((id) => omitted.has(id)));
    if (listed.length !== strings.length) {
      throw new Error(
        `citeproc returned ${strings.length} entries for ${listed.length} items in ${style.id}`,
      );
    }
    listed.forEach((ids, i) => {
      const raw = strings[i]!;
      const inner = format === 'html' ? (CSL_ENTRY.exec(raw)?.[1] ?? raw) : raw;
      for (const id of ids) entries.set(id, inner.trim());
    });
    return entries;
  };
  let textEntries = bibliographyIn('text');
  let htmlEntries = bibliographyIn('html');

  // A reader's edit changes the records, not the style: refresh the items
  // in the same engine (citeproc re-reads an item dropped and re-added)
  // instead of rebuilding it, which takes seconds.
  const setSources = (next: readonly SourceMetadata[]): void => {
    records = new Map(next.map((m) => [m.id, styleRecord(m, recordStyle)]));
    metas = new Map(next.map((m) => [m.id as string, m]));
    keys = citationKeys(next);
    engine.updateItems([]);
    engine.updateItems([...records.keys()]);
    textEntries = bibliographyIn('text');
    htmlEntries = bibliographyIn('html');
  };

  const entryFor = (id: string): BibliographyEntry => {
    const text = textEntries.get(id);
    const html = htmlEntries.get(id);
    if (text && html) return { kind: 'entry', source: id as SourceId, text, html };
    return {
      kind: 'absent',
      source: id as SourceId,
      reason: absenceReason(style, records.get(id)!, builtIn),
    };
  };

  // citeproc appends a suffix as it is, so one that starts with a comma
  // lands after a closing quotation mark ("Borders”, under"); in a locale
  // that puts punctuation inside quotation marks (en-US), move it in, as
  // citeproc does with its own delimiters.
  const punctuationInQuote = locale === 'en-US';
  const fixSuffixComma = (out: string, items: Record<string, unknown>[]): string => {
    if (!punctuationInQuote) return out;
    let fixed = out;
    for (const item of items) {
      const suffix = item.suffix;
      if (typeof suffix === 'string' && suffix.startsWith(', ')) {
        // Match its start only: citeproc may move a final period into its quotes.
        const head = suffix.slice(0, 8);
        fixed = fixed.replace(`”${head}`, `,”${head.slice(1)}`);
      }
    }
    return fixed;
  };
  const both = (items: Record<string, unknown>[]): Formatted => {
    engine.setOutputFormat('text');
    const text = fixSuffixComma(engine.makeCitationCluster(items as never), items);
    engine.setOutputFormat('html');
    const html = fixSuffixComma(engine.makeCitationCluster(items as never), items);
    return { text, html };
  };

  /** One item's checked pinpoint: the CSL locator, or the section text that goes before the suffix. */
  const resolve = (
    item: CiteItemRequest,
    mode: PinpointMode,
  ): { locator?: CiteLocator; section?: string; declared: boolean; noSection?: true } => {
    if (!records.has(item.source)) {
      throw new Error(
        `unknown source ${JSON.stringify(item.source)} (valid: ${[...records.keys()].join(', ')})`,
      );
    }
    let locator: CiteLocator | undefined;
    if (item.locator !== undefined) {
      const parsed = CiteLocatorSchema.safeParse(item.locator);
      if (!parsed.success) {
        throw new Error(
          `bad locator ${JSON.stringify(item.locator)}: label must be paragraph or note, locator a number or a range like 12-13`,
        );
      }
      locator = parsed.data;
    }
    // Footnotes are numbered by the source: cited in every mode.
    if (!locator || locator.label === 'note')
      return { ...(locator ? { locator } : {}), declared: false };
    if (mode === 'none') return { declared: false };
    if (mode === 'paragraph') {
      return { locator, declared: paragraphCountNeedsDeclaring(style.id) };
    }
    // Section mode.
    if (!item.section) {
      // APA may count paragraphs from the start where there is no heading;
      // the others cite no number.
      return style.id === 'apa' || !builtIn
        ? { locator, declared: false }
        : { declared: false, noSection: true };
    }
    const heading = titleCase(state, item.section.heading);
    if (style.id === 'apa' || !builtIn) {
      const { from, to } = item.section;
      const paras = to === undefined ? `para. ${from}` : `paras. ${from}–${to}`;
      return { section: `${heading} section, ${paras}`, declared: false };
    }
    return { section: `under “${heading}”`, declared: false };
  };

  const citeCluster = (
    items: readonly CiteItemRequest[],
    options: CiteOptions = {},
  ): ClusterResult => {
    if (items.length === 0) throw new Error('nothing to cite: give at least one passage');
    if (items.length > 50) throw new Error('too many passages in one citation (at most 50)');
    const mode =
      options.pinpoint === undefined
        ? defaultPinpoint(style.id)
        : parsePinpointMode(options.pinpoint, style.id);
    if (options.narrative && items.length > 1) {
      throw new Error(
        'a narrative citation names one author: cite one passage, or drop --narrative',
      );
    }
    const resolved = items.map((item) => {
      const r = resolve(item, mode);
      const prefix = checkAffix('prefix', item.prefix);
      const user = checkAffix('suffix', item.suffix);
      const suffixParts = [r.section, user].filter((s): s is string => Boolean(s));
      const suffix = suffixParts.length ? joinSuffix(suffixParts.join(', ')) : undefined;
      const csl: Record<string, unknown> = {
        id: item.source,
        ...(r.locator ? { label: r.locator.label, locator: r.locator.locator } : {}),
        ...(prefix ? { prefix } : {}),
        ...(suffix ? { suffix } : {}),
      };
      return { item, r, prefix, user, csl };
    });
    const cslItems = resolved.map((x) => x.csl);
    const citation = both(cslItems);
    const subsequentNote =
      style.kind === 'note'
        ? both(cslItems.map((c) => ({ ...c, position: CSL.POSITION_SUBSEQUENT })))
        : undefined;
    let narrative: NarrativeCitation | undefined;
    if (options.narrative) {
      const only = resolved[0]!.csl;
      const author = both([{ id: only.id, 'author-only': true }]);
      const rest = both([{ ...only, prefix: undefined, 'suppress-author': true }]);
      const inText =
        style.kind === 'note'
          ? author
          : {
              text: [author.text, rest.text].filter(Boolean).join(' '),
              html: [author.html, rest.html].filter(Boolean).join(' '),
            };
      narrative = { author, rest, inText };
    }

    // Pandoc and biblatex markup with the exports' keys.
    const parts = resolved.map(({ item, r, prefix, user }) => {
      const key = keys.get(item.source)!;
      const pin = r.locator ? pinText(r.locator, false) : undefined;
      const pinTex = r.locator ? pinText(r.locator, true) : undefined;
      const after = [pin, r.section, user].filter(Boolean).join(', ');
      const afterTex = [pinTex, r.section && escapeLatex(r.section), user && escapeLatex(user)]
        .filter(Boolean)
        .join(', ');
      return { key, prefix, after, afterTex };
    });
    let pandoc: string;
    let latex: string;
    if (options.narrative) {
      const p = parts[0]!;
      pandoc = `@${p.key}${p.after ? ` [${p.after}]` : ''}`;
      latex = `\\textcite${p.afterTex ? `[${p.afterTex}]` : ''}{${p.key}}`;
    } else {
      pandoc = `[${parts
        .map((p) => `${p.prefix ? `${p.prefix} ` : ''}@${p.key}${p.after ? `, ${p.after}` : ''}`)
        .join('; ')}]`;
      const args = (p: (typeof parts)[number]) =>
        p.prefix
          ? `[${escapeLatex(p.prefix)}][${p.afterTex}]`
          : p.afterTex
            ? `[${p.afterTex}]`
            : '';
      latex =
        parts.length === 1
          ? `\\autocite${args(parts[0]!)}{${parts[0]!.key}}`
          : `\\autocites${parts.map((p) => `${args(p)}{${p.key}}`).join('')}`;
    }

    const sourcesCited = [...new Set(items.map((i) => i.source))];
    const missing = sourcesCited
      .map((id) => missingNote(metas.get(id)!, recordStyle))
      .filter((s): s is string => s !== null);
    const declared = resolved.some((x) => x.r.declared);
    const noSection = resolved.some((x) => x.r.noSection);
    const pinpointNote = [declared && DECLARED_COUNT_NOTE, noSection && NO_SECTION_NOTE]
      .filter(Boolean)
      .join(' ');
    return {
      style: style.id,
      kind: style.kind,
      items: resolved.map(({ item, r }) => ({
        source: item.source as SourceId,
        ...(r.locator ? { locator: r.locator } : {}),
      })),
      citation,
      ...(subsequentNote ? { subsequentNote } : {}),
      ...(narrative ? { narrative } : {}),
      entries: sourcesCited.map(entryFor),
      pandoc,
      latex,
      missing,
      ...(pinpointNote ? { pinpointNote } : {}),
    };
  };

  return {
    style,
    get keys() {
      return keys;
    },
    setSources,
    cite(source, locator, options = {}) {
      const { pinpoint, narrative, section, prefix, suffix } = options;
      const cluster = citeCluster(
        [
          {
            source,
            ...(locator ? { locator } : {}),
            ...(section ? { section } : {}),
            ...(prefix ? { prefix } : {}),
            ...(suffix ? { suffix } : {}),
          },
        ],
        { ...(pinpoint ? { pinpoint } : {}), ...(narrative ? { narrative } : {}) },
      );
      const first = cluster.items[0]!;
      return {
        ...cluster,
        source: source as SourceId,
        ...(first.locator ? { locator: first.locator } : {}),
        bibliography: cluster.entries[0]!,
      };
    },
    citeCluster,
    bibliography() {
      const listed = [...textEntries.keys()];
      const absent = [...records.keys()].filter((id) => !textEntries.has(id));
      // Each entry says what its record lacks, so a list that looks finished is not copied as one.
      return [...listed, ...absent].map((id) => {
        const missing = missingNote(metas.get(id)!, recordStyle);
        return missing === null ? entryFor(id) : { ...entryFor(id), missing };
      });
    },
  };
}
