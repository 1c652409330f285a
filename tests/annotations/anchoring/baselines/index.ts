/**
 * The re-anchoring baselines: realistic annotations on the two seed texts,
 * and the scripted edits applied to them (`edits.json`). Shared by
 * `../reanchor.test.ts` and `bench/annotations.ts`.
 *
 * Recipe for the annotations (deterministic, so the baseline moves only when
 * the edition does). For every numbered paragraph and every footnote:
 *  1. its first sentence, whole;
 *  2. its last sentence, whole (if it has more than one);
 *  3. a phrase: words 2–6 of its middle sentence;
 *  4. a single word: the third word of its first sentence — often a short,
 *     repeated word ("the", "Russia"), which tests disambiguation by context.
 * For every other block but chrome (title, headings, captions…): its first
 * sentence. And every fifth paragraph, a selection from the last 20 characters of it
 * into the first 20 of the next block (a drag across a paragraph break).
 * Then, densely around each scripted edit: 150 pseudo-random selections
 * (3–122 characters, starting from 250 characters before the edited text to
 * 150 after its start), so that many annotations are cut by, or border on,
 * each edit — the cases where anchoring has to decide.
 * Each selection goes through `describe`, as a reader's selection would.
 *
 * Adding a baseline: add the source's edits to `edits.json` (each `find`
 * must occur exactly once in `Edition.text`; model a real correction —
 * a typo fixed, a sentence inserted or deleted, paragraphs joined), run
 * `npx vitest run --project unit tests/annotations/anchoring/reanchor.test.ts`,
 * and if an annotation is misplaced, either fix anchoring or record it in
 * `KNOWN_FAILURES` in that test with the reason.
 */
import { readFileSync } from 'node:fs';
import { describe } from '../../../../annotations/anchoring/describe.ts';
import type { TextEdit } from '../../../../annotations/anchoring/reanchor.ts';
import type { DescribedSelectors } from '../../../../annotations/anchoring/describe.ts';
import type { Block, Edition, Footnote } from '../../../../sources/edition.ts';

/** The scripted edits per source id. */
export const BASELINE_EDITS: Readonly<Record<string, readonly TextEdit[]>> = JSON.parse(
  readFileSync(new URL('./edits.json', import.meta.url), 'utf8'),
) as Record<string, TextEdit[]>;

/** A baseline annotation: a name saying which recipe step made it, and its selectors. */
export interface BaselineAnnotation {
  /** e.g. `lankov-2007:12 first sentence`. */
  readonly name: string;
  /** What `describe` built for the selection. */
  readonly selectors: DescribedSelectors;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** `[start, end)` of words `from`..`to` (1-based, inclusive) of `text`, or null if it has fewer. */
function wordSpan(text: string, from: number, to: number): [number, number] | null {
  const words = [...text.matchAll(WORD_RE)];
  const a = words[from - 1];
  const b = words[Math.min(to, words.length) - 1];
  if (!a || !b || words.length < from) return null;
  return [a.index, b.index + b[0].length];
}

/** The baseline annotations of an edition, by the recipe above. */
export function baselineAnnotations(edition: Edition): BaselineAnnotation[] {
  const out: BaselineAnnotation[] = [];
  const add = (name: string, start: number, end: number): void => {
    const selectors = describe(edition, start, end);
    if (selectors) out.push({ name, selectors });
  };
  const passages: (Block | Footnote)[] = [
    ...edition.blocks.filter((b) => b.n !== undefined),
    ...edition.footnotes,
  ];
  for (const p of passages) {
    const first = p.sentences[0];
    const last = p.sentences.at(-1);
    const middle = p.sentences[Math.floor(p.sentences.length / 2)];
    if (first) add(`${p.address} first sentence`, p.start + first.start, p.start + first.end);
    if (last && last !== first) add(`${p.address} last sentence`, p.start + last.start, p.start + last.end);
    const phrase = middle && wordSpan(middle.text, 2, 6);
    if (middle && phrase) add(`${p.address} phrase`, p.start + middle.start + phrase[0], p.start + middle.start + phrase[1]);
    const word = first && wordSpan(first.text, 3, 3);
    if (first && word) add(`${p.address} word`, p.start + first.start + word[0], p.start + first.start + word[1]);
  }
  for (const b of edition.blocks) {
    const first = b.sentences[0];
    if (b.n === undefined && b.role !== 'chrome' && first) {
      add(`${b.address} first sentence`, b.start + first.start, b.start + first.end);
    }
  }
  const numbered = edition.blocks.filter((b) => b.n !== undefined);
  numbered.forEach((b, i) => {
    const next = edition.blocks[edition.blocks.indexOf(b) + 1];
    if (i % 5 === 4 && next) add(`${b.address} across the break`, b.end - 20, next.start + 20);
  });
  let seed = 11;
  const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  (BASELINE_EDITS[edition.id] ?? []).forEach((edit, k) => {
    const at = edition.text.indexOf(edit.find);
    for (let i = 0; i < 150; i++) {
      const start = Math.max(0, at - 250 + Math.floor(random() * 400));
      add(`near edit ${k + 1}`, start, start + 3 + Math.floor(random() * 120));
    }
  });
  return out;
}
