/**
 * One metadata record per built-in source: id, file, language, a CSL-JSON
 * bibliographic record and the editorial declarations the pipeline needs.
 *
 * Honest metadata: every fact here comes from the text itself or from the
 * project's corpus issue. Inferred values are listed in `inferred` with the
 * evidence; nothing (URL, day, publisher, page) is invented. How each
 * citation style renders the inferred years is decided in `sources/citation/`.
 *
 * Not for: per-style CSL item types (see `sources/citation/records.ts`).
 */
import type { BlockRole, SourceId } from './edition.ts';

/**
 * A block role fixed by an editor, for what no heuristic can know. Matched by
 * the start of a block's plain text; it must match exactly one block, or the
 * pipeline fails naming the declaration.
 */
export interface EditorialDeclaration {
  /** Name used in error messages, e.g. `chrome: site menu`. */
  readonly name: string;
  /** The block's plain text starts with this. */
  readonly startsWith: string;
  /** The role the block gets. */
  readonly role: BlockRole;
}

/** A CSL-JSON name. */
export interface CslName {
  readonly family: string;
  readonly given: string;
}

/** A CSL-JSON date; `circa` marks an inferred (approximate) date. */
export interface CslDate {
  readonly 'date-parts': readonly (readonly number[])[];
  readonly circa?: boolean;
}

/** The subset of CSL-JSON our records use (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly 'title-short'?: string;
  readonly author: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly edition?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly number?: string;
  readonly DOI?: string;
  readonly issued?: CslDate;
  readonly 'container-title'?: string;
  readonly 'collection-title'?: string;
  readonly genre?: string;
  readonly medium?: string;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly URL?: string;
  readonly accessed?: CslDate;
  readonly language?: string;
  readonly note?: string;
}

/** A value we did not read off the text directly, with the evidence. */
export interface InferredValue {
  /** The CSL field, e.g. `issued`. */
  readonly field: string;
  /** Why we believe it. */
  readonly evidence: string;
}

/** Everything known about a built-in source. */
export interface SourceMetadata {
  /** The source id: prefix of every address. */
  readonly id: SourceId;
  /** File name of the verbatim text under `sources/texts/`. */
  readonly file: string;
  /** BCP 47 language of the text. */
  readonly lang: string;
  /** Short label for the UI (author, year). */
  readonly label: string;
  /** The bibliographic record, titles in sentence case (citeproc title-cases for the styles that want it). */
  readonly csl: CslItem;
  /** Values inferred rather than read off the source. */
  readonly inferred: readonly InferredValue[];
  /** Block roles no heuristic can know. */
  readonly declarations: readonly EditorialDeclaration[];
  /**
   * CSL fields a reader changed (a record override, see
   * `sources/citation/record-overrides.ts`); absent on the shipped records.
   */
  readonly edited?: readonly string[];
}

const decl = (role: BlockRole, name: string, startsWith: string): EditorialDeclaration => ({
  role,
  name: `${role}: ${name}`,
  startsWith,
});

/** Robert Winstanley-Chesters, an article in The Conversation. */
export const winstanleyChesters2015: SourceMetadata = {
  id: 'winstanley-chesters-2015' as SourceId,
  file: 'winstanley-chesters-2015.txt',
  lang: 'en',
  label: 'Winstanley-Chesters (2015)',
  csl: {
    id: 'winstanley-chesters-2015',
    type: 'article-newspaper',
    title: 'Russia’s borders: North Korea is moving up Moscow’s agenda',
    'title-short': 'Russia’s borders',
    author: [{ family: 'Winstanley-Chesters', given: 'Robert' }],
    issued: { 'date-parts': [[2015]], circa: true },
    'container-title': 'The Conversation',
    'collection-title': 'Russia’s borders',
    language: 'en',
  },
  inferred: [
    {
      field: 'issued',
      evidence:
        'The text quotes Putin in Sochi, October 2014, and calls that "last year"; no day or month is given.',
    },
  ],
  declarations: [
    decl('chrome', 'site menu', 'Menu Close'),
    decl('title', 'article title', 'Russia’s borders: North Korea is moving up'),
    decl(
      'caption',
      'lead photo caption',
      'North Korean Workers’ Party Secretary Choe Ryong-hae in Moscow',
    ),
    decl('standfirst', 'series standfirst', 'This latest instalment in our series'),
    decl('epigraph', 'Putin epigraph, first paragraph', 'Russia is supposedly turning its back'),
    decl('epigraph', 'Putin epigraph, second paragraph', 'Our active policy in the Asia-Pacific'),
    decl('credit', 'map credit', 'Serban Bogdan'),
    decl('heading', 'section heading 1', 'The post-Soviet era'),
    decl('heading', 'section heading 2', 'The global picture'),
    decl('caption', 'second photo caption', 'High-level Russian and North Korean diplomats'),
    decl('chrome', 'series link', 'To read previous instalments'),
    decl('chrome', 'call for writers', 'Want to write?'),
    decl('chrome', 'community promotion', 'Write an article and join'),
    decl('chrome', 'registration button', 'Register now'),
  ],
};

/** Andrei Lankov, an academic paper of unknown venue. */
export const lankov2007: SourceMetadata = {
  id: 'lankov-2007' as SourceId,
  file: 'lankov-2007.txt',
  lang: 'en',
  label: 'Lankov (2007)',
  csl: {
    id: 'lankov-2007',
    type: 'manuscript',
    title: 'Russia and North Korea: From “socialist solidarity” to quasi-alliance',
    'title-short': 'Russia and North Korea',
    author: [{ family: 'Lankov', given: 'Andrei' }],
    issued: { 'date-parts': [[2007]], circa: true },
    language: 'en',
  },
  inferred: [
    {
      field: 'issued',
      evidence:
        'The latest dated reference in the paper is a retrieval on 14 August 2007 (footnote 3); no date of the paper itself is given.',
    },
  ],
  declarations: [
    decl('title', 'paper title', 'Russia and North Korea: From'),
    decl('byline', 'author', 'Andrei Lankov'),
    decl('heading', 'abstract heading', 'Abstract'),
  ],
};

/** The built-in sources, Winstanley-Chesters first (the left pane by default). */
export const BUILTIN_SOURCES: readonly SourceMetadata[] = [winstanleyChesters2015, lankov2007];

/** Looks up a built-in source's metadata by id. */
export function sourceMetadata(id: string): SourceMetadata | undefined {
  return BUILTIN_SOURCES.find((s) => s.id === id);
}
