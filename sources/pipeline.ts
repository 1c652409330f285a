/**
 * The parsing pipeline: text in, `Edition` out.
 *
 * unified + remark-parse (`parseMarkdown`: linear on long texts), then one
 * small plugin per job. Two kinds of text (`sources/detect-print.ts` decides
 * which when the caller does not say):
 *
 * - `print` (the built-in editions; extracted print): CommonMark, then
 *   `blockRoles` → `pageBreakRepair` → `footnotes` → `languageRuns` →
 *   `addresses`, exactly as the built-in editions have always been built;
 * - `markdown` (any other text): CommonMark + GFM and YAML front matter, then
 *   `frontMatter` → `blockRoles` → `titleHeading` → (for a plain-text file,
 *   `firstLineTitle`) → `footnotes` → `gfmFootnotes` → `languageRuns` →
 *   `addresses`. No page-break repair: it would join a well-formed paragraph
 *   ending in `]` or `)` to the next one.
 *
 * `toEdition` compiles the result. Deterministic and free of I/O, so it runs
 * the same in the CLI, at build time and (lazily loaded) in the browser.
 *
 * Throws `TextRefusedError` for a text nested too deep to parse in
 * reasonable time (`checkNesting`, issue 12), and a plain `Error` for a
 * stale editorial declaration (see `blockRoles`); any other input, however
 * odd, yields an edition. It has no clock: callers that must not wait for
 * ever run it in a worker and stop that (`PARSE_TIME_LIMIT_MS`).
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import { checkNesting } from './check-nesting.ts';
import { detectPrint } from './detect-print.ts';
import type { Edition } from './edition.ts';
import type { EditorialDeclaration } from './metadata.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { addresses } from './plugins/addresses.ts';
import { blockRoles } from './plugins/block-roles.ts';
import { firstLineTitle } from './plugins/first-line-title.ts';
import { footnotes } from './plugins/footnotes.ts';
import { frontMatter, type FrontMatter } from './plugins/front-matter.ts';
import { gfmFootnotes } from './plugins/gfm-footnotes.ts';
import { languageRuns } from './plugins/language-runs.ts';
import { pageBreakRepair } from './plugins/page-break-repair.ts';
import { titleHeading } from './plugins/title-heading.ts';
import { toEdition } from './to-edition.ts';

/** What kind of text the pipeline reads (see the module comment); `auto` detects it. */
export type TextKind = 'print' | 'markdown' | 'auto';

/** Options of `parseEdition`. */
export interface ParseEditionOptions {
  /** Source id: the prefix of every address. */
  readonly id: string;
  /** BCP 47 language of the text (default `en`). */
  readonly lang?: string;
  /** Editorial declarations (block roles no heuristic can know). */
  readonly declarations?: readonly EditorialDeclaration[];
  /** Title when the text has no title of its own (front matter, title block). */
  readonly title?: string;
  /** Extracted print or Markdown (default `auto`: `detectPrint`). */
  readonly kind?: TextKind;
  /**
   * The text is plain text (a `.txt` file), not Markdown: a first line standing alone like a
   * title is taken as the title (`firstLineTitle`; Markdown only, not print).
   */
  readonly plainText?: boolean;
  /** Told how far the Markdown parse is, for a progress bar on long texts. */
  readonly onProgress?: (progress: ParseProgress) => void;
}

/** How far `parseText` is: `done` of `total` chunks of the Markdown parse. */
export interface ParseProgress {
  /** The stage: `markdown` (chunks parsed). */
  readonly stage: 'markdown';
  readonly done: number;
  readonly total: number;
}

/** Thrown for a text the pipeline will not parse; `reason` reads after the file's name. */
export class TextRefusedError extends Error {
  /** E.g. `nests square brackets 100,000 deep on line 1 (the limit is 32)`. */
  readonly reason: string;
  constructor(reason: string) {
    super(`The text ${reason}.`);
    this.name = 'TextRefusedError';
    this.reason = reason;
  }
}

/** An edition with what the text said about itself. */
export interface ParsedText {
  /** The edition. */
  readonly edition: Edition;
  /** The kind the text was read as. */
  readonly kind: 'print' | 'markdown';
  /** The front matter's usable fields (empty when there is none). */
  readonly frontMatter: FrontMatter;
  /** The title is the text's first line, taken as one by `firstLineTitle` (the text does not say so). */
  readonly titleFromFirstLine: boolean;
}

/** Parses a Markdown or plain text into an `Edition`, with its front matter. */
export function parseText(text: string, options: ParseEditionOptions): ParsedText {
  const problem = checkNesting(text);
  if (problem) throw new TextRefusedError(problem.reason);
  const { onProgress } = options;
  const onChunk =
    onProgress && ((done: number, total: number) => onProgress({ stage: 'markdown', done, total }));
  const requested = options.kind ?? 'auto';
  const declaredPrint =
    requested === 'auto' && /^---\r?\n(?:.*\r?\n)*?repairs:[ \t]*print[ \t]*\r?\n/.test(text);
  const kind =
    requested === 'auto' ? (declaredPrint || detectPrint(text) ? 'print' : 'markdown') : requested;
  const file = new VFile({ value: text });
  const declarations = { declarations: options.declarations ?? [] };
  const tree =
    kind === 'print'
      ? unified()
          .use(frontMatter)
          .use(blockRoles, declarations)
          .use(pageBreakRepair)
          .use(footnotes)
          .use(languageRuns)
          .use(addresses, { id: options.id })
          .runSync(parseMarkdown(text, declaredPrint ? 'gfm' : 'commonmark', onChunk), file)
      : unified()
          .use(frontMatter)
          .use(blockRoles, declarations)
          .use(titleHeading)
          .use(options.plainText ? [firstLineTitle] : [])
          .use(footnotes)
          .use(gfmFootnotes)
          .use(languageRuns)
          .use(addresses, { id: options.id })
          .runSync(parseMarkdown(text, 'gfm', onChunk), file);
  const fm = file.data.frontMatter ?? {};
  const title = fm.title ?? options.title;
  const edition = toEdition(tree, file.messages, {
    id: options.id,
    lang: options.lang ?? 'en',
    ...(title !== undefined ? { title } : {}),
    preferGivenTitle: fm.title !== undefined,
  });
  return { edition, kind, frontMatter: fm, titleFromFirstLine: file.data.firstLineTitle === true };
}

/** Parses a Markdown or plain text into an `Edition`. */
export function parseEdition(text: string, options: ParseEditionOptions): Edition {
  return parseText(text, options).edition;
}
