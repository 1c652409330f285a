/**
 * The Timeline view's chart (issue 17): the dated events of the two panes'
 * texts on one time axis, one lane per text, drawn as SVG with d3-scale's
 * scale and ticks (React draws the marks, so on screen each is a real link a
 * keyboard reaches). A line joins the marks of two passages that a
 * comparison links.
 *
 * Drawn twice from this one component: on screen at the dialog's width
 * (`timeline-view.tsx`), and for the exported file (`timeline-svg-file.tsx`)
 * at a fixed width with a heading and a legend, so the file explains itself
 * and is the same picture whatever the window.
 *
 * Renders text from the editions and comparisons only as React text (SVG
 * `<text>` and `<title>` nodes, escaped when serialised), never as markup.
 * Drawn with presentation attributes, not a `<style>` element: the app's
 * Content-Security-Policy admits no inline style sheet, and an exported
 * file then looks as it does on screen with nothing else to carry.
 */
import { scaleLinear } from 'd3-scale';
import { useMemo, type ReactNode, type Ref } from 'react';
import type { Edition } from '../../sources/edition.ts';
import type { DatedEvent } from '../../sources/timeline/index.ts';
import { formatPoint } from '../../sources/timeline/events-csv.ts';
import { sourceLabel } from '../views/pane.tsx';
import { passageInWords } from '../views/passage-in-words.ts';
import {
  COMPRESSED_SHARE,
  linksByMark,
  placeMarks,
  type PlacedMark,
  type TimelineData,
} from './timeline-data.ts';
import { counted } from '../../sources/util/plural.ts';

/** Props of `TimelineChart`. */
export interface TimelineChartProps {
  readonly data: TimelineData;
  /** The two panes' editions: the lanes, top to bottom. */
  readonly editions: readonly [Edition, Edition];
  /** Width in pixels (the chart is drawn at it, text at full size). */
  readonly width: number;
  /** Whether the comparison links are drawn. */
  readonly showLinks: boolean;
  /** The mark under the pointer or keyboard focus: it and its links are emphasised. */
  readonly active?: string | null;
  readonly onActive?: (id: string | null) => void;
  /** Opens a mark's sentence: each mark is then a link. Without it (the file), a shape with a tooltip. */
  readonly onOpen?: (address: string) => void;
  /** The exported file: a title, a white background, a heading and a legend inside the picture. */
  readonly file?: boolean;
  readonly svgRef?: Ref<SVGSVGElement>;
}

// Left and right hold half a year label (about 14 px at 12 px): the first tick, "1800", was cut
// at x = 12.
const MARGIN = { left: 18, right: 18, top: 8, bottom: 30 };
const ROW = 16;
/** Room above a lane for its label. */
const LABEL = 20;
const LANE_GAP = 14;
/** Closest two axis labels may sit, in pixels. */
const MIN_TICK_GAP = 36;
/** The file's heading, above the chart. */
const HEADING = 30;
/** One line of the file's legend. */
const LEGEND_LINE = 20;

/** Each lane's colour (the legend names them). */
export const LANE_COLOUR = ['#2c5d8a', '#a4501b'] as const;
const TEXT = { fontFamily: 'sans-serif', fontSize: 12, fill: '#333' } as const;

/** "1990" or "1992 – 2007". */
export function when(e: DatedEvent): string {
  const a = formatPoint(e.from);
  const b = formatPoint(e.to);
  return a === b ? a : `${a} – ${b}`;
}

/** `text` shortened to about `width` pixels of 12 px sans-serif (the table has it in full). */
function fit(text: string, width: number): string {
  const max = Math.max(12, Math.floor(width / 7));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The title of the exported file, and its heading. */
export function timelineTitle(editions: readonly Edition[]): string {
  return `Dated expressions of ${editions.map((e) => sourceLabel(e)).join(' and ')}`;
}

/** The chart. */
export function TimelineChart({
  data,
  editions,
  width,
  showLinks,
  active = null,
  onActive,
  onOpen,
  file = false,
  svgRef,
}: TimelineChartProps): ReactNode {
  const [d0, d1] = data.domain;
  const brk = data.axisBreak;
  const inner = width - MARGIN.left - MARGIN.right;
  const top0 = MARGIN.top + (file ? HEADING : 0);
  // A polylinear scale: the stretch before the break gets COMPRESSED_SHARE of the width.
  const x =
    brk === undefined
      ? scaleLinear()
          .domain([d0, d1])
          .range([MARGIN.left, width - MARGIN.right])
      : scaleLinear()
          .domain([d0, brk, d1])
          .range([MARGIN.left, MARGIN.left + inner * COMPRESSED_SHARE, width - MARGIN.right]);
  const ticks = (
    brk === undefined
      ? scaleLinear()
          .domain([d0, d1])
          .ticks(Math.max(3, Math.floor(inner / 70)))
      : [
          ...scaleLinear()
            .domain([d0, brk])
            .ticks(Math.max(1, Math.floor((inner * COMPRESSED_SHARE) / 50))),
          ...scaleLinear()
            .domain([brk, d1])
            .ticks(Math.max(3, Math.floor((inner * (1 - COMPRESSED_SHARE)) / 60))),
        ]
  ).reduce<number[]>((kept, t) => {
    // Labels closer than MIN_TICK_GAP would overlap: drop them, but keep the break's.
    const last = kept[kept.length - 1];
    if (last === undefined || x(t) - x(last) >= MIN_TICK_GAP) kept.push(t);
    else if (t === brk) kept[kept.length - 1] = t;
    return kept;
  }, []);
  const placed = useMemo(() => placeMarks(data.marks, x), [data, width]); // eslint-disable-line react-hooks/exhaustive-deps
  const laneTop = [top0 + LABEL, top0 + LABEL + placed.rows[0] * ROW + LANE_GAP + LABEL];
  const axisY = laneTop[1]! + placed.rows[1] * ROW;
  const chartHeight = axisY + MARGIN.bottom;
  const cy = (m: PlacedMark) => laneTop[m.lane]! + m.row * ROW + ROW / 2;
  const byId = useMemo(() => new Map(placed.marks.map((m) => [m.event.id, m])), [placed]);
  const linksOf = useMemo(() => linksByMark(data), [data]);
  const linkedToActive = new Set(
    active ? (linksOf.get(active) ?? []).map(({ other }) => other.event.id) : [],
  );
  const drawnLinks = showLinks ? data.links.filter((l) => byId.has(l.from) && byId.has(l.to)) : [];
  const label = (m: PlacedMark) => {
    const n = linksOf.get(m.event.id)?.length ?? 0;
    const linked = n === 0 ? '' : `; compared with ${counted(n, 'date')} of the other text`;
    return `${passageInWords(m.event.address, sourceLabel(editions[m.lane]!))}: ${m.event.expression} (${when(m.event)}${m.event.inferred ? ', inferred' : ''})${linked}`;
  };

  // The file's legend: what each colour, shape and line means, and which text is which.
  const legend: { key: string; swatch: ReactNode; text: string }[] = file
    ? [
        ...editions.map((e, lane) => ({
          key: `lane${lane}`,
          swatch: <rect width={14} height={10} rx={2} fill={LANE_COLOUR[lane]} />,
          text: `${sourceLabel(e)} (${lane === 0 ? 'upper' : 'lower'} lane): a date the text names; a mark spans the dates it covers`,
        })),
        {
          key: 'inferred',
          swatch: (
            <rect
              width={14}
              height={10}
              rx={2}
              fill="#fff"
              stroke={LANE_COLOUR[0]}
              strokeWidth={1.5}
            />
          ),
          text: 'Hollow: a date inferred from the text’s own year (“last year”, “over last 15 years”)',
        },
        ...(drawnLinks.length > 0
          ? [
              {
                key: 'links',
                swatch: (
                  <line
                    x1={0}
                    x2={14}
                    y1={5}
                    y2={5}
                    stroke="#777"
                    strokeWidth={1.2}
                    strokeDasharray="3 3"
                  />
                ),
                text: 'Dashed line: the dates of two passages that a comparison links',
              },
            ]
          : []),
        ...(brk !== undefined
          ? [
              {
                key: 'break',
                swatch: (
                  <path d="M1,0 L7,10 M7,0 L13,10" stroke="#555" strokeWidth={1.5} fill="none" />
                ),
                text: `//: the axis is compressed before ${brk}`,
              },
            ]
          : []),
        {
          key: 'rows',
          swatch: null,
          text: 'Axis: years. Marks that would overlap are stacked in rows of their lane.',
        },
      ]
    : [];
  const legendTop = chartHeight + (file ? 6 : 0);
  const height = legendTop + legend.length * LEGEND_LINE + (file ? 8 : 0);

  const markShape = (m: PlacedMark, emphasised: boolean) => {
    const w = m.right - m.left;
    return (
      <rect
        className={`timeline-mark${m.event.inferred ? ' timeline-mark--inferred' : ''}`}
        fill={m.event.inferred ? '#fff' : LANE_COLOUR[m.lane]}
        stroke={emphasised ? '#000' : LANE_COLOUR[m.lane]}
        strokeWidth={emphasised ? 2.5 : 1.5}
        x={m.left}
        y={cy(m) - 5}
        width={w}
        height={10}
        rx={w <= 10 ? 5 : 2}
      />
    );
  };

  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={file ? 'img' : 'group'}
      aria-label={file ? timelineTitle(editions) : 'Timeline chart of both texts'}
      className="timeline-svg"
    >
      {file && (
        <>
          <title>{`${timelineTitle(editions)} (Diptych timeline)`}</title>
          <rect width="100%" height="100%" fill="#fff" />
          <text
            className="timeline-heading"
            {...TEXT}
            fontSize={15}
            fontWeight="bold"
            x={MARGIN.left}
            y={MARGIN.top + 16}
          >
            {fit(timelineTitle(editions), (inner * 12) / 15)}
          </text>
        </>
      )}
      {editions.map((e, lane) => (
        <g key={e.id}>
          <rect
            className="timeline-lane-band"
            fill="#f6f6f6"
            x={MARGIN.left}
            y={laneTop[lane]! - 3}
            width={inner}
            height={placed.rows[lane]! * ROW + 6}
          />
          <text
            className="timeline-lane-label"
            {...TEXT}
            fontWeight="bold"
            x={MARGIN.left}
            y={laneTop[lane]! - 7}
          >
            {fit(sourceLabel(e), width)}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t} transform={`translate(${x(t)},0)`}>
          <line y1={top0 + LABEL - 4} y2={axisY} stroke="#e2e2e2" />
          <text {...TEXT} y={axisY + 16} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      {brk !== undefined && (
        <g className="timeline-break" transform={`translate(${x(brk) - 3},${axisY})`}>
          <title>{`The axis is compressed before ${brk}`}</title>
          <path d="M-3,-5 L3,5 M3,-5 L9,5" stroke="#555" strokeWidth={1.5} fill="none" />
        </g>
      )}
      {drawnLinks.map((l) => {
        const a = byId.get(l.from)!;
        const b = byId.get(l.to)!;
        const on = active === l.from || active === l.to;
        return (
          <line
            key={`${l.comparison}|${l.from}|${l.to}`}
            className={`timeline-link${on ? ' timeline-link--active' : ''}`}
            stroke={on ? '#000' : '#777'}
            strokeWidth={on ? 2.5 : 1.2}
            strokeDasharray={on ? undefined : '3 3'}
            data-comparison={l.comparison}
            data-from={l.from}
            data-to={l.to}
            x1={(a.left + a.right) / 2}
            y1={cy(a)}
            x2={(b.left + b.right) / 2}
            y2={cy(b)}
          >
            <title>{`${l.topic} (${l.relation}): “${a.event.expression}” ~ “${b.event.expression}”`}</title>
          </line>
        );
      })}
      {[0, 1].map((lane) => (
        <g key={lane} className={`timeline-lane${lane}`}>
          {placed.marks
            .filter((m) => m.lane === lane)
            .map((m) => {
              const emphasised = m.event.id === active || linkedToActive.has(m.event.id);
              const tip = <title>{`${label(m)} — ${m.event.sentence}`}</title>;
              if (!onOpen)
                return (
                  <g key={m.event.id} data-event={m.event.id}>
                    {tip}
                    {markShape(m, false)}
                  </g>
                );
              return (
                <a
                  key={m.event.id}
                  href={`#${m.event.address}`}
                  aria-label={label(m)}
                  data-event={m.event.id}
                  className={`timeline-mark-link${emphasised ? ' timeline-mark-link--active' : ''}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(m.event.address);
                  }}
                  onFocus={() => onActive?.(m.event.id)}
                  onBlur={() => onActive?.(null)}
                  onMouseEnter={() => onActive?.(m.event.id)}
                  onMouseLeave={() => onActive?.(null)}
                >
                  {tip}
                  {markShape(m, emphasised)}
                </a>
              );
            })}
        </g>
      ))}
      {legend.length > 0 && (
        <g className="timeline-legend">
          {legend.map((item, i) => {
            const y = legendTop + i * LEGEND_LINE;
            return (
              <g key={item.key} data-legend={item.key}>
                {item.swatch && (
                  <g transform={`translate(${MARGIN.left},${y + 4})`}>{item.swatch}</g>
                )}
                <text {...TEXT} x={MARGIN.left + (item.swatch ? 22 : 0)} y={y + 13}>
                  {fit(item.text, inner - 22)}
                </text>
              </g>
            );
          })}
        </g>
      )}
    </svg>
  );
}
