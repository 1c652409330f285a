import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineView } from '../../app/views/inline-view.tsx';
import { LONG_RUN, splitRun } from '../../app/views/long-text-run.tsx';

describe('splitRun', () => {
  it('cuts after a space, into pieces that join back to the run', () => {
    const run = 'Mr. '.repeat(10_000);
    const pieces = splitRun(run, 1_000);
    expect(pieces.join('')).toBe(run);
    expect(pieces.length).toBe(40);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.endsWith(' ')).toBe(true);
      expect(piece.length).toBeLessThanOrEqual(1_000);
    }
  });

  it('cuts a run without spaces at the size, never inside a surrogate pair', () => {
    const run = `${'x'.repeat(999)}${'😀'.repeat(1_000)}`;
    const pieces = splitRun(run, 1_000);
    expect(pieces.join('')).toBe(run);
    expect(pieces[0]).toBe('x'.repeat(999));
    for (const piece of pieces) expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('leaves a short run whole', () => {
    expect(splitRun('a b c', 1_000)).toEqual(['a b c']);
  });
});

describe('InlineView with a run over LONG_RUN', () => {
  it('renders it in laid-out-when-near pieces whose text is the run, as text', () => {
    const value = `<b>${'word '.repeat(LONG_RUN / 4)}`;
    const html = renderToStaticMarkup(<InlineView inlines={[{ type: 'text', value }]} />);
    const pieces = [...html.matchAll(/<span class="long-run" style="[^"]*">([^<]*)<\/span>/g)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((m) => m[1]).join('')).toBe(value.replace('<', '&lt;').replace('>', '&gt;'));
    expect(html).not.toContain('<b>');
  });

  it('renders a run at the limit as plain text', () => {
    const value = 'x'.repeat(LONG_RUN);
    expect(renderToStaticMarkup(<InlineView inlines={[{ type: 'text', value }]} />)).toBe(value);
  });
});
