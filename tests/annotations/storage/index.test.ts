import { expect, it } from 'vitest';
import * as storage from '../../../annotations/storage/index.ts';

it('exposes exactly this public surface', () => {
  expect(Object.keys(storage).sort()).toEqual([
    'ANNOTATIONS_KEY',
    'BACKUP_PREFIX',
    'QUOTA_MESSAGE',
    'STORAGE_NAMESPACE',
    'STORAGE_VERSION',
    'isQuotaExceeded',
    'listBackups',
    'loadAnnotations',
    'memoryArea',
    'memoryStorage',
    'mergeSets',
    'openBrowserStorage',
    'parseStored',
    'saveAnnotations',
    'webStoragePort',
  ]);
});
