import { describe, expect, it } from 'vitest';
import type { Box } from '../../app/floating/box.ts';
import { cornerBox, WELCOME_MARGIN, welcomeCorner } from '../../app/views/welcome-corner.ts';

const WINDOW = { width: 1440, height: 900 };
const CARD = { width: 384, height: 300 };
const box = (left: number, top: number, right: number, bottom: number): Box => ({
  left,
  top,
  right,
  bottom,
});

describe('cornerBox', () => {
  it('puts the card in a bottom corner, the margin from the edges', () => {
    expect(cornerBox('end', CARD, WINDOW)).toEqual(
      box(
        1440 - WELCOME_MARGIN - 384,
        900 - WELCOME_MARGIN - 300,
        1440 - WELCOME_MARGIN,
        900 - WELCOME_MARGIN,
      ),
    );
    expect(cornerBox('start', CARD, WINDOW)).toEqual(
      box(WELCOME_MARGIN, 900 - WELCOME_MARGIN - 300, WELCOME_MARGIN + 384, 900 - WELCOME_MARGIN),
    );
  });
});

describe('welcomeCorner', () => {
  it('takes the end corner when nothing is to be avoided, or nothing there', () => {
    expect(welcomeCorner(CARD, WINDOW, [])).toBe('end');
    // A passage at the top of the right pane, above the card.
    expect(welcomeCorner(CARD, WINDOW, [box(800, 150, 1300, 500)])).toBe('end');
  });

  it('takes the start corner when the passage is under the end one', () => {
    expect(welcomeCorner(CARD, WINDOW, [box(800, 150, 1300, 700)])).toBe('start');
  });

  it('waits (null) when the passage is under both corners, as a long one on a phone is', () => {
    const phone = { width: 420, height: 860 };
    const card = { width: 388, height: 320 };
    expect(welcomeCorner(card, phone, [box(40, 120, 400, 700)])).toBeNull();
    // Scrolled up out of the way, the card can show again.
    expect(welcomeCorner(card, phone, [box(40, -400, 400, 180)])).toBe('end');
  });

  it('checks every box of the passage (a passage split over lines or columns)', () => {
    const lines = [box(800, 150, 1300, 170), box(40, 800, 300, 820)];
    expect(welcomeCorner(CARD, WINDOW, lines)).toBe('end');
    expect(welcomeCorner(CARD, WINDOW, [...lines, box(1200, 700, 1300, 720)])).toBeNull();
  });

  it('treats boxes that only touch as not overlapping', () => {
    const end = cornerBox('end', CARD, WINDOW);
    expect(welcomeCorner(CARD, WINDOW, [box(end.left, 0, end.right, end.top)])).toBe('end');
  });
});
