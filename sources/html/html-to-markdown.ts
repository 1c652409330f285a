/**
 * An HTML article (a page saved from a browser) → Markdown the pipeline reads.
 *
 * 1. linkedom builds a DOM from the string (no browser needed, so this runs
 *    the same in the CLI, a Web Worker and tests; nothing is rendered and no
 *    script runs — linkedom does not execute scripts or load resources).
 * 2. @mozilla/readability (Firefox's Reader View) finds the main text and
 *    drops navigation, scripts, styles, forms and other page furniture.
 * 3. rehype-parse + rehype-remark (hast-util-to-mdast) turn the article's
 *    HTML into mdast, and remark-stringify (with remark-gfm, for tables and
 *    strikethrough) writes it as Markdown. Scripts, styles and other
 *    non-content elements are ignored by hast-util-to-mdast as well.
 *
 * The Markdown is what is stored and parsed, so a re-parse gives the same
 * edition and annotations anchor in its plain text. What the page says about
 * itself — its title, byline, canonical URL, publication time and site name,
 * as the page's own markup states them — is returned for the record, never
 * guessed.
 *
 * Not for: sanitising HTML for display (nothing here is ever shown as HTML;
 * the reader renders the edition's inlines as React text).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { dropLeadingByline, takeBylineElement, type BylineHast } from './byline.ts';

/** What an HTML page yields. */
export type HtmlArticle =
  | {
      readonly ok: true;
      /** The main text as Markdown. */
      readonly markdown: string;
      /** `<title>` / Readability's title, when the page has one. */
      readonly title?: string;
      /** The byline the page states (meta author or a byline element). */
      readonly byline?: string;
      /** `<link rel=canonical>` or `og:url`, when http(s). */
      readonly url?: string;
      /** `article:published_time` or similar, as the page states it. */
      readonly date?: string;
      /** The site's name as the page states it (`og:site_name`, or its JSON-LD publisher). */
      readonly site?: string;
    }
  | { readonly ok: false; readonly reason: string };

/** A hast node, as far as `tidyHast` looks at it. */
interface HastLike {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastLike[];
}

/**
 * Drops HTML comments (rehype-remark would keep them as raw HTML, which the
 * edition shows as text) and turns a `<br>` inside a heading, or at the end
 * of an element, into a space (Markdown has no line break there;
 * remark-stringify would write a stray backslash). Mutates `node`.
 */
function tidyHast(node: HastLike, inHeading = false): void {
  if (!node.children) return;
  const heading = inHeading || /^h[1-6]$/.test(node.tagName ?? '');
  const last = node.children.length - 1;
  node.children = node.children.flatMap((child, i): HastLike[] => {
    if (child.type === 'comment') return [];
    if ((heading || i === last) && child.type === 'element' && child.tagName === 'br') {
      return [{ type: 'text', value: ' ' }];
    }
    tidyHast(child, heading);
    return [child];
  });
}

/** The article's HTML → Markdown, without a leading paragraph that is only `byline`. */
const toMarkdown = (byline: string | undefined) =>
  unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree) => {
      tidyHast(tree as unknown as HastLike);
      if (byline !== undefined) dropLeadingByline(tree as unknown as BylineHast, byline);
    })
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', fences: true });

/** Whether the page states an author in its `<meta>`s (Readability's names: author, dc.creator, …). */
const hasAuthorMeta = (document: Document): boolean =>
  [...document.querySelectorAll('meta[content]')].some((m) =>
    /author|creator/i.test(`${m.getAttribute('name') ?? ''} ${m.getAttribute('property') ?? ''}`),
  );

function canonicalUrl(document: Document): string | undefined {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.find((u): u is string => !!u && /^https?:\/\/\S+$/i.test(u.trim()))?.trim();
}

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

/** Extracts the main text of an HTML page as Markdown (see the module comment). */
export function htmlToMarkdown(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const url = canonicalUrl(document as unknown as Document);
  // The byline element goes before Readability runs, which keeps it when the page has author
  // metadata (see byline.ts). Without metadata its text becomes the page's byline, stated as a
  // <meta> so that Readability takes it (as it would have) instead of looking for another
  // byline-like element (an author's bio box) to remove.
  const markupByline = takeBylineElement(document as unknown as Document);
  if (markupByline !== undefined && !hasAuthorMeta(document as unknown as Document)) {
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'author');
    meta.setAttribute('content', markupByline);
    document.head.append(meta);
  }
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 0 }).parse();
  } catch {
    article = null;
  }
  if (!article?.content || !clean(article.textContent)) {
    return { ok: false, reason: 'has no readable text (no article or paragraphs in the page)' };
  }
  const byline = clean(article.byline);
  // A `<br>` that ends a paragraph becomes a lone `\` (a hard break needs text after it): drop it.
  const markdown = String(toMarkdown(byline).processSync(article.content))
    .replace(/\\\n(?=\n|$)/g, '\n')
    .trim();
  if (markdown === '') {
    return { ok: false, reason: 'has no readable text (no article or paragraphs in the page)' };
  }
  const title = clean(article.title);
  const date = clean(article.publishedTime);
  const site = clean(article.siteName);
  return {
    ok: true,
    markdown: `${markdown}\n`,
    ...(title !== undefined ? { title } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(site !== undefined ? { site } : {}),
  };
}
