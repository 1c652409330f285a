import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCuratedComparisons } from '../../../annotations/comparisons/build-curated.ts';
import { TimelineChart } from '../../../app/timeline/timeline-chart.tsx';
import { timelineData } from '../../../app/timeline/timeline-data.ts';
import type { Edition, SourceId } from '../../../sources/edition.ts';
import { builtinEdition } from '../../../sources/builtin.ts';

const wc = builtinEdition('winstanley-chesters-2015')!;
const lankov = builtinEdition('lankov-2007')!;

describe('TimelineChart as a file', () => {
  const file = (editions: readonly [Edition, Edition], width: number) =>
    renderToStaticMarkup(
      <TimelineChart
        data={timelineData(editions, buildCuratedComparisons([wc, lankov]))}
        editions={editions}
        width={width}
        showLinks
        file
      />,
    );

  it('has a heading and a legend naming each text, the hollow marks, the links and the break', () => {
    const svg = file([wc, lankov], 1000);
    expect(svg).toContain(
      '<title>Dated expressions of Winstanley-Chesters (2015) and Lankov (2007) (Diptych timeline)</title>',
    );
    const legend = [...svg.matchAll(/data-legend="([a-z0-9]+)"/g)].map((m) => m[1]);
    expect(legend).toEqual(['lane0', 'lane1', 'inferred', 'links', 'break', 'rows']);
    // No mark is a link in the file (a link to "#lankov-2007:10.1" leads nowhere outside the reader).
    expect(svg).not.toContain('<a ');
    expect(svg.match(/class="timeline-mark(?: |")/g)).toHaveLength(67);
  });

  it('leaves room for half a year label at each end of the axis (the first tick was cut)', () => {
    for (const width of [300, 1000]) {
      const svg = file([wc, lankov], width);
      const ticks = [
        ...svg.matchAll(
          /<g transform="translate\(([\d.]+),0\)"><line[^>]*>(?:<\/line>)?<text[^>]*>(\d{4})</g,
        ),
      ];
      expect(ticks.length).toBeGreaterThan(2);
      // A four-digit year at 12 px sans is about 28 px wide, centred on its tick.
      for (const [, x] of ticks) {
        expect(Number(x)).toBeGreaterThanOrEqual(15);
        expect(Number(x)).toBeLessThanOrEqual(width - 15);
      }
    }
  });

  it('renders a title of the reader’s own as text, escaped, never as markup', () => {
    const own = { ...lankov, id: 'my-notes-1' as SourceId, title: '<script>x()</script> & “Co”' };
    const svg = file([wc, own], 1000);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x()&lt;/script&gt; &amp; “Co” (lower lane)');
  });
});
