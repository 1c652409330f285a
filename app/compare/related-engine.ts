/**
 * "Related in the other text", loaded on demand (`load-compare.ts`): loads
 * the word vectors (static JSON files the build copies beside the app,
 * fetched on first use: the built-in texts' words always, the 20,000 common
 * English words only when a pane shows a reader's own text — as data files
 * rather than JS chunks, so they are parsed by `JSON.parse`, not by the JS
 * engine as code), builds the index of `sources/related/` once
 * per set of editions, and answers queries for a paragraph or a selection.
 *
 * If the vectors cannot be loaded, Related still answers, by BM25 alone,
 * and says so (`RelatedAnswer.semantic`), rather than not at all; the next
 * query tries the vectors again.
 *
 * What it is for: keeping the retrieval model (stemmer, alias table, index,
 * vectors) out of the initial bundle. What it is not for: ranking (that is
 * `sources/related/related.ts`) or rendering (`related-panel.tsx`).
 */
import type { Edition, SourceId } from '../../sources/edition.ts';
import { relatedStrength } from './related-strength.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import englishVectorsUrl from '../../sources/related/vectors/english-vectors.json?url';
import textVectorsUrl from '../../sources/related/vectors/text-vectors.json?url';
import {
  buildRelatedIndex,
  decodeWordVectors,
  related,
  warmUpRelated,
  type RelatedIndex,
  type RelatedPassage,
  type WordVectors,
} from '../../sources/related/index.ts';

/** What to relate: a passage address, or a selection's text in a source. */
export type RelatedQueryInput = string | { readonly source: SourceId; readonly text: string };

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_SOURCES.map((s) => s.id));

const indexes = new WeakMap<readonly Edition[], Promise<RelatedIndex>>();
let textVectors: Promise<unknown> | undefined;
let englishVectors: Promise<unknown> | undefined;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

async function vectorsFor(editions: readonly Edition[]): Promise<WordVectors | undefined> {
  const files: Promise<unknown>[] = [(textVectors ??= fetchJson(textVectorsUrl))];
  if (editions.some((e) => !BUILTIN_IDS.has(e.id)))
    files.push((englishVectors ??= fetchJson(englishVectorsUrl)));
  try {
    return decodeWordVectors(...(await Promise.all(files)));
  } catch {
    // A failed chunk load may succeed next time (a corrupt file will not, but retrying costs little).
    textVectors = englishVectors = undefined;
    return undefined;
  }
}

async function indexFor(editions: readonly Edition[]): Promise<RelatedIndex> {
  let index = indexes.get(editions);
  if (!index) {
    index = vectorsFor(editions).then((vectors) => {
      if (!vectors) indexes.delete(editions);
      // Dated years: the "same period" a related passage shares with the query (`period`).
      const built = buildRelatedIndex(editions, { dates: true, ...(vectors ? { vectors } : {}) });
      // Compiles the query path now, while the reader waits for the first answer anyway (see warmUpRelated).
      warmUpRelated(built);
      return built;
    });
    indexes.set(editions, index);
  }
  return index;
}

/** The answer to a query. */
export interface RelatedAnswer {
  /** Best first. */
  readonly passages: readonly RelatedPassage[];
  /** False when the word vectors could not be loaded and the ranking is BM25's alone. */
  readonly semantic: boolean;
}

/**
 * Whether a passage is worth listing: it has a reason the panel can name (a shared word, a
 * related word, a shared year — filler and general words left out by `sources/related/`), or it
 * is not weak (close by meaning, as Lankov 9 is to Winstanley-Chesters 1). A weak passage with
 * no nameable reason shares only filler words with the query: noise.
 */
export function worthListing(p: RelatedPassage): boolean {
  return (
    p.terms.length > 0 ||
    p.concepts.length > 0 ||
    p.period !== undefined ||
    relatedStrength(p.evidence, p.meaning).words !== 'weak'
  );
}

/** How many more passages than asked for are ranked, so dropping noise still leaves `k`. */
const SPARE = 5;

/**
 * The `k` passages of `within` (the other pane's source) most related to
 * `query`, best first, noise left out (`worthListing`). Rejects with
 * `RelatedQueryError` (with a sentence for the reader) if the query names no passage.
 */
export async function relatedIn(
  editions: readonly Edition[],
  query: RelatedQueryInput,
  within: SourceId,
  k = 5,
): Promise<RelatedAnswer> {
  const index = await indexFor(editions);
  const ranked = related(index, query, { k: k + SPARE, within });
  return {
    passages: ranked.filter(worthListing).slice(0, k),
    semantic: index.vectors !== undefined,
  };
}

export type { RelatedPassage };
