/**
 * The public surface of `annotations/storage/`, for `annotations/store.ts`,
 * tests and the bench. The app does not import it (an ESLint rule forbids
 * that): it opens the store with `openBrowserAnnotationStore` from
 * `annotations/store.ts`. Re-exports only.
 */
export {
  listBackups,
  loadAnnotations,
  parseStored,
  QUOTA_MESSAGE,
  saveAnnotations,
  type LoadProblemKind,
  type LoadResult,
  type SaveResult,
} from './annotation-storage.ts';
export { ANNOTATIONS_KEY, BACKUP_PREFIX, STORAGE_NAMESPACE, STORAGE_VERSION } from './envelope.ts';
export { openBrowserStorage, webStoragePort, type OpenedStorage } from './local-storage.ts';
export { memoryArea, memoryStorage, type MemoryArea } from './memory-storage.ts';
export { mergeSets, type AnnotationSet } from './merge.ts';
export { isQuotaExceeded } from './quota.ts';
export type { StorageChange, StoragePort } from './storage-port.ts';
