/**
 * What the citation dialogs call a source, and how they reach the records
 * of the reader's own texts: a built-in source by its label ("Lankov
 * (2007)"), a text from the Library by its title (never its id), through
 * `UserRecords`, which the Library's controller satisfies.
 *
 * Not for: the records themselves (the Library keeps them; the citer gets
 * them through `setCitationSources`).
 */
import type { TextEntry, TextRecord } from '../../library/index.ts';
import { sourceMetadata } from '../../sources/metadata.ts';

/** The reader's own texts, as the citation dialogs need them (the Library's controller is one). */
export interface UserRecords {
  /** A text in the Library, or `undefined` (a built-in source, or a text no longer there). */
  entry(id: string): TextEntry | undefined;
  /**
   * Replaces a text's record; `edited: false` when it goes back to the record
   * from the file. Resolves to a truthy value when saved, `null` when it
   * failed (the Library reports why).
   */
  setRecord(id: string, record: TextRecord, edited?: boolean): Promise<string | null>;
}

/** A source's name for a reader: the built-in label, a Library text's title, else its id. */
export function sourceLabel(id: string, userRecords?: UserRecords): string {
  return sourceMetadata(id)?.label ?? userRecords?.entry(id)?.title ?? id;
}
