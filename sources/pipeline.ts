/**
 * The parsing pipeline: text in, `Edition` out.
 *
 * unified + remark-parse (`parseMarkdown`: linear on long texts), then one small plugin per job, in this order:
 * `blockRoles` → `pageBreakRepair` → `footnotes` → `languageRuns` →
 * `addresses`; `toEdition` compiles the result. Deterministic and free of
 * I/O, so it runs the same in the CLI, at build time and (lazily loaded) in
 * the browser for a text a reader imports.
 *
 * Throws only for a stale editorial declaration (see `blockRoles`); any
 * other input, however odd, yields an edition.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
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
}

/** Parses a Markdown or plain text into an `Edition`. */
export function parseEdition(text: string, options: ParseEditionOptions): Edition {
  const processor = unified()
    .use(blockRoles, { declarations: options.declarations ?? [] })
    .use(pageBreakRepair)
    .use(footnotes)
    .use(languageRuns)
    .use(addresses, { id: options.id });
  const file = new VFile({ value: text });
  const tree = processor.runSync(parseMarkdown(text), file);
  return toEdition(tree, file.messages, {
    id: options.id,
    lang: options.lang ?? 'en',
    ...(options.title !== undefined ? { title: options.title } : {}),
  });
}
