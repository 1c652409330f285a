// The words under a reader's annotation or comparison: where it is synced and whose it is. One
// wording for the reader's own ("by you") in the sidebar and the Compare view alike.
import { describe, expect, it } from 'vitest';
import { byWhom, syncLine } from '../../../app/sync-panel/sync-line.ts';

const PRIVATE = { db: 'userdb-62656e', label: 'Private', kind: 'private' } as const;
const GROUP = { db: 'diptych-group-seminar', label: 'seminar', kind: 'group' } as const;

describe('syncLine', () => {
  it('names the layer, and in a group whose it is: the reader as "you", others by name', () => {
    expect(syncLine({ layer: GROUP, author: 'ben', mine: true })).toBe('Group: seminar · by you');
    expect(syncLine({ layer: GROUP, author: 'ana', mine: false })).toBe('Group: seminar · by ana');
    expect(syncLine({ layer: PRIVATE, author: 'ben', mine: true })).toBe('Private');
  });

  it('never names the reader by their user name', () => {
    expect(syncLine({ layer: GROUP, author: 'ben', mine: true })).not.toContain('ben');
    expect(byWhom({ author: 'ben', mine: true })).toBe('by you');
  });

  describe('when it knows less', () => {
    it('says "Not synced yet" for one in no layer', () => {
      expect(syncLine({ layer: null, author: null, mine: true })).toBe('Not synced yet');
    });

    it('leaves the author out when none is known, and says "another member" for a nameless other', () => {
      expect(syncLine({ layer: GROUP, author: null, mine: true })).toBe('Group: seminar');
      expect(byWhom({ author: null, mine: false })).toBe('by another member');
    });
  });
});
