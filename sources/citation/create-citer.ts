/**
 * The citeproc-js wrapper: one `Citer` per style formats in-text citations,
 * first and subsequent notes and bibliography entries for the built-in
 * sources, in plain text and in HTML.
 *
 * Every string a reader sees comes from citeproc-js driven by the official
 * CSL style (no hand-built citation strings). The wrapper only chooses the
 * record (`records.ts`), the locator (`locator.ts`) and the cite position
 * (first or subsequent), and unwraps citeproc's bibliography markup.
 *
 * Runs unchanged in Node and in the browser: it reads the style and locale
 * through a `CslLoader` port (`csl-loader.ts`) and touches no file system,
 * DOM or storage.
 *
 * Security: the HTML is citeproc's, built from our own records, which
 * citeproc escapes (`&`, `<`, `>`); no user text goes into it. Views may
 * insert `html` as markup; anything that adds a user's text to it (a quote)
 * must escape that text (see `quote-with-citation.ts`).
 *
 * Not for: checking that a passage exists (needs the edition; see
 * `cli/commands/cite.ts`), or file formats (`export-bibliography.ts`).
 */
import CSL from 'citeproc';
import type { SourceId } from '../edition.ts';
import { BUILTIN_SOURCES, type CslItem, type SourceMetadata } from '../metadata.ts';
import { installMacroCache, type CiteprocModule } from './citeproc-macro-cache.ts';
import type { CslLoader } from './csl-loader.ts';
import { CiteLocatorSchema } from './locator-schema.ts';
import type { CiteLocator } from './locator.ts';
import { styleRecord } from './records.ts';
import { LOCALE_FILE, styleDescriptor, type StyleDescriptor, type StyleId } from './styles.ts';

// Where there is no DOMParser (the CLI in Node, the citation worker),
// citeproc walks its own JSON tree of the style for every macro call: index
// the macros once per style instead (about a third less build time;
// bench/citer-cache.ts). Installed here so every caller gets it.
installMacroCache(CSL as unknown as CiteprocModule);

/** A formatted string in both forms a clipboard or a terminal wants. */
export interface Formatted {
  /** Plain text (italics lost). */
  readonly text: string;
  /** HTML from citeproc (`<i>` for italics); safe to insert as markup. */
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
    }
  | {
      readonly kind: 'absent';
      /** Which source. */
      readonly source: SourceId;
      /** Why the style leaves it out, for the reader (never an empty line). */
      readonly reason: string;
    };

/** Everything a Cite panel shows for one passage. */
export interface CitationResult {
  /** The style that formatted it. */
  readonly style: StyleId;
  /** The cited source. */
  readonly source: SourceId;
  /** The pinpoint, if the passage has one. */
  readonly locator?: CiteLocator;
  /** The in-text citation, or the full first note in a notes style. */
  readonly citation: Formatted;
  /** Notes styles only: the short note for later citations of the same source. */
  readonly subsequentNote?: Formatted;
  /** The source's bibliography entry, or why the style has none. */
  readonly bibliography: BibliographyEntry;
}

/** Formats citations in one style. */
export interface Citer {
  /** The style. */
  readonly style: StyleDescriptor;
  /**
   * Cites a source, with a pinpoint if given. Throws a message naming the
   * valid choices for an unknown source or a malformed locator.
   */
  cite(source: string, locator?: CiteLocator): CitationResult;
  /** The bibliography of every source in the style's order, then the sources it leaves out, with the reason. */
  bibliography(): readonly BibliographyEntry[];
}

// citeproc-js reports an item that renders to nothing in the bibliography
// with this error code (CSL.ERROR_NO_RENDERED_FORM).
const ERROR_NO_RENDERED_FORM = 1;

/**
 * Why a style leaves a source out of its bibliography, in words a student
 * follows (the rule is CMOS 18 14.114, which the official CSL style follows;
 * sources/citation/README.md says more).
 */
function absenceReason(style: StyleDescriptor, record: CslItem): string {
  if (style.kind === 'note' && record.type === 'manuscript') {
    return `${style.label} lists only published or archived works in its bibliography, and this source is an unpublished manuscript: cite it in notes only.`;
  }
  return `${style.label} prints no bibliography entry for this source.`;
}

const CSL_ENTRY = /^\s*<div class="csl-entry">([\s\S]*)<\/div>\s*$/;

/**
 * Loads a style (and the en-US locale) through `loader` and builds its
 * citeproc engine. `sources` defaults to the built-in sources.
 */
export async function createCiter(
  styleId: StyleId,
  loader: CslLoader,
  sources: readonly SourceMetadata[] = BUILTIN_SOURCES,
): Promise<Citer> {
  const style = styleDescriptor(styleId);
  const [styleXml, localeXml] = await Promise.all([loader(style.file), loader(LOCALE_FILE)]);
  const records = new Map<string, CslItem>(sources.map((m) => [m.id, styleRecord(m, styleId)]));
  const engine = new CSL.Engine(
    {
      retrieveLocale: () => localeXml,
      retrieveItem: (id: string) => records.get(id),
    },
    styleXml,
    'en-US',
    true,
  );
  engine.updateItems([...records.keys()]);

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
  const textEntries = bibliographyIn('text');
  const htmlEntries = bibliographyIn('html');

  const entryFor = (id: string): BibliographyEntry => {
    const text = textEntries.get(id);
    const html = htmlEntries.get(id);
    if (text && html) return { kind: 'entry', source: id as SourceId, text, html };
    return {
      kind: 'absent',
      source: id as SourceId,
      reason: absenceReason(style, records.get(id)!),
    };
  };

  const cluster = (id: string, locator: CiteLocator | undefined, position?: number): Formatted => {
    const item = { id, ...(locator ?? {}), ...(position === undefined ? {} : { position }) };
    engine.setOutputFormat('text');
    const text = engine.makeCitationCluster([item]);
    engine.setOutputFormat('html');
    const html = engine.makeCitationCluster([item]);
    return { text, html };
  };

  return {
    style,
    cite(source, locator) {
      if (!records.has(source)) {
        throw new Error(
          `unknown source ${JSON.stringify(source)} (valid: ${[...records.keys()].join(', ')})`,
        );
      }
      let checked: CiteLocator | undefined;
      if (locator !== undefined) {
        const parsed = CiteLocatorSchema.safeParse(locator);
        if (!parsed.success) {
          throw new Error(
            `bad locator ${JSON.stringify(locator)}: label must be paragraph or note, locator a number or a range like 12-13`,
          );
        }
        checked = parsed.data;
      }
      const result: CitationResult = {
        style: style.id,
        source: source as SourceId,
        ...(checked ? { locator: checked } : {}),
        citation: cluster(source, checked),
        ...(style.kind === 'note'
          ? { subsequentNote: cluster(source, checked, CSL.POSITION_SUBSEQUENT) }
          : {}),
        bibliography: entryFor(source),
      };
      return result;
    },
    bibliography() {
      const listed = [...textEntries.keys()];
      const absent = [...records.keys()].filter((id) => !textEntries.has(id));
      return [...listed, ...absent].map(entryFor);
    },
  };
}
