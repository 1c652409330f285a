/**
 * The Node implementation of the `CslLoader` port: reads the style and
 * locale files from `sources/citation/styles/` on disk. For the CLI, tests and
 * benches; the browser uses `vite-csl-loader.ts` instead, so this module (and
 * `node:fs`) never reaches the app bundle.
 */
import { readFile } from 'node:fs/promises';
import type { CslLoader } from './csl-loader.ts';

const SAFE_FILE = /^[a-zA-Z0-9-]+\.(?:csl|xml)$/;

/** Reads a style or locale file from disk, relative to this module. */
export const nodeCslLoader: CslLoader = async (file) => {
  // The file name comes from our own style table, but refuse anything that
  // could leave the styles folder all the same.
  if (!SAFE_FILE.test(file)) throw new Error(`not a CSL file name: ${JSON.stringify(file)}`);
  try {
    return await readFile(new URL(`./styles/${file}`, import.meta.url), 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read CSL file ${file}: ${reason}`, { cause: error });
  }
};
