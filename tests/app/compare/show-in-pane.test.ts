import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import { showInPane } from '../../../app/compare/show-in-pane.ts';
import { markRanges } from '../../../app/compare/related-panel.tsx';
import { initialReaderState } from '../../../app/state/reader-state.ts';

const editions = builtinEditions();
const start = initialReaderState(editions);
const [left, right] = start.panes;

describe('showInPane', () => {
  it('marks and reveals the passage in the pane that shows its source, focusing that pane', () => {
    const next = showInPane(start, editions, 1, `${right}:4.2`);
    expect(next.panes).toEqual(start.panes);
    expect(next.activePane).toBe(1);
    expect(next.current).toBe(`${right}:4.2`);
    expect(next.marked).toEqual([`${right}:4.2`]);
    expect(next.reveal?.address).toBe(`${right}:4.2`);
    expect(showInPane(next, editions, 1, `${right}:4.2`).reveal!.seq).toBeGreaterThan(
      next.reveal!.seq,
    );
  });

  it('asked for the other pane of a shown source, swaps so one source is never shown twice', () => {
    const next = showInPane(start, editions, 1, `${left}:2`);
    expect(next.panes).toEqual([right, left]);
    expect(next.activePane).toBe(1);
    expect(next.marked).toEqual([`${left}:2`]);
  });

  it('marks every paragraph of a range', () => {
    expect(showInPane(start, editions, 1, `${right}:3-4`).marked).toEqual([
      `${right}:3`,
      `${right}:4`,
    ]);
  });

  describe('when it fails', () => {
    it('an unknown passage leaves the panes and the location alone and says why', () => {
      const next = showInPane(start, editions, 1, `${right}:999`);
      expect(next.panes).toEqual(start.panes);
      expect(next.current).toBe(start.current);
      expect(next.notice).toMatch(/ has no ¶999: it has paragraphs /);
    });
  });
});

describe('markRanges', () => {
  it('cuts text into plain and marked pieces that spell it exactly', () => {
    const text = 'Russia and North Korea: the railway';
    const pieces = markRanges(text, [
      { start: 0, end: 6 },
      { start: 28, end: 35 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['Russia', 'railway']);
  });

  describe('when it fails', () => {
    it('ranges out of bounds or overlapping are clamped; the text is never lost or doubled', () => {
      const text = 'abcdef';
      const pieces = markRanges(text, [
        { start: 2, end: 4 },
        { start: 3, end: 99 },
      ]);
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      expect(markRanges('', [{ start: 0, end: 3 }])).toEqual([]);
    });
  });
});
