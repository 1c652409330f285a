/**
 * The Timeline view (issue 17): the dated events of the two panes' texts on
 * one time axis, one lane per text, drawn as SVG with d3-scale (a maintained
 * charting library's scale and ticks; React draws the marks, so each is a
 * real link a keyboard reaches). Each mark opens its sentence; a line joins
 * the marks of two passages that a comparison links (its relation in the
 * line's title). The same data is a table below the chart, for screen
 * readers and keyboards, and exports as SVG and CSV.
 *
 * Loaded on first use (`timeline-button.tsx`). Renders text from the
 * editions and comparisons only as React text (never as HTML).
 */
import { scaleLinear } from 'd3-scale';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import { eventsToCsv, type DatedEvent } from '../../sources/timeline/index.ts';
import { formatPoint } from '../../sources/timeline/events-csv.ts';
import { downloadFile } from '../views/download-file.ts';
import { ModalDialog } from '../citations/modal-dialog.tsx';
import { sourceLabel } from '../views/pane.tsx';
import {
  COMPRESSED_SHARE,
  placeMarks,
  timelineData,
  type PlacedMark,
  type TimelineMarkLink,
} from './timeline-data.ts';
// The view's styles load with it (the prerender imports app.tsx in Node, where CSS cannot load).
import '../views/stacked-table.css';
import './timeline.css';

/** Props of `TimelineView`. */
export interface TimelineViewProps {
  /** The two panes' editions: the lanes, top to bottom. */
  readonly editions: readonly [Edition, Edition];
  /** Curated and own comparisons (the links between lanes). */
  readonly comparisons: readonly Annotation[];
  /** Opens a sentence in its pane. */
  readonly onOpen: (address: string) => void;
  readonly onClose: () => void;
}

/** Width before the chart has been measured, and the narrowest it is drawn. */
const DEFAULT_WIDTH = 1000;
const MIN_WIDTH = 300;
const MARGIN = { left: 12, right: 16, top: 8, bottom: 30 };
const ROW = 16;
/** Room above a lane for its label. */
const LABEL = 20;
const LANE_GAP = 14;
/** Closest two axis labels may sit, in pixels. */
const MIN_TICK_GAP = 36;

// Drawn with presentation attributes, not a <style> element: the app's
// Content-Security-Policy admits no inline style sheet, and an exported file
// then looks as it does on screen with nothing else to carry.
const LANE_COLOUR = ['#2c5d8a', '#a4501b'] as const;
const TEXT = { fontFamily: 'sans-serif', fontSize: 12, fill: '#333' } as const;

function when(e: DatedEvent): string {
  const a = formatPoint(e.from);
  const b = formatPoint(e.to);
  return a === b ? a : `${a} – ${b}`;
}

/** The SVG namespace, for the elements the exported file adds. */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A lane's label in the chart, shortened to fit (the table has it in full). */
function laneLabel(edition: Edition, width: number): string {
  const label = sourceLabel(edition);
  const max = Math.max(12, Math.floor(width / 7));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** The chart container's width, followed as the dialog resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(MIN_WIDTH, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The address without its source ("11.1"). */
const local = (address: string) => address.split(':')[1] ?? address;

/** The view. */
export function TimelineView({
  editions,
  comparisons,
  onOpen,
  onClose,
}: TimelineViewProps): ReactNode {
  const data = useMemo(() => timelineData(editions, comparisons), [editions, comparisons]);
  const [showLinks, setShowLinks] = useState(true);
  // The mark under the pointer or keyboard focus: its links and linked marks are emphasised.
  const [active, setActive] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const width = useWidth(chartRef);
  const [d0, d1] = data.domain;
  const brk = data.axisBreak;
  const inner = width - MARGIN.left - MARGIN.right;
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
  const laneTop = [
    MARGIN.top + LABEL,
    MARGIN.top + LABEL + placed.rows[0] * ROW + LANE_GAP + LABEL,
  ];
  const height = laneTop[1]! + placed.rows[1] * ROW + MARGIN.bottom;
  const cy = (m: PlacedMark) => laneTop[m.lane]! + m.row * ROW + ROW / 2;
  const byId = useMemo(() => new Map(placed.marks.map((m) => [m.event.id, m])), [placed]);
  // Each mark's links, seen from that mark: the other mark and the comparison.
  const linksOf = useMemo(() => {
    const out = new Map<string, { other: PlacedMark; link: TimelineMarkLink }[]>();
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
  }, [data, byId]);
  const linkedToActive = new Set(
    active ? (linksOf.get(active) ?? []).map(({ other }) => other.event.id) : [],
  );
  const label = (m: PlacedMark) => {
    const n = linksOf.get(m.event.id)?.length ?? 0;
    const linked =
      n === 0 ? '' : `; compared with ${n} date${n === 1 ? '' : 's'} of the other text`;
    return `${sourceLabel(editions[m.lane]!)}, ${local(m.event.address)}: ${m.event.expression} (${when(m.event)}${m.event.inferred ? ', inferred' : ''})${linked}`;
  };
  const open = (address: string) => {
    onClose();
    onOpen(address);
  };
  const exportSvg = () => {
    const svg = svgRef.current;
    if (!svg) return;
    // The file stands alone (a slide, a paper, an image viewer with a dark background): it gets
    // the dialog's white behind the chart, which on screen comes from the page, and a title
    // naming what it shows. The chart on screen is left as it is.
    const file = svg.cloneNode(true) as SVGSVGElement;
    const background = document.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', '#fff');
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `Dated expressions of ${editions.map((e) => sourceLabel(e)).join(' and ')} (Diptych timeline)`;
    file.insertBefore(background, file.firstChild);
    file.insertBefore(title, background);
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(file)}\n`;
    downloadFile({ name: 'diptych-timeline.svg', mime: 'image/svg+xml', text });
  };
  const exportCsv = () =>
    downloadFile({
      name: 'diptych-timeline.csv',
      mime: 'text/csv',
      text: eventsToCsv(data.marks.map((m) => m.event)),
    });
  const linkLines = showLinks
    ? data.links.flatMap((l) => {
        const a = byId.get(l.from);
        const b = byId.get(l.to);
        if (!a || !b) return [];
        const on = active === l.from || active === l.to;
        return [
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
          </line>,
        ];
      })
    : [];
  return (
    <ModalDialog title="Timeline" className="timeline-dialog" onClose={onClose}>
      <p className="timeline-help">
        Dated expressions of both texts on one axis, one lane per text. A mark opens its sentence
        (Tab moves between marks, Enter opens); a dashed line joins two dates that a comparison
        links, even where the texts date a development differently. Inferred dates (relative to the
        text’s own year) are hollow.
        {brk !== undefined &&
          ` The years before ${brk} are compressed (marked // on the axis).`}{' '}
        The table below holds the same data.
      </p>
      <div className="timeline-actions">
        <label>
          <input
            type="checkbox"
            checked={showLinks}
            onChange={(e) => setShowLinks(e.target.checked)}
          />{' '}
          Show comparison links
        </label>
        <button type="button" onClick={exportSvg}>
          Export SVG
        </button>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <div className="timeline-chart" ref={chartRef}>
        <svg
          ref={svgRef}
          xmlns="http://www.w3.org/2000/svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label="Timeline chart of both texts"
          className="timeline-svg"
        >
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
                {laneLabel(e, width)}
              </text>
            </g>
          ))}
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={MARGIN.top + LABEL - 4} y2={height - MARGIN.bottom} stroke="#e2e2e2" />
              <text {...TEXT} y={height - MARGIN.bottom + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          {brk !== undefined && (
            <g
              className="timeline-break"
              transform={`translate(${x(brk) - 3},${height - MARGIN.bottom})`}
            >
              <title>{`The axis is compressed before ${brk}`}</title>
              <path d="M-3,-5 L3,5 M3,-5 L9,5" stroke="#555" strokeWidth={1.5} fill="none" />
            </g>
          )}
          {linkLines}
          {[0, 1].map((lane) => (
            <g key={lane} className={`timeline-lane${lane}`}>
              {placed.marks
                .filter((m) => m.lane === lane)
                .map((m) => {
                  const w = m.right - m.left;
                  const emphasised = m.event.id === active || linkedToActive.has(m.event.id);
                  return (
                    <a
                      key={m.event.id}
                      href={`#${m.event.address}`}
                      aria-label={label(m)}
                      data-event={m.event.id}
                      className={`timeline-mark-link${emphasised ? ' timeline-mark-link--active' : ''}`}
                      onClick={(e) => {
                        e.preventDefault();
                        open(m.event.address);
                      }}
                      onFocus={() => setActive(m.event.id)}
                      onBlur={() => setActive(null)}
                      onMouseEnter={() => setActive(m.event.id)}
                      onMouseLeave={() => setActive(null)}
                    >
                      <title>{`${label(m)} — ${m.event.sentence}`}</title>
                      <rect
                        className={`timeline-mark${m.event.inferred ? ' timeline-mark--inferred' : ''}`}
                        fill={m.event.inferred ? '#fff' : LANE_COLOUR[lane]}
                        stroke={emphasised ? '#000' : LANE_COLOUR[lane]}
                        strokeWidth={emphasised ? 2.5 : 1.5}
                        x={m.left}
                        y={cy(m) - 5}
                        width={w}
                        height={10}
                        rx={w <= 10 ? 5 : 2}
                      />
                    </a>
                  );
                })}
            </g>
          ))}
        </svg>
      </div>
      <div
        className="timeline-table-scroll"
        role="region"
        aria-label="Dated expressions as a table"
        tabIndex={0}
      >
        <table className="timeline-table stacked-table">
          <caption>Dated expressions ({data.marks.length}), by text and date</caption>
          <thead>
            <tr>
              <th scope="col">Text</th>
              <th scope="col">When</th>
              <th scope="col">Expression</th>
              <th scope="col">Passage</th>
              <th scope="col">Compared with</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {[...placed.marks]
              .sort((a, b) => a.lane - b.lane || a.x0 - b.x0)
              .map((m) => (
                <tr key={m.event.id} data-row-event={m.event.id}>
                  <td data-label="Text">{sourceLabel(editions[m.lane]!)}</td>
                  <td data-label="When">{when(m.event)}</td>
                  <td data-label="Expression">{m.event.expression}</td>
                  <td data-label="Passage">
                    {/* Named with its text: a screen reader's list of links otherwise heard
                        "6.3, 4.1, 9.2…", not which text each passage is in. */}
                    <a
                      href={`#${m.event.address}`}
                      aria-label={`${sourceLabel(editions[m.lane]!)} ${local(m.event.address)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        open(m.event.address);
                      }}
                    >
                      {local(m.event.address)}
                    </a>
                  </td>
                  <td data-label="Compared with" className="timeline-compared">
                    {(linksOf.get(m.event.id) ?? []).map(({ other, link }) => (
                      <div key={`${link.comparison}|${other.event.id}`}>
                        {`${when(other.event)} (“${other.event.expression}”, `}
                        <a
                          href={`#${other.event.address}`}
                          aria-label={`${sourceLabel(editions[other.lane]!)} ${local(other.event.address)}`}
                          onClick={(e) => {
                            e.preventDefault();
                            open(other.event.address);
                          }}
                        >
                          {local(other.event.address)}
                        </a>
                        {`): ${link.relation}, ${link.topic}`}
                      </div>
                    ))}
                  </td>
                  <td data-label="Note" className="timeline-note">
                    {m.event.inferred ? `Inferred: ${m.event.inferred.reason}` : ''}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </ModalDialog>
  );
}
