/**
 * The `Edition`: one source text, parsed into addressable blocks, sentences
 * and footnotes. This is the contract between the parsing pipeline
 * (`sources/pipeline.ts`) and everything that reads a text: the reader, the
 * search index, anchoring, citations and comparisons.
 *
 * What it is for: a JSON-serializable, immutable description of what a reader
 * sees, with an address on every passage. What it is not for: rendering
 * decisions (the app decides how roles look) or annotation state.
 *
 * Offsets: `Edition.text` is the edition's plain text — every block's `text`
 * in reading order, then every footnote's `text`, joined by `BLOCK_SEPARATOR`.
 * `Block.start`/`end` and `Footnote.start`/`end` index into it, and
 * `Sentence.start`/`end` index into their block's or footnote's `text`.
 * Annotation `TextPositionSelector`s are offsets into `Edition.text`.
 */

/** A source's identifier, e.g. `lankov-2007`. Branded so it is never mixed up with other strings. */
export type SourceId = string & { readonly __brand: 'SourceId' };

/**
 * A passage address, e.g. `lankov-2007:12` (paragraph), `lankov-2007:12.3`
 * (sentence), `lankov-2007:n5` (footnote), `winstanley-chesters-2015:heading1`
 * (an unnumbered block). See `sources/address.ts` for the grammar.
 */
export type Address = string & { readonly __brand: 'Address' };

/**
 * Every block has exactly one role. Blocks of the roles in `NUMBERED_ROLES`
 * (paragraphs and epigraphs: the author's running text) are numbered.
 */
export type BlockRole =
  | 'title'
  | 'byline'
  | 'heading'
  | 'standfirst'
  | 'epigraph'
  | 'attribution'
  | 'caption'
  | 'credit'
  | 'chrome'
  | 'paragraph'
  | 'footnote';

/** Roles whose blocks are the author's running text and get paragraph numbers. */
export const NUMBERED_ROLES: ReadonlySet<BlockRole> = new Set<BlockRole>(['paragraph', 'epigraph']);

/** BCP 47 tags of non-English runs the pipeline detects. */
export type RunLanguage = 'ru' | 'ko';

/**
 * Inline content, a small safe subset of mdast phrasing content. The app
 * renders it with React elements only (never as HTML).
 */
export type Inline =
  | {
      readonly type: 'text';
      /** The text exactly as a reader sees it. */
      readonly value: string;
      /** Set on Cyrillic or Hangul runs so the browser and screen readers pick the right language. */
      readonly lang?: RunLanguage;
    }
  | { readonly type: 'emphasis'; readonly children: readonly Inline[] }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  /** GFM strikethrough (`~~text~~`): the text stays, struck through. */
  | { readonly type: 'delete'; readonly children: readonly Inline[] }
  | {
      readonly type: 'link';
      /** Always http(s) or mailto: the pipeline drops the link (keeps its text) otherwise. */
      readonly url: string;
      readonly children: readonly Inline[];
    }
  | {
      readonly type: 'footnoteRef';
      /** The footnote's number as printed. */
      readonly n: number;
      /** The footnote's address (`<id>:n<k>`). */
      readonly address: Address;
    };

/** A sentence inside a block or footnote. */
export interface Sentence {
  /** `<block address>.<s>`, s counted from 1. */
  readonly address: Address;
  /** The sentence's plain text (a slice of its block's `text`). */
  readonly text: string;
  /** Offset of the sentence in its block's `text`. */
  readonly start: number;
  /** End offset (exclusive) in its block's `text`. */
  readonly end: number;
}

/** A reference from running text to a footnote. */
export interface FootnoteRef {
  /** The footnote number. */
  readonly n: number;
  /** The footnote's address. */
  readonly address: Address;
  /** Where the marker stood in the block's `text` (the marker itself is removed). */
  readonly offset: number;
}

/** One block of the edition in reading order (footnotes are not blocks; see `Footnote`). */
export interface Block {
  /** Paragraphs: `<id>:<n>`; other roles: `<id>:<role><k>`, k counted per role from 1. */
  readonly address: Address;
  /** What the block is, from heuristics or an editorial declaration. */
  readonly role: BlockRole;
  /** Paragraph number (the citation pinpoint); only on numbered roles. */
  readonly n?: number;
  /** Plain text as a reader sees it: Markdown markup and footnote markers removed. */
  readonly text: string;
  /** Rich content for rendering. */
  readonly inlines: readonly Inline[];
  /** Sentences, in order, covering the text. */
  readonly sentences: readonly Sentence[];
  /** Footnotes cited from this block, in order. */
  readonly footnoteRefs: readonly FootnoteRef[];
  /** Offset of `text` in `Edition.text`. */
  readonly start: number;
  /** End offset (exclusive) of `text` in `Edition.text`. */
  readonly end: number;
}

/** A footnote: removed from the running text, listed at the end. */
export interface Footnote {
  /** `<id>:n<k>`. */
  readonly address: Address;
  /** The footnote number as printed. */
  readonly n: number;
  /** Plain text (Markdown markup removed, links keep their text). */
  readonly text: string;
  /** Rich content for rendering (emphasis, links, language runs). */
  readonly inlines: readonly Inline[];
  /** Sentences, in order. */
  readonly sentences: readonly Sentence[];
  /** Addresses of the blocks that cite this footnote, in reading order. */
  readonly referencedFrom: readonly Address[];
  /** Offset of `text` in `Edition.text`. */
  readonly start: number;
  /** End offset (exclusive) in `Edition.text`. */
  readonly end: number;
}

/** A non-fatal finding of the pipeline (a vfile message, serialized). */
export interface EditionMessage {
  /** Rule id, e.g. `footnotes:unreferenced`. */
  readonly ruleId: string;
  /** Human-readable reason. */
  readonly reason: string;
  /** 1-based line in the input, when known. */
  readonly line?: number;
}

/** A parsed, addressable source text. JSON-serializable. */
export interface Edition {
  /** The source id; the prefix of every address. */
  readonly id: SourceId;
  /** The title a reader sees (from the `title` block, or the metadata). */
  readonly title: string;
  /** BCP 47 language of the text. */
  readonly lang: string;
  /** Blocks in reading order, chrome included (the app hides it by default). */
  readonly blocks: readonly Block[];
  /** Footnotes in numeric order. */
  readonly footnotes: readonly Footnote[];
  /** Plain text: block texts then footnote texts, joined by `BLOCK_SEPARATOR`. */
  readonly text: string;
  /** Non-fatal pipeline findings. */
  readonly messages: readonly EditionMessage[];
}

/** What separates blocks (and footnotes) in `Edition.text`. */
export const BLOCK_SEPARATOR = '\n\n';
