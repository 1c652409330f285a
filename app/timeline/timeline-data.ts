/**
 * The Timeline view's data: the dated events of the two panes' texts, the
 * links the comparisons make between them, and the chart's layout (each
 * mark's lane, sub-row and x span). Pure; no React, no DOM.
 *
 * What it is for: `timeline-view.tsx`. Not for: extraction
 * (`sources/timeline/`).
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import {
  extractEvents,
  referenceTime,
  timelineLinks,
  type DatePoint,
  type DatedEvent,
  type TimelineLink,
} from '../../sources/timeline/index.ts';

/** A mark on the chart. */
export interface TimelineMark {
  readonly event: DatedEvent;
  /** 0 (top lane) or 1. */
  readonly lane: number;
  /** Sub-row in its lane, so marks never overlap. */
  readonly row: number;
  /** Start and end on the time axis, in fractional years. */
  readonly x0: number;
  readonly x1: number;
}

/** Everything the view draws. */
export interface TimelineData {
  readonly marks: readonly TimelineMark[];
  readonly links: readonly TimelineLink[];
  /** Sub-rows per lane. */
  readonly rows: readonly [number, number];
  /** The axis's domain in fractional years. */
  readonly domain: readonly [number, number];
}

/** Fractional year of the start of a point. */
function startOf(p: DatePoint): number {
  return p.year + ((p.month ?? 1) - 1) / 12 + ((p.day ?? 1) - 1) / 365;
}

/** Fractional year of the end of a point (inclusive → exclusive). */
function endOf(p: DatePoint): number {
  if (p.day !== undefined) return startOf(p) + 1 / 365;
  if (p.month !== undefined) return p.year + p.month / 12;
  return p.year + 1;
}

/** The sentence address holding an offset of `Edition.text`, or undefined. */
export function sentenceAt(edition: Edition, offset: number): string | undefined {
  for (const part of [...edition.blocks, ...edition.footnotes]) {
    if (offset < part.start || offset >= part.end) continue;
    const local = offset - part.start;
    return part.sentences.find((s) => s.start <= local && local < s.end)?.address ?? part.address;
  }
  return undefined;
}

/** The timeline of two editions, linked by the comparisons between them. Pure. */
export function timelineData(
  editions: readonly [Edition, Edition],
  comparisons: readonly Annotation[],
): TimelineData {
  const events = editions.map((e) => {
    const reference = referenceTime(e.id);
    return extractEvents(e, reference ? { reference } : {});
  });
  const ids = editions.map((e) => e.id as string);
  const pairs = comparisons.flatMap((c) => {
    if (c.motivation !== 'linking' || c.targets.length !== 2 || !c.link) return [];
    const [x, y] = c.targets;
    const side = (t: NonNullable<typeof x>) => {
      const edition = editions.find((e) => e.id === t.source);
      const at = t.selectors.position?.start;
      return edition && at !== undefined
        ? sentenceAt(edition, at)
        : (t.selectors.address as string | undefined);
    };
    const a = side(x!);
    const b = side(y!);
    if (!a || !b || !ids.includes(x!.source) || !ids.includes(y!.source)) return [];
    return [{ id: c.id, relation: c.link.relation, a, b }];
  });
  const all = events.flat();
  const links = timelineLinks(all, pairs);
  const marks: TimelineMark[] = [];
  const rows: [number, number] = [0, 0];
  events.forEach((list, lane) => {
    // Greedy packing: each mark takes the first sub-row whose last mark ends before it starts.
    const ends: number[] = [];
    const sorted = [...list].sort((a, b) => startOf(a.from) - startOf(b.from));
    for (const event of sorted) {
      const x0 = startOf(event.from);
      const x1 = Math.max(endOf(event.to), x0 + 0.5);
      let row = ends.findIndex((end) => end + 1.5 <= x0);
      if (row === -1) {
        row = ends.length;
        ends.push(x1);
      } else ends[row] = x1;
      marks.push({ event, lane, row, x0, x1 });
    }
    rows[lane] = Math.max(1, ends.length);
  });
  const x0 = Math.min(...marks.map((m) => m.x0), 2000);
  const x1 = Math.max(...marks.map((m) => m.x1), 2000);
  return { marks, links, rows, domain: [Math.floor(x0 / 10) * 10, Math.ceil(x1 / 10) * 10] };
}
