/**
 * The search index over editions: one document per sentence of every block
 * and every footnote, indexed with minisearch (BM25) on the terms of
 * `tokenize`, plus the token offsets that let `search` find phrases and cut
 * snippets from the original text.
 *
 * Why sentences: a hit then carries the most precise address a reader can
 * open and cite (`lankov-2007:12.3`), and "all words of the query" means
 * "in one sentence", which keeps multi-word queries specific. The cost is
 * that a phrase spanning a sentence boundary is not found; phrases rarely do.
 *
 * What it is for: building once per set of editions (Node or browser; no
 * I/O). What it is not for: querying (`search.ts`), related passages
 * (`sources/related/`, which needs stemming and stop words that search must
 * not apply).
 */
import MiniSearch from 'minisearch';
import type { Address, BlockRole, Edition, Sentence, SourceId } from '../edition.ts';
import type { Vocabulary } from './compound-variants.ts';
import { tokenize, type Token } from './tokenize.ts';

/** What kind of passage a hit is in: the role of its block, or `footnote`. */
export type HitKind = BlockRole;

/** One indexed sentence. */
export interface SearchDocument {
  /** Position in reading order across all editions; the minisearch id. */
  readonly id: number;
  /** The source the sentence belongs to. */
  readonly source: SourceId;
  /** The sentence's address (or the block's, for a block the pipeline gave no sentences). */
  readonly address: Address;
  /** The block or footnote the sentence is in: what the reader opens. */
  readonly passage: Address;
  /** The containing block's role, or `footnote`. */
  readonly kind: HitKind;
  /** The sentence's original text. */
  readonly text: string;
  /** The containing block's or footnote's original text (snippet context). */
  readonly passageText: string;
  /** Offset of `text` in `passageText`. */
  readonly offsetInPassage: number;
  /** Offset of `text` in `Edition.text` (for the reader's highlight). */
  readonly offsetInEdition: number;
  /** The sentence's words, offsets into `text`. */
  readonly tokens: readonly Token[];
}

/** A built search index. Treat as opaque; pass it to `search`. */
export interface SearchIndex {
  /** The indexed sources, in the order given, with their titles (for grouping). */
  readonly sources: readonly { readonly id: SourceId; readonly title: string }[];
  /** Every indexed sentence, by id. */
  readonly documents: readonly SearchDocument[];
  /** The minisearch index over `documents` (field `terms`). */
  readonly engine: MiniSearch<IndexedFields>;
  /** Terms and adjacent term pairs, for closed/open compound variants (`compound-variants.ts`). */
  readonly vocabulary: Vocabulary;
}

/** What minisearch stores per document. */
interface IndexedFields {
  readonly id: number;
  /** The document's terms joined by single spaces (terms never contain spaces). */
  readonly terms: string;
}

/** Options for `buildSearchIndex`. */
export interface SearchIndexOptions {
  /** Also index `chrome` blocks (site menus, sign-up prompts). Default false: the reader hides them. */
  readonly includeChrome?: boolean;
}

/** Splits on the single spaces `buildSearchIndex` and `search` put between terms. */
export const splitTerms = (joined: string): string[] => joined.split(' ');

/** Makes an empty minisearch engine configured for pre-tokenized terms. */
export function createEngine(): MiniSearch<IndexedFields> {
  return new MiniSearch<IndexedFields>({
    fields: ['terms'],
    idField: 'id',
    tokenize: splitTerms,
    // Terms are already normalized by `tokenize`; minisearch's default would lower-case again.
    processTerm: (term) => (term === '' ? null : term),
    searchOptions: { tokenize: splitTerms, processTerm: (term) => (term === '' ? null : term) },
  });
}

/** Builds the search index over `editions` (every sentence of every block and footnote). Pure; never mutates the editions. */
export function buildSearchIndex(
  editions: readonly Edition[],
  options: SearchIndexOptions = {},
): SearchIndex {
  const documents: SearchDocument[] = [];
  const add = (
    edition: Edition,
    passage: Address,
    kind: HitKind,
    passageText: string,
    passageStart: number,
    sentences: readonly Sentence[],
  ): void => {
    const units: readonly Pick<Sentence, 'address' | 'text' | 'start'>[] =
      sentences.length > 0 ? sentences : [{ address: passage, text: passageText, start: 0 }];
    for (const unit of units) {
      documents.push({
        id: documents.length,
        source: edition.id,
        address: unit.address,
        passage,
        kind,
        text: unit.text,
        passageText,
        offsetInPassage: unit.start,
        offsetInEdition: passageStart + unit.start,
        tokens: tokenize(unit.text),
      });
    }
  };
  for (const edition of editions) {
    for (const block of edition.blocks) {
      if (block.role === 'chrome' && !options.includeChrome) continue;
      add(edition, block.address, block.role, block.text, block.start, block.sentences);
    }
    for (const note of edition.footnotes) {
      add(edition, note.address, 'footnote', note.text, note.start, note.sentences);
    }
  }
  const engine = createEngine();
  engine.addAll(
    documents
      .filter((d) => d.tokens.length > 0)
      .map((d) => ({ id: d.id, terms: d.tokens.map((t) => t.term).join(' ') })),
  );
  const terms = new Set<string>();
  const pairs = new Set<string>();
  for (const { tokens } of documents) {
    for (let i = 0; i < tokens.length; i++) {
      terms.add(tokens[i]!.term);
      if (i > 0) pairs.add(`${tokens[i - 1]!.term} ${tokens[i]!.term}`);
    }
  }
  return {
    sources: editions.map((e) => ({ id: e.id, title: e.title })),
    documents,
    engine,
    vocabulary: { terms, pairs },
  };
}
