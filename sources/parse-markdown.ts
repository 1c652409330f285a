/**
 * remark-parse, linear on long texts.
 *
 * micromark's cost per MB grows with the document (on a 5 MB text it is ~3×
 * its cost per MB on a 30 KB one), so a long text is parsed in chunks of
 * about `CHUNK_SIZE` characters, cut only at a blank line followed by a line
 * that plainly starts a new paragraph; node positions are shifted back into
 * the whole text. Short texts (both seed texts) are parsed in one piece.
 *
 * When chunking could change the tree — a fenced code block (may hold blank
 * lines) or a link reference definition (may be used in another chunk) —
 * the text is parsed in one piece, whatever its length.
 *
 * Two dialects: `commonmark` (remark-parse alone: the built-in editions,
 * extracted print) and `gfm` (remark-gfm for footnotes, tables,
 * strikethrough and autolinks, and remark-frontmatter for YAML front matter:
 * every text a reader adds). In `gfm`, a table or front matter also means one
 * piece.
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Point } from 'unist';

/** Texts longer than this are parsed in chunks of about this size. */
export const CHUNK_SIZE = 128 * 1024;

const UNSAFE = /^( {0,3})(```|~~~|\[[^\]\n]+\]:)/m;
/** In GFM a table row or front matter can also tie chunks together. */
const UNSAFE_GFM = /^( {0,3})(\||---[ \t]*$)/m;
/** A blank line, then a line that starts a plain paragraph (no indent, list, quote, heading, HTML). */
const SAFE_CUT = /\n[ \t]*\n(?=[^\s>*+\-#0-9<|])/g;

/** Which Markdown a text is read as (see the module comment). */
export type MarkdownDialect = 'commonmark' | 'gfm';

const processors = {
  commonmark: unified().use(remarkParse),
  gfm: unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']),
} as const;

/** Cut offsets for `text`: each at the start of a chunk's first line. */
export function chunkStarts(
  text: string,
  size = CHUNK_SIZE,
  dialect: MarkdownDialect = 'commonmark',
): number[] {
  if (text.length <= size || UNSAFE.test(text)) return [0];
  if (dialect === 'gfm' && UNSAFE_GFM.test(text)) return [0];
  const starts = [0];
  SAFE_CUT.lastIndex = 0;
  let next = size;
  for (let m = SAFE_CUT.exec(text); m; m = SAFE_CUT.exec(text)) {
    const at = m.index + m[0].length;
    if (at >= next) {
      starts.push(at);
      next = at + size;
    }
  }
  return starts;
}

/** Moves every position in `node`'s subtree; iterative, as trees can be deep. Mutates `node`. */
function shift(node: Node, lines: number, offset: number): void {
  const move = (p: Point): void => {
    p.line += lines;
    if (p.offset !== undefined) p.offset += offset;
  };
  const stack: Node[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.position) {
      move(next.position.start);
      move(next.position.end);
    }
    if ('children' in next) for (const child of next.children as Node[]) stack.push(child);
  }
}

/** Parses Markdown into an mdast tree, as remark-parse does. */
export function parseMarkdown(
  text: string,
  dialect: MarkdownDialect = 'commonmark',
  onChunk?: (done: number, total: number) => void,
): Root {
  const processor = processors[dialect];
  const starts = chunkStarts(text, CHUNK_SIZE, dialect);
  if (starts.length === 1) {
    const tree = processor.parse(text);
    onChunk?.(1, 1);
    return tree;
  }
  const children: RootContent[] = [];
  let lines = 0;
  for (const [i, start] of starts.entries()) {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const tree = processor.parse(chunk);
    for (const node of tree.children) {
      shift(node, lines, start);
      children.push(node);
    }
    lines += chunk.split('\n').length - 1;
    onChunk?.(i + 1, starts.length);
  }
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines + 1, column: text.length - text.lastIndexOf('\n'), offset: text.length },
    },
  };
}
