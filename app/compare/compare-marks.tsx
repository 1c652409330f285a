/**
 * The margin of a block in the comparisons' terms: one button per compared
 * passage the block holds (its relation as a glyph, its accessible name
 * "Compared: contradicts — Lankov 12", and as its description what the
 * comparison is about: topic, relation in words, the other text's claim;
 * hovered or focused, it shows the same in a card, `mark-card.tsx`), and for
 * numbered paragraphs a "Related" button among the block tools.
 *
 * Every element here carries `data-anchor-ignore`, so the block's text
 * content stays exactly `Block.text` (the DOM contract of
 * `annotations/anchoring/dom-range.ts`). The buttons are the block's
 * controls: in the Tab order only while the focus is in the block
 * (`app/views/roving-passage.ts`). Renders labels built from addresses,
 * passage names (an own text's title among them) and the fixed relation
 * vocabulary, as React text; no HTML.
 */
import type { ReactNode } from 'react';
import { usePassageControlTabIndex } from '../views/roving-passage.ts';
import type { Address } from '../../sources/edition.ts';
import type { CompareMark } from './marks-for.ts';
import type { RelatedFor } from './use-compare.ts';
import { RELATION_GLYPH } from './relation-glyph.ts';

/** Props of `CompareMarks`. */
export interface CompareMarksProps {
  /** The block's compared passages (may be empty). */
  readonly marks: readonly CompareMark[];
  /** The block, when it can be a Related query (numbered paragraphs). */
  readonly relatedFor?: RelatedFor;
  /** Goes to a mark's counterpart in the other pane. */
  readonly onActivate: (mark: CompareMark) => void;
  /** Shows a mark's card beside its button (hovered or focused), or hides it (null). */
  readonly onPreview: (mark: CompareMark | null, button?: HTMLElement) => void;
  /** Opens "Related in the other text" for a block. */
  readonly onRelated: (address: Address, opener: HTMLElement) => void;
}

/** The marks and the Related tool of one block. */
export function CompareMarks({
  marks,
  relatedFor,
  onActivate,
  onPreview,
  onRelated,
}: CompareMarksProps): ReactNode {
  const tabIndex = usePassageControlTabIndex();
  return (
    <>
      {marks.length > 0 && (
        <span className="compare-marks" data-anchor-ignore="">
          {marks.map((m) => (
            <button
              key={m.id}
              type="button"
              className={`compare-mark compare-mark--${m.relation}${m.curated ? '' : ' compare-mark--own'}`}
              data-compare={m.id}
              data-counterpart={m.there.address}
              aria-label={m.label}
              aria-description={m.description}
              tabIndex={tabIndex}
              onClick={() => {
                onPreview(null);
                onActivate(m);
              }}
              // A touch has no hover: a tap goes to the counterpart, as before the card.
              onPointerEnter={(e) => e.pointerType !== 'touch' && onPreview(m, e.currentTarget)}
              onPointerLeave={() => onPreview(null)}
              onFocus={(e) => onPreview(m, e.currentTarget)}
              onBlur={() => onPreview(null)}
            >
              <span aria-hidden="true">{RELATION_GLYPH[m.relation]}</span>
            </button>
          ))}
        </span>
      )}
      {relatedFor !== undefined && (
        <span className="compare-tools" data-anchor-ignore="">
          <button
            type="button"
            className="related-open"
            tabIndex={tabIndex}
            onClick={(e) => onRelated(relatedFor.address, e.currentTarget)}
          >
            Related
            <span className="visually-hidden"> in the other text to {relatedFor.name}</span>
          </button>
        </span>
      )}
    </>
  );
}
