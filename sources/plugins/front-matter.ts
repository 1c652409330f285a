/**
 * `frontMatter`: reads a Markdown file's YAML front matter (parsed into a
 * `yaml` node by remark-frontmatter) with the `yaml` package and removes it
 * from the running text. What a record can use — `title`, `author`, `date`,
 * `url` — lands in `file.data.frontMatter`, each checked for its type (a date
 * is kept as written, only when it starts with a four-digit year; a URL only
 * when http(s)). An author (or each of a list) is a name in one string, kept
 * as written (`author: Kim Minji`: which part is the family name is not
 * said, so it is not decided here), or a name already split the way CSL-YAML
 * and Pandoc write it (`family:` and `given:`; `literal:` for a name never
 * split, such as an organisation's).
 * `repairs: print` declares the text as extracted print (see
 * `sources/detect-print.ts`).
 *
 * Front matter that is not valid YAML, or not a mapping, stays in the text as
 * a paragraph (nothing lost) and is reported (`front-matter:invalid`).
 *
 * Mutates `tree` and `file.data`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import '../mdast-data.ts';

/**
 * An author as a text gives it: a name in one string, as written, or a name
 * whose family and given parts the text states (`given` empty for a name
 * that has no such parts, an organisation's).
 */
export type AuthorName = string | { readonly family: string; readonly given: string };

/** What front matter says about a text, as far as a citation record can use it. */
export interface FrontMatter {
  /** `title:` as written. */
  readonly title?: string;
  /** `author:` (or `authors:`): one name or a list, each a string or `family`/`given`/`literal`. */
  readonly authors?: readonly AuthorName[];
  /** `date:` as written (e.g. `2024-03-05`, `2024`). */
  readonly date?: string;
  /** `url:` when it is an http(s) URL. */
  readonly url?: string;
  /** `repairs: print` — the text declares itself extracted print. */
  readonly print?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** Set by `frontMatter` when the text has usable front matter. */
    frontMatter: FrontMatter;
  }
}

/** Options of `frontMatter` (none yet; kept for the plugin shape). */
export type Options = Record<string, never>;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** One author entry of front matter, or undefined when it names no one. */
function authorName(v: unknown): AuthorName | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return str(v);
  const o = v as Record<string, unknown>;
  const literal = str(o.literal);
  if (literal !== undefined) return { family: literal, given: '' };
  const family = str(o.family);
  if (family === undefined) return undefined;
  return { family, given: str(o.given) ?? '' };
}

/** The usable fields of a parsed YAML mapping. */
export function frontMatterFields(data: Readonly<Record<string, unknown>>): FrontMatter {
  const title = str(data.title);
  const rawAuthor = data.author ?? data.authors;
  const authors = (Array.isArray(rawAuthor) ? rawAuthor : [rawAuthor])
    .map(authorName)
    .filter((a): a is AuthorName => a !== undefined);
  // YAML turns an unquoted 2024-03-05 into a Date; keep the calendar day it names.
  const rawDate =
    data.date instanceof Date && !Number.isNaN(data.date.getTime())
      ? data.date.toISOString().slice(0, 10)
      : typeof data.date === 'number'
        ? String(data.date)
        : str(data.date);
  const date = rawDate !== undefined && /^\d{4}/.test(rawDate) ? rawDate : undefined;
  const rawUrl = str(data.url);
  const url = rawUrl !== undefined && /^https?:\/\/\S+$/i.test(rawUrl) ? rawUrl : undefined;
  const print = str(data.repairs) === 'print';
  return {
    ...(title !== undefined ? { title } : {}),
    ...(authors.length ? { authors } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(print ? { print } : {}),
  };
}

/** Remark plugin: see the module comment. */
export const frontMatter: Plugin<[Options?], Root> = function () {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0];
    if (!first || first.type !== 'yaml') return;
    let data: unknown;
    try {
      data = parseYaml(first.value, { maxAliasCount: 100 });
    } catch {
      data = undefined;
    }
    if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
      const message = file.message('Front matter is not a YAML mapping; kept as text', {
        place: first.position?.start,
        ruleId: 'invalid',
        source: 'front-matter',
      });
      message.fatal = undefined;
      tree.children[0] = {
        type: 'paragraph',
        children: [{ type: 'text', value: first.value }],
        ...(first.position ? { position: first.position } : {}),
      };
      return;
    }
    tree.children.shift();
    file.data.frontMatter = frontMatterFields(data as Record<string, unknown>);
  };
};
