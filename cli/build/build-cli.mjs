// Builds the CLI into `dist-cli/` (the entry `diptych.mjs`, one chunk per command, and the
// parse command's worker thread, `parse-thread.mjs`), so that
// `diptych` runs compiled code and never a TypeScript compiler at run time.
// Run by `npm ci` / `npm install` (the `prepare` script) and by
// `npm run build:cli`.
//
// The sources find their data files (the verbatim texts, the CSL styles and
// locales) relative to their own `import.meta.url`; in one bundle every
// module would share the bundle's URL. The plugin below gives each module
// back its own: `import.meta.url` becomes the URL of the module's source
// file, computed relative to the bundle, so the data files are read from
// where they are in the repository.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { readFile, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = resolve(root, 'dist-cli');

/** @type {import('esbuild').Plugin} */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split('\\').join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(rel)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

/**
 * A package's JSON data (`stopwords-en/stopwords-en.json`) goes into the bundle. Left external,
 * as `packages: 'external'` leaves every package, esbuild writes its import without the
 * `with { type: 'json' }` the source has, and Node refuses a JSON module imported without it:
 * every command that loads the related-passages code (`diptych serve` among them) failed to start.
 */
/** @type {import('esbuild').Plugin} */
const packageJsonInBundle = {
  name: 'package-json-in-bundle',
  setup(b) {
    b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({
      path: createRequire(args.importer).resolve(args.path),
    }));
  },
};

// A fresh folder: chunks are named by their hash, so an earlier build's would pile up.
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    diptych: resolve(root, 'cli/main.ts'),
    // `diptych parse`'s worker thread (cli/parse-in-thread.ts), compiled like the rest.
    'parse-thread': resolve(root, 'cli/parse-thread-compiled.ts'),
  },
  outdir,
  // One chunk per command (cli/main.ts imports each on demand), each with its own imports of
  // packages: in one file, every package any command uses was imported at start-up, so
  // `diptych --help` loaded express, PouchDB, citeproc and unified first.
  splitting: true,
  // Beside the entry: the `import.meta.url` rewrite below is relative to this folder.
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [ownImportMetaUrl, packageJsonInBundle],
  // Our TypeScript is compiled into the bundle; npm packages stay in
  // node_modules and are imported from there as they are (already JavaScript).
  packages: 'external',
});
