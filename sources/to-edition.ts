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
import { softBreaks } from './util/block-text.ts';
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
  | { type: 'emphasis' | 'strong'; children: MutableInline[] }
  | { type: 'link'; url: string; children: MutableInline[] }
  | { type: 'footnoteRef'; n: number; address: Address };

/** A container being compiled: its children, the next one to visit, and what to do with the result. */
interface Frame {
  readonly nodes: readonly Nodes[];
  next: number;
  readonly separator: string;
  readonly into: MutableInline[];
  /** Called with `into` once every child is compiled. */
  readonly done: (children: MutableInline[]) => void;
}

/**
 * Compiles `nodes` (joined by `separator`) into inline content, appending
 * their text to `out`. Iterative (an explicit stack, not recursion), so a
 * deeply nested tree cannot overflow the call stack (issue 12, item 3).
 */
function compileNodes(
  nodes: readonly Nodes[],
  out: Compiled,
  id: string,
  separator: string,
): MutableInline[] {
  const result: MutableInline[] = [];
  const stack: Frame[] = [{ nodes, next: 0, separator, into: result, done: () => {} }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      frame.done(frame.into);
      continue;
    }
    const i = frame.next++;
    if (i > 0 && frame.separator) {
      frame.into.push({ type: 'text', value: frame.separator });
      out.text += frame.separator;
    }
    const node = frame.nodes[i]!;
    const leaf = compileLeaf(node, out, id);
    if (leaf) {
      frame.into.push(...leaf);
      continue;
    }
    if (!('children' in node)) continue;
    const parent = frame.into;
    const children = node.children as Nodes[];
    if (node.type === 'emphasis' || node.type === 'strong') {
      const type = node.type;
      stack.push({
        nodes: children,
        next: 0,
        separator: '',
        into: [],
        done: (inner) => parent.push({ type, children: inner }),
      });
    } else if (node.type === 'link') {
      const url = node.url;
      stack.push({
        nodes: children,
        next: 0,
        separator: '',
        into: [],
        // An unsafe URL keeps its text and loses the link.
        done: (inner) => {
          if (isSafeUrl(url)) parent.push({ type: 'link', url, children: inner });
          else for (const child of inner) parent.push(child);
        },
      });
    } else {
      const container =
        node.type === 'blockquote' ||
        node.type === 'list' ||
        node.type === 'listItem' ||
        node.type === 'root';
      stack.push({
        nodes: children,
        next: 0,
        separator: container ? '\n' : '',
        into: parent,
        done: () => {},
      });
    }
  }
  return result;
}

function textInline(value: string, out: Compiled, lang?: 'ru' | 'ko'): MutableInline[] {
  if (value === '') return [];
  out.text += value;
  return [lang ? { type: 'text', value, lang } : { type: 'text', value }];
}

/** The inline content of a node without children to visit, or null for a parent. */
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
  // Depth-first, in order, without recursion.
  const stack: MutableInline[] = inlines.slice().reverse();
  for (let inline = stack.pop(); inline; inline = stack.pop()) {
    if (inline.type === 'text') leaves.push(inline);
    else if (inline.type !== 'footnoteRef')
      for (let i = inline.children.length - 1; i >= 0; i--) stack.push(inline.children[i]!);
  }
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

/**
 * Rebuilds an inline tree bottom-up: `leaf` maps each text or footnote
 * reference to what replaces it (none, one or the same), `container` each
 * container with its rebuilt children. Iterative, so depth costs no stack.
 */
function rebuild(
  list: readonly MutableInline[],
  leaf: (inline: MutableInline, out: MutableInline[]) => void,
  container: (
    inline: Extract<MutableInline, { children: MutableInline[] }>,
    children: MutableInline[],
    out: MutableInline[],
  ) => void,
): MutableInline[] {
  const result: MutableInline[] = [];
  interface Level {
    readonly list: readonly MutableInline[];
    next: number;
    readonly out: MutableInline[];
    readonly finish: (out: MutableInline[]) => void;
  }
  const stack: Level[] = [{ list, next: 0, out: result, finish: () => {} }];
  while (stack.length) {
    const level = stack[stack.length - 1]!;
    if (level.next >= level.list.length) {
      stack.pop();
      level.finish(level.out);
      continue;
    }
    const inline = level.list[level.next++]!;
    if (inline.type === 'text' || inline.type === 'footnoteRef') {
      leaf(inline, level.out);
      continue;
    }
    const parentOut = level.out;
    stack.push({
      list: inline.children,
      next: 0,
      out: [],
      finish: (children) => container(inline, children, parentOut),
    });
  }
  return result;
}

/** Removes empty text leaves and empty containers. */
function prune(list: MutableInline[]): MutableInline[] {
  return rebuild(
    list,
    (inline, out) => {
      if (inline.type !== 'text' || inline.value !== '') out.push(inline);
    },
    (inline, children, out) => {
      if (children.length) out.push({ ...inline, children });
    },
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
    (inline, children, out) => out.push({ ...inline, children }),
  );
}

function compileBlock(node: RootContent, id: string): Compiled & { inlines: Inline[] } {
  const compiled: Compiled = { inlines: [], text: '', refs: [] };
  const raw =
    'children' in node
      ? compileNodes(
          node.children as Nodes[],
          compiled,
          id,
          node.type === 'blockquote' || node.type === 'list' ? '\n' : '',
        )
      : (compileLeaf(node as Nodes, compiled, id) ?? []);
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
  /** Told every `PROGRESS_EVERY` blocks and notes (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How many blocks and notes between two progress reports. */
const PROGRESS_EVERY = 1_000;

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
  const total = tree.children.length + (tree.data?.footnotes?.length ?? 0);
  let done = 0;
  const tick = (): void => {
    done++;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === total))
      options.onProgress(done, total);
  };
  for (const node of tree.children) {
    tick();
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
    tick();
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
    title: titleBlock?.text ?? options.title ?? id,
    lang: options.lang,
    blocks,
    footnotes,
    text,
    messages: editionMessages,
  };
}
