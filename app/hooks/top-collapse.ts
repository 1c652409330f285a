/**
 * On a narrow screen the header, the text switch and the legend of the
 * comparison marks take about a third of the window (315 of 860 px at
 * 420 px wide). They step aside while the reader scrolls down through a text
 * by hand and come back as soon as the reader scrolls up, as a phone's
 * browser does with its address bar. This module is the decision alone, a
 * pure function of the last state and one scroll step; `use-top-collapse.ts`
 * feeds it the pane's scroll events.
 */

/** Where the top is, and how far the reader has scrolled in one direction since the last turn. */
export interface TopCollapse {
  readonly hidden: boolean;
  /** Pixels scrolled since the direction last changed: positive down, negative up. */
  readonly travel: number;
}

/** One scroll step of the pane the reader is in. */
export interface ScrollStep {
  /** The pane's new `scrollTop`. */
  readonly scrollTop: number;
  /** How far it moved since the last step (positive: down the text). */
  readonly delta: number;
  /** The height of what would be hidden: below this offset the text's start is still in view, so the top stays. */
  readonly topHeight: number;
}

/** Scrolled this far down in one go, the top steps aside: a nudge does not move it. */
export const HIDE_AFTER_PX = 48;
/** Scrolled this far back up, it returns. */
export const SHOW_AFTER_PX = 24;

export const TOP_SHOWN: TopCollapse = { hidden: false, travel: 0 };

/** The state after one scroll step. */
export function nextTopCollapse(state: TopCollapse, step: ScrollStep): TopCollapse {
  if (step.scrollTop <= step.topHeight) return TOP_SHOWN;
  const sameWay = Math.sign(step.delta) === Math.sign(state.travel);
  const travel = sameWay ? state.travel + step.delta : step.delta;
  if (!state.hidden && travel >= HIDE_AFTER_PX) return { hidden: true, travel: 0 };
  if (state.hidden && travel <= -SHOW_AFTER_PX) return { hidden: false, travel: 0 };
  return { hidden: state.hidden, travel };
}
