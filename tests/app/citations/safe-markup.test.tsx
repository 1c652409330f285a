import { Window } from 'happy-dom';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { safeMarkup, type HtmlParser } from '../../../app/citations/safe-markup.tsx';
import fixtures from '../../sources/citation/fixtures/citations.json' with { type: 'json' };

const parser = new new Window().DOMParser() as unknown as HtmlParser;
const render = (html: string): string =>
  renderToStaticMarkup(<>{safeMarkup(html, parser) as ReactNode}</>);

/** Every HTML string the citation fixtures pin (citations, notes, bibliography entries). */
function fixtureHtml(value: unknown, out: string[] = []): string[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'html' && typeof v === 'string') out.push(v);
      else fixtureHtml(v, out);
    }
  }
  return out;
}

describe('safeMarkup', () => {
  it('keeps the markup citeproc emits: italics, bold, small caps, sup/sub, paragraphs, breaks, http(s) links', () => {
    expect(render('Lankov, A. <i>Russia and North Korea</i>.')).toBe(
      'Lankov, A. <i>Russia and North Korea</i>.',
    );
    expect(render('<b>b</b><em>e</em><strong>s</strong><sup>1</sup><sub>2</sub>')).toBe(
      '<b>b</b><em>e</em><strong>s</strong><sup>1</sup><sub>2</sub>',
    );
    expect(render('<span style="font-variant:small-caps;">Lankov</span>')).toBe(
      '<span style="font-variant:small-caps">Lankov</span>',
    );
    expect(render('<span style="font-style:normal;">x</span>')).toBe(
      '<span style="font-style:normal">x</span>',
    );
    expect(
      render('<p>“q” (Lankov)<br><a href="https://example.org/#lankov-2007:12">link</a></p>'),
    ).toBe(
      '<p>“q” (Lankov)<br/><a href="https://example.org/#lankov-2007:12" rel="noopener noreferrer">link</a></p>',
    );
  });

  it('renders every pinned fixture string with the same text and italics as citeproc wrote them', () => {
    const all = fixtureHtml(fixtures);
    expect(all.length).toBeGreaterThan(50);
    for (const html of all) expect(render(html)).toBe(html.replace(/&amp;/g, '&amp;'));
  });

  it('keeps entities as text, escaped again on output', () => {
    expect(render('AT&amp;T &lt;b&gt;')).toBe('AT&amp;T &lt;b&gt;');
  });

  describe('when the HTML is hostile', () => {
    const cases: readonly [string, string][] = [
      ['<img src=x onerror="alert(1)">ok', 'ok'],
      ['<script>alert(1)</script>ok', 'ok'],
      ['<style>body{display:none}</style>ok', 'ok'],
      ['<a href="javascript:alert(1)">x</a>', 'x'],
      ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'x'],
      ['<a href="/relative">x</a>', 'x'],
      ['<i onclick="alert(1)" class="c" id="i">x</i>', '<i>x</i>'],
      ['<span style="background:url(https://evil.example/)">x</span>', 'x'],
      ['<span style="font-style:expression(alert(1))">x</span>', 'x'],
      ['<iframe src="https://evil.example/"></iframe>ok', 'ok'],
      ['<div><form action="https://evil.example/"><input name=a>x</form></div>', 'x'],
      ['<svg><script>alert(1)</script></svg>', ''],
      ['<!-- comment -->ok', 'ok'],
      ['<p>a<table><tr><td>b</td></tr></table></p>', '<p>a</p>b'],
    ];
    it.each(cases)('%s renders as %s', (html, expected) => {
      expect(render(html)).toBe(expected);
    });

    it('never lets an attribute other than a whitelisted style or http(s) href through', () => {
      const out = render(
        '<i title="t" style="color:red">a</i><span style="font-weight:bold;color:red" data-x="1">b</span><a href="https://x.example/" target="_top" onclick="x()">c</a>',
      );
      expect(out).toBe(
        '<i>a</i><span style="font-weight:bold">b</span><a href="https://x.example/" rel="noopener noreferrer">c</a>',
      );
    });
  });
});
