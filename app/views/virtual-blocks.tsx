/**
 * Renders only the blocks of a long edition that are near the pane's
 * viewport (issue 12, item 3: a 100,000-paragraph text took 143 s to render
 * whole and 3.8 s per scroll frame). Blocks are grouped in chunks of
 * `CHUNK` blocks; chunks near the viewport are rendered, the others are
 * replaced by empty spacers of their measured (or, before they were ever
 * rendered, estimated) height, so the scrollbar spans the whole text.
 *
 * What stays true: every rendered passage is the same `BlockView` with its
 * `data-address` and `data-anchor-ignore` contract (spacers hold no text),
 * so selection, highlights and anchoring work on what is on screen. Chunks
 * holding a marked address (`aria-current`, a followed link, j/k, search)
 * are always rendered, so `useReveal` finds its element wherever it is.
 * Chromium's scroll anchoring keeps the text under the reader's eyes still
 * when a chunk above it is rendered at a height other than its estimate.
 *
 * What it gives up: the browser's find-in-page only sees rendered text (the
 * reader's search covers the whole text), and pane sync cannot scroll a
 * virtualised pane to a passage that is not rendered. The built-in editions
 * are short enough (`VIRTUALIZE_ABOVE`) never to be virtualised, so their
 * prerendered first paint is unchanged.
 *
 * Renders no text itself: `render` does.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Block } from '../../sources/edition.ts';

/**
 * Blocks per chunk: the unit of rendering. Small enough that the first chunk of a newly added
 * long text (rendered, styled and laid out in the tasks that paint it) stays well under 200 ms
 * on a loaded machine (issue 12; 50 took ~170 ms to render and ~190 ms to lay out and paint);
 * large enough that one still fills a screen with short paragraphs.
 */
export const CHUNK = 25;
/** Chunks rendered before the pane has been measured: one fills a screen; the rest follow a frame later. */
const INITIAL_CHUNKS = 1;
/** First guess of pixels per unit of `weight` until chunks have been measured. */
const INITIAL_PX_PER_WEIGHT = 0.4;
/** A block's weight beyond its characters (margins, short last line). */
const BLOCK_WEIGHT = 70;

/** Props of `VirtualBlocks`. */
export interface VirtualBlocksProps {
  readonly blocks: readonly Block[];
  /** Addresses marked current: their chunks are always rendered. */
  readonly marked: ReadonlySet<string>;
  /** The pane's scrolling element. */
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** Renders one block (with its key). */
  readonly render: (block: Block) => ReactNode;
}

/** The chunks to render: [first, last] near the viewport. */
type Range = readonly [number, number];

/**
 * The chunk holding `address` (a sentence address resolves through its block), found by a scan:
 * only the few marked addresses are ever looked up, where a map of every address would cost the
 * first render of a 100,000-block text a long task (issue 12).
 */
function chunkOfAddress(blocks: readonly Block[], address: string): number | undefined {
  const dot = address.lastIndexOf('.');
  const block = dot > address.indexOf(':') ? address.slice(0, dot) : address;
  for (let i = 0; i < blocks.length; i++) {
    const at = blocks[i]!.address;
    if (at === address || at === block) return Math.floor(i / CHUNK);
  }
  return undefined;
}

/**
 * Each chunk's weight: the characters it spans in the edition's text (`start` of its first block
 * to `end` of its last) plus `BLOCK_WEIGHT` per block. Two reads per chunk, not one per block:
 * summing 100,000 blocks' text lengths walked the whole edition's objects in the first render's
 * task (~100 ms of it on a loaded machine, issue 12). The separators between blocks are counted
 * too, the same for every chunk, so the scale measured from rendered chunks absorbs them.
 */
function chunkWeights(blocks: readonly Block[]): Float64Array {
  const weights = new Float64Array(Math.ceil(blocks.length / CHUNK));
  for (let chunk = 0; chunk < weights.length; chunk++) {
    const first = blocks[chunk * CHUNK]!;
    const count = Math.min(CHUNK, blocks.length - chunk * CHUNK);
    const last = blocks[chunk * CHUNK + count - 1]!;
    weights[chunk] = Math.max(0, last.end - first.start) + count * BLOCK_WEIGHT;
  }
  return weights;
}

/** Long editions' blocks, rendered a window at a time. */
export function VirtualBlocks({
  blocks,
  marked,
  scrollRef,
  render,
}: VirtualBlocksProps): ReactNode {
  const chunkCount = Math.ceil(blocks.length / CHUNK);
  const weights = useMemo(() => chunkWeights(blocks), [blocks]);
  const [range, setRange] = useState<Range>([0, Math.min(INITIAL_CHUNKS, chunkCount) - 1]);
  // The measured height of every chunk rendered so far; a spacer keeps its chunk's height.
  const [measured, setMeasured] = useState<ReadonlyMap<number, number>>(() => new Map());
  /** The height each spacer chunk was given in the last commit (what the DOM holds). */
  const given = useRef(new Float64Array(chunkCount));
  const wrapper = useRef<HTMLDivElement>(null);

  // Rendered chunks are measured by a ResizeObserver, which reports their heights from the
  // frame's own layout: reading boxes in an effect instead forced a layout of the freshly
  // rendered window in a task of its own (~90 ms of a 100,000-block text's first paint on a
  // loaded machine, issue 12). It also follows a chunk whose height changes later (a narrower
  // pane, a font loaded).
  const [resize] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) =>
          setMeasured((before) => {
            let after = before;
            for (const entry of entries) {
              const el = entry.target as HTMLElement;
              const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
              const chunk = Number(el.dataset.chunk);
              if (!el.isConnected || !(height > 0) || before.get(chunk) === height) continue;
              if (after === before) after = new Map(before);
              (after as Map<number, number>).set(chunk, height);
            }
            return after;
          }),
        ),
  );
  useEffect(() => () => resize?.disconnect(), [resize]);
  /** A chunk's element: observed while it is rendered. */
  const observe = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || !resize) return;
      resize.observe(el);
      return () => resize.unobserve(el);
    },
    [resize],
  );
  /** Pixels per unit of weight, from the chunks measured so far. */
  const pxPerWeight = useMemo(() => {
    let px = 0;
    let weight = 0;
    for (const [chunk, height] of measured) {
      px += height;
      weight += weights[chunk] ?? 0;
    }
    return weight > 0 ? px / weight : INITIAL_PX_PER_WEIGHT;
  }, [measured, weights]);

  const forced = useMemo(() => {
    const chunks = new Set<number>();
    for (const address of marked) {
      const chunk = chunkOfAddress(blocks, address);
      if (chunk !== undefined) chunks.add(chunk);
    }
    return chunks;
  }, [marked, blocks]);

  const estimate = (chunk: number): number => measured.get(chunk) ?? weights[chunk]! * pxPerWeight;

  // Which chunks cover the viewport (plus one viewport of margin each side), read from the DOM.
  const update = useCallback(() => {
    const scroller = scrollRef.current;
    const root = wrapper.current;
    if (!scroller || !root) return;
    const origin = root.getBoundingClientRect().top;
    const view = scroller.getBoundingClientRect();
    const top = view.top - origin - view.height;
    const bottom = view.bottom - origin + view.height;
    let first = -1;
    let last = -1;
    const see = (chunk: number): void => {
      if (first === -1) first = chunk;
      last = chunk;
    };
    for (const el of root.children) {
      const box = el.getBoundingClientRect();
      const elTop = box.top - origin;
      if (elTop > bottom) break;
      const from = Number((el as HTMLElement).dataset.from);
      const to = Number((el as HTMLElement).dataset.to);
      if (box.bottom - origin < top) continue;
      let y = elTop;
      for (let chunk = from; chunk <= to; chunk++) {
        const height = from === to ? box.height : given.current[chunk]!;
        if (y + height >= top && y <= bottom) see(chunk);
        y += height;
      }
    }
    if (first === -1) return;
    setRange((r) => (r[0] === first && r[1] === last ? r : [first, last]));
  }, [scrollRef]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    let frame = 0;
    const onScroll = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    onScroll();
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [scrollRef, update]);

  // New measurements redraw the spacers, which moves the rendered chunks (scroll anchoring has no
  // rendered text to hold on to after a jump: the viewport showed only a spacer), and no scroll
  // event says so: a jump far into the text would leave the chunks rendered for the viewport far
  // from it (a blank pane until the next scroll). Which chunks cover the viewport is read again
  // a frame later; it settles once the chunks there are measured.
  useEffect(() => {
    if (measured.size === 0) return;
    const frame = requestAnimationFrame(update);
    return () => cancelAnimationFrame(frame);
  }, [measured, update]);

  // What each spacer chunk is given in this render, published to `update` once committed.
  const rendered = (chunk: number): boolean =>
    (chunk >= range[0] && chunk <= range[1]) || forced.has(chunk);
  const heights = Float64Array.from({ length: chunkCount }, (_, chunk) =>
    rendered(chunk) ? 0 : estimate(chunk),
  );
  useLayoutEffect(() => {
    given.current = heights;
  });

  const segments: ReactNode[] = [];
  let spacerFrom = -1;
  let spacerHeight = 0;
  const flush = (to: number): void => {
    if (spacerFrom === -1) return;
    segments.push(
      <div
        key={`s${spacerFrom}`}
        className="vspacer"
        aria-hidden="true"
        data-anchor-ignore=""
        data-from={spacerFrom}
        data-to={to}
        style={{ height: `${spacerHeight}px` }}
      />,
    );
    spacerFrom = -1;
    spacerHeight = 0;
  };
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    if (rendered(chunk)) {
      flush(chunk - 1);
      segments.push(
        <div
          key={`c${chunk}`}
          ref={observe}
          className="vchunk"
          data-chunk={chunk}
          data-from={chunk}
          data-to={chunk}
        >
          {blocks.slice(chunk * CHUNK, (chunk + 1) * CHUNK).map(render)}
        </div>,
      );
    } else {
      if (spacerFrom === -1) spacerFrom = chunk;
      spacerHeight += heights[chunk]!;
    }
  }
  flush(chunkCount - 1);
  return (
    <div ref={wrapper} className="vblocks" data-virtual-blocks={blocks.length}>
      {segments}
    </div>
  );
}
