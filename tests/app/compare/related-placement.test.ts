import { describe, expect, it } from 'vitest';
import type { Box } from '../../../app/floating/box.ts';
import { MIN_CLEAR_HEIGHT, relatedPlacement } from '../../../app/compare/related-placement.ts';

const view = { width: 1400, height: 900 };
const panel = { width: 544, height: 495 };
const box = (top: number, bottom: number, left = 40, right = 680): Box => ({
  top,
  bottom,
  left,
  right,
});

describe('relatedPlacement', () => {
  it('prefers below the paragraph, then above, then the larger of the two, then beside, then over it', () => {
    expect(relatedPlacement(box(100, 300), panel, view, 8, 8).placement).toBe('bottom-end');
    expect(relatedPlacement(box(600, 800), panel, view, 8, 8).placement).toBe('top-end');
    // A tall paragraph in the middle: below it, capped, while that leaves a useful height.
    expect(relatedPlacement(box(200, 600), panel, view, 8, 8)).toEqual({
      placement: 'bottom-end',
      keepClear: true,
    });
    // Taller still: beside it, on the side with room.
    expect(relatedPlacement(box(150, 760), panel, view, 8, 8).placement).toBe('right-start');
    expect(relatedPlacement(box(150, 760, 720, 1360), panel, view, 8, 8).placement).toBe(
      'left-start',
    );
    // No room anywhere (a phone): the larger of below and above.
    const phone = { width: 420, height: 860 };
    const wide = { width: 404, height: 473 };
    expect(relatedPlacement(box(100, 500, 10, 410), wide, phone, 8, 8).placement).toBe(
      'bottom-end',
    );
    expect(relatedPlacement(box(400, 800, 10, 410), wide, phone, 8, 8).placement).toBe('top-end');
  });

  it('keeps clear of the paragraph, capped to the room, unless the room is a sliver', () => {
    const phone = { width: 420, height: 860 };
    const big = { width: 404, height: 473 };
    expect(relatedPlacement(box(270, 530, 10, 410), big, phone, 8, 8)).toEqual({
      placement: 'bottom-end',
      keepClear: true,
    });
    // A paragraph nearly as tall as the window: over it, as the only way to show the panel.
    const tall = relatedPlacement(
      box(80, 860 - 16 - MIN_CLEAR_HEIGHT + 60, 10, 410),
      big,
      phone,
      8,
      8,
    );
    expect(tall.keepClear).toBe(false);
    expect(relatedPlacement(box(100, 300), panel, view, 8, 8).keepClear).toBe(true);
  });

  it('counts the gap and the padding as used room', () => {
    // Exactly enough below with them, one pixel short without.
    const bottom = view.height - 8 - 8 - panel.height;
    expect(relatedPlacement(box(10, bottom), panel, view, 8, 8).placement).toBe('bottom-end');
    expect(relatedPlacement(box(600, bottom + 1), panel, view, 8, 8).placement).not.toBe(
      'bottom-end',
    );
  });
});
