/**
 * Compiles the pipeline's annotated mdast tree into an `Edition`: plain text,
 * safe inline content, sentences and offsets. A pure function from tree to
 * value; all decisions (roles, joins, footnotes, addresses) were taken by the
 * plugins, this only reads `node.data`.
 *
 * Links survive only with an http(s) or mailto URL; any other scheme keeps
 * its text and loses the link, so a hostile imported text cannot smuggle a
 * `javascript:` URL into the reader.
 */
import type { Root, RootContent } from 'mdast';
import type { AnyNode as Nodes } from './mdast-data.ts';
import type { VFileMessage } from 'vfile-message';
import {
  BLOCK_SEPARATOR,
  type Address,
  type Block,
  type BlockRole,
  type Edition,
  type EditionMessage,
  type Footnote,
  type FootnoteRef,
  type Inline,
  type Sentence,
  type SourceId,
} from './edition.ts';
import { isContainer, softBreaks } from './util/block-text.ts';
import { splitSentences } from './util/sentences.ts';
import './mdast-data.ts';

/** Inline content with its plain text and footnote references. */
interface Compiled {
  inlines: Inline[];
  text: string;
  refs: Array<{ n: number; offset: number }>;
}

/** True for URLs a reader may follow: http, https, mailto. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

type MutableInline =
  | { type: 'text'; value: string; lang?: 'ru' | 'ko' }
  | { type: 'emphasis' | 'strong' | 'delete'; children: MutableInline[] }
  | { type: 'link'; url: string; children: MutableInline[] }
  | { type: 'footnoteRef'; n: number; address: Address };

/**
 * What separates the children of `node` in plain text: a newline between the
 * blocks of a container (list items, a quote's or a footnote's paragraphs,
 * table rows), ` | ` between table cells, nothing between phrasing content.
 */
function childSeparator(node: Nodes): string {
  if (node.type === 'tableRow') return ' | ';
  return isContainer(node) || node.type === 'table' ? '\n' : '';
}

function compileNodes(
  nodes: readonly Nodes[],
  out: Compiled,
  id: string,
  separator: string,
): MutableInline[] {
  const result: MutableInline[] = [];
  nodes.forEach((node, i) => {
    if (i > 0 && separator) {
      result.push({ type: 'text', value: separator });
      out.text += separator;
    }
    result.push(...compileNode(node, out, id));
  });
  return result;
}

function textInline(value: string, out: Compiled, lang?: 'ru' | 'ko'): MutableInline[] {
  if (value === '') return [];
  out.text += value;
  return [lang ? { type: 'text', value, lang } : { type: 'text', value }];
}

function compileNode(node: Nodes, out: Compiled, id: string): MutableInline[] {
  switch (node.type) {
    case 'text':
      return textInline(softBreaks(node.value), out, node.data?.lang);
    case 'inlineCode':
    case 'code':
    case 'html':
      return textInline(node.value, out);
    case 'break':
      return textInline(' ', out);
    case 'image':
    case 'imageReference':
      return textInline(node.alt ?? '', out);
    case 'definition':
      return textInline(`[${node.label ?? node.identifier}]: ${node.url}`, out);
    case 'thematicBreak':
      return [];
    case 'diptychFootnoteRef':
      out.refs.push({ n: node.n, offset: out.text.length });
      return [{ type: 'footnoteRef', n: node.n, address: `${id}:n${node.n}` as Address }];
    case 'emphasis':
    case 'strong':
    case 'delete':
      return [{ type: node.type, children: compileNodes(node.children, out, id, '') }];
    case 'link': {
      const children = compileNodes(node.children, out, id, '');
      return isSafeUrl(node.url) ? [{ type: 'link', url: node.url, children }] : children;
    }
    default: {
      if (!('children' in node)) return [];
      return compileNodes(node.children as Nodes[], out, id, childSeparator(node));
    }
  }
}

/** Trims whitespace at both ends of the inline list (shifting recorded offsets). */
function trimEdges(compiled: Compiled, inlines: MutableInline[]): MutableInline[] {
  const lead = compiled.text.length - compiled.text.trimStart().length;
  const trail = compiled.text.length - compiled.text.trimEnd().length;
  if (lead === 0 && trail === 0) return inlines;
  const total = compiled.text.length;
  // Drop `lead` characters from the front and `trail` from the back, walking text leaves.
  let dropFront = lead;
  let dropBack = trail;
  const leaves: Array<{ type: 'text'; value: string }> = [];
  const collect = (list: MutableInline[]): void => {
    for (const inline of list) {
      if (inline.type === 'text') leaves.push(inline);
      else if (inline.type !== 'footnoteRef') collect(inline.children);
    }
  };
  collect(inlines);
  for (const leaf of leaves) {
    if (dropFront === 0) break;
    const cut = Math.min(dropFront, leaf.value.length);
    leaf.value = leaf.value.slice(cut);
    dropFront -= cut;
  }
  for (const leaf of leaves.slice().reverse()) {
    if (dropBack === 0) break;
    const cut = Math.min(dropBack, leaf.value.length);
    leaf.value = leaf.value.slice(0, leaf.value.length - cut);
    dropBack -= cut;
  }
  compiled.text = compiled.text.slice(lead, total - trail);
  compiled.refs = compiled.refs.map((r) => ({
    n: r.n,
    offset: Math.min(Math.max(r.offset - lead, 0), compiled.text.length),
  }));
  return prune(inlines);
}

/** Removes empty text leaves and empty containers. */
function prune(list: MutableInline[]): MutableInline[] {
  const out: MutableInline[] = [];
  for (const inline of list) {
    if (inline.type === 'text') {
      if (inline.value !== '') out.push(inline);
    } else if (inline.type === 'footnoteRef') {
      out.push(inline);
    } else {
      const children = prune(inline.children);
      if (children.length) out.push({ ...inline, children });
    }
  }
  return out;
}

/** Merges adjacent text leaves with the same language. */
function merge(list: MutableInline[]): MutableInline[] {
  const out: MutableInline[] = [];
  for (const inline of list) {
    const prev = out[out.length - 1];
    if (inline.type === 'text' && prev?.type === 'text' && prev.lang === inline.lang) {
      prev.value += inline.value;
    } else if (
      inline.type === 'emphasis' ||
      inline.type === 'strong' ||
      inline.type === 'delete' ||
      inline.type === 'link'
    ) {
      out.push({ ...inline, children: merge(inline.children) });
    } else {
      out.push(inline.type === 'text' ? { ...inline } : inline);
    }
  }
  return out;
}

function compileBlock(node: RootContent, id: string): Compiled & { inlines: Inline[] } {
  const compiled: Compiled = { inlines: [], text: '', refs: [] };
  const raw =
    'children' in node
      ? compileNodes(node.children as Nodes[], compiled, id, childSeparator(node))
      : compileNode(node, compiled, id);
  compiled.inlines = merge(trimEdges(compiled, raw)) as Inline[];
  return compiled;
}

function sentencesOf(text: string, address: string): Sentence[] {
  return splitSentences(text).map((span, i) => ({
    address: `${address}.${i + 1}` as Address,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  }));
}

/** Options of `toEdition`. */
export interface ToEditionOptions {
  readonly id: string;
  readonly lang: string;
  /** Title to use when the text has no `title` block. */
  readonly title?: string;
  /** Use `title` even when the text has a `title` block (a front matter title). */
  readonly preferGivenTitle?: boolean;
}

/** Compiles an annotated tree (after all plugins ran) into an `Edition`. */
export function toEdition(
  tree: Root,
  messages: readonly VFileMessage[],
  options: ToEditionOptions,
): Edition {
  const { id } = options;
  let offset = 0;
  let text = '';
  const append = (piece: string): { start: number; end: number } => {
    if (text !== '') {
      text += BLOCK_SEPARATOR;
      offset += BLOCK_SEPARATOR.length;
    }
    const start = offset;
    text += piece;
    offset += piece.length;
    return { start, end: offset };
  };

  const citedBy = new Map<number, Address[]>();
  const blocks: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'thematicBreak') continue;
    const address = node.data?.address as Address;
    const compiled = compileBlock(node, id);
    const footnoteRefs: FootnoteRef[] = compiled.refs.map((r) => ({
      n: r.n,
      address: `${id}:n${r.n}` as Address,
      offset: r.offset,
    }));
    for (const ref of footnoteRefs) {
      const list = citedBy.get(ref.n) ?? [];
      if (!list.includes(address)) list.push(address);
      citedBy.set(ref.n, list);
    }
    const { start, end } = append(compiled.text);
    const block: Block = {
      address,
      role: (node.data?.role ?? 'paragraph') as BlockRole,
      ...(node.data?.n !== undefined ? { n: node.data.n } : {}),
      text: compiled.text,
      inlines: compiled.inlines,
      sentences: sentencesOf(compiled.text, address),
      footnoteRefs,
      start,
      end,
    };
    blocks.push(block);
  }

  const definitions = [...(tree.data?.footnotes ?? [])].sort(
    (a, b) => (a.data?.footnoteNumber ?? 0) - (b.data?.footnoteNumber ?? 0),
  );
  const footnotes: Footnote[] = definitions.map((node) => {
    const n = node.data?.footnoteNumber ?? 0;
    const address = `${id}:n${n}` as Address;
    const compiled = compileBlock(node, id);
    const { start, end } = append(compiled.text);
    return {
      address,
      n,
      text: compiled.text,
      inlines: compiled.inlines,
      sentences: sentencesOf(compiled.text, address),
      referencedFrom: citedBy.get(n) ?? [],
      start,
      end,
    };
  });

  const titleBlock = blocks.find((b) => b.role === 'title');
  const editionMessages: EditionMessage[] = messages.map((m) => ({
    ruleId: `${m.source ?? 'pipeline'}:${m.ruleId ?? 'message'}`,
    reason: m.reason,
    ...(m.line !== undefined && m.line !== null ? { line: m.line } : {}),
  }));
  return {
    id: id as SourceId,
    title:
      (options.preferGivenTitle ? options.title : undefined) ??
      titleBlock?.text ??
      options.title ??
      id,
    lang: options.lang,
    blocks,
    footnotes,
    text,
    messages: editionMessages,
  };
}
