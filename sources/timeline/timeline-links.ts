/**
 * Links between the events of two texts: where a comparison pairs a passage
 * of one text with a passage of the other and both passages carry dated
 * expressions, their events are linked ("around 1995" in Lankov ¶11 with
 * "revived in 1999" in Winstanley-Chesters ¶12). A link joins the events of
 * the two sides' paragraphs that lie inside the compared sentences when
 * there are some, else all the dated events of the two paragraphs.
 *
 * What it is for: the Timeline view's connecting lines. Not for: saying the
 * two dates are of one event; the comparison's relation says how they relate.
 */
import type { DatedEvent } from './dated-event.ts';

/** A pair of passages from a comparison (addresses of paragraphs or sentences). */
export interface LinkedPassages {
  /** The comparison's id. */
  readonly id: string;
  /** The comparison's relation (agrees, contradicts…). */
  readonly relation: string;
  /** One side's passage address. */
  readonly a: string;
  /** The other side's passage address. */
  readonly b: string;
}

/** Two events joined by a comparison. */
export interface TimelineLink {
  /** The comparison's id. */
  readonly comparison: string;
  /** Its relation. */
  readonly relation: string;
  /** Event id on side a. */
  readonly from: string;
  /** Event id on side b. */
  readonly to: string;
}

const paragraphOf = (address: string) => address.replace(/\.\d+$/, '');

function eventsAt(events: readonly DatedEvent[], address: string): DatedEvent[] {
  const exact = events.filter((e) => e.address === address);
  if (exact.length > 0) return exact;
  const para = paragraphOf(address);
  return events.filter((e) => paragraphOf(e.address) === para);
}

/** The links the comparisons make between dated events. Pure. */
export function timelineLinks(
  events: readonly DatedEvent[],
  comparisons: readonly LinkedPassages[],
): TimelineLink[] {
  const out: TimelineLink[] = [];
  for (const c of comparisons) {
    for (const x of eventsAt(events, c.a)) {
      for (const y of eventsAt(events, c.b)) {
        if (x.source === y.source) continue;
        out.push({ comparison: c.id, relation: c.relation, from: x.id, to: y.id });
      }
    }
  }
  return out;
}
