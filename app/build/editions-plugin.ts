/**
 * Vite plugin: the editions, parsed at BUILD time, and the reader prerendered
 * into `index.html`.
 *
 * What it is for: the browser never ships the parser. In Node, at build (and
 * dev-server) time, this plugin runs `builtinEditions()` and serves the result
 * as the virtual module `virtual:diptych-editions` (typed in
 * `virtual-editions.d.ts`); it also renders the reader to a string with
 * `react-dom/server` and puts it inside `<div id="root">`, so the two texts
 * paint before any JavaScript runs (`app/main.tsx` then hydrates).
 *
 * What it is not for: parsing (that is `sources/pipeline.ts`) or any runtime
 * work in the browser.
 *
 * Why `tsx`'s `tsImport` rather than static imports: Vite bundles the config
 * file and its relative imports into a temporary file; the project's modules
 * (`sources/builtin.ts` reads its texts relative to `import.meta.url`, the
 * views are `.tsx`) are instead loaded at run time from their real paths, only
 * when a build or dev server actually needs them — so loading the config for
 * the unit tests costs nothing and cannot fail on a half-written pipeline.
 * In the dev server the result is cached for the life of the server; restart
 * it after editing a text (a watcher would be nicer; not needed yet).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Plugin } from 'vite';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import { packEditions, unpackEditions } from '../data/packed-editions.ts';
import { DEFERRED_STYLES_ATTRIBUTE } from '../deferred-styles.ts';
import { criticalCss } from './critical-css.ts';
import { withContentSecurityPolicy } from './content-security-policy.ts';

/** The id the app imports the prebuilt editions from. */
export const EDITIONS_MODULE_ID = 'virtual:diptych-editions';
const RESOLVED_ID = `\0${EDITIONS_MODULE_ID}`;

/** The id the compare engine imports the curated comparisons from, read through the importer at build time. */
export const CURATED_MODULE_ID = 'virtual:diptych-curated';
const RESOLVED_CURATED_ID = `\0${CURATED_MODULE_ID}`;

/** The placeholder in `app/index.html` that receives the prerendered reader. */
export const ROOT_PLACEHOLDER = '<div id="root"></div>';

interface Prerendered {
  readonly editions: readonly Edition[];
  readonly html: string;
  readonly curated: readonly Annotation[];
}

/**
 * Serializes editions, packed (`app/data/packed-editions.ts`), as an ES
 * module; `JSON.parse` of a string literal parses faster than an object
 * literal. Throws if unpacking would not give back exactly these editions.
 */
export function editionsModuleSource(editions: readonly Edition[]): string {
  const packed = packEditions(editions);
  // Compare as JSON data (what the browser will see), not as objects with undefined fields.
  if (
    !isDeepStrictEqual(
      unpackEditions(JSON.parse(JSON.stringify(packed))),
      JSON.parse(JSON.stringify(editions)),
    )
  ) {
    throw new Error(
      'diptych-editions: packed editions do not unpack to the pipeline output (see app/data/packed-editions.ts)',
    );
  }
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(packed))});\n`;
}

/**
 * The curated comparisons as the importer read them against `editions`, as
 * an ES module (`virtual-editions.d.ts` types it): the browser then neither
 * serializes the 140 KB collection nor runs the importer's schemas on it while
 * the reader starts (bench/annotations-sidebar.ts found a 100–200 ms task).
 * With them, the length of each edition's text: the app uses the list only
 * for the texts it was read against (`compare-engine.ts`).
 */
export function curatedModuleSource(
  editions: readonly Edition[],
  curated: readonly Annotation[],
): string {
  const data = {
    textLengths: Object.fromEntries(editions.map((e) => [e.id, e.text.length])),
    annotations: curated,
  };
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}

/**
 * The attribute on `<html>` that says "prerendered, not yet hydrated". While
 * it is there, `styles.css` lets the browser skip the layout and paint of
 * blocks off screen (`content-visibility: auto`), so the first paint costs
 * about what a static page costs; `app/main.tsx` removes it when the app
 * starts, before hydrating, because that containment would clip footnote
 * popovers and margin marks and its estimated heights would mislead deep-link
 * scrolling and pane sync.
 */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/**
 * Puts prerendered markup into the root placeholder and marks `<html>` with
 * {@link PRERENDERED_ATTRIBUTE}; throws if the template lost its placeholder
 * or its `<html>` tag.
 */
export function injectPrerendered(template: string, markup: string): string {
  if (!template.includes(ROOT_PLACEHOLDER)) {
    throw new Error(
      `diptych-editions: app/index.html must contain ${ROOT_PLACEHOLDER} to receive the prerendered reader`,
    );
  }
  if (!/<html\b/.test(template))
    throw new Error('diptych-editions: app/index.html has no <html> tag to mark as prerendered');
  return template
    .replace(/<html\b/, `<html ${PRERENDERED_ATTRIBUTE}=""`)
    .replace(ROOT_PLACEHOLDER, () => `<div id="root">${markup}</div>`);
}

/** The id of the inline boot script, the body's last element: rendering waits until it is parsed. */
export const BOOT_SCRIPT_ID = 'diptych-boot';

/** Marks the empty icon that stands in, where script runs, until the real one is applied. */
export const ICON_PLACEHOLDER_ATTRIBUTE = 'data-icon-placeholder';
/** Marks the page's icon, applied after the first paint where script runs (see deferEntry). */
export const ICON_AFTER_PAINT_ATTRIBUTE = 'data-icon-after-paint';

/**
 * Rewrites the built `index.html` for a first paint that waits for nothing
 * but the HTML, like a static page:
 *
 * - the stylesheet's rules that the prerendered page needs are inlined
 *   (`<style>`, from `critical(href)`: `critical-css.ts`), so there is no
 *   render-blocking request and little CSS to parse and match before the
 *   first paint; the whole stylesheet is requested by the boot script with
 *   the entry, as a `<link>` marked {@link DEFERRED_STYLES_ATTRIBUTE}, and
 *   the entry waits for it before hydrating (`app/deferred-styles.ts`);
 * - rendering waits until the whole body has been parsed
 *   (`<link rel="expect" blocking="render">` naming the boot script, the
 *   body's last element): without it Chromium painted a frame as soon as its
 *   parser paused (the banner and an empty pane), then the text in a second
 *   and a third, each with its own style and layout pass (bench/reader.ts
 *   traces). The document is about 25 KB gzipped, parsed in milliseconds;
 *   a browser without `rel=expect` renders as before;
 * - the `<script type="module" src>` Vite emits becomes a small inline module
 *   (id {@link BOOT_SCRIPT_ID}) that imports the entry once the prerendered
 *   text's first frame has been presented (its paint timing entry; where the
 *   browser has none, after two animation frames) — at once in a tab that is
 *   hidden (no frames run there, and nothing is painted).
 *   A timer as well (it was 100 ms) fired before the first frame on a busy
 *   machine: the entry then ran first and ended the first paint's
 *   containment, so the first frame laid out both texts whole;
 * - the favicon is applied after the first paint, when the main thread is
 *   idle, where script runs: Chromium downloads a page's icon at its load
 *   event, which for this page comes before the first frame, and the
 *   download, the icon's decoding and the browser's redrawing of its tab
 *   delayed that frame by about 6–12 ms (bench/ab-first-paint.ts, 120 rounds,
 *   docs/first-paint.md, thirteenth session). The icon's `<link>` is kept,
 *   with `media="(scripting: none)"`, so a browser without script takes it
 *   at once, as before; with script, an empty icon (`data:,`, for
 *   `(scripting: enabled)`) stands in until then, so that the browser does
 *   not ask for `/favicon.ico` meanwhile (a 404);
 *
 * Measured in bench/reader.ts: with the entry as an ordinary (deferred)
 * module, or even only preloaded, Chromium painted the prerendered text
 * after the bundle was fetched and evaluated. The cost: the reader becomes
 * interactive after the download that now starts after the first frame
 * (a few milliseconds on localhost; on a slow network, a modulepreload would
 * win back interactivity at the price of first paint). Throws if the tags
 * are not found, so a change in Vite's output cannot silently undo this.
 *
 * `critical` maps a stylesheet href as written in the HTML to the rules of
 * it to inline.
 */
export function deferEntry(html: string, critical: (href: string) => string | undefined): string {
  const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
  const m = tag.exec(html);
  if (!m)
    throw new Error('diptych-editions: no module entry <script> in the built index.html to defer');
  const hrefs: string[] = [];
  const inlined = html.replace(
    /<link rel="stylesheet" crossorigin href="([^"]+)">/g,
    (link, href: string) => {
      const source = critical(href);
      if (source === undefined)
        throw new Error(`diptych-editions: stylesheet ${href} is not in the bundle`);
      hrefs.push(href);
      return `<style>${source.replace(/<\/style/gi, '<\\/style')}</style>`;
    },
  );
  const styles = hrefs.length
    ? `for(const h of ${JSON.stringify(hrefs)}){const l=document.createElement("link");` +
      `l.rel="stylesheet";l.href=h;l.setAttribute("${DEFERRED_STYLES_ATTRIBUTE}","");document.head.append(l)}`
    : '';
  const icon = /<link rel="icon" href="([^"]+)"([^>]*?)\s*\/?>/;
  const iconTag = icon.exec(inlined);
  if (!iconTag)
    throw new Error('diptych-editions: no <link rel="icon"> in the built index.html to defer');
  const icons =
    `<link rel="icon" href="data:," media="(scripting: enabled)" ${ICON_PLACEHOLDER_ATTRIBUTE}>` +
    `<link rel="icon" href="${iconTag[1]}"${iconTag[2]} media="(scripting: none)" ${ICON_AFTER_PAINT_ATTRIBUTE}>`;
  // Idle, so that the icon's SVG document is not parsed in the middle of the app's start.
  const showIcon =
    `const i=()=>{document.querySelector("[${ICON_PLACEHOLDER_ATTRIBUTE}]")?.remove();` +
    `document.querySelector("[${ICON_AFTER_PAINT_ATTRIBUTE}]")?.removeAttribute("media")};` +
    `self.requestIdleCallback?requestIdleCallback(i,{timeout:2000}):i();`;
  // After the first paint has been presented: the paint entry (First Contentful Paint) is queued
  // once the frame is on screen. Two animation frames only meant the frame had been painted on
  // the main thread; its raster and drawing were still under way when the entry's download and
  // compilation started, and slowed them (bench/reader.ts). A browser without paint timing
  // waits the two frames.
  const boot =
    `<script type="module" id="${BOOT_SCRIPT_ID}">let go=()=>{go=()=>{};${showIcon}${styles}import(${JSON.stringify(m[1])})};` +
    `if(self.PerformanceObserver?.supportedEntryTypes?.includes("paint"))new PerformanceObserver(()=>go()).observe({type:"paint",buffered:true});` +
    `else requestAnimationFrame(()=>requestAnimationFrame(()=>go()));` +
    `if(document.visibilityState==="hidden")go();` +
    `document.addEventListener("visibilitychange",()=>go(),{once:true})</script>`;
  const expect = `<link rel="expect" href="#${BOOT_SCRIPT_ID}" blocking="render">`;
  if (!inlined.includes('</head>'))
    throw new Error(
      'diptych-editions: no </head> in the built index.html to hold the render-blocking link',
    );
  return inlined
    .replace(icon, () => icons)
    .replace(tag, '')
    .replace('</head>', () => `${expect}</head>`)
    .replace('</body>', () => `${boot}\n</body>`);
}

/** The plugin; add it to `plugins` in vite.config.ts. */
export function editionsPlugin(): Plugin[] {
  return [editionsAndPrerender(), deferredEntry()];
}

function deferredEntry(): Plugin {
  return {
    name: 'diptych-defer-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // The policy goes in last, hashing the inline boot script and style this step writes.
      async handler(html, ctx) {
        // Each stylesheet's first-paint rules, against the prerendered page.
        const critical = new Map<string, string>();
        for (const [, href] of html.matchAll(
          /<link rel="stylesheet" crossorigin href="([^"]+)">/g,
        )) {
          const asset = ctx.bundle?.[href!.replace(/^\.?\//, '')];
          if (asset?.type !== 'asset') continue;
          const css =
            typeof asset.source === 'string'
              ? asset.source
              : new TextDecoder().decode(asset.source);
          critical.set(href!, await criticalCss(html, css));
        }
        return withContentSecurityPolicy(deferEntry(html, (href) => critical.get(href)));
      },
    },
  };
}

function editionsAndPrerender(): Plugin {
  let appRoot = '';
  let pending: Promise<Prerendered> | undefined;

  const prerendered = (): Promise<Prerendered> => {
    pending ??= (async () => {
      const { tsImport } = await import('tsx/esm/api');
      const entry = pathToFileURL(path.join(appRoot, 'build', 'prerender.tsx')).href;
      const mod = (await tsImport(entry, import.meta.url)) as {
        prerenderReader: () => Prerendered;
      };
      return mod.prerenderReader();
    })();
    return pending;
  };

  return {
    name: 'diptych-editions',
    configResolved(config) {
      appRoot = config.root;
    },
    resolveId(id) {
      if (id === EDITIONS_MODULE_ID) return RESOLVED_ID;
      return id === CURATED_MODULE_ID ? RESOLVED_CURATED_ID : undefined;
    },
    async load(id) {
      if (id === RESOLVED_ID) return editionsModuleSource((await prerendered()).editions);
      if (id === RESOLVED_CURATED_ID) {
        const { editions, curated } = await prerendered();
        return curatedModuleSource(editions, curated);
      }
      return undefined;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        return injectPrerendered(html, (await prerendered()).html);
      },
    },
  };
}
