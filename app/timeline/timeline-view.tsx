/**
 * The Timeline view (issue 17): the dated events of the two panes' texts on
 * one time axis, one lane per text (`timeline-chart.tsx`, drawn at the
 * dialog's width). Each mark opens its sentence; a line joins the marks of
 * two passages that a comparison links (its relation in the line's title).
 * The same data is a table below the chart, for screen readers and
 * keyboards, and exports as SVG (`timeline-svg-file.tsx`: a fixed width and
 * a legend, whatever the window) and CSV.
 *
 * Loaded on first use (`timeline-button.tsx`). Renders text from the
 * editions and comparisons only as React text (never as HTML).
 */
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import { eventsToCsv } from '../../sources/timeline/index.ts';
import { downloadFile } from '../views/download-file.ts';
import { ModalDialog } from '../citations/modal-dialog.tsx';
import { sourceLabel } from '../views/pane.tsx';
import { passageInWords } from '../views/passage-in-words.ts';
import { TimelineChart, when } from './timeline-chart.tsx';
import { linksByMark, timelineData } from './timeline-data.ts';
import { timelineSvgFile } from './timeline-svg-file.tsx';
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

/** Width before the chart has been measured. */
const DEFAULT_WIDTH = 1000;
/*
 * The narrowest the chart is drawn: below it, the chart scrolls sideways in its box. At 300 it
 * did so on a 320 px phone, whose dialog leaves the chart 235 px; from 200 px the axis still gets
 * three year labels (`MIN_TICK_GAP` apart) and each lane its label, at full size.
 */
const MIN_WIDTH = 200;

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
  const chartRef = useRef<HTMLDivElement>(null);
  const width = useWidth(chartRef);
  const brk = data.axisBreak;
  const linksOf = useMemo(() => linksByMark(data), [data]);
  const rows = useMemo(
    () => [...data.marks].sort((a, b) => a.lane - b.lane || a.x0 - b.x0),
    [data],
  );
  const open = (address: string) => {
    onClose();
    onOpen(address);
  };
  // The file is drawn apart from the chart on screen, at a fixed width with a legend
  // (timeline-svg-file.tsx): the same picture whatever the window, and self-explanatory.
  const exportSvg = () =>
    downloadFile({
      name: 'diptych-timeline.svg',
      mime: 'image/svg+xml',
      text: timelineSvgFile(data, editions, showLinks),
    });
  const exportCsv = () =>
    downloadFile({
      name: 'diptych-timeline.csv',
      mime: 'text/csv',
      text: eventsToCsv(data.marks.map((m) => m.event)),
    });
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
        <TimelineChart
          data={data}
          editions={editions}
          width={width}
          showLinks={showLinks}
          active={active}
          onActive={setActive}
          onOpen={open}
        />
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
            {rows.map((m) => (
              <tr key={m.event.id} data-row-event={m.event.id}>
                <td data-label="Text">{sourceLabel(editions[m.lane]!)}</td>
                <td data-label="When">{when(m.event)}</td>
                <td data-label="Expression">{m.event.expression}</td>
                <td data-label="Passage">
                  {/* In words ("¶6, sentence 3"), not the bare address "6.3" a reader
                        cannot place; the link's name adds its text: a screen reader's list
                        of links otherwise heard "¶6, sentence 3, ¶4…", not which text each
                        passage is in. */}
                  <a
                    href={`#${m.event.address}`}
                    aria-label={passageInWords(m.event.address, sourceLabel(editions[m.lane]!))}
                    onClick={(e) => {
                      e.preventDefault();
                      open(m.event.address);
                    }}
                  >
                    {passageInWords(m.event.address, '').trim()}
                  </a>
                </td>
                <td data-label="Compared with" className="timeline-compared">
                  {(linksOf.get(m.event.id) ?? []).map(({ other, link }) => (
                    <div key={`${link.comparison}|${other.event.id}`}>
                      {`${when(other.event)} (“${other.event.expression}”, `}
                      <a
                        href={`#${other.event.address}`}
                        aria-label={passageInWords(
                          other.event.address,
                          sourceLabel(editions[other.lane]!),
                        )}
                        onClick={(e) => {
                          e.preventDefault();
                          open(other.event.address);
                        }}
                      >
                        {passageInWords(other.event.address, '').trim()}
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
