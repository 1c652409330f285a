import { expect, it } from 'vitest';
import * as model from '../../../annotations/model/index.ts';

it('exposes exactly its public surface', () => {
  expect(Object.keys(model).sort()).toEqual([
    'AddressSchema',
    'AnnotationIdSchema',
    'AnnotationSchema',
    'COLORS',
    'ColorSchema',
    'LinkSchema',
    'MAX_CONTEXT_LENGTH',
    'MAX_ID_LENGTH',
    'MAX_NOTE_LENGTH',
    'MAX_QUOTE_LENGTH',
    'MAX_TAGS',
    'MAX_TAG_LENGTH',
    'MOTIVATIONS',
    'MotivationSchema',
    'NewAnnotationSchema',
    'OriginSchema',
    'PositionSelectorSchema',
    'QuoteSelectorSchema',
    'RELATIONS',
    'RelationSchema',
    'SelectorsSchema',
    'SourceIdSchema',
    'TagSchema',
    'TargetSchema',
    'TimestampSchema',
    'addressForRange',
    'completeAnnotation',
    'motivationFor',
    'newAnnotationId',
    'noteText',
    'parseNoteMarkdown',
    'safeLinkUrl',
  ]);
});
