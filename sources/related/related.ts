/**
 * "Related in the other text": for a passage or a selection of one source,
 * the passages of the other source(s) that share the most distinctive
 * words, ranked by BM25 (`bm25.ts`) over stemmed, stop-word-filtered,
 * alias-canonical terms (`analyze.ts`), each with the shared terms and
 * where they occur.
 *
 * Unit of retrieval: numbered paragraphs (roles `paragraph` and
 * `epigraph`). That is what comparisons link and citations pinpoint, and a
 * paragraph is long enough for term statistics to mean something: sentences
 * share one or two words at most, so their BM25 ranking is mostly length
 * normalization and ties. Titles, captions, chrome and footnotes are left
 * out of the candidates (footnotes here are mostly bibliographic
 * references); any passage, footnotes included, can be the query.
 *
 * Each target source is its own BM25 collection (idf from that source's
 * paragraphs, because it is that source being ranked). With more than two
 * sources, hits from several collections are merged by score, which is only
 * roughly comparable; pass `within` to rank a single source.
 *
 * Semantic signal (issue 17): built with word vectors
 * (`buildRelatedIndex(editions, { vectors })`), the BM25 score is fused
 * with a word-vector soft match (`semantic.ts`; `FusionParams`). It is
 * measured in `npm run bench -- related`, tuned on half of the curated
 * comparisons split by topic: on the held-out half it LOWERED recall@3
 * (0.375 against BM25's 0.452) and MRR, so the reader and the CLI keep
 * BM25 alone (they build the index without vectors) until a better signal
 * passes that test. The fusion stays available, measured every bench run.
 *
 * What it is for: the reader's "Related in the other text" list and
 * `diptych related`. What it is not for: search (`sources/search/`) or
 * judging that two passages make the same claim (the curated comparisons do
 * that; `npm run bench` measures how often this ranking finds them).
 */
import { findPassage, parseAddress, passageText } from '../address.ts';
import {
  NUMBERED_ROLES,
  type Address,
  type Block,
  type Edition,
  type SourceId,
} from '../edition.ts';
import { count, type TextRange } from '../search/search.ts';
import { analyze, type AnalyzedTerm } from './analyze.ts';
import { buildBm25, scoreBm25, type Bm25Index } from './bm25.ts';
import { semanticScore, type ConceptMatch, type StemWords } from './semantic.ts';
import type { WordVectors } from './vectors/word-vectors.ts';

/** One related passage. */
export interface RelatedPassage {
  /** The source it is in. */
  readonly source: SourceId;
  /** The paragraph's address. */
  readonly address: Address;
  /** Fused score (BM25 alone without vectors); higher is more related. Comparable within one query and one target source. */
  readonly score: number;
  /** The shared words as printed in this passage (first occurrence of each stem), most contributing first. */
  readonly terms: readonly string[];
  /** The paragraph's original text. */
  readonly text: string;
  /** Every occurrence of a shared term in `text`, sorted. */
  readonly highlights: readonly TextRange[];
  /** Query words matched to other words of this passage through word vectors ("investing ~ donor, aid"); empty without vectors. */
  readonly concepts: readonly ConceptMatch[];
}

/** What to find related passages for: an address, or a selection's text with its source. */
export type RelatedQuery = string | { readonly source: string; readonly text: string };

/** Options for `related`. */
export interface RelatedOptions {
  /** How many passages (default `DEFAULT_K`; `Infinity` for all that share a term). */
  readonly k?: number;
  /** Rank only this source (default: every source other than the query's). */
  readonly within?: string;
  /** Fusion with the semantic signal (used only when the index has word vectors); default `FUSION_DEFAULTS`. */
  readonly fusion?: FusionParams;
}

/**
 * How BM25 and the semantic soft match are fused: a weighted sum of the two
 * scores, each divided by its best value for the query (so both lie in
 * [0, 1]): `(1 − weight)·bm25/max + weight·semantic/max`. A weighted sum
 * rather than reciprocal-rank fusion because the semantic score is dense
 * (almost every passage gets some), so its ranks below the top carry noise
 * that RRF would weigh as much as BM25's; a weighted sum lets a strong BM25
 * match stand. Tuned on half of the curated comparisons (`bench/related.ts`).
 */
export interface FusionParams {
  /** Weight of the semantic score, 0–1 (0: BM25 alone). */
  readonly weight: number;
  /** Lowest word-vector cosine that counts as a match. */
  readonly threshold: number;
}

/** The fusion parameters chosen on the tuning half of the curated comparisons (see `bench/related.ts`). */
export const FUSION_DEFAULTS: FusionParams = { weight: 0.8, threshold: 0.6 };

/** Passages returned when no `k` is given (the "five most related"). */
export const DEFAULT_K = 5;

/** Why a query could not be run. */
export type RelatedErrorCode = 'not-an-address' | 'unknown-source' | 'unknown-passage';

/** A query that names no passage; the message says what is wrong and what would be valid. */
export class RelatedQueryError extends Error {
  /** Machine-readable reason. */
  readonly code: RelatedErrorCode;
  constructor(code: RelatedErrorCode, message: string) {
    super(message);
    this.name = 'RelatedQueryError';
    this.code = code;
  }
}

/** One source's paragraphs, analyzed and indexed. */
interface Collection {
  readonly edition: Edition;
  readonly passages: readonly Block[];
  readonly terms: readonly (readonly AnalyzedTerm[])[];
  readonly bm25: Bm25Index;
  readonly words: readonly StemWords[];
}

/** Prebuilt collections, one per source. Build once with `buildRelatedIndex`. */
export interface RelatedIndex {
  /** The editions, in the order given. */
  readonly editions: readonly Edition[];
  /** Source id → its collection. */
  readonly collections: ReadonlyMap<string, Collection>;
  /** Word vectors for the semantic signal, when given. */
  readonly vectors?: WordVectors;
  /** idf of a stem over every paragraph of every source (weights the semantic soft match). */
  readonly idf: (stem: string) => number;
  /** Cosine cache shared by queries (word pair → cosine). */
  readonly cache: Map<string, number>;
}

/** Options for `buildRelatedIndex`. */
export interface RelatedIndexOptions {
  /** Word vectors: when given, `related` fuses a semantic soft match with BM25. */
  readonly vectors?: WordVectors;
}

function stemWords(terms: readonly AnalyzedTerm[]): StemWords {
  const words = new Map<string, string>();
  for (const t of terms) if (!words.has(t.stem)) words.set(t.stem, t.word);
  return { words };
}

/** Analyzes and indexes the numbered paragraphs of every edition. Pure. */
export function buildRelatedIndex(
  editions: readonly Edition[],
  options: RelatedIndexOptions = {},
): RelatedIndex {
  const collections = new Map<string, Collection>();
  const df = new Map<string, number>();
  let n = 0;
  for (const edition of editions) {
    const passages = edition.blocks.filter((b) => NUMBERED_ROLES.has(b.role));
    const terms = passages.map((p) => analyze(p.text));
    const words = terms.map(stemWords);
    for (const w of words) for (const stem of w.words.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
    n += passages.length;
    collections.set(edition.id, {
      edition,
      passages,
      terms,
      bm25: buildBm25(terms.map((t) => t.map((a) => a.stem))),
      words,
    });
  }
  const idf = (stem: string) => {
    const k = df.get(stem) ?? 0;
    return Math.log(1 + (n - k + 0.5) / (k + 0.5));
  };
  return {
    editions,
    collections,
    ...(options.vectors ? { vectors: options.vectors } : {}),
    idf,
    cache: new Map(),
  };
}

/**
 * The `k` passages of the other source(s) most related to `query`, best
 * first (ties in reading order); passages sharing no term are left out, so
 * fewer than `k` may come back, and none for a selection with no content
 * words. Throws `RelatedQueryError` when the query names no passage or an
 * unknown source.
 */
export function related(
  index: RelatedIndex | readonly Edition[],
  query: RelatedQuery,
  options: RelatedOptions = {},
): RelatedPassage[] {
  const built = isIndex(index) ? index : buildRelatedIndex(index);
  const { source, text } = resolveQuery(built, query);
  const k = count(options.k, DEFAULT_K);
  let targets: Collection[];
  if (options.within !== undefined) {
    const only = built.collections.get(options.within);
    if (!only) throw unknownSource(built, options.within);
    targets = [only];
  } else {
    targets = [...built.collections.values()].filter((c) => c.edition.id !== source);
  }
  const queryTerms = analyze(text);
  const queryStems = queryTerms.map((t) => t.stem);
  if (queryStems.length === 0) return [];
  const vectors = built.vectors;
  const fusion = options.fusion ?? FUSION_DEFAULTS;
  const queryWords = stemWords(queryTerms);
  const scored: { passage: RelatedPassage; order: number }[] = [];
  let order = 0;
  for (const collection of targets) {
    const bm25 = scoreBm25(collection.bm25, queryStems);
    const semantic =
      vectors && fusion.weight > 0
        ? collection.words.map((w) => semanticScore(queryWords, w, vectors, built.idf, fusion))
        : undefined;
    const bmMax = Math.max(0, ...bm25.map((s) => s.score));
    const semMax = semantic ? Math.max(0, ...semantic.map((s) => s.score)) : 0;
    for (const s of bm25) {
      const i = order + s.doc;
      const sem = semantic?.[s.doc];
      const score = semantic
        ? (1 - fusion.weight) * (bmMax > 0 ? s.score / bmMax : 0) +
          fusion.weight * (semMax > 0 ? sem!.score / semMax : 0)
        : s.score;
      if (score <= 0) continue;
      scored.push({
        order: i,
        passage: toPassage(collection, s.doc, score, s.contributions, sem?.concepts ?? []),
      });
    }
    order += collection.passages.length;
  }
  scored.sort((a, b) => b.passage.score - a.passage.score || a.order - b.order);
  return scored.slice(0, k).map((s) => s.passage);
}

function isIndex(x: RelatedIndex | readonly Edition[]): x is RelatedIndex {
  return !Array.isArray(x);
}

function toPassage(
  collection: Collection,
  doc: number,
  score: number,
  contributions: readonly { readonly term: string }[],
  concepts: readonly ConceptMatch[],
): RelatedPassage {
  const block = collection.passages[doc]!;
  const terms = collection.terms[doc]!;
  const shared = new Set(contributions.map((c) => c.term));
  const words = contributions.map((c) => {
    const first = terms.find((t) => t.stem === c.term)!;
    return block.text.slice(first.start, first.end);
  });
  return {
    source: collection.edition.id,
    address: block.address,
    score,
    terms: words,
    text: block.text,
    highlights: terms
      .filter((t) => shared.has(t.stem))
      .map((t) => ({ start: t.start, end: t.end })),
    concepts,
  };
}

function resolveQuery(index: RelatedIndex, query: RelatedQuery): { source: string; text: string } {
  if (typeof query !== 'string') {
    if (!index.collections.has(query.source)) throw unknownSource(index, query.source);
    return { source: query.source, text: query.text };
  }
  const parsed = parseAddress(query);
  if (!parsed) {
    throw new RelatedQueryError(
      'not-an-address',
      `"${clip(query)}" is not a passage address (expected e.g. lankov-2007:12, lankov-2007:12.3 or lankov-2007:n5)`,
    );
  }
  const collection = index.collections.get(parsed.source);
  if (!collection) throw unknownSource(index, parsed.source);
  const passage = findPassage(collection.edition, query);
  if (!passage) {
    throw new RelatedQueryError(
      'unknown-passage',
      `no passage at ${query.trim()}: ${describeEdition(collection.edition)}`,
    );
  }
  return { source: parsed.source, text: passageText(passage) };
}

function unknownSource(index: RelatedIndex, id: string): RelatedQueryError {
  const known = index.editions.map((e) => e.id).join(', ');
  return new RelatedQueryError('unknown-source', `unknown source "${clip(id)}" (known: ${known})`);
}

/** "lankov-2007 has paragraphs 1–39 and footnotes n1–n10". */
function describeEdition(edition: Edition): string {
  const ns = edition.blocks.flatMap((b) => (b.n === undefined ? [] : [b.n]));
  const parts: string[] = [];
  if (ns.length > 0) parts.push(`paragraphs ${Math.min(...ns)}–${Math.max(...ns)}`);
  const fs = edition.footnotes.map((f) => f.n);
  if (fs.length > 0) parts.push(`footnotes n${Math.min(...fs)}–n${Math.max(...fs)}`);
  return `${edition.id} has ${parts.length > 0 ? parts.join(' and ') : 'no numbered passages'}`;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
