/**
 * What the pipeline's plugins record on mdast nodes, declared once by module
 * augmentation (the pattern mdast's own typings document). Plugins write
 * these fields; `to-edition.ts` reads them.
 */
import type { BlockRole, RunLanguage } from './edition.ts';

/** Where a block's text came from in the input (one entry per page-broken fragment). */
export interface Fragment {
  /** Offset in the input where the fragment's source starts. */
  readonly inputStart: number;
  /** Offset in the input where it ends (exclusive). */
  readonly inputEnd: number;
}

/** A footnote reference in running text (replaces a superscript marker). */
export interface FootnoteRefNode {
  type: 'diptychFootnoteRef';
  /** The footnote number. */
  n: number;
  /** The marker as printed, e.g. `¹⁰`. */
  marker: string;
}

declare module 'mdast' {
  interface Data {
    /** Set by `blockRoles` on every top-level block. */
    role?: BlockRole;
    /** Name of the editorial declaration that set the role, if any. */
    declaration?: string;
    /** Set by `pageBreakRepair`: the input spans joined into this block. */
    fragments?: Fragment[];
    /** Set by `footnotes` on a definition: its number. */
    footnoteNumber?: number;
    /** Set by `languageRuns` on text nodes in Cyrillic or Hangul. */
    lang?: RunLanguage;
    /** Set by `addresses` on every block. */
    address?: string;
    /** Set by `addresses` on numbered blocks. */
    n?: number;
  }
  interface PhrasingContentMap {
    diptychFootnoteRef: FootnoteRefNode;
  }
  interface RootData {
    /** Set by `footnotes`: definitions removed from the running text, in input order. */
    footnotes?: import('mdast').RootContent[];
  }
}

/** Any node of the pipeline's trees: mdast's nodes plus our footnote reference. */
export type AnyNode = import('mdast').Nodes | FootnoteRefNode;
