/** Types of the virtual module served by `app/build/editions-plugin.ts`. */
declare module 'virtual:diptych-editions' {
  import type { Edition } from '../../sources/edition.ts';
  /** Both built-in editions, Winstanley-Chesters first, parsed at build time. */
  const editions: readonly Edition[];
  export default editions;
}
