/**
 * A reader's text, as sent to the citer (`UserSource`), → the citer's
 * `SourceMetadata`. The record is the reader's (or what the file said,
 * pre-filled), so no date carries `circa`; the values that can be inferred
 * are a title the text does not state (taken from its file name) and an
 * author's family name guessed by splitting a name written as one string,
 * which `inferred` carries, so that citations and exports say so
 * (`missing-fields.ts`).
 */
import type { z } from 'zod';
import type { CslItem, SourceMetadata } from '../../sources/metadata.ts';
import type { SourceId } from '../../sources/edition.ts';
import type { UserSourceSchema } from './citer-protocol.ts';

/** A reader's text for the citer. */
export type UserSource = z.infer<typeof UserSourceSchema>;

/** The metadata the citer formats for a reader's text. */
export function userSourceMetadata(source: UserSource): SourceMetadata {
  return {
    id: source.id as SourceId,
    file: '',
    lang: 'en',
    label: source.label,
    csl: source.csl as unknown as CslItem,
    inferred: source.inferred ?? [],
    declarations: [],
  };
}
