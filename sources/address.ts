/**
 * Passage addresses: parsing and formatting.
 *
 * Grammar (`<id>` is a source id: lower-case letters, digits and hyphens):
 *   <id>:<n>           paragraph n               lankov-2007:12
 *   <id>:<n>.<s>       sentence s of paragraph n lankov-2007:12.3
 *   <id>:<n>-<m>       paragraphs n to m          lankov-2007:12-13
 *   <id>:n<k>          footnote k                 lankov-2007:n5
 *   <id>:n<k>.<s>      sentence s of footnote k   lankov-2007:n5.1
 *   <id>:<role><k>     unnumbered block           winstanley-chesters-2015:heading1
 *   <id>:<role><k>.<s> sentence of such a block   winstanley-chesters-2015:caption2.1
 *
 * Also the one home for "the passage that holds this address"
 * (`containingPassage`, `startPassage`) and for where a passage lies in its
 * edition's text (`findPassage`, `spanOf`): app, annotations and CLI call
 * these rather than slicing address strings.
 */
import type {
  Address,
  Block,
  BlockRole,
  Edition,
  Footnote,
  Sentence,
  SourceId,
} from './edition.ts';

/** A parsed address. */
export type ParsedAddress =
  | { readonly kind: 'paragraph'; readonly source: SourceId; readonly n: number }
  | { readonly kind: 'sentence'; readonly source: SourceId; readonly n: number; readonly s: number }
  | {
      readonly kind: 'range';
      readonly source: SourceId;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'footnote';
      readonly source: SourceId;
      readonly n: number;
      readonly s?: number;
    }
  | {
      readonly kind: 'block';
      readonly source: SourceId;
      readonly role: BlockRole;
      readonly k: number;
      readonly s?: number;
    };

const ADDRESS_RE =
  /^([a-z0-9][a-z0-9-]*):(?:(\d+)(?:\.(\d+)|-(\d+))?|n(\d+)(?:\.(\d+))?|([a-z]+)(\d+)(?:\.(\d+))?)$/;

const UNNUMBERED_ROLES: ReadonlySet<string> = new Set([
  'title',
  'byline',
  'heading',
  'standfirst',
  'attribution',
  'caption',
  'credit',
  'chrome',
]);

/** Parses an address; returns `null` for anything that is not one. */
export function parseAddress(input: string): ParsedAddress | null {
  const m = ADDRESS_RE.exec(input.trim());
  if (!m) return null;
  const source = m[1] as SourceId;
  const int = (v: string | undefined): number | undefined =>
    v === undefined ? undefined : Number.parseInt(v, 10);
  if (m[2] !== undefined) {
    const n = int(m[2])!;
    if (n < 1) return null;
    if (m[3] !== undefined) {
      const s = int(m[3])!;
      return s < 1 ? null : { kind: 'sentence', source, n, s };
    }
    if (m[4] !== undefined) {
      const to = int(m[4])!;
      if (to < n) return null;
      return to === n ? { kind: 'paragraph', source, n } : { kind: 'range', source, from: n, to };
    }
    return { kind: 'paragraph', source, n };
  }
  if (m[5] !== undefined) {
    const n = int(m[5])!;
    const s = int(m[6]);
    if (n < 1 || (s !== undefined && s < 1)) return null;
    return s === undefined ? { kind: 'footnote', source, n } : { kind: 'footnote', source, n, s };
  }
  const role = m[7]!;
  if (!UNNUMBERED_ROLES.has(role)) return null;
  const k = int(m[8])!;
  const s = int(m[9]);
  if (k < 1 || (s !== undefined && s < 1)) return null;
  return s === undefined
    ? { kind: 'block', source, role: role as BlockRole, k }
    : { kind: 'block', source, role: role as BlockRole, k, s };
}

/** Formats a parsed address back to its canonical string. */
export function formatAddress(a: ParsedAddress): Address {
  switch (a.kind) {
    case 'paragraph':
      return `${a.source}:${a.n}` as Address;
    case 'sentence':
      return `${a.source}:${a.n}.${a.s}` as Address;
    case 'range':
      return `${a.source}:${a.from}-${a.to}` as Address;
    case 'footnote':
      return (a.s === undefined ? `${a.source}:n${a.n}` : `${a.source}:n${a.n}.${a.s}`) as Address;
    case 'block':
      return (
        a.s === undefined ? `${a.source}:${a.role}${a.k}` : `${a.source}:${a.role}${a.k}.${a.s}`
      ) as Address;
  }
}

/**
 * The whole passage a sentence address belongs to: `12.3` → `12`, `n5.1` →
 * `n5`, `caption2.1` → `caption2`; any other address (a paragraph, a range,
 * a footnote) is its own passage and is returned as it is, as is a string
 * that is not an address. This is the citation pinpoint of an address.
 */
export function containingPassage(address: Address): Address {
  const a = parseAddress(address);
  if (!a) return address;
  switch (a.kind) {
    case 'sentence':
      return formatAddress({ kind: 'paragraph', source: a.source, n: a.n });
    case 'footnote':
    case 'block':
      return a.s === undefined ? address : formatAddress({ ...a, s: undefined });
    default:
      return address;
  }
}

/**
 * The one block or footnote an address starts in: like `containingPassage`,
 * but a range gives its first paragraph (`12-13` → `12`). Where a margin mark
 * for the passage goes. A string that is not an address is returned as it is.
 */
export function startPassage(address: Address): Address {
  const a = parseAddress(address);
  if (a?.kind === 'range') return formatAddress({ kind: 'paragraph', source: a.source, n: a.from });
  return containingPassage(address);
}

/** The part of an address after the source id (`lankov-2007:n5` → `n5`). */
export function localPart(address: Address): string {
  return address.slice(address.indexOf(':') + 1);
}

/** The source id of an address string, or `null` if it is not an address. */
export function sourceOfAddress(input: string): SourceId | null {
  return parseAddress(input)?.source ?? null;
}

/** What an address resolves to in an edition. */
export type Passage =
  | { readonly kind: 'block'; readonly block: Block }
  | { readonly kind: 'sentence'; readonly block: Block; readonly sentence: Sentence }
  | { readonly kind: 'range'; readonly blocks: readonly Block[] }
  | { readonly kind: 'footnote'; readonly footnote: Footnote }
  | { readonly kind: 'footnoteSentence'; readonly footnote: Footnote; readonly sentence: Sentence };

/**
 * What `findPassage` looks in: an edition, or part of one (the anchoring
 * code's documents may have no id, blocks or footnotes; without an id, an
 * address of any source is looked up).
 */
export type PassageIndex = Partial<Pick<Edition, 'id' | 'blocks' | 'footnotes'>>;

/** Resolves an address in an edition; `null` when the edition has no such passage. */
export function findPassage(edition: PassageIndex, input: string): Passage | null {
  const a = parseAddress(input);
  if (!a || (edition.id !== undefined && a.source !== edition.id)) return null;
  const allBlocks = edition.blocks ?? [];
  const footnotes = edition.footnotes ?? [];
  switch (a.kind) {
    case 'paragraph': {
      const block = allBlocks.find((b) => b.n === a.n);
      return block ? { kind: 'block', block } : null;
    }
    case 'sentence': {
      const block = allBlocks.find((b) => b.n === a.n);
      const sentence = block?.sentences[a.s - 1];
      return block && sentence ? { kind: 'sentence', block, sentence } : null;
    }
    case 'range': {
      const blocks = allBlocks.filter((b) => b.n !== undefined && b.n >= a.from && b.n <= a.to);
      return blocks.length === a.to - a.from + 1 ? { kind: 'range', blocks } : null;
    }
    case 'footnote': {
      const footnote = footnotes.find((f) => f.n === a.n);
      if (!footnote) return null;
      if (a.s === undefined) return { kind: 'footnote', footnote };
      const sentence = footnote.sentences[a.s - 1];
      return sentence ? { kind: 'footnoteSentence', footnote, sentence } : null;
    }
    case 'block': {
      const base = formatAddress({ kind: 'block', source: a.source, role: a.role, k: a.k });
      const block = allBlocks.find((b) => b.address === base);
      if (!block) return null;
      if (a.s === undefined) return { kind: 'block', block };
      const sentence = block.sentences[a.s - 1];
      return sentence ? { kind: 'sentence', block, sentence } : null;
    }
  }
}

/** The plain text of a passage, as a reader sees it. */
export function passageText(p: Passage): string {
  switch (p.kind) {
    case 'block':
      return p.block.text;
    case 'sentence':
    case 'footnoteSentence':
      return p.sentence.text;
    case 'range':
      return p.blocks.map((b) => b.text).join('\n\n');
    case 'footnote':
      return p.footnote.text;
  }
}

/** Where a passage lies in its edition's `text`: `[start, end)` offsets. */
export function spanOf(p: Passage): { readonly start: number; readonly end: number } {
  switch (p.kind) {
    case 'block':
      return { start: p.block.start, end: p.block.end };
    case 'sentence':
      return { start: p.block.start + p.sentence.start, end: p.block.start + p.sentence.end };
    case 'range':
      return { start: p.blocks[0]!.start, end: p.blocks[p.blocks.length - 1]!.end };
    case 'footnote':
      return { start: p.footnote.start, end: p.footnote.end };
    case 'footnoteSentence':
      return {
        start: p.footnote.start + p.sentence.start,
        end: p.footnote.start + p.sentence.end,
      };
  }
}

/**
 * What numbered passages an edition has, in words, for the reader's message about one it lacks:
 * "paragraphs 1–39 and notes 1–10" (or "no numbered passages"). Words, not addresses
 * ("footnotes n1–n10" was the address syntax, which a reader of the notice need not know).
 */
export function describePassages(edition: Edition): string {
  const ns = edition.blocks.flatMap((b) => (b.n === undefined ? [] : [b.n]));
  const parts: string[] = [];
  if (ns.length > 0) parts.push(`paragraphs ${Math.min(...ns)}–${Math.max(...ns)}`);
  const fs = edition.footnotes.map((f) => f.n);
  if (fs.length > 0) parts.push(`notes ${Math.min(...fs)}–${Math.max(...fs)}`);
  return parts.length > 0 ? parts.join(' and ') : 'no numbered passages';
}
