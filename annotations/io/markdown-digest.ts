/**
 * The Markdown digest: a reader's annotations as a document to read, print
 * or paste into notes. Per source (in the app's source order), in text order:
 * the passage address, the quote, an optional citation, the note and the tags.
 *
 * What it is for: an export for people. Not for: re-import (that is the W3C
 * export; the digest drops ids, dates and offsets) or rendering in the app.
 *
 * Security: the digest is Markdown that other tools will render, most of
 * which do not sanitise. Quotes and tags are escaped so they read literally.
 * A note is not copied verbatim (issue 12, item 6: `[x](javascript:…)` stayed
 * a live link): it is parsed into the app's safe note tree
 * (`parseNoteMarkdown`, which keeps only http, https and mailto links) and
 * written back as Markdown from that tree, its text escaped. So raw HTML (a
 * `<script>` someone typed or imported) reads as text, and the only links in
 * a digest are the ones the app itself would make clickable.
 */
import { BUILTIN_SOURCES, sourceMetadata } from '../../sources/metadata.ts';
import type { Address, SourceId } from '../../sources/edition.ts';
import type { Annotation } from '../model/annotation.ts';
import { parseNoteMarkdown, type NoteBlock, type NoteInline } from '../model/note-markdown.ts';
import type { Target } from '../model/selectors.ts';

/** Options for `markdownDigest`. */
export interface DigestOptions {
  /** A citation for a passage, added under each quote (the citations module's formatter). */
  readonly cite?: (address: Address) => string;
  /** The digest's title. */
  readonly title?: string;
  /** A source's heading; default: its metadata label (e.g. "Lankov (2007)"), else its id. */
  readonly sourceLabel?: (id: SourceId) => string;
}

/** Escapes text so Markdown shows it literally (inline). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A note as Markdown that cannot become active: written from its safe tree. */
function safeNote(note: string): string {
  return parseNoteMarkdown(note).map(blockMarkdown).join('\n\n');
}

/** One block of a safe note tree as Markdown. */
function blockMarkdown(block: NoteBlock): string {
  if (block.type === 'paragraph') return block.children.map(inlineMarkdown).join('');
  const start = block.start ?? 1;
  return block.children
    .map((item, i) => {
      const marker = block.ordered ? `${start + i}. ` : '- ';
      const body = item.children.map(blockMarkdown).join('\n\n');
      const indent = ' '.repeat(marker.length);
      return marker + body.split('\n').join(`\n${indent}`);
    })
    .join('\n');
}

/** One inline of a safe note tree as Markdown; text escaped, links only as the tree has them. */
function inlineMarkdown(node: NoteInline): string {
  switch (node.type) {
    case 'text':
      return escapeMarkdown(node.value);
    case 'emphasis':
      return `*${node.children.map(inlineMarkdown).join('')}*`;
    case 'strong':
      return `**${node.children.map(inlineMarkdown).join('')}**`;
    case 'inlineCode': {
      // A fence longer than any run of backticks inside; the spaces are stripped by CommonMark.
      const longest = Math.max(0, ...(node.value.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence} ${node.value} ${fence}`;
    }
    case 'link':
      // `url` is http(s) or mailto, normalized by `safeLinkUrl` (percent-encoded, no `<` or `>`).
      return `[${node.children.map(inlineMarkdown).join('')}](<${node.url}>)`;
  }
}

/** A quote as a Markdown block quote, paragraph breaks kept. */
function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`))
    .join('\n');
}

interface Entry {
  readonly annotation: Annotation;
  readonly target: Target;
  readonly index: number;
}

const sourceOrder = (id: string): number => {
  const i = BUILTIN_SOURCES.findIndex((s) => s.id === id);
  return i === -1 ? BUILTIN_SOURCES.length : i;
};

/** One annotation's section under one of its targets. */
function section(entry: Entry, options: DigestOptions): string {
  const { annotation: a, target, index } = entry;
  const parts: string[] = [
    `### ${target.selectors.address}`,
    blockQuote(target.selectors.quote.exact),
  ];
  if (options.cite) parts.push(`— ${escapeMarkdown(options.cite(target.selectors.address))}`);
  if (a.link !== undefined) {
    const other = a.targets[1 - index];
    parts.push(
      `Compared with ${other?.selectors.address ?? 'another passage'}: *${a.link.relation}* — ${escapeMarkdown(a.link.topic)}${a.link.curated ? ' (curated)' : ''}.`,
    );
    const claim = a.link.paraphrases[index === 0 ? 0 : 1];
    if (claim !== null) parts.push(`Claim: ${escapeMarkdown(claim)}`);
    if (a.link.note !== undefined) parts.push(safeNote(a.link.note));
  }
  if (a.note !== undefined) parts.push(safeNote(a.note));
  if (a.tags.length > 0) parts.push(`Tags: ${a.tags.map(escapeMarkdown).join(', ')}`);
  return parts.join('\n\n');
}

/**
 * The digest as Markdown text. Annotations are grouped by source and sorted
 * by where they start in the text (then where they end, then id, so equal
 * places keep a stable order). A comparison appears under each of its two
 * passages.
 */
export function markdownDigest(
  annotations: readonly Annotation[],
  options: DigestOptions = {},
): string {
  const bySource = new Map<string, Entry[]>();
  for (const annotation of annotations) {
    annotation.targets.forEach((target, index) => {
      const list = bySource.get(target.source) ?? [];
      list.push({ annotation, target, index });
      bySource.set(target.source, list);
    });
  }
  const label = (id: SourceId): string =>
    options.sourceLabel?.(id) ?? sourceMetadata(id)?.label ?? id;
  const sources = [...bySource.keys()].sort(
    (x, y) => sourceOrder(x) - sourceOrder(y) || x.localeCompare(y),
  );
  const out: string[] = [`# ${escapeMarkdown(options.title ?? 'Annotations')}`];
  if (sources.length === 0) out.push('No annotations.');
  for (const source of sources) {
    const entries = bySource.get(source)!.sort((x, y) => {
      const p = x.target.selectors.position;
      const q = y.target.selectors.position;
      return (
        p.start - q.start ||
        p.end - q.end ||
        (x.annotation.id < y.annotation.id ? -1 : x.annotation.id > y.annotation.id ? 1 : 0)
      );
    });
    out.push(`## ${escapeMarkdown(label(source as SourceId))}`);
    for (const entry of entries) out.push(section(entry, options));
  }
  return `${out.join('\n\n')}\n`;
}
