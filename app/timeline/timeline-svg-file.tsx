/**
 * The Timeline's exported SVG file: the chart drawn by `TimelineChart` at a
 * fixed width (`EXPORT_WIDTH`), with its title, white background, heading
 * and legend, serialised as a standalone SVG document. The file is the same
 * picture whatever the window it was exported from: it was a copy of the
 * chart on screen, 1,000 px wide at 1440 px and a cramped 335 px at 420 px,
 * with nothing saying what its colours, shapes and lines meant.
 *
 * Rendered by React into a detached element (`flushSync`, so it is drawn
 * when this returns) and serialised by `XMLSerializer`: every text of the
 * editions and comparisons is a text node, escaped when serialised, never
 * markup. Not for: the chart on screen (`timeline-view.tsx`).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Edition } from '../../sources/edition.ts';
import { TimelineChart } from './timeline-chart.tsx';
import type { TimelineData } from './timeline-data.ts';

/** The file's width in pixels: the dialog's widest chart, legible on a slide or a page. */
export const EXPORT_WIDTH = 1000;

/** The SVG document (with its XML declaration) of the timeline of `editions`. */
export function timelineSvgFile(
  data: TimelineData,
  editions: readonly [Edition, Edition],
  showLinks: boolean,
): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  try {
    flushSync(() =>
      root.render(
        <TimelineChart
          data={data}
          editions={editions}
          width={EXPORT_WIDTH}
          showLinks={showLinks}
          file
        />,
      ),
    );
    const svg = host.querySelector('svg');
    if (!svg) throw new Error('the timeline chart did not render');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
  } finally {
    root.unmount();
  }
}
