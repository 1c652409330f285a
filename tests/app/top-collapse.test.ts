import { describe, expect, it } from 'vitest';
import {
  HIDE_AFTER_PX,
  nextTopCollapse,
  SHOW_AFTER_PX,
  TOP_SHOWN,
  type TopCollapse,
} from '../../app/hooks/top-collapse.ts';

const TOP = 315;
/** Scrolls from `from` by each delta in turn. */
function scroll(state: TopCollapse, from: number, deltas: readonly number[]): TopCollapse {
  let top = from;
  let s = state;
  for (const delta of deltas) {
    top += delta;
    s = nextTopCollapse(s, { scrollTop: top, delta, topHeight: TOP });
  }
  return s;
}

describe('nextTopCollapse', () => {
  it('hides once the reader has scrolled down far enough in one go, past the top’s own height', () => {
    expect(scroll(TOP_SHOWN, 1000, [20, 20]).hidden).toBe(false);
    expect(scroll(TOP_SHOWN, 1000, [20, 20, 20]).hidden).toBe(true);
    expect(scroll(TOP_SHOWN, 1000, [HIDE_AFTER_PX]).hidden).toBe(true);
  });

  it('stays while the start of the text is in view', () => {
    expect(scroll(TOP_SHOWN, 0, [100, 100, 100]).hidden).toBe(false);
  });

  it('does not add up a nudge down and a nudge up', () => {
    expect(scroll(TOP_SHOWN, 1000, [30, -10, 30]).hidden).toBe(false);
  });

  it('comes back on scrolling up, and at the start of the text', () => {
    const hidden = scroll(TOP_SHOWN, 1000, [100]);
    expect(hidden.hidden).toBe(true);
    expect(scroll(hidden, 1100, [-(SHOW_AFTER_PX - 1)]).hidden).toBe(true);
    expect(scroll(hidden, 1100, [-SHOW_AFTER_PX]).hidden).toBe(false);
    expect(nextTopCollapse(hidden, { scrollTop: 200, delta: 5, topHeight: TOP })).toEqual(
      TOP_SHOWN,
    );
  });
});
