/**
 * Why an import was refused, in words a student can act on: what is wrong
 * with the file and what to do about it (`ImportOutcome.advice`).
 *
 * What it is for: the first thing the reader sees when a file is refused.
 * The import's own messages (`ImportOutcome.summary`) name JSON paths,
 * selectors and spec sections; they are right for someone repairing a file
 * and stay available beside this (the app's "Technical details", the CLI's
 * second line), but a student choosing the wrong file needs "this is not an
 * annotations file; choose the one Export annotations gave you".
 *
 * Not for: deciding whether a file is good (`importAnnotations` does, and
 * tags each refusal with a `FileProblem` or `ItemProblem` where it is made)
 * or wording a successful import (its summary is already plain). The
 * problem kinds are coarse on purpose: a finer split (one text per message)
 * would repeat the technical messages in other words without telling the
 * reader anything more to do.
 *
 * Pure. Renders nothing: the app shows the string as text.
 */

/** Why a whole file was refused, before any of its annotations was read. */
export type FileProblem =
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'too-large'; readonly megabytes: number; readonly limit: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-annotations' }
  | { readonly kind: 'linked-pages' }
  | { readonly kind: 'newer-version' }
  | { readonly kind: 'damaged-version' }
  | { readonly kind: 'too-many'; readonly limit: number }
  | { readonly kind: 'damaged-records' }
  | { readonly kind: 'internal' };

/**
 * Why one annotation was refused, when it is not simply malformed: the file
 * may be fine, and what to do is add its text (`text-missing`) or check the
 * text's version (`quote-missing`). Set where the refusal is made
 * (`resolve-target.ts`); absent means the item itself is malformed.
 */
export type ItemProblem = 'text-missing' | 'quote-missing';

/** Where a reader gets a file that imports: said whenever the file is not one. */
const WHERE_FROM =
  'Choose a file made by Export annotations in Diptych, or by Hypothesis’s export.';

const BY_HAND =
  'If the file was edited by hand, undo the change; otherwise export it again from the program that made it.';

/** What is wrong with a refused file and what to do, in plain words. */
export function fileAdvice(problem: FileProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return 'This file could not be read. Check that it is still where you chose it, and try again.';
    case 'too-large':
      return `This file is too large to import (${problem.megabytes.toFixed(1)} MB; Diptych imports files up to ${problem.limit} MB). Check that you chose the right file.`;
    case 'empty':
      return `This file is empty. ${WHERE_FROM}`;
    case 'binary':
      return `This file is not an annotations file Diptych can read: it is not text (it may be a PDF, a picture or a Word document). ${WHERE_FROM}`;
    case 'not-json':
      return 'This file is not an annotations file Diptych can read: it is not JSON. Export from Diptych or Hypothesis gives a file that is.';
    case 'not-annotations':
      return `This file is JSON, but it holds no annotations Diptych can read. ${WHERE_FROM}`;
    case 'linked-pages':
      return 'This file holds only part of a set of annotations: the rest is linked on the web, and Diptych does not download it. Save the whole set into one file, or export it again.';
    case 'newer-version':
      return 'This file was made by a newer version of Diptych. Update Diptych (in a browser, reload the page), then import it again.';
    case 'damaged-version':
      return `This file says it comes from Diptych, but the mark that says which version made it is damaged. ${BY_HAND}`;
    case 'too-many':
      return `This file holds more annotations than Diptych imports at once (${problem.limit.toLocaleString('en')}). Split it into smaller files.`;
    case 'damaged-records':
      return `The corrected references (record edits) in this file are damaged, so none of it was used. ${BY_HAND}`;
    case 'internal':
      return 'Something went wrong inside Diptych while reading this file; your annotations are unchanged. Please report it, with the technical details.';
  }
}

/** The refused items of a file, as `importAnnotations` lists them. */
export interface RefusedItems {
  /** How many items the file holds. */
  readonly total: number;
  /** Why each refused item was refused (`undefined`: it is malformed). */
  readonly problems: readonly (ItemProblem | undefined)[];
}

/**
 * What is wrong with a file some of whose annotations were refused, and what
 * to do. Names the most actionable cause first: a missing text is fixed by
 * adding it, a quote elsewhere by checking the text, a malformed item only by
 * another file.
 */
export function itemAdvice({ total, problems }: RefusedItems): string {
  const count = (p: ItemProblem | undefined): number => problems.filter((q) => q === p).length;
  const of = (n: number): string =>
    total === 1 ? 'The annotation in this file' : `${n} of the ${total} annotations in this file`;
  const is = (n: number, one: string, many: string): string =>
    total === 1 || n === 1 ? one : many;
  const sentences: string[] = [];
  const missingText = count('text-missing');
  if (missingText > 0)
    sentences.push(
      `${of(missingText)} ${is(missingText, 'is', 'are')} on a text Diptych does not have. Add that text (Add a text…), then import the file again.`,
    );
  const missingQuote = count('quote-missing');
  if (missingQuote > 0)
    sentences.push(
      `${of(missingQuote)} ${is(missingQuote, 'quotes', 'quote')} words that are not in ${is(missingQuote, 'its', 'their')} text here: the file may have been made on another version of the text.`,
    );
  const malformed = count(undefined);
  if (malformed > 0)
    sentences.push(
      `${of(malformed)} ${is(malformed, 'is', 'are')} damaged or incomplete, so Diptych cannot tell what ${is(malformed, 'it marks', 'they mark')}. ${BY_HAND}`,
    );
  const fine = total - problems.length;
  if (fine > 0)
    sentences.push(
      `Diptych imports a file whole or not at all, so the other ${fine === 1 ? 'one was' : `${fine} were`} not added either.`,
    );
  return sentences.join(' ');
}
