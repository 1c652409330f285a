/**
 * Citation HTML as React elements, through a whitelist — never as markup.
 *
 * citeproc's HTML (and the core's quote-with-citation HTML built on it) is
 * escaped and comes from our own records, but the app still does not insert
 * HTML: the string is parsed by the browser's own `DOMParser` (inert: a
 * parsed document runs no script and loads nothing) and walked into React
 * elements. Only these survive:
 *   - `<i>`, `<em>`, `<b>`, `<strong>`, `<sup>`, `<sub>`, `<br>`, `<p>`, with no attributes;
 *   - `<span>` with only the `font-style`, `font-variant` and `font-weight`
 *     values citeproc uses (italic, normal, small-caps, bold);
 *   - `<a>` whose `href` is an absolute http(s) URL (no `javascript:`, no
 *     relative or data URLs), with `rel="noopener noreferrer"`.
 * Any other element is unwrapped (its text kept as text); `<script>`,
 * `<style>` and other non-text containers are dropped with their content;
 * comments are dropped. Text is React text, so it is escaped on output.
 *
 * Not for: notes (annotations render their own safe Markdown tree) or any
 * other HTML the app receives.
 */
import { Fragment, useMemo, type CSSProperties, type ReactNode } from 'react';

/** Anything with the standard `parseFromString` (the browser's DOMParser; happy-dom's in tests). */
export interface HtmlParser {
  parseFromString(html: string, type: 'text/html'): Document;
}

const PLAIN = new Set(['i', 'em', 'b', 'strong', 'sup', 'sub', 'p']);
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'head',
  'title',
]);
const STYLE_VALUES: Readonly<Record<string, readonly string[]>> = {
  'font-style': ['italic', 'normal', 'oblique'],
  'font-variant': ['small-caps', 'normal'],
  'font-weight': ['bold', 'normal', '700', '400'],
};
const REACT_STYLE: Readonly<Record<string, keyof CSSProperties>> = {
  'font-style': 'fontStyle',
  'font-variant': 'fontVariant',
  'font-weight': 'fontWeight',
};

function safeStyle(element: Element): CSSProperties | undefined {
  const raw = element.getAttribute('style');
  if (!raw) return undefined;
  const style: Record<string, string> = {};
  for (const declaration of raw.split(';')) {
    const [name, value] = declaration.split(':').map((s) => s.trim().toLowerCase());
    if (!name || !value) continue;
    const key = REACT_STYLE[name];
    if (key && STYLE_VALUES[name]?.includes(value)) style[key] = value;
  }
  return Object.keys(style).length > 0 ? (style as CSSProperties) : undefined;
}

function safeHref(element: Element): string | undefined {
  const href = element.getAttribute('href');
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function convert(node: Node, key: string): ReactNode {
  if (node.nodeType === 3) return node.textContent;
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const name = element.nodeName.toLowerCase();
  if (DROPPED.has(name)) return null;
  const children = Array.from(element.childNodes, (child, i) => convert(child, `${key}.${i}`));
  if (name === 'br') return <br key={key} />;
  if (PLAIN.has(name)) {
    const Tag = name as 'i';
    return <Tag key={key}>{children}</Tag>;
  }
  if (name === 'span') {
    const style = safeStyle(element);
    return style ? (
      <span key={key} style={style}>
        {children}
      </span>
    ) : (
      <Fragment key={key}>{children}</Fragment>
    );
  }
  if (name === 'a') {
    const href = safeHref(element);
    return href ? (
      <a key={key} href={href} rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <Fragment key={key}>{children}</Fragment>
    );
  }
  return <Fragment key={key}>{children}</Fragment>;
}

/** The whitelisted React nodes for an HTML string (see the head comment for what survives). */
export function safeMarkup(html: string, parser: HtmlParser = new DOMParser()): ReactNode {
  const body = parser.parseFromString(html, 'text/html').body;
  return Array.from(body.childNodes, (child, i) => convert(child, String(i)));
}

/** Props of `SafeMarkup`. */
export interface SafeMarkupProps {
  /** HTML from the citation core (escaped, from our records). */
  readonly html: string;
}

/** Renders citation HTML through the whitelist. Browser only (uses `DOMParser`). */
export function SafeMarkup({ html }: SafeMarkupProps): ReactNode {
  return useMemo(() => safeMarkup(html), [html]);
}
