/**
 * Monotone alignment of two sequences by dynamic programming over a
 * similarity matrix, as sentence aligners do (Bleualign, SentAlign): the
 * aligned pairs (i, j) never cross — if (i, j) and (i', j') are both
 * aligned and i < i', then j ≤ j' — and each item of either side is aligned
 * to zero or more items of the other.
 *
 * Each aligned pair earns `score[i][j] − threshold`; leaving an item
 * unaligned costs nothing. So a pair is taken only when it is worth more
 * than the threshold and does not block better pairs, and the result
 * maximizes the total. A row is one-to-one, one-to-many or many-to-one,
 * never many-to-many (a staircase would merge whole sections into one row).
 * Three tables for a pair (i−1, j−1) aligned as the last of the prefixes:
 *   D: it starts a row:                 D[i][j] = w + g[i−1][j−1]
 *   V: it adds an A item to B_{j−1}'s row: V[i][j] = w + max(D[i−1][j], V[i−1][j])
 *   H: it adds a B item to A_{i−1}'s row: H[i][j] = w + max(D[i][j−1], H[i][j−1])
 * and g[i][j] = max(g[i−1][j], g[i][j−1], D, V, H) for any prefixes.
 * O(n·m) time and memory; ties prefer starting a row, then skipping A.
 *
 * What it is for: `align-editions.ts`. Not for: scoring (the matrix comes
 * from the caller).
 */

/** An aligned pair of indices. */
export interface AlignedPair {
  readonly a: number;
  readonly b: number;
}

/** The aligned pairs of a monotone alignment, in order. Pure; `score[i][j]` for i < n, j < m. */
export function alignMonotone(
  score: readonly (readonly number[])[],
  n: number,
  m: number,
  threshold: number,
): AlignedPair[] {
  const table = () => Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(-Infinity));
  const D = table();
  const V = table();
  const H = table();
  const g = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  // g's back-pointer: 0 D, 1 V, 2 H, 3 skip A (from above), 4 skip B (from left)
  const gFrom = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  // V's and H's back-pointer: 0 from D, 1 from itself
  const vFrom = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  const hFrom = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  for (let i = 0; i <= n; i++) gFrom[i]![0] = 3;
  for (let j = 0; j <= m; j++) gFrom[0]![j] = 4;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const w = score[i - 1]![j - 1]! - threshold;
      D[i]![j] = w + g[i - 1]![j - 1]!;
      const vd = D[i - 1]![j]!;
      const vv = V[i - 1]![j]!;
      V[i]![j] = w + Math.max(vd, vv);
      vFrom[i]![j] = vv > vd ? 1 : 0;
      const hd = D[i]![j - 1]!;
      const hh = H[i]![j - 1]!;
      H[i]![j] = w + Math.max(hd, hh);
      hFrom[i]![j] = hh > hd ? 1 : 0;
      const options = [D[i]![j]!, V[i]![j]!, H[i]![j]!, g[i - 1]![j]!, g[i]![j - 1]!];
      let k = 0;
      for (let x = 1; x < options.length; x++) if (options[x]! > options[k]!) k = x;
      g[i]![j] = options[k]!;
      gFrom[i]![j] = k;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  let state: 'g' | 'D' | 'V' | 'H' = 'g';
  while (i > 0 && j > 0) {
    if (state === 'g') {
      const from = gFrom[i]![j]!;
      if (from === 3) i--;
      else if (from === 4) j--;
      else state = (['D', 'V', 'H'] as const)[from]!;
      continue;
    }
    pairs.push({ a: i - 1, b: j - 1 });
    if (state === 'D') {
      state = 'g';
      i--;
      j--;
    } else if (state === 'V') {
      state = vFrom[i]![j] === 1 ? 'V' : 'D';
      i--;
    } else {
      state = hFrom[i]![j] === 1 ? 'H' : 'D';
      j--;
    }
  }
  return pairs.reverse();
}

/** One row of an aligned reading: paragraphs of A and of B that sit level (either side may be empty: a gap). */
export interface AlignedRowIndices {
  readonly a: readonly number[];
  readonly b: readonly number[];
}

/**
 * Groups aligned pairs into rows (pairs that share an item are one row) and
 * gives every unaligned item a row of its own, in reading order of both
 * sides. Pure.
 */
export function rowsOf(pairs: readonly AlignedPair[], n: number, m: number): AlignedRowIndices[] {
  const rows: { a: number[]; b: number[] }[] = [];
  let ai = 0;
  let bi = 0;
  let k = 0;
  while (k < pairs.length) {
    const row = { a: [] as number[], b: [] as number[] };
    const first = pairs[k]!;
    // items before this row's first pair are unaligned: one row each (A's first, then B's)
    while (ai < first.a) rows.push({ a: [ai++], b: [] });
    while (bi < first.b) rows.push({ a: [], b: [bi++] });
    row.a.push(first.a);
    row.b.push(first.b);
    k++;
    while (k < pairs.length) {
      const p = pairs[k]!;
      if (p.a !== row.a[row.a.length - 1] && p.b !== row.b[row.b.length - 1]) break;
      if (p.a !== row.a[row.a.length - 1]) row.a.push(p.a);
      if (p.b !== row.b[row.b.length - 1]) row.b.push(p.b);
      k++;
    }
    ai = row.a[row.a.length - 1]! + 1;
    bi = row.b[row.b.length - 1]! + 1;
    rows.push(row);
  }
  while (ai < n) rows.push({ a: [ai++], b: [] });
  while (bi < m) rows.push({ a: [], b: [bi++] });
  return rows;
}
