import { expect, it } from 'vitest';
import * as io from '../../../annotations/io/index.ts';

it('exposes exactly its public surface', () => {
  expect(Object.keys(io).sort()).toEqual([
    'CURRENT_FORMAT_VERSION',
    'MAX_IMPORT_BYTES',
    'MAX_IMPORT_CHARS',
    'MAX_IMPORT_ITEMS',
    'escapeMarkdown',
    'exportW3cAnnotation',
    'exportW3cCollection',
    'importAnnotations',
    'importFileSizeCheck',
    'importStatus',
    'locateInEditions',
    'markdownDigest',
    'serializeW3cCollection',
    'sourceIdFromIri',
    'sourceIri',
    'toW3cAnnotation',
  ]);
});
