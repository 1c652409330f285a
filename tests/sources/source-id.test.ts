import { describe, expect, it } from 'vitest';
import { sourceIdFromFileName, uniqueSourceId } from '../../sources/source-id.ts';

describe('source ids for opened texts', () => {
  it.each([
    ['My Notes.md', 'my-notes'],
    ['/tmp/dir/Lankov 2007 (draft).txt', 'lankov-2007-draft'],
    ['C:\\docs\\Café.markdown', 'cafe'],
    ['.md', 'text'],
    ['Толарая.txt', 'text'],
  ])('%s → %s', (name, id) => expect(sourceIdFromFileName(name)).toBe(id));

  it('never reuses a taken id', () => {
    expect(uniqueSourceId('lankov-2007', new Set(['lankov-2007', 'lankov-2007-2']))).toBe(
      'lankov-2007-3',
    );
    expect(uniqueSourceId('notes', new Set(['lankov-2007']))).toBe('notes');
  });
});
