/**
 * A file (or a paste) a reader adds → a parsed text with what it says about
 * itself, or one plain reason why it cannot be read. The one entry point for
 * every way a text comes in (file picker, paste, drop, re-import, the CLI's
 * `parse`, a workspace file), so every one of them gets the same checks:
 *
 * - bytes: not empty, valid UTF-8, not binary, not over `MAX_TEXT_BYTES`
 *   (`decodeText`);
 * - HTML (by name or by its first tag): the main text must be readable
 *   (`htmlToMarkdown`);
 * - Markdown nested too deep to parse in reasonable time is refused, with
 *   where and how deep (`checkNesting`, issue 12);
 * - the edition must have running text: a file whose every block is a
 *   heading, title or chrome has nothing to read, cite or annotate.
 *
 * It has no clock: the reader runs it in a Web Worker with a time limit
 * (`app/library/parse-text.ts`). Pure apart from Web Crypto's hash (for the id); no storage, no DOM.
 */
import type { Edition } from './edition.ts';
import { NUMBERED_ROLES } from './edition.ts';
import type { htmlToMarkdown } from './html/html-to-markdown.ts';
import type { AuthorName } from './plugins/front-matter.ts';
import { looksLikeHtml } from './html/looks-like-html.ts';
import { checkNesting } from './check-nesting.ts';
import type { ParseProgress } from './pipeline.ts';
import { decodeText, MAX_TEXT_BYTES } from './read-text.ts';
import { textId } from './text-id.ts';

/** The formats a reader can add. */
export type TextFormat = 'markdown' | 'html';

/** What a text says about itself, for its citation record; each field says where it came from. */
export interface TextFacts {
  /**
   * The title: front matter, the first heading, a plain-text file's first line standing alone
   * (`firstLineTitle`: a guess, which the record lists as inferred), the page's title, or the
   * file name.
   */
  readonly title: string;
  /** Where `title` came from. */
  readonly titleFrom: 'front matter' | 'heading' | 'first line' | 'page' | 'file name';
  /** Authors as written (front matter `author`, or the page's byline); split only where the text splits them. */
  readonly authors: readonly AuthorName[];
  /** Date as written (front matter `date`, or the page's publication time). */
  readonly date?: string;
  /** http(s) URL (front matter `url`, or the page's canonical URL). */
  readonly url?: string;
  /** The website a page belongs to, as the page names it (`og:site_name`): the record's container. */
  readonly site?: string;
}

/** A text ready to be stored and shown. */
export interface ImportedText {
  /** Stable id (see `text-id.ts`), or the id given by the caller (a new version keeps its id). */
  readonly id: string;
  /** The file name (or `Pasted text`). */
  readonly name: string;
  /** What the file was. */
  readonly format: TextFormat;
  /** What the pipeline read: the file's text, or the Markdown extracted from HTML. */
  readonly content: string;
  /** The parsed edition. */
  readonly edition: Edition;
  /** Facts for the record. */
  readonly facts: TextFacts;
  /**
   * The content and the edition (as JSON) in Blobs, made where the text was parsed off the
   * page's thread (`app/library/parse-worker.ts`). A store keeps these instead: IndexedDB stores
   * a Blob by reference, where a 100,000-paragraph edition (38 MB of JSON) took the page's
   * thread seconds to receive as a string and seconds more to serialise into IndexedDB.
   */
  readonly blobs?: { readonly content: Blob; readonly edition: Blob };
}

/** The result of `importText`. */
export type ImportTextResult =
  | { readonly ok: true; readonly text: ImportedText }
  | { readonly ok: false; readonly reason: string };

/** Options of `importText`. */
export interface ImportTextOptions {
  /** Keep this id (a new version of a stored text) instead of deriving one. */
  readonly id?: string;
  /** Size limit in bytes (default `MAX_TEXT_BYTES`). */
  readonly maxBytes?: number;
  /** Told how far the Markdown parse is (a progress bar on long texts). */
  readonly onProgress?: (progress: ParseProgress) => void;
}

/** Parses text `content` already decoded; see `importText` for bytes. */
export async function importDecodedText(
  raw: string,
  name: string,
  options: ImportTextOptions = {},
): Promise<ImportTextResult> {
  const quoted = `“${name}”`;
  let content = raw;
  let format: TextFormat = 'markdown';
  let titleAdded = false;
  let page: Extract<ReturnType<typeof htmlToMarkdown>, { ok: true }> | undefined;
  if (looksLikeHtml(raw, name)) {
    // Loaded only for a page: linkedom, Readability and rehype are most of the importer's
    // weight, and a Markdown or plain-text file never needs them (one lazy chunk each in the app).
    const { htmlToMarkdown: convert } = await import('./html/html-to-markdown.ts');
    const article = convert(raw);
    if (!article.ok) return { ok: false, reason: `${quoted} ${article.reason}.` };
    page = article;
    // Readability drops the page's own heading when it repeats <title>; put the title back
    // as the first heading, so the reader sees it above the text as in any other text.
    titleAdded = article.title !== undefined && !/^#{1,6}[ \t]/.test(article.markdown);
    content = titleAdded
      ? `# ${escapeMarkdown(article.title!)}\n\n${article.markdown}`
      : article.markdown;
    format = 'html';
  }
  // Refused before the pipeline is loaded (unified, remark, parse-english: most of a parse
  // worker's start-up), so a text nested too deep is answered at once; parseText checks again.
  const nesting = checkNesting(content);
  if (nesting) return { ok: false, reason: `${quoted} ${nesting.reason}.` };
  const { parseText, TextRefusedError } = await import('./pipeline.ts');
  const id = options.id ?? (await textId(name, raw));
  const stem = name.replace(/\.[a-z0-9]{1,10}$/i, '');
  let parsed: ReturnType<typeof parseText>;
  try {
    parsed = parseText(content, {
      id,
      title: page?.title ?? stem,
      // A .txt file has no mark for a title; its first line may stand alone as one.
      plainText: page === undefined && /\.txt$/i.test(name),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (error) {
    // Nested too deep to parse in reasonable time (`checkNesting`): say where and how deep.
    if (error instanceof TextRefusedError)
      return { ok: false, reason: `${quoted} ${error.reason}.` };
    if (error instanceof RangeError)
      return { ok: false, reason: `${quoted} is nested too deeply to parse.` };
    // Otherwise the pipeline throws only for stale editorial declarations, which a reader's file has none of.
    return { ok: false, reason: `${quoted} could not be parsed.` };
  }
  const { edition, frontMatter } = parsed;
  if (!edition.blocks.some((b) => NUMBERED_ROLES.has(b.role))) {
    return {
      ok: false,
      reason: `${quoted} has no running text (only headings, a title or page furniture).`,
    };
  }
  const titleBlock = edition.blocks.find((b) => b.role === 'title');
  const facts: TextFacts = {
    title: edition.title,
    titleFrom:
      frontMatter.title !== undefined
        ? 'front matter'
        : parsed.titleFromFirstLine
          ? 'first line'
          : titleBlock && !titleAdded
            ? 'heading'
            : page?.title !== undefined
              ? 'page'
              : 'file name',
    authors: frontMatter.authors ?? (page?.byline !== undefined ? [page.byline] : []),
    ...((frontMatter.date ?? page?.date) !== undefined
      ? { date: (frontMatter.date ?? page?.date)! }
      : {}),
    ...((frontMatter.url ?? page?.url) !== undefined
      ? { url: (frontMatter.url ?? page?.url)! }
      : {}),
    ...(page?.site !== undefined ? { site: page.site.slice(0, 1000) } : {}),
  };
  return { ok: true, text: { id, name, format, content, edition, facts } };
}

/** `text` with every ASCII punctuation mark backslash-escaped, so Markdown reads it as plain text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Checks and parses a file's bytes (see the module comment). */
export async function importText(
  bytes: Uint8Array,
  name: string,
  options: ImportTextOptions = {},
): Promise<ImportTextResult> {
  const decoded = decodeText(bytes, options.maxBytes ?? MAX_TEXT_BYTES);
  if (!decoded.ok) return { ok: false, reason: `“${name}” ${decoded.reason}.` };
  return importDecodedText(decoded.text, name, options);
}
