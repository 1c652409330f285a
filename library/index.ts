/**
 * The public surface of `library/`: the texts a reader adds, stored in
 * IndexedDB (no React, no parsing: the app hands in parsed texts).
 */
export type { LibraryStorage, OpenedLibraryStorage } from './idb-storage.ts';
export {
  DB_NAME,
  DB_VERSION,
  LibraryStorageError,
  memoryLibraryStorage,
  openLibraryStorage,
} from './idb-storage.ts';
export type { FactName, TextEntry, TextRecord, WaitingText } from './model.ts';
export { guessedSplit, nameFromString } from './names.ts';
export { RECORD_TYPES, recordFromFacts, TextEntrySchema, TextRecordSchema } from './model.ts';
export type {
  LibraryOptions,
  LibraryState,
  Removed,
  Reparse,
  TextLibrary,
} from './text-library.ts';
export { createTextLibrary } from './text-library.ts';
export type { WorkspaceFile } from './workspace.ts';
export { readWorkspace, serializeWorkspace, WORKSPACE_VERSION } from './workspace.ts';
