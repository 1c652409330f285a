/** Types of the virtual module served by `app/build/editions-plugin.ts`. */
declare module 'virtual:diptych-editions' {
  import type { PackedEdition } from '../data/packed-editions.ts';
  /** Both built-in editions, Winstanley-Chesters first, parsed at build time and packed (unpack with `unpackEditions`). */
  const editions: readonly PackedEdition[];
  export default editions;
}
