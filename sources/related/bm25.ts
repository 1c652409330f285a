/**
 * Okapi BM25 over a small collection of bags of terms.
 *
 * score(D, Q) = Σ over distinct terms t of Q of
 *   idf(t) · tf(t,D)·(k1+1) / (tf(t,D) + k1·(1 − b + b·|D|/avgdl)) · qtf(t)·(k3+1) / (k3 + qtf(t))
 * with idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5)), the always-positive
 * form Lucene uses, where N is the number of documents and n(t) the number
 * holding t. Robertson & Zaragoza, "The Probabilistic Relevance Framework:
 * BM25 and Beyond" (2009), §3.
 *
 * Parameters are the textbook defaults, chosen before any evaluation and not
 * tuned on the curated comparisons: k1 = 1.2, b = 0.75, and k3 = 7 (the query
 * side saturates too, because our queries are whole paragraphs where a word
 * may recur; Robertson et al. used k3 from 7 to 1000 at TREC).
 *
 * Why not minisearch's BM25: minisearch scores BM25+ (k 1.2, b 0.7, and a
 * lower bound δ 0.5 for every matching term) for short keyword queries and
 * reports only which terms matched; a paragraph-long query wants the
 * textbook form with query-term saturation, and naming the shared terms
 * wants each term's contribution. The formula is a dozen lines.
 *
 * What it is for: `related.ts`. Not for: search (minisearch does that).
 */

/** BM25 parameters. */
export interface Bm25Params {
  /** Term-frequency saturation in documents. */
  readonly k1: number;
  /** Length normalization (0: none, 1: full). */
  readonly b: number;
  /** Term-frequency saturation in the query. */
  readonly k3: number;
}

/** The textbook parameters (see the head comment). */
export const BM25_DEFAULTS: Bm25Params = { k1: 1.2, b: 0.75, k3: 7 };

/** A BM25 index over documents given as term lists. */
export interface Bm25Index {
  /** Per document: term → frequency. */
  readonly tf: readonly ReadonlyMap<string, number>[];
  /** Per document: number of terms. */
  readonly lengths: readonly number[];
  /** Mean document length (≥ 1 so an empty collection cannot divide by zero). */
  readonly avgdl: number;
  /** Term → idf. */
  readonly idf: ReadonlyMap<string, number>;
  /** The parameters. */
  readonly params: Bm25Params;
}

/** Builds a BM25 index; `docs[i]` is document i's terms (repeats count). */
export function buildBm25(
  docs: readonly (readonly string[])[],
  params: Bm25Params = BM25_DEFAULTS,
): Bm25Index {
  const tf = docs.map(counts);
  const lengths = docs.map((d) => d.length);
  const df = new Map<string, number>();
  for (const bag of tf) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [term, k] of df) idf.set(term, Math.log(1 + (n - k + 0.5) / (k + 0.5)));
  const total = lengths.reduce((a, b) => a + b, 0);
  return { tf, lengths, avgdl: Math.max(1, n === 0 ? 1 : total / n), idf, params };
}

/** One document's score and the part each shared term contributed. */
export interface Bm25Score {
  /** Document index. */
  readonly doc: number;
  /** Total score (0 when no term is shared). */
  readonly score: number;
  /** Shared terms and their contributions, largest first (ties by term). */
  readonly contributions: readonly { readonly term: string; readonly weight: number }[];
}

/** Scores every document of `index` against the query terms (repeats count, saturated by k3). */
export function scoreBm25(index: Bm25Index, query: readonly string[]): Bm25Score[] {
  const { k1, b, k3 } = index.params;
  const qtf = counts(query);
  return index.tf.map((bag, doc) => {
    const norm = k1 * (1 - b + (b * index.lengths[doc]!) / index.avgdl);
    const contributions: { term: string; weight: number }[] = [];
    for (const [term, q] of qtf) {
      const f = bag.get(term);
      if (!f) continue;
      const weight =
        index.idf.get(term)! * ((f * (k1 + 1)) / (f + norm)) * ((q * (k3 + 1)) / (k3 + q));
      contributions.push({ term, weight });
    }
    contributions.sort(
      (x, y) => y.weight - x.weight || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0),
    );
    return { doc, score: contributions.reduce((a, c) => a + c.weight, 0), contributions };
  });
}

function counts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
