/**
 * A compact wire form of the editions for the browser bundle: every text the
 * reader can rebuild exactly is left out — `Edition.text`, each block's and
 * footnote's `text` (the plain text of its inlines), and each sentence's
 * `text` and `address` (a slice of that text; the parent address plus its
 * 1-based position). That drops the editions' share of the initial
 * JavaScript from about 29 KB to about 17 KB gzipped (bench/reader.ts).
 *
 * What it is for: `app/build/editions-plugin.ts` packs at build time (and
 * checks that unpacking gives back exactly what the pipeline produced, or
 * fails the build); `app/main.tsx` unpacks. What it is not for: storage or
 * export — packed editions are an internal build artefact, not a format.
 */
import {
  BLOCK_SEPARATOR,
  type Address,
  type Block,
  type Edition,
  type Footnote,
  type Sentence,
} from '../../sources/edition.ts';
import { inlineText } from '../state/inline-segments.ts';

/** A sentence without what its parent implies. */
export interface PackedSentence {
  /** Offset in the parent's text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
}

/** A block without its derivable texts. */
export type PackedBlock = Omit<Block, 'text' | 'sentences'> & {
  readonly sentences: readonly PackedSentence[];
};
/** A footnote without its derivable texts. */
export type PackedFootnote = Omit<Footnote, 'text' | 'sentences'> & {
  readonly sentences: readonly PackedSentence[];
};
/** An edition without its derivable texts. */
export type PackedEdition = Omit<Edition, 'text' | 'blocks' | 'footnotes'> & {
  readonly blocks: readonly PackedBlock[];
  readonly footnotes: readonly PackedFootnote[];
};

const packSentences = (sentences: readonly Sentence[]): PackedSentence[] =>
  sentences.map((s) => ({ start: s.start, end: s.end }));

/** Drops the derivable texts. Check with `unpackEditions` that nothing was lost (the plugin does). */
export function packEditions(editions: readonly Edition[]): PackedEdition[] {
  return editions.map(({ text: _text, blocks, footnotes, ...rest }) => ({
    ...rest,
    blocks: blocks.map(({ text: _t, sentences, ...b }) => ({
      ...b,
      sentences: packSentences(sentences),
    })),
    footnotes: footnotes.map(({ text: _t, sentences, ...f }) => ({
      ...f,
      sentences: packSentences(sentences),
    })),
  }));
}

function unpackSentences(
  parent: Address,
  text: string,
  sentences: readonly PackedSentence[],
): Sentence[] {
  return sentences.map((s, i) => ({
    address: `${parent}.${i + 1}` as Address,
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
  }));
}

/** Rebuilds the full editions. */
export function unpackEditions(packed: readonly PackedEdition[]): Edition[] {
  return packed.map(({ blocks, footnotes, ...rest }) => {
    const fullBlocks: Block[] = blocks.map((b) => {
      const text = inlineText(b.inlines);
      return { ...b, text, sentences: unpackSentences(b.address, text, b.sentences) };
    });
    const fullFootnotes: Footnote[] = footnotes.map((f) => {
      const text = inlineText(f.inlines);
      return { ...f, text, sentences: unpackSentences(f.address, text, f.sentences) };
    });
    const text = [...fullBlocks, ...fullFootnotes].map((p) => p.text).join(BLOCK_SEPARATOR);
    return { ...rest, text, blocks: fullBlocks, footnotes: fullFootnotes };
  });
}
