/**
 * A note, rendered from `parseNoteMarkdown`'s safe tree with React elements.
 *
 * Security: renders user and imported text, and stays safe because it only
 * ever creates text nodes and a fixed set of elements (p, ul, ol, li, em,
 * strong, code, a) — no `dangerouslySetInnerHTML`, no attributes from the
 * note except a link's `href`, which `parseNoteMarkdown` has already passed
 * through `safeLinkUrl` (http, https, mailto only). Links open in a new tab
 * without an opener.
 */
import type { ReactNode } from 'react';
import type { NoteBlock, NoteInline } from '../../annotations/model/note-markdown.ts';

function inline(node: NoteInline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'emphasis':
      return <em key={key}>{node.children.map(inline)}</em>;
    case 'strong':
      return <strong key={key}>{node.children.map(inline)}</strong>;
    case 'link':
      return (
        <a key={key} href={node.url} target="_blank" rel="noopener noreferrer nofollow">
          {node.children.map(inline)}
        </a>
      );
  }
}

function block(node: NoteBlock, key: number): ReactNode {
  if (node.type === 'paragraph') return <p key={key}>{node.children.map(inline)}</p>;
  const items = node.children.map((item, i) => <li key={i}>{item.children.map(block)}</li>);
  return node.ordered ? (
    <ol key={key} start={node.start}>
      {items}
    </ol>
  ) : (
    <ul key={key}>{items}</ul>
  );
}

/** Props of `NoteView`. */
export interface NoteViewProps {
  /** The parsed note (`parseNoteMarkdown(note)`). */
  readonly blocks: readonly NoteBlock[];
}

/** A rendered note. */
export function NoteView({ blocks }: NoteViewProps): ReactNode {
  return <div className="ann-note">{blocks.map(block)}</div>;
}
