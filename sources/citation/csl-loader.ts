/**
 * The port through which the citation engine reads the official CSL style
 * and locale files, so that the same engine runs unchanged in Node and in the
 * browser.
 *
 * Why a port and not an embedded module: the six styles and the locale are
 * about 1 MB of XML. Embedding them in a generated module would put all six
 * in whichever chunk first needs one style, and would need a generator and a
 * check that it is fresh. With a port, the browser loads exactly the one style
 * a reader picks, as its own chunk, on demand (`vite-csl-loader.ts`, through
 * Vite's `import.meta.glob` with `?raw`), and Node reads the same files from
 * disk (`node-csl-loader.ts`). The files themselves stay byte-identical to the
 * official ones (their SHA-256 is pinned in a test).
 *
 * Not for: deciding which file a style uses (see `styles.ts`).
 */

/**
 * Reads one file from `sources/citation/styles/` by its file name
 * (e.g. `apa.csl`, `locales-en-US.xml`) and resolves to its text. Rejects
 * with a message naming the file if there is no such file.
 */
export type CslLoader = (file: string) => Promise<string>;
