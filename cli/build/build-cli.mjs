// Builds the CLI into one JavaScript file, `dist-cli/diptych.mjs`, so that
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
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = resolve(root, 'dist-cli/diptych.mjs');

/** @type {import('esbuild').Plugin} */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(outfile), args.path).split('\\').join('/');
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

await build({
  entryPoints: [resolve(root, 'cli/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [ownImportMetaUrl],
  // Our TypeScript is compiled into the bundle; npm packages stay in
  // node_modules and are imported from there as they are (already JavaScript).
  packages: 'external',
});
