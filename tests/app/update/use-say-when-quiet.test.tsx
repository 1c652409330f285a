// @vitest-environment happy-dom
// The offline-ready news waits for the message on screen instead of replacing it (a refused
// file's reason was replaced by "Diptych is ready to work offline." about 7 s after the page
// opened), and is said once.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSayWhenQuiet } from '../../../app/update/use-say-when-quiet.ts';

const READY = 'Diptych is ready to work offline.';

function Probe(props: { news: boolean; shown: boolean; said: string[] }): ReactNode {
  useSayWhenQuiet(props.news, READY, (m) => props.said.push(m), props.shown);
  return null;
}

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('useSayWhenQuiet', () => {
  it('waits while another message is shown, then says it once', () => {
    const said: string[] = [];
    act(() => root.render(<Probe news={false} shown={false} said={said} />));
    expect(said).toEqual([]);
    // The news comes while a refused file's reason is on screen: it waits.
    act(() => root.render(<Probe news shown said={said} />));
    expect(said).toEqual([]);
    // The reason goes: the news is said.
    act(() => root.render(<Probe news shown={false} said={said} />));
    expect(said).toEqual([READY]);
    // It is now the message shown; when it goes, nothing repeats it.
    act(() => root.render(<Probe news shown said={said} />));
    act(() => root.render(<Probe news shown={false} said={said} />));
    expect(said).toEqual([READY]);
  });

  it('says it at once when nothing else is shown', () => {
    const said: string[] = [];
    act(() => root.render(<Probe news shown={false} said={said} />));
    expect(said).toEqual([READY]);
  });
});
