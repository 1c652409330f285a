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

/** Appends `items` to `list` (no spread: a node may have more children than a call has arguments). */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

function textInline(value: string, out: Compiled, lang?: 'ru' | 'ko'): MutableInline[] {
  if (value === '') return [];
  out.text += value;
  return [lang ? { type: 'text', value, lang } : { type: 'text', value }];
}

/** A node without compiled children: its inlines; `null` for a node whose children are compiled. */
function compileLeaf(node: Nodes, out: Compiled, id: string): MutableInline[] | null {
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
    default:
      return 'children' in node ? null : [];
  }
}

/** One level of the walk in `compileNodes`: a list of siblings, how far, and what to do at the end. */
interface CompileFrame {
  readonly nodes: readonly Nodes[];
  index: number;
  readonly separator: string;
  readonly result: MutableInline[];
  readonly done: (result: MutableInline[]) => void;
}

/**
 * Compiles sibling nodes into inlines, appending their plain text to `out`.
 * It walks with an explicit stack rather than recursion (issue 12, item 3):
 * nesting depth is bounded before parsing (`checkNesting`), but a tree of
 * any depth must not overflow the call stack here.
 */
function compileNodes(
  nodes: readonly Nodes[],
  out: Compiled,
  id: string,
  separator: string,
): MutableInline[] {
  const top: MutableInline[] = [];
  const stack: CompileFrame[] = [{ nodes, index: 0, separator, result: top, done: () => {} }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      frame.done(frame.result);
      continue;
    }
    const node = frame.nodes[frame.index]!;
    if (frame.index > 0 && frame.separator) {
      frame.result.push({ type: 'text', value: frame.separator });
      out.text += frame.separator;
    }
    frame.index += 1;
    const leaf = compileLeaf(node, out, id);
    if (leaf !== null) {
      append(frame.result, leaf);
      continue;
    }
    const parent = frame.result;
    const children = (node as Extract<Nodes, { children: unknown }>).children as Nodes[];
    let done: (result: MutableInline[]) => void;
    switch (node.type) {
      case 'emphasis':
      case 'strong':
      case 'delete':
        done = (result) => parent.push({ type: node.type, children: result });
        break;
      case 'link':
        done = (result) =>
          isSafeUrl(node.url)
            ? parent.push({ type: 'link', url: node.url, children: result })
            : append(parent, result);
        break;
      default:
        done = (result) => append(parent, result);
    }
    const inline = node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete';
    stack.push({
      nodes: children,
      index: 0,
      separator: inline || node.type === 'link' ? '' : childSeparator(node),
      result: [],
      done,
    });
  }
  return top;
}

/** Every text leaf under `list`, in order (walked with a stack, not recursion). */
function textLeaves(list: MutableInline[]): Array<{ type: 'text'; value: string }> {
  const leaves: Array<{ type: 'text'; value: string }> = [];
  const stack: Array<{ list: MutableInline[]; index: number }> = [{ list, index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.list.length) {
      stack.pop();
      continue;
    }
    const inline = frame.list[frame.index++]!;
    if (inline.type === 'text') leaves.push(inline);
    else if (inline.type !== 'footnoteRef') stack.push({ list: inline.children, index: 0 });
  }
  return leaves;
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
  const leaves = textLeaves(inlines);
  for (const leaf of leaves) {
    if (dropFront === 0) break;
    const cut = Math.min(dropFront, leaf.value.length);
    leaf.value = leaf.value.slice(cut);
    dropFront -= cut;
  }
  for (let i = leaves.length - 1; i >= 0 && dropBack > 0; i--) {
    const leaf = leaves[i]!;
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

/**
 * Rebuilds an inline tree bottom-up with an explicit stack: `leaf` maps a
 * text or footnote leaf to what replaces it (none, one, or a merged one), and
 * `container` a container with its rebuilt children (dropped when `null`).
 */
function rebuild(
  list: MutableInline[],
  leaf: (inline: Exclude<MutableInline, { children: unknown }>, out: MutableInline[]) => void,
  container: (
    inline: Extract<MutableInline, { children: unknown }>,
    children: MutableInline[],
  ) => MutableInline | null,
): MutableInline[] {
  const top: MutableInline[] = [];
  const stack: Array<{
    list: MutableInline[];
    index: number;
    out: MutableInline[];
    done: (out: MutableInline[]) => void;
  }> = [{ list, index: 0, out: top, done: () => {} }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.list.length) {
      stack.pop();
      frame.done(frame.out);
      continue;
    }
    const inline = frame.list[frame.index++]!;
    if (inline.type === 'text' || inline.type === 'footnoteRef') {
      leaf(inline, frame.out);
      continue;
    }
    const parent = frame.out;
    stack.push({
      list: inline.children,
      index: 0,
      out: [],
      done: (children) => {
        const rebuilt = container(inline, children);
        if (rebuilt !== null) parent.push(rebuilt);
      },
    });
  }
  return top;
}

/** Removes empty text leaves and empty containers. */
function prune(list: MutableInline[]): MutableInline[] {
  return rebuild(
    list,
    (inline, out) => {
      if (inline.type === 'footnoteRef' || inline.value !== '') out.push(inline);
    },
    (inline, children) => (children.length ? { ...inline, children } : null),
  );
}

/** Merges adjacent text leaves with the same language. */
function merge(list: MutableInline[]): MutableInline[] {
  return rebuild(
    list,
    (inline, out) => {
      const prev = out[out.length - 1];
      if (inline.type === 'text' && prev?.type === 'text' && prev.lang === inline.lang) {
        prev.value += inline.value;
      } else {
        out.push(inline.type === 'text' ? { ...inline } : inline);
      }
    },
    (inline, children) => ({ ...inline, children }),
  );
}

function compileBlock(node: RootContent, id: string): Compiled & { inlines: Inline[] } {
  const compiled: Compiled = { inlines: [], text: '', refs: [] };
  const raw =
    'children' in node
      ? compileNodes(node.children as Nodes[], compiled, id, childSeparator(node))
      : (compileLeaf(node, compiled, id) ?? []);
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
