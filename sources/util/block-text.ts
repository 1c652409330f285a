/**
 * Plain text of an mdast node as a reader sees it: markup removed, footnote
 * references dropped, soft line breaks as spaces, blocks inside containers
 * (lists, block quotes, footnote definitions) and table rows separated by a
 * newline, table cells by ` | `. A pure function of the node,
 * like `mdast-util-to-string`, which it follows except for those choices.
 */
import type { AnyNode as Nodes } from '../mdast-data.ts';

/** The plain text of `node`. */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return softBreaks(node.value);
    case 'inlineCode':
    case 'code':
    case 'html':
      return node.value;
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'diptychFootnoteRef':
    case 'thematicBreak':
      return '';
    case 'definition':
      return `[${node.label ?? node.identifier}]: ${node.url}`;
    default: {
      if (!('children' in node)) return '';
      const separator =
        node.type === 'tableRow' ? ' | ' : isContainer(node) || node.type === 'table' ? '\n' : '';
      return (node.children as Nodes[]).map(blockText).join(separator);
    }
  }
}

/** Containers whose children are blocks rather than phrasing content. */
export function isContainer(node: Nodes): boolean {
  return (
    node.type === 'root' ||
    node.type === 'blockquote' ||
    node.type === 'list' ||
    node.type === 'listItem' ||
    node.type === 'footnoteDefinition'
  );
}

/** Soft line breaks inside a paragraph read as one space. */
export function softBreaks(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}
