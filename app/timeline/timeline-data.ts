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

/** A dated event placed on the time axis (before layout in rows). */
export interface TimelineMark {
  readonly event: DatedEvent;
  /** 0 (top lane) or 1. */
  readonly lane: number;
  /** Start and end on the time axis, in fractional years. */
  readonly x0: number;
  readonly x1: number;
}

/** A link between two marks, with the comparison's topic for labels. */
export interface TimelineMarkLink extends TimelineLink {
  /** The comparison's topic ("When Moscow’s interest revived"). */
  readonly topic: string;
}

/** Everything the view draws. */
export interface TimelineData {
  /** Each lane's marks in order of their start. */
  readonly marks: readonly TimelineMark[];
  readonly links: readonly TimelineMarkLink[];
  /** The axis's domain in fractional years (whole decades). */
  readonly domain: readonly [number, number];
  /**
   * A decade before which the axis is compressed, when a few early marks
   * (Winstanley-Chesters's "the 19th century", "1858-60") would otherwise
   * squeeze the decades where nearly everything happens: see `axisBreak`.
   */
  readonly axisBreak?: number;
}

/** A mark laid out: its sub-row in its lane and its pixel span. */
export interface PlacedMark extends TimelineMark {
  /** Sub-row in its lane, so marks never overlap. */
  readonly row: number;
  /** Left and right edge in pixels. */
  readonly left: number;
  readonly right: number;
}

/** Share of the axis the compressed early stretch gets. */
export const COMPRESSED_SHARE = 0.12;

/**
 * Where to compress the axis: at the widest gap of at least 30 years
 * between consecutive mark starts that has no more than a tenth of the
 * marks before it and spans more than a quarter of the domain, rounded down
 * to its decade. Undefined when no gap qualifies (the axis stays linear).
 */
export function axisBreak(
  starts: readonly number[],
  domain: readonly [number, number],
): number | undefined {
  const sorted = [...starts].sort((a, b) => a - b);
  let best: { gap: number; at: number } | undefined;
  for (let i = 1; i <= Math.floor(sorted.length / 10); i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap >= 30 && (!best || gap > best.gap)) best = { gap, at: sorted[i]! };
  }
  if (!best) return undefined;
  const at = Math.floor(best.at / 10) * 10;
  return at - domain[0] > (domain[1] - domain[0]) / 4 ? at : undefined;
}

/**
 * Lays marks out in sub-rows: each takes the first row of its lane whose
 * last mark ends `gap` pixels before it starts (greedy interval packing).
 * `x` maps a fractional year to pixels. Pure.
 */
export function placeMarks(
  marks: readonly TimelineMark[],
  x: (year: number) => number,
  options: { readonly minWidth?: number; readonly gap?: number } = {},
): { readonly marks: readonly PlacedMark[]; readonly rows: readonly [number, number] } {
  const minWidth = options.minWidth ?? 6;
  const gap = options.gap ?? 4;
  const placed: PlacedMark[] = [];
  const rows: [number, number] = [1, 1];
  for (const lane of [0, 1] as const) {
    const ends: number[] = [];
    const list = marks.filter((m) => m.lane === lane).sort((a, b) => a.x0 - b.x0);
    for (const m of list) {
      const left = x(m.x0);
      const right = Math.max(x(m.x1), left + minWidth);
      let row = ends.findIndex((end) => end + gap <= left);
      if (row === -1) {
        row = ends.length;
        ends.push(right);
      } else ends[row] = right;
      placed.push({ ...m, row, left, right });
    }
    rows[lane] = Math.max(1, ends.length);
  }
  return { marks: placed, rows };
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
  const topics = new Map(comparisons.map((c) => [c.id as string, c.link?.topic ?? '']));
  const links = timelineLinks(all, pairs).map((l) => ({
    ...l,
    topic: topics.get(l.comparison) ?? '',
  }));
  const marks: TimelineMark[] = events.flatMap((list, lane) =>
    [...list]
      .sort((a, b) => startOf(a.from) - startOf(b.from))
      .map((event) => ({ event, lane, x0: startOf(event.from), x1: endOf(event.to) })),
  );
  const x0 = Math.min(...marks.map((m) => m.x0), 2000);
  const x1 = Math.max(...marks.map((m) => m.x1), 2000);
  const domain = [Math.floor(x0 / 10) * 10, Math.ceil(x1 / 10) * 10] as const;
  const brk = axisBreak(
    marks.map((m) => m.x0),
    domain,
  );
  return { marks, links, domain, ...(brk === undefined ? {} : { axisBreak: brk }) };
}

/** A mark's link seen from that mark: the other mark, and the link. */
export interface MarkLink {
  readonly other: TimelineMark;
  readonly link: TimelineMarkLink;
}

/** Each mark's links (by event id), both ways: the chart's emphasis and labels, the table's "Compared with". Pure. */
export function linksByMark(data: TimelineData): ReadonlyMap<string, readonly MarkLink[]> {
  const byId = new Map(data.marks.map((m) => [m.event.id, m]));
  const out = new Map<string, MarkLink[]>();
  for (const link of data.links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (!a || !b) continue;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = out.get(self.event.id) ?? [];
      list.push({ other, link });
      out.set(self.event.id, list);
    }
  }
  return out;
}
