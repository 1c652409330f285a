/**
 * A reader's own comparison: two selections, one in each pane, turned into a
 * `linking` annotation ready for the store — the same shape as a curated
 * comparison, with `curated: false`.
 *
 * What it is for: the decision logic behind **Link passages** (selectors for
 * both sides, defaults, and a clear refusal of what cannot be linked), kept
 * out of `app/` so it is tested in Node. What it is not for: asking the
 * reader (the view does that) or saving (the store adds `id` and dates and
 * persists it).
 *
 * Defaults, because the model requires a topic: it defaults to
 * `READER_TOPIC`. A paraphrase the reader did not write stays empty (`null`):
 * filling it with the quote showed the quote twice in the Compare view, and
 * inventing one would put words in an author's mouth.
 */
import type { Edition } from '../../sources/edition.ts';
import { describe } from '../anchoring/describe.ts';
import { NewAnnotationSchema, type NewAnnotation, type Relation } from '../model/annotation.ts';
import type { Target } from '../model/selectors.ts';

/** The topic of a reader's comparison when they give none. */
export const READER_TOPIC = 'Your comparisons';

/** One side of a link: a selection in an edition. */
export interface LinkSelection {
  /** The edition the selection is in. */
  readonly edition: Edition;
  /** Start offset of the selection in `edition.text`. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** What the reader says this side claims; blank means none. */
  readonly paraphrase?: string;
}

/** What **Link passages** collects. */
export interface LinkPassagesInput {
  /** The selection in the left pane (the first target). */
  readonly left: LinkSelection;
  /** The selection in the right pane (the second target). */
  readonly right: LinkSelection;
  /** How the two claims relate. */
  readonly relation: Relation;
  /** A short topic; blank means `READER_TOPIC`. */
  readonly topic?: string;
  /** The reader's note; blank means none. */
  readonly note?: string;
}

/** Why two selections cannot be linked; the message is meant for the reader. */
export class LinkPassagesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkPassagesError';
  }
}

function targetOf(side: LinkSelection, which: 'left' | 'right'): { target: Target; quote: string } {
  const d = describe(side.edition, side.start, side.end);
  if (!d?.quote || !d.position || !d.address) {
    throw new LinkPassagesError(`Select some text in the ${which} pane first.`);
  }
  return {
    target: {
      source: side.edition.id,
      selectors: { quote: d.quote, position: d.position, address: d.address },
    },
    quote: d.quote.exact,
  };
}

const clean = (text: string | undefined): string | undefined => {
  const t = text?.trim();
  return t ? t : undefined;
};

/**
 * The new linking annotation for two selections. Throws `LinkPassagesError`
 * with a sentence for the reader when a selection is empty or both are in
 * the same text, and a `z.ZodError` if a field breaks the model's limits
 * (an over-long note, say).
 */
export function linkPassages(input: LinkPassagesInput): NewAnnotation {
  if (input.left.edition.id === input.right.edition.id) {
    throw new LinkPassagesError(
      'A comparison links a passage in each text; both selections are in the same text.',
    );
  }
  const left = targetOf(input.left, 'left');
  const right = targetOf(input.right, 'right');
  const note = clean(input.note);
  return NewAnnotationSchema.parse({
    motivation: 'linking',
    targets: [left.target, right.target],
    link: {
      relation: input.relation,
      topic: clean(input.topic) ?? READER_TOPIC,
      paraphrases: [clean(input.left.paraphrase) ?? null, clean(input.right.paraphrase) ?? null],
      ...(note === undefined ? {} : { note }),
      curated: false,
    },
  });
}
