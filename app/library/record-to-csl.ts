/**
 * A library text's record → the CSL-JSON the citer formats (`UserSource`).
 * Dates become CSL `date-parts`; only fields the reader (or the file) gave
 * are written. A title the text does not state — the file's name, or
 * `Pasted text`, kept while the reader has not replaced it — is listed as
 * inferred, so no citation or export states it as the work's title.
 */
import type { TextEntry } from '../../library/index.ts';
import type { UserSource } from '../citations/user-source.ts';

const parts = (date: string): { 'date-parts': number[][] } => ({
  'date-parts': [date.split('-').map(Number)],
});

/** The citer's view of a stored text. */
export function recordToCsl(entry: TextEntry): UserSource {
  const r = entry.record;
  // `facts` is always stored; a test's partial entry may leave it out.
  const facts = entry.facts as TextEntry['facts'] | undefined;
  const titleInferred = facts?.titleFrom === 'file name' && r.title === facts.title;
  return {
    id: entry.id,
    label: entry.title,
    ...(titleInferred
      ? {
          inferred: [
            {
              field: 'title' as const,
              evidence: `the text states none: “${r.title}” comes from “${entry.name}”, the name it was added under`,
            },
          ],
        }
      : {}),
    csl: {
      id: entry.id,
      type: r.type,
      title: r.title,
      author: r.authors.map((a) => ({ family: a.family, given: a.given })),
      ...(r.issued !== undefined ? { issued: parts(r.issued) } : {}),
      ...(r.accessed !== undefined ? { accessed: parts(r.accessed) } : {}),
      ...(r.containerTitle !== undefined ? { 'container-title': r.containerTitle } : {}),
      ...(r.publisher !== undefined ? { publisher: r.publisher } : {}),
      ...(r.url !== undefined ? { URL: r.url } : {}),
      ...(r.titleShort !== undefined ? { 'title-short': r.titleShort } : {}),
      ...(r.editors !== undefined
        ? { editor: r.editors.map((a) => ({ family: a.family, given: a.given })) }
        : {}),
      ...(r.edition !== undefined ? { edition: r.edition } : {}),
      ...(r.volume !== undefined ? { volume: r.volume } : {}),
      ...(r.issue !== undefined ? { issue: r.issue } : {}),
      ...(r.page !== undefined ? { page: r.page } : {}),
      ...(r.number !== undefined ? { number: r.number } : {}),
      ...(r.doi !== undefined ? { DOI: r.doi } : {}),
      ...(r.place !== undefined ? { 'publisher-place': r.place } : {}),
      ...(r.genre !== undefined ? { genre: r.genre } : {}),
      ...(r.medium !== undefined ? { medium: r.medium } : {}),
    },
  };
}
