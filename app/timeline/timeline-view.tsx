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
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import { eventsToCsv, type DatedEvent } from '../../sources/timeline/index.ts';
import { formatPoint } from '../../sources/timeline/events-csv.ts';
import { downloadText } from '../annotations/download.ts';
import { ModalDialog } from '../citations/modal-dialog.tsx';
import { sourceLabel } from '../views/pane.tsx';
import { timelineData, type TimelineMark } from './timeline-data.ts';

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

const WIDTH = 1000;
const MARGIN = { left: 150, right: 20, top: 24, bottom: 30 };
const ROW = 16;
const LANE_GAP = 28;

function when(e: DatedEvent): string {
  const a = formatPoint(e.from);
  const b = formatPoint(e.to);
  return a === b ? a : `${a} – ${b}`;
}

/** The view. */
export function TimelineView({
  editions,
  comparisons,
  onOpen,
  onClose,
}: TimelineViewProps): ReactNode {
  const data = useMemo(() => timelineData(editions, comparisons), [editions, comparisons]);
  const [showLinks, setShowLinks] = useState(true);
  const svgRef = useRef<SVGSVGElement>(null);
  const laneTop = [MARGIN.top, MARGIN.top + data.rows[0] * ROW + LANE_GAP];
  const height = laneTop[1]! + data.rows[1] * ROW + MARGIN.bottom;
  const x = scaleLinear()
    .domain(data.domain as [number, number])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const cy = (m: TimelineMark) => laneTop[m.lane]! + m.row * ROW + ROW / 2;
  const byId = new Map(data.marks.map((m) => [m.event.id, m]));
  const label = (m: TimelineMark) =>
    `${sourceLabel(editions[m.lane]!)}, ${m.event.address.split(':')[1]}: ${m.event.expression} (${when(m.event)}${m.event.inferred ? ', inferred' : ''})`;
  const open = (address: string) => {
    onClose();
    onOpen(address);
  };
  const exportSvg = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
    downloadText(text, 'diptych-timeline.svg', 'image/svg+xml');
  };
  const exportCsv = () =>
    downloadText(
      eventsToCsv(data.marks.map((m) => m.event)),
      'diptych-timeline.csv',
      'text/csv;charset=utf-8',
    );
  return (
    <ModalDialog title="Timeline" className="timeline-dialog" onClose={onClose}>
      <p className="timeline-help">
        Dated expressions of both texts on one axis. A mark opens its sentence; a line joins two
        passages that a comparison links. Inferred dates (relative to the text’s own year) are
        hollow.
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
      <div className="timeline-chart">
        <svg
          ref={svgRef}
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="group"
          aria-label="Timeline chart of both texts"
          className="timeline-svg"
        >
          <style>{`text{font:12px sans-serif;fill:#333}.timeline-mark{fill:#2c5d8a;stroke:#2c5d8a}.timeline-mark--inferred{fill:#fff}.timeline-lane1 .timeline-mark{fill:#a4501b;stroke:#a4501b}.timeline-lane1 .timeline-mark--inferred{fill:#fff}.timeline-link{stroke:#888;stroke-dasharray:3 3}`}</style>
          {editions.map((e, lane) => (
            <text key={e.id} x={8} y={laneTop[lane]! + ROW / 2 + 4}>
              {sourceLabel(e)}
            </text>
          ))}
          {x.ticks(10).map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={MARGIN.top - 8} y2={height - MARGIN.bottom} stroke="#e2e2e2" />
              <text y={height - MARGIN.bottom + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          {showLinks &&
            data.links.map((l) => {
              const a = byId.get(l.from);
              const b = byId.get(l.to);
              if (!a || !b) return null;
              return (
                <line
                  key={`${l.comparison}|${l.from}|${l.to}`}
                  className="timeline-link"
                  x1={x((a.x0 + a.x1) / 2)}
                  y1={cy(a)}
                  x2={x((b.x0 + b.x1) / 2)}
                  y2={cy(b)}
                >
                  <title>{`Compared (${l.relation}): ${a.event.expression} ~ ${b.event.expression}`}</title>
                </line>
              );
            })}
          {[0, 1].map((lane) => (
            <g key={lane} className={`timeline-lane${lane}`}>
              {data.marks
                .filter((m) => m.lane === lane)
                .map((m) => {
                  const w = Math.max(6, x(m.x1) - x(m.x0));
                  return (
                    <a
                      key={m.event.id}
                      href={`#${m.event.address}`}
                      aria-label={label(m)}
                      data-event={m.event.id}
                      className="timeline-mark-link"
                      onClick={(e) => {
                        e.preventDefault();
                        open(m.event.address);
                      }}
                    >
                      <title>{`${label(m)} — ${m.event.sentence}`}</title>
                      <rect
                        className={`timeline-mark${m.event.inferred ? ' timeline-mark--inferred' : ''}`}
                        x={x(m.x0)}
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
      <table className="timeline-table">
        <caption>Dated expressions ({data.marks.length}), by text and date</caption>
        <thead>
          <tr>
            <th scope="col">Text</th>
            <th scope="col">When</th>
            <th scope="col">Expression</th>
            <th scope="col">Passage</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...data.marks]
            .sort((a, b) => a.lane - b.lane || a.x0 - b.x0)
            .map((m) => (
              <tr key={m.event.id}>
                <td>{sourceLabel(editions[m.lane]!)}</td>
                <td>{when(m.event)}</td>
                <td>{m.event.expression}</td>
                <td>
                  <a
                    href={`#${m.event.address}`}
                    onClick={(e) => {
                      e.preventDefault();
                      open(m.event.address);
                    }}
                  >
                    {m.event.address.split(':')[1]}
                  </a>
                </td>
                <td>{m.event.inferred ? `Inferred: ${m.event.inferred.reason}` : ''}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
