/**
 * A compact wire form of the editions for the browser bundle: every text the
 * reader can rebuild exactly is left out — `Edition.text`, each block's and
 * footnote's `text` (the plain text of its inlines), and each sentence's
 * `text` and `address` (a slice of that text; the parent address plus its
 * 1-based position). Each block's and footnote's `start` and `end` are left
 * out too where they are where the edition's text puts them (one after the
 * other, `BLOCK_SEPARATOR` between), and a sentence is two numbers in a flat
 * list. That drops the editions' share of the initial JavaScript from about
 * 29 KB to about 15.3 KB gzipped (bench/reader.ts); the offsets were 0.9 KB
 * of it (numbers are what gzip compresses worst), the sentences' keys 0.2 KB.
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

/**
 * A passage's sentences without what the passage implies: each sentence's
 * start and end offsets in the passage's text, one after the other.
 */
export type PackedSentences = readonly number[];

/**
 * Where a passage is in the edition's text, kept only where it is not where
 * the passages before it put it (never, for the pipeline's editions).
 */
export interface PackedSpan {
  /** Offset in the edition's text. */
  readonly start?: number;
  /** End offset (exclusive). */
  readonly end?: number;
}

/** A block without its derivable texts and offsets. */
export type PackedBlock = Omit<Block, 'text' | 'sentences' | 'start' | 'end'> &
  PackedSpan & {
    readonly sentences: PackedSentences;
  };
/** A footnote without its derivable texts and offsets. */
export type PackedFootnote = Omit<Footnote, 'text' | 'sentences' | 'start' | 'end'> &
  PackedSpan & {
    readonly sentences: PackedSentences;
  };
/** An edition without its derivable texts. */
export type PackedEdition = Omit<Edition, 'text' | 'blocks' | 'footnotes'> & {
  readonly blocks: readonly PackedBlock[];
  readonly footnotes: readonly PackedFootnote[];
};

const packSentences = (sentences: readonly Sentence[]): PackedSentences =>
  sentences.flatMap((s) => [s.start, s.end]);

/**
 * Walks an edition's passages (blocks, then footnotes) as the edition's text
 * lays them out: `next(length)` gives a passage of that many characters its
 * place after the ones before it.
 */
function layout(): (length: number) => { readonly start: number; readonly end: number } {
  let at = 0;
  return (length) => {
    const span = { start: at, end: at + length };
    at = span.end + BLOCK_SEPARATOR.length;
    return span;
  };
}

/**
 * A passage's `start` and `end`, kept where they are not where `derived`
 * puts them. Mutates nothing; the derived place moves on either way.
 */
function packSpan(
  passage: { readonly text: string; readonly start: number; readonly end: number },
  next: ReturnType<typeof layout>,
): PackedSpan {
  const derived = next(passage.text.length);
  return {
    ...(passage.start === derived.start ? {} : { start: passage.start }),
    ...(passage.end === derived.end ? {} : { end: passage.end }),
  };
}

/** Drops the derivable texts. Check with `unpackEditions` that nothing was lost (the plugin does). */
export function packEditions(editions: readonly Edition[]): PackedEdition[] {
  return editions.map(({ text: _text, blocks, footnotes, ...rest }) => {
    const next = layout();
    return {
      ...rest,
      blocks: blocks.map(({ text, sentences, start, end, ...b }) => ({
        ...b,
        ...packSpan({ text, start, end }, next),
        sentences: packSentences(sentences),
      })),
      footnotes: footnotes.map(({ text, sentences, start, end, ...f }) => ({
        ...f,
        ...packSpan({ text, start, end }, next),
        sentences: packSentences(sentences),
      })),
    };
  });
}

function unpackSentences(parent: Address, text: string, packed: PackedSentences): Sentence[] {
  const sentences: Sentence[] = [];
  for (let i = 0; i + 1 < packed.length; i += 2) {
    const start = packed[i]!;
    const end = packed[i + 1]!;
    sentences.push({
      address: `${parent}.${i / 2 + 1}` as Address,
      text: text.slice(start, end),
      start,
      end,
    });
  }
  return sentences;
}

/** A passage's text, sentences and place in the edition's text, rebuilt. */
function unpackPassage<P extends PackedBlock | PackedFootnote>(
  { sentences, start, end, ...passage }: P,
  next: ReturnType<typeof layout>,
) {
  const text = inlineText(passage.inlines);
  const derived = next(text.length);
  return {
    ...passage,
    // The keys in the order the full form had them (it is serialised, e.g. for a digest).
    start: start ?? derived.start,
    end: end ?? derived.end,
    text,
    sentences: unpackSentences(passage.address, text, sentences),
  };
}

/** Rebuilds the full editions. */
export function unpackEditions(packed: readonly PackedEdition[]): Edition[] {
  return packed.map(({ blocks, footnotes, ...rest }) => {
    const next = layout();
    const fullBlocks: Block[] = blocks.map((b) => unpackPassage(b, next));
    const fullFootnotes: Footnote[] = footnotes.map((f) => unpackPassage(f, next));
    const text = [...fullBlocks, ...fullFootnotes].map((p) => p.text).join(BLOCK_SEPARATOR);
    return { ...rest, text, blocks: fullBlocks, footnotes: fullFootnotes };
  });
}
