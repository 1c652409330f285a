/**
 * Which pinpoint a citation carries, per style, and the reader's choice
 * among the forms a style's manual allows.
 *
 * Neither text numbers its paragraphs or pages; the paragraph numbers in
 * Diptych's margin are Diptych's own count. The manuals differ on that:
 *   - APA 7 (8.28) lets a writer count paragraphs ("para. 12") and, in a
 *     document with headings, cite the heading and the paragraph under it
 *     ("The Post-Soviet Era section, para. 3"). Default: the counted
 *     paragraph; the heading form is offered for passages under a heading.
 *   - MLA 9 cites paragraph numbers only when the source numbers its
 *     paragraphs, and gives no number otherwise. Default: none; Diptych's
 *     count can be chosen, declared as such (the writer says in the text that
 *     the numbers are counted).
 *   - CMOS (14.160, and the Chicago Manual's Q&A on unnumbered web
 *     paragraphs) cites a section heading "under" it where page numbers are
 *     lacking, and warns that "para." suggests a numbering the source does
 *     not have. Default: the section heading where the passage has one, else
 *     none; Diptych's declared count or none can be chosen.
 * Footnotes are numbered by the source itself, so "n. 5" is kept in every
 * mode.
 *
 * Pure; no citeproc here (the heading form is formatted by `create-citer.ts`).
 */
import { z } from 'zod';
import type { Edition } from '../edition.ts';

/** The pinpoint forms: Diptych's paragraph count, the section heading (+ paragraph in APA), or none. */
export const PINPOINT_MODES = ['paragraph', 'section', 'none'] as const;

/** A pinpoint form. */
export type PinpointMode = (typeof PINPOINT_MODES)[number];

/** Zod schema for a stored or sent pinpoint mode. */
export const PinpointModeSchema = z.enum(PINPOINT_MODES);

/** What a picker says for each mode. */
export const PINPOINT_LABELS: Readonly<Record<PinpointMode, string>> = {
  paragraph: 'Paragraph number (Diptych’s count)',
  section: 'Section heading',
  none: 'No pinpoint',
};

/** The modes a style offers, its default first. */
export function pinpointChoices(style: string): readonly PinpointMode[] {
  if (style === 'apa') return ['paragraph', 'section', 'none'];
  if (style === 'mla') return ['none', 'paragraph'];
  if (style.startsWith('chicago')) return ['section', 'paragraph', 'none'];
  // A style a reader loaded: we do not know its manual; Diptych's count first.
  return ['paragraph', 'section', 'none'];
}

/** A style's default mode. */
export function defaultPinpoint(style: string): PinpointMode {
  return pinpointChoices(style)[0]!;
}

/** Parses a mode from untrusted input; throws a message naming the valid ones for the style. */
export function parsePinpointMode(value: unknown, style: string): PinpointMode {
  const choices = pinpointChoices(style);
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
    return value as PinpointMode;
  }
  throw new Error(
    `unknown pinpoint ${JSON.stringify(value)} for ${style} (valid: ${choices.join(', ')})`,
  );
}

/** True if the style's manual does not count unnumbered paragraphs, so a counted one must be declared. */
export function paragraphCountNeedsDeclaring(style: string): boolean {
  return style === 'mla' || style.startsWith('chicago');
}

/** The sentence shown with a declared paragraph count. */
export const DECLARED_COUNT_NOTE =
  'The source does not number its paragraphs: these are Diptych’s count (say so in your text, e.g. “paragraphs counted from the start of the article”).';

/**
 * The sentence shown when the section pinpoint (Chicago's default) gives no place at all: the
 * passage is under no heading (all of Lankov's text is). Without it the pinpoint picker said
 * "Section heading (style default)" over a citation with no pinpoint, and a reader could not tell
 * a rule of the manual from a fault.
 */
export const NO_SECTION_NOTE =
  'No pinpoint: this passage is not under a section heading, and the style cites no paragraph number in its place. Choose the paragraph number (Diptych’s count) to give one.';

/** Where paragraphs sit under a heading: the heading as printed and their numbers counted within it. */
export interface SectionPlace {
  /** The heading's text as the source prints it. */
  readonly heading: string;
  /** The first paragraph's number within the section (1 = first paragraph after the heading). */
  readonly from: number;
  /** The last, for a range. */
  readonly to?: number;
}

/** Zod schema of a section place sent from the page to the citation worker. */
export const SectionPlaceSchema = z.object({
  heading: z.string().min(1).max(500),
  from: z.number().int().positive(),
  to: z.number().int().positive().optional(),
});

// A paper's "Abstract" heading heads the abstract only; the body after it is
// not a section of it.
const NOT_SECTIONS = /^abstract$/i;

/**
 * The section of paragraphs `from`–`to` (Diptych numbers), or `undefined`
 * when they are not under one heading (before the first, or across two).
 */
export function sectionPlace(edition: Edition, from: number, to = from): SectionPlace | undefined {
  let heading: string | undefined;
  let count = 0;
  let start: number | undefined;
  let end: number | undefined;
  let startHeading: string | undefined;
  for (const block of edition.blocks) {
    if (block.role === 'heading') {
      heading = NOT_SECTIONS.test(block.text.trim()) ? undefined : block.text.trim();
      count = 0;
      continue;
    }
    if (block.n === undefined) continue;
    count++;
    if (block.n === from) {
      start = count;
      startHeading = heading;
    }
    if (block.n === to) {
      end = count;
      if (heading !== startHeading) return undefined;
    }
  }
  if (!startHeading || start === undefined || end === undefined) return undefined;
  return end === start
    ? { heading: startHeading, from: start }
    : { heading: startHeading, from: start, to: end };
}
