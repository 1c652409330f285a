/**
 * The parsing pipeline: text in, `Edition` out.
 *
 * unified + remark-parse (`parseMarkdown`: linear on long texts), then one small plugin per job, in this order:
 * `blockRoles` → `pageBreakRepair` → `footnotes` → `languageRuns` →
 * `addresses`; `toEdition` compiles the result. Deterministic and free of
 * I/O, so it runs the same in the CLI, at build time and (lazily loaded) in
 * the browser for a text a reader imports.
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
import type { Edition } from './edition.ts';
import type { EditorialDeclaration } from './metadata.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { addresses } from './plugins/addresses.ts';
import { blockRoles } from './plugins/block-roles.ts';
import { footnotes } from './plugins/footnotes.ts';
import { languageRuns } from './plugins/language-runs.ts';
import { pageBreakRepair } from './plugins/page-break-repair.ts';
import { toEdition } from './to-edition.ts';

/** Options of `parseEdition`. */
export interface ParseEditionOptions {
  /** Source id: the prefix of every address. */
  readonly id: string;
  /** BCP 47 language of the text (default `en`). */
  readonly lang?: string;
  /** Editorial declarations (block roles no heuristic can know). */
  readonly declarations?: readonly EditorialDeclaration[];
  /** Title when the text has no `title` block. */
  readonly title?: string;
  /** Told how far the work is, for a progress bar on long texts. */
  readonly onProgress?: (progress: ParseProgress) => void;
}

/** How far `parseEdition` is: `done` of `total` steps of the current stage. */
export interface ParseProgress {
  /** `markdown`: chunks parsed; `sentences`: blocks compiled (sentences found). */
  readonly stage: 'markdown' | 'sentences';
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

/** Parses a Markdown or plain text into an `Edition`. */
export function parseEdition(text: string, options: ParseEditionOptions): Edition {
  const problem = checkNesting(text);
  if (problem) throw new TextRefusedError(problem.reason);
  const { onProgress } = options;
  const processor = unified()
    .use(blockRoles, { declarations: options.declarations ?? [] })
    .use(pageBreakRepair)
    .use(footnotes)
    .use(languageRuns)
    .use(addresses, { id: options.id });
  const file = new VFile({ value: text });
  const markdown = parseMarkdown(
    text,
    onProgress && ((done, total) => onProgress({ stage: 'markdown', done, total })),
  );
  const tree = processor.runSync(markdown, file);
  return toEdition(tree, file.messages, {
    id: options.id,
    lang: options.lang ?? 'en',
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(onProgress
      ? {
          onProgress: (done: number, total: number) =>
            onProgress({ stage: 'sentences', done, total }),
        }
      : {}),
  });
}
