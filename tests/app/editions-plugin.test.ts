import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinEditions } from '../../sources/builtin.ts';
import { unpackEditions, type PackedEdition } from '../../app/data/packed-editions.ts';
import { loadCuratedComparisons } from '../../annotations/comparisons/load-curated.ts';
import {
  curatedModuleSource,
  deferEntry,
  ICON_AFTER_PAINT_ATTRIBUTE,
  ICON_PLACEHOLDER_ATTRIBUTE,
  editionsModuleSource,
  injectPrerendered,
  PRERENDERED_ATTRIBUTE,
  ROOT_PLACEHOLDER,
} from '../../app/build/editions-plugin.ts';
import { criticalCss } from '../../app/build/critical-css.ts';
import { DEFERRED_STYLES_ATTRIBUTE } from '../../app/deferred-styles.ts';

describe('curatedModuleSource', () => {
  it('ships what the importer reads from the curated collection, with the texts it read them against', async () => {
    const editions = builtinEditions();
    const source = curatedModuleSource(editions, loadCuratedComparisons(editions));
    const shipped = (
      (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
        default: { textLengths: Record<string, number>; annotations: unknown[] };
      }
    ).default;
    expect(shipped.annotations).toEqual(
      JSON.parse(JSON.stringify(loadCuratedComparisons(editions))),
    );
    expect(shipped.annotations.length).toBeGreaterThan(0);
    expect(shipped.textLengths).toEqual(
      Object.fromEntries(editions.map((e) => [e.id, e.text.length])),
    );
  });
});

describe('editionsModuleSource', () => {
  const load = async (source: string) =>
    (
      (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
        default: PackedEdition[];
      }
    ).default;

  it('round-trips the editions exactly (packed, then unpacked as the browser does)', async () => {
    const editions = builtinEditions();
    const packed = await load(editionsModuleSource(editions));
    expect(unpackEditions(packed)).toEqual(JSON.parse(JSON.stringify(editions)));
  });

  it('keeps text that looks like script or module syntax inert', async () => {
    const [first] = builtinEditions();
    const hostile = { ...first!, title: '</script><script>alert(1)</script>`${1}`\u2028\u2029' };
    const packed = await load(editionsModuleSource([hostile]));
    expect(packed[0]!.title).toBe(hostile.title);
  });

  describe('when it fails', () => {
    it('throws if the packed form would not unpack to the pipeline output', () => {
      const [first] = builtinEditions();
      const block = first!.blocks[5]!;
      const bad = {
        ...first!,
        blocks: first!.blocks.map((b) => (b === block ? { ...b, text: `${b.text} ` } : b)),
      };
      expect(() => editionsModuleSource([bad])).toThrow(/do not unpack to the pipeline output/);
    });
  });
});

describe('injectPrerendered', () => {
  it('puts the markup inside the root element and marks <html> as prerendered', () => {
    const html = `<html lang="en"><body>${ROOT_PLACEHOLDER}</body></html>`;
    expect(injectPrerendered(html, '<p>a $& b</p>')).toBe(
      `<html ${PRERENDERED_ATTRIBUTE}="" lang="en"><body><div id="root"><p>a $& b</p></div></body></html>`,
    );
  });

  it('marks the real template', () => {
    const template = readFileSync(new URL('../../app/index.html', import.meta.url), 'utf8');
    expect(injectPrerendered(template, '<p></p>')).toMatch(/<html data-prerendered="" lang="en">/);
  });

  describe('when it fails', () => {
    it('throws, naming the file, if the template lost its placeholder', () => {
      expect(() => injectPrerendered('<html><body></body></html>', '<p></p>')).toThrow(
        /app\/index\.html must contain/,
      );
    });

    it('throws, naming the file, if the template has no <html> tag', () => {
      expect(() => injectPrerendered(`<body>${ROOT_PLACEHOLDER}</body>`, '<p></p>')).toThrow(
        /app\/index\.html has no <html> tag/,
      );
    });
  });
});

describe('deferEntry', () => {
  const built =
    '<head><link rel="icon" href="./icons/icon.svg" type="image/svg+xml" />' +
    '<script type="module" crossorigin src="./assets/index-abc.js"></script>' +
    '<link rel="stylesheet" crossorigin href="./assets/index-def.css"></head><body><div id="root"></div></body>';

  it('inlines the first paint’s rules, and loads the whole stylesheet with the entry after the first frame', () => {
    const html = deferEntry(built, (href) =>
      href === './assets/index-def.css' ? 'p{color:red}' : undefined,
    );
    expect(html).toContain('<style>p{color:red}</style>');
    expect(html).not.toContain('src="./assets/index-abc.js"');
    expect(html).not.toContain('<link rel="stylesheet"');
    const boot =
      /<script type="module" id="diptych-boot">(.*)<\/script>\n<\/body>/s.exec(html)?.[1] ?? '';
    expect(boot).toContain('import("./assets/index-abc.js")');
    expect(boot).toContain('requestAnimationFrame(()=>requestAnimationFrame(');
    // Where the browser reports paint timing, the entry waits for the first frame to be presented.
    expect(boot).toContain(
      'new PerformanceObserver(()=>go()).observe({type:"paint",buffered:true})',
    );
    // No timer: on a busy machine one fired before the first frame (the entry then ran first).
    expect(boot).not.toContain('setTimeout');
    // The whole stylesheet, marked for the entry to wait on (app/deferred-styles.ts), requested
    // in the same step as the entry, not before the first frame.
    const go = /let go=\(\)=>\{go=\(\)=>\{\};(.*?)import\(/s.exec(boot)?.[1] ?? '';
    expect(go).toContain('["./assets/index-def.css"]');
    expect(go).toContain('l.rel="stylesheet"');
    expect(go).toContain(`l.setAttribute("${DEFERRED_STYLES_ATTRIBUTE}","")`);
  });

  it('holds rendering until the boot script, the body’s last element, has been parsed', () => {
    const html = deferEntry(built, () => '');
    expect(html).toContain('<link rel="expect" href="#diptych-boot" blocking="render"></head>');
    expect(html.indexOf('id="diptych-boot"')).toBeGreaterThan(html.indexOf('<div id="root">'));
  });

  it('applies the icon after the first paint where script runs, and at once where it does not', () => {
    const html = deferEntry(built, () => '');
    // Where script runs, an empty icon stands in (no request for /favicon.ico meanwhile)…
    expect(html).toContain(
      `<link rel="icon" href="data:," media="(scripting: enabled)" ${ICON_PLACEHOLDER_ATTRIBUTE}>`,
    );
    // …and without script the browser takes the real one, as it is, at once.
    expect(html).toContain(
      `<link rel="icon" href="./icons/icon.svg" type="image/svg+xml" media="(scripting: none)" ${ICON_AFTER_PAINT_ATTRIBUTE}>`,
    );
    expect(html.match(/rel="icon"/g)).toHaveLength(2);
    // The boot script swaps them once the first frame is on screen, when the main thread is idle.
    const go = /let go=\(\)=>\{go=\(\)=>\{\};(.*?)import\(/s.exec(html)?.[1] ?? '';
    expect(go).toContain(`document.querySelector("[${ICON_PLACEHOLDER_ATTRIBUTE}]")?.remove()`);
    expect(go).toContain(
      `document.querySelector("[${ICON_AFTER_PAINT_ATTRIBUTE}]")?.removeAttribute("media")`,
    );
    expect(go).toContain('requestIdleCallback(i,');
  });

  it('keeps a stylesheet from closing its <style> early', () => {
    const html = deferEntry(built, () => 'a::after{content:"</style><script>"}');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  describe('when it fails', () => {
    it('throws if Vite’s output no longer has the entry tag or the stylesheet', () => {
      expect(() => deferEntry('<body></body>', () => '')).toThrow(/no module entry/);
      expect(() => deferEntry(built.replace(/<link rel="icon"[^>]*>/, ''), () => '')).toThrow(
        /no <link rel="icon">/,
      );
      expect(() => deferEntry(built, () => undefined)).toThrow(
        /index-def\.css is not in the bundle/,
      );
    });
  });
});

describe('criticalCss', () => {
  const page =
    '<!doctype html><html data-prerendered=""><head><link rel="stylesheet" crossorigin href="./a.css"></head>' +
    '<body><div class="app"><p class="block-text"><a href="#x">x</a></p></div></body></html>';
  const css =
    ':root{--ink:#111}html[data-prerendered] .block-text{content-visibility:auto}' +
    '.app{display:grid}a:hover{color:red}:focus-visible{outline:3px solid}' +
    '.selection-toolbar{position:fixed}@media (max-width:700px){.app{display:block}.cite-panel{top:0}}' +
    '@keyframes spin{to{rotate:1turn}}.spinner{animation:spin 1s}';

  it('keeps the rules that match the prerendered page, with their hover and focus states', async () => {
    const critical = await criticalCss(page, css);
    expect(critical).toContain('--ink:#111');
    expect(critical).toContain('html[data-prerendered] .block-text{');
    expect(critical).toContain('a:hover{');
    // A focus ring for whatever the keyboard reaches before the app has started.
    expect(critical).toContain(':focus-visible{');
    expect(critical).toMatch(/@media \(max-width:\s*700px\)\{\.app\{display:block\}\}/);
  });

  it('leaves out what nothing on the page matches (panels, toolbars, their animations)', async () => {
    const critical = await criticalCss(page, css);
    expect(critical).not.toContain('.selection-toolbar');
    expect(critical).not.toContain('.cite-panel');
    expect(critical).not.toContain('@keyframes spin');
  });
});
