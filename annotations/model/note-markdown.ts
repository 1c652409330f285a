/**
 * Notes are plain text with light Markdown: emphasis, strong, links, lists,
 * inline code. This module turns a note into a tiny, safe tree that the app
 * renders with React elements, and decides which links may be clickable.
 *
 * What it is for: the only way a note becomes anything but a plain string.
 * What it is not for: rendering (the app maps `NoteNode`s to elements) or
 * storing (notes are stored as the reader typed them).
 *
 * Security: it renders user text, and stays safe by construction.
 * - Parsing is remark-parse (CommonMark, via unified), never a hand-written
 *   regex parser. The output is a whitelist of node types; nothing in it is
 *   HTML, and the app never uses `dangerouslySetInnerHTML`.
 * - Raw HTML in a note (`<script>`, `<img onerror>`, `<svg onload>`,
 *   `<a href>`) is kept as literal text: a reader sees what they typed.
 * - Every node type outside the whitelist (headings, block quotes, code
 *   blocks, images, tables, thematic breaks) becomes its own source text,
 *   literally, so nothing is lost and nothing is interpreted.
 * - A link is kept only if `safeLinkUrl` accepts its destination (http,
 *   https, mailto). Otherwise its text stays and the link goes. The check
 *   parses with the WHATWG `URL` parser after remark has decoded character
 *   references, so `JaVaScRiPt:`, `&#106;avascript:`, `java\tscript:` and
 *   relative URLs are all refused. Reference-style links are resolved against
 *   their definitions and checked the same way.
 */
import type { Nodes, Root, RootContent, PhrasingContent, Definition } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Inline content of a note. */
export type NoteInline =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'emphasis'; readonly children: readonly NoteInline[] }
  | { readonly type: 'strong'; readonly children: readonly NoteInline[] }
  | { readonly type: 'inlineCode'; readonly value: string }
  | {
      readonly type: 'link';
      /** Always http(s) or mailto, as normalized by `safeLinkUrl`. */
      readonly url: string;
      readonly children: readonly NoteInline[];
    };

/** Block content of a note. */
export type NoteBlock =
  | { readonly type: 'paragraph'; readonly children: readonly NoteInline[] }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly start?: number;
      readonly children: readonly NoteListItem[];
    };

/** One item of a list. */
export interface NoteListItem {
  readonly type: 'listItem';
  readonly children: readonly NoteBlock[];
}

/** Any node of a parsed note. */
export type NoteNode = NoteInline | NoteBlock | NoteListItem;

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL, normalized, if a note may link to it: an absolute http, https or
 * mailto URL. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`,
 * relative paths, protocol-relative `//host`) gives `null`.
 */
export function safeLinkUrl(url: string): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null; // relative or malformed: no base to resolve against, so no link
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  return parsed.href;
}

const parser = unified().use(remarkParse);

/**
 * Parses a note into safe blocks. Pure; never throws on any string. Empty
 * or blank notes give `[]`.
 */
export function parseNoteMarkdown(text: string): NoteBlock[] {
  const tree = parser.parse(text) as Root;
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);
  const slice = (node: Nodes): string => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : text.slice(start, end);
  };

  function inlines(nodes: readonly (PhrasingContent | RootContent)[]): NoteInline[] {
    const out: NoteInline[] = [];
    const pushText = (value: string): void => {
      if (value === '') return;
      const last = out.at(-1);
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + value };
      else out.push({ type: 'text', value });
    };
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          pushText(node.value);
          break;
        case 'emphasis':
        case 'strong':
          out.push({ type: node.type, children: inlines(node.children) });
          break;
        case 'inlineCode':
          out.push({ type: 'inlineCode', value: node.value });
          break;
        case 'break':
          pushText('\n');
          break;
        case 'link': {
          const url = safeLinkUrl(node.url);
          if (url === null) for (const child of inlines(node.children)) pushInline(child);
          else out.push({ type: 'link', url, children: inlines(node.children) });
          break;
        }
        case 'linkReference': {
          const target = definitions.get(node.identifier);
          const url = target === undefined ? null : safeLinkUrl(target);
          if (url === null) pushText(slice(node));
          else out.push({ type: 'link', url, children: inlines(node.children) });
          break;
        }
        default:
          // html, image, imageReference, footnoteReference…: literal source text.
          pushText(slice(node as Nodes));
      }
    }
    return out;

    function pushInline(child: NoteInline): void {
      if (child.type === 'text') pushText(child.value);
      else out.push(child);
    }
  }

  function blocks(nodes: readonly RootContent[]): NoteBlock[] {
    const out: NoteBlock[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph': {
          const children = inlines(node.children);
          if (children.length > 0) out.push({ type: 'paragraph', children });
          break;
        }
        case 'list':
          out.push({
            type: 'list',
            ordered: node.ordered === true,
            ...(node.ordered === true && typeof node.start === 'number'
              ? { start: node.start }
              : {}),
            children: node.children.map((item) => ({
              type: 'listItem' as const,
              children: blocks(item.children),
            })),
          });
          break;
        case 'definition':
          break; // invisible in Markdown; its URL is used (and checked) by the references to it
        default: {
          // heading, blockquote, code, thematicBreak, html, table…: the reader's own text, literally.
          const literal = slice(node);
          if (literal.trim() !== '')
            out.push({ type: 'paragraph', children: [{ type: 'text', value: literal }] });
        }
      }
    }
    return out;
  }

  return blocks(tree.children);
}

/** Link reference definitions by identifier (first one wins, as in CommonMark). */
function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition') {
    const d = node as Definition;
    if (!into.has(d.identifier)) into.set(d.identifier, d.url);
  }
  if ('children' in node)
    for (const child of node.children as Nodes[]) collectDefinitions(child, into);
}

/** The plain text of a parsed note (for search, digests and accessible labels): blocks joined by a space. */
export function noteText(nodes: readonly NoteNode[]): string {
  const text = (node: NoteNode): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'paragraph':
      case 'emphasis':
      case 'strong':
      case 'link':
        return node.children.map(text).join('');
      case 'list':
      case 'listItem':
        return node.children.map(text).join(' ');
    }
  };
  return nodes.map(text).join(' ').replace(/\s+/g, ' ').trim();
}
