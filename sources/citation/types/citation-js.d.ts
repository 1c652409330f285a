/**
 * Types for the parts of Citation.js (`@citation-js/*`, which ship none) that
 * `export-bibliography.ts` and its tests use. See https://citation.js.org/api/0.7/.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    /** CSL-JSON records. */
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): Record<string, unknown> };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
