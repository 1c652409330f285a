/**
 * Build-time only (Node): the part of the app's stylesheet that the
 * prerendered page needs for its first paint.
 *
 * Why: `index.html` used to carry the whole stylesheet inline (22 KB: the
 * selection toolbar, the citation, sync and library panels…), and the browser
 * parsed it and matched every rule against the prerendered reader before it
 * could paint; traced (bench/trace-first-paint.ts), that style work and its
 * font look-ups were a large share of what the reader did before its first
 * paint that the static page of the same texts does not. Only the rules whose
 * selectors match an element of the prerendered document (pseudo-classes
 * stripped, so `:hover` and `:focus-visible` states of what is on the page
 * stay) are inlined; the whole stylesheet is loaded with the app, which waits
 * for it before hydrating (`app/deferred-styles.ts`), so nothing the app
 * renders later is ever unstyled. The whole sheet repeats the critical rules
 * in the same order, so the cascade is the same before and after it loads.
 *
 * Beasties (the maintained fork of Google's Critters) decides which rules
 * match; it is used only to compute the CSS text, not to rewrite the page.
 */
import type BeastiesType from 'beasties';

/**
 * Rules kept whatever the document holds: selectors that are nothing but a
 * pseudo-class or pseudo-element (`:focus-visible`, `::selection`), which
 * apply to whatever gains that state, such as a link focused with the
 * keyboard before the app has started.
 */
const ALWAYS: readonly RegExp[] = [/^::?[a-z-]+(?:\([^)]*\))?$/i];

/** The rules of `css` that the document `html` needs to render as it is. */
export async function criticalCss(html: string, css: string): Promise<string> {
  // Loaded here, not with the config: unit tests load vite.config.ts and never build.
  const { default: Beasties } = await import('beasties');
  const fail = (message: string): never => {
    throw new Error(`diptych-critical-css: ${message}`);
  };
  /** A Beasties that reads the stylesheet from memory and fails the build on any warning. */
  class InMemory extends Beasties {
    override getCssAsset(): string {
      return css;
    }
  }
  const beasties: BeastiesType = new InMemory({
    reduceInlineStyles: false,
    mergeStylesheets: false,
    pruneSource: false,
    fonts: false,
    keyframes: 'critical',
    compress: true,
    allowRules: [...ALWAYS],
    logger: { warn: fail, error: fail },
  });
  const marker = 'diptych-critical-css-probe.css';
  // The page's own stylesheet links out (this one stands for them), a <head> to hold the probe.
  const page = html.replace(/<link rel="stylesheet"[^>]*>/g, '');
  const withHead = page.includes('</head>') ? page : `<head></head>${page}`;
  const probe = withHead.replace(
    '</head>',
    () => `<link rel="stylesheet" href="${marker}"></head>`,
  );
  const out = await beasties.process(probe);
  // Beasties puts the critical rules in a <style> just before the link it read them for (which
  // it then rewrites; only the CSS is used: the caller decides how the page loads the rest).
  const m = /<style>([\s\S]*?)<\/style>\s*<link[^>]*href="diptych-critical-css-probe\.css"/.exec(
    out,
  );
  if (!m) throw new Error('diptych-critical-css: no critical CSS found in the processed page');
  return m[1]!;
}
