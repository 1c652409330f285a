/** Types of the virtual module served by `app/build/editions-plugin.ts`. */
declare module 'virtual:diptych-editions' {
  import type { PackedEdition } from '../data/packed-editions.ts';
  /** Both built-in editions, Winstanley-Chesters first, parsed at build time and packed (unpack with `unpackEditions`). */
  const editions: readonly PackedEdition[];
  export default editions;
}

/** Types of the curated-comparisons module served by `app/build/editions-plugin.ts`. */
declare module 'virtual:diptych-curated' {
  import type { Annotation } from '../../annotations/model/annotation.ts';
  /** The curated comparisons read through the importer at build time, and the length of each built-in text they were read against. */
  const curated: {
    readonly textLengths: Readonly<Record<string, number>>;
    readonly annotations: readonly Annotation[];
  };
  export default curated;
}

/** Types of the module served by `app/build/hangul-slices-plugin.ts`. */
declare module 'virtual:diptych-hangul-slices' {
  /** Noto Serif KR's Hangul slices: each WOFF2 file's URL in the build and its CSS `unicode-range`. */
  const slices: readonly { readonly url: string; readonly range: string }[];
  export default slices;
}
