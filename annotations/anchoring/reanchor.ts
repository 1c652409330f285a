/**
 * Re-anchoring accuracy: applies a scripted edit to a text, re-anchors a set
 * of annotations made on the unedited text, and classifies each outcome
 * against what should have happened.
 *
 * What it is for: the re-anchoring baselines in
 * `tests/annotations/anchoring/reanchor.test.ts` and the figure in
 * `npm run bench` (`bench/annotations.ts`), which must measure the same
 * thing. What it is not for: the app; a real edition changes by being
 * re-published, not by `applyEdit`.
 *
 * What should happen (issue 5, "Anchoring"): an annotation *outside* the
 * edited span lands exactly where it was, shifted by the edit's length
 * change; one *inside* it is placed approximately, overlapping where its text
 * went, or reported unplaced. It is never dropped and never placed elsewhere.
 */
import { anchor, type AnchorResult } from './anchor.ts';
import type { AnchorSelectors } from './types.ts';

/** A scripted edit: replace the one occurrence of `find` with `replace`. */
export interface TextEdit {
  /** What the edit models, e.g. "typo fixed: «It worth noting»". */
  readonly name: string;
  /** Text to replace; must occur exactly once in the text. */
  readonly find: string;
  /** Replacement (empty to delete). */
  readonly replace: string;
}

/** An edit applied to a text, reduced to the span that actually changed. */
export interface AppliedEdit {
  /** The edited text. */
  readonly text: string;
  /** Where the edit starts (the same offset in old and new text). */
  readonly start: number;
  /** End of the replaced span in the old text. */
  readonly oldEnd: number;
  /** End of the replacement in the new text. */
  readonly newEnd: number;
}

/** Applies `edit` to `text`. Throws if `find` does not occur exactly once: a baseline's script is wrong, not its data. */
export function applyEdit(text: string, edit: TextEdit): AppliedEdit {
  const start = text.indexOf(edit.find);
  if (start === -1 || !edit.find) throw new Error(`edit "${edit.name}": text to replace not found`);
  if (text.indexOf(edit.find, start + 1) !== -1) {
    throw new Error(`edit "${edit.name}": text to replace occurs more than once`);
  }
  // The script quotes some surrounding text so that `find` is unique; the
  // edit proper is what differs between `find` and `replace`.
  const { find, replace } = edit;
  let same = 0;
  while (same < find.length && same < replace.length && find[same] === replace[same]) same++;
  let tail = 0;
  while (
    tail < find.length - same &&
    tail < replace.length - same &&
    find[find.length - 1 - tail] === replace[replace.length - 1 - tail]
  ) {
    tail++;
  }
  return {
    text: text.slice(0, start) + replace + text.slice(start + find.length),
    start: start + same,
    oldEnd: start + find.length - tail,
    newEnd: start + replace.length - tail,
  };
}

/** How one annotation fared. The first three are correct outcomes; the last three are errors. */
export type ReanchorOutcome =
  /** Outside the edit, and placed exactly at its shifted offsets. */
  | 'kept'
  /** Inside the edit, and placed overlapping where its text went. */
  | 'placed-approximately'
  /** Inside the edit, and reported unplaced. */
  | 'unplaced'
  /** Outside the edit, but placed somewhere else. */
  | 'moved'
  /** Outside the edit, but reported unplaced. */
  | 'lost'
  /** Inside the edit, and placed somewhere that does not overlap where its text went. */
  | 'misplaced';

/** The outcomes that count as correct. */
export const CORRECT_OUTCOMES: ReadonlySet<ReanchorOutcome> = new Set([
  'kept',
  'placed-approximately',
  'unplaced',
]);

/** One annotation's re-anchoring. */
export interface ReanchorCase {
  /** The selectors made on the unedited text. */
  readonly selectors: AnchorSelectors;
  /** Whether its span overlaps the edited span. */
  readonly touched: boolean;
  /** Where it should be after the edit (for touched ones, where its text went). */
  readonly expected: { readonly start: number; readonly end: number };
  /** What anchoring returned. */
  readonly result: AnchorResult;
  /** The classification. */
  readonly outcome: ReanchorOutcome;
}

/** A summary of one edit's re-anchoring. */
export interface ReanchorReport {
  /** The edit. */
  readonly edit: TextEdit;
  /** One case per input annotation, in input order (none is ever dropped). */
  readonly cases: readonly ReanchorCase[];
  /** How many cases had each outcome. */
  readonly counts: Readonly<Record<ReanchorOutcome, number>>;
  /** Share of cases with a correct outcome, 0..1 (1 when there are none). */
  readonly accuracy: number;
}

/**
 * Maps an offset of the old text to the new text; offsets inside the edit are
 * clamped into the replacement. At the edit's edges a start goes with the text
 * after it and an end with the text before it: a word inserted just before a
 * highlight pushes the highlight along.
 */
function mapOffset(offset: number, e: AppliedEdit, isEnd: boolean): number {
  if (isEnd ? offset <= e.start : offset < e.start) return offset;
  if (offset >= e.oldEnd) return offset + (e.newEnd - e.oldEnd);
  return isEnd ? e.newEnd : e.start;
}

/** Re-anchors `annotations` (made on `text`) after applying `edit`, and classifies each outcome. */
export function reanchorAfterEdit(
  text: string,
  annotations: readonly AnchorSelectors[],
  edit: TextEdit,
): ReanchorReport {
  const applied = applyEdit(text, edit);
  const doc = { text: applied.text };
  const counts: Record<ReanchorOutcome, number> = {
    kept: 0,
    'placed-approximately': 0,
    unplaced: 0,
    moved: 0,
    lost: 0,
    misplaced: 0,
  };
  const cases = annotations.map((selectors): ReanchorCase => {
    const pos = selectors.position ?? { start: 0, end: 0 };
    // Insertions (start === oldEnd) touch an annotation only strictly inside it.
    const touched =
      applied.start === applied.oldEnd
        ? pos.start < applied.start && applied.start < pos.end
        : pos.start < applied.oldEnd && applied.start < pos.end;
    const expected = {
      start: mapOffset(pos.start, applied, false),
      end: mapOffset(pos.end, applied, true),
    };
    const result = anchor(doc, selectors);
    let outcome: ReanchorOutcome;
    if (!touched) {
      outcome = !result.placed
        ? 'lost'
        : result.start === expected.start && result.end === expected.end
          ? 'kept'
          : 'moved';
    } else if (!result.placed) {
      outcome = 'unplaced';
    } else {
      const overlaps =
        result.start < Math.max(expected.end, expected.start + 1) && expected.start < result.end;
      outcome = overlaps ? 'placed-approximately' : 'misplaced';
    }
    counts[outcome]++;
    return { selectors, touched, expected, result, outcome };
  });
  const correct = cases.filter((c) => CORRECT_OUTCOMES.has(c.outcome)).length;
  return { edit, cases, counts, accuracy: cases.length ? correct / cases.length : 1 };
}
