import { expect, it } from 'vitest';
import * as comparisons from '../../../annotations/comparisons/index.ts';

it('exposes exactly its public surface', () => {
  expect(Object.keys(comparisons).sort()).toEqual([
    'CSV_COLUMNS',
    'CURATED_AT',
    'CURATED_COLLECTION',
    'CURATED_COMPARISONS',
    'LinkPassagesError',
    'READER_TOPIC',
    'alignmentAnchors',
    'citedAddress',
    'comparisonLinks',
    'comparisonRows',
    'comparisonTopics',
    'comparisonsToCsv',
    'comparisonsToMarkdown',
    'csvField',
    'curatedCollectionText',
    'escapeMarkdownCell',
    'filterComparisons',
    'linkPassages',
    'loadCuratedComparisons',
    'tableRows',
  ]);
});
