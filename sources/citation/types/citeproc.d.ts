/**
 * Types for the parts of citeproc-js (npm `citeproc`, which ships none) that
 * `create-citer.ts` uses. See https://citeproc-js.readthedocs.io/en/latest/running.html.
 */
declare module 'citeproc' {
  /** What the engine asks its host for. */
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  /** One cite in a cluster. `position` 1 is CSL "subsequent". */
  interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    position?: number;
  }
  /** Bibliography metadata returned by `makeBibliography`. */
  interface CiteprocBibliographyMeta {
    entry_ids: string[][];
    bibliography_errors: { index: number; itemID: string; error_code: number }[];
    bibstart: string;
    bibend: string;
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CiteprocCitationItem[]): string;
    makeBibliography(): [CiteprocBibliographyMeta, string[]] | false;
  }
  const CSL: { Engine: typeof Engine; POSITION_SUBSEQUENT: number };
  export default CSL;
}
