/**
 * The browser implementation of the `CslLoader` port: each style and the
 * locale become their own lazily loaded chunk through Vite's
 * `import.meta.glob` with `?raw`, so the initial bundle holds none of them
 * and picking a style loads only that style. Also works under Vitest (which
 * runs Vite's transforms), where a test checks it returns the same bytes as
 * the Node loader. Not usable under plain Node or tsx: use
 * `node-csl-loader.ts` there.
 */
import type { CslLoader } from './csl-loader.ts';

const FILES = import.meta.glob<string>(['./styles/*.csl', './styles/*.xml'], {
  query: '?raw',
  import: 'default',
});

/** Loads a style or locale file as a separate chunk. */
export const viteCslLoader: CslLoader = async (file) => {
  const load = FILES[`./styles/${file}`];
  if (!load) {
    const known = Object.keys(FILES).map((k) => k.replace('./styles/', ''));
    throw new Error(`no CSL file ${JSON.stringify(file)} (known: ${known.join(', ')})`);
  }
  return load();
};
