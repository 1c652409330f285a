import { describe, expect, it } from 'vitest';
import * as sources from '../../sources/index.ts';

describe('sources/index.ts', () => {
  it('exposes exactly its public surface', () => {
    expect(Object.keys(sources).sort()).toEqual([
      'BLOCK_SEPARATOR',
      'BUILTIN_SOURCES',
      'NUMBERED_ROLES',
      'PARSE_TIME_LIMIT_MS',
      'TextRefusedError',
      'checkNesting',
      'findPassage',
      'formatAddress',
      'parseAddress',
      'parseEdition',
      'passageText',
      'sourceMetadata',
      'sourceOfAddress',
    ]);
  });
});
