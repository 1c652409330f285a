/**
 * The semantic half of related-passage retrieval (issue 17): a soft match of
 * the query's words against a passage's words through word vectors, so
 * "investing" can meet "donor" and "aid" where BM25 needs the same stem.
 *
 * For each distinct content word q of the query: its best match in the
 * passage is 1 for the same stem, else the highest cosine between q's vector
 * and a passage word's vector, if at least `threshold` (else 0). The score
 * is the idf-weighted mean of those best matches (idf over both sources'
 * paragraphs, so a common word such as "Russia" counts little). The
 * cross-stem matches are kept as the explanation ("investing ~ donor, aid").
 *
 * Why word vectors and not a sentence encoder: no model may be downloaded
 * at run time, a query must answer in ≤ 20 ms in the browser, and GloVe
 * vectors ship in an npm package under PDDL; they are trimmed to what the
 * texts need (`vectors/`). The better design we did not build: a small
 * sentence encoder shipped in a package and run in a worker.
 *
 * What it is for: `related.ts`. Not for: search.
 */
import { cosine, type WordVectors } from './vectors/word-vectors.ts';

/** One side's words: distinct stems with a representative word each. */
export interface StemWords {
  /** stem → the word as tokenized (lower case), first occurrence. */
  readonly words: ReadonlyMap<string, string>;
}

/** A query word matched to passage words of another stem. */
export interface ConceptMatch {
  /** The query's word. */
  readonly query: string;
  /** The passage's words it matched, best first. */
  readonly matches: readonly string[];
  /** The best cosine. */
  readonly similarity: number;
}

/** The soft-match score and its explanation. */
export interface SemanticScore {
  /** In [0, 1]. */
  readonly score: number;
  /** Cross-stem matches, by contribution. */
  readonly concepts: readonly ConceptMatch[];
}

/** Parameters of the soft match. */
export interface SemanticParams {
  /** Lowest cosine that counts as a match. */
  readonly threshold: number;
}

/** Soft-match score of a query against a passage. Pure. */
export function semanticScore(
  query: StemWords,
  passage: StemWords,
  vectors: WordVectors,
  idf: (stem: string) => number,
  params: SemanticParams,
): SemanticScore {
  let num = 0;
  let den = 0;
  const concepts: (ConceptMatch & { weight: number })[] = [];
  // Each passage word's vector looked up once, not once per query word (this loop is the hot path).
  const others: { word: string; vector: Float32Array }[] = [];
  for (const other of passage.words.values()) {
    const vector = vectors.vectors.get(other);
    if (vector) others.push({ word: other, vector });
  }
  for (const [stem, word] of query.words) {
    const w = idf(stem);
    den += w;
    if (passage.words.has(stem)) {
      num += w;
      continue;
    }
    const v = vectors.vectors.get(word);
    if (!v) continue;
    const hits: { word: string; sim: number }[] = [];
    for (const other of others) {
      const sim = cosine(v, other.vector);
      if (sim >= params.threshold) hits.push({ word: other.word, sim });
    }
    if (hits.length === 0) continue;
    hits.sort((a, b) => b.sim - a.sim || (a.word < b.word ? -1 : 1));
    num += w * hits[0]!.sim;
    concepts.push({
      query: word,
      matches: hits.slice(0, 3).map((h) => h.word),
      similarity: hits[0]!.sim,
      weight: w * hits[0]!.sim,
    });
  }
  concepts.sort((a, b) => b.weight - a.weight);
  return {
    score: den > 0 ? num / den : 0,
    concepts: concepts.map(({ query: q, matches, similarity }) => ({
      query: q,
      matches,
      similarity,
    })),
  };
}
