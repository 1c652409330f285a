/**
 * The notice after a new version of a reader's text (**New version…** in the
 * Library): its annotations are re-anchored in the new edition by the usual
 * cascade (the sidebar does so as the edition loads), and those the cascade
 * cannot place are kept and listed under Unplaced in Annotations. The notice
 * says how many, so that a reader whose edits moved passages knows to look.
 *
 * Pure: anchoring is passed in (the annotation runtime's `anchor`).
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import { anchorAnnotations, type AnchorFn } from '../annotations/anchored-list.ts';
import { counted, plural } from '../../sources/util/plural.ts';

/**
 * One sentence: the text's new version, and how many of its highlights and
 * notes (the annotations the sidebar lists) the new `edition` cannot place.
 * Without `annotations` (the annotation code could not be loaded), only the version.
 */
export function versionReport(
  title: string,
  version: number,
  edition: Edition,
  annotations?: { readonly list: readonly Annotation[]; readonly anchor: AnchorFn },
): string {
  const head = `“${title}” is now version ${version}.`;
  if (!annotations) return head;
  const { placed, unplaced } = anchorAnnotations(annotations.list, [edition], annotations.anchor);
  const total = placed.length + unplaced.length;
  if (total === 0) return head;
  if (unplaced.length === 0) {
    return `${head} ${plural(total, 'Its annotation was', `All ${total} of its annotations were`)} placed in it.`;
  }
  return `${head} ${unplaced.length} of its ${counted(total, 'annotation')} could not be placed in it: ${plural(unplaced.length, 'it is', 'they are')} kept, listed under Unplaced in Annotations.`;
}
