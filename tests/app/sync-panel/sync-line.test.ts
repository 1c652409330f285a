// The words under a reader's annotation or comparison: where it is synced and whose it is. One
// wording for the reader's own ("by you") in the sidebar and the Compare view alike.
import { describe, expect, it } from 'vitest';
import {
  byWhom,
  changesWaiting,
  syncLine,
  waitingLine,
} from '../../../app/sync-panel/sync-line.ts';

const PRIVATE = { db: 'userdb-62656e', label: 'Private', kind: 'private' } as const;
const GROUP = { db: 'diptych-group-seminar', label: 'seminar', kind: 'group' } as const;

describe('syncLine', () => {
  it('names the layer, and in a group whose it is: the reader as "you", others by name', () => {
    expect(syncLine({ layer: GROUP, author: 'ben', mine: true })).toBe('Group: seminar · by you');
    expect(syncLine({ layer: GROUP, author: 'ana', mine: false })).toBe('Group: seminar · by ana');
    expect(syncLine({ layer: PRIVATE, author: 'ben', mine: true })).toBe('Private');
  });

  it('says so of a group the reader left on this device', () => {
    expect(syncLine({ layer: GROUP, author: 'ana', mine: false, left: true })).toBe(
      'Group: seminar (left on this device, not synced) · by ana',
    );
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

describe('waitingLine', () => {
  const offline = { kind: 'offline', cause: 'network' } as const;
  const unreachable = { kind: 'offline', cause: 'server' } as const;
  const syncing = { kind: 'syncing' } as const;

  it('says how many changes wait while they cannot go up, one "change" or several', () => {
    expect(waitingLine(offline, 1, false)).toBe('Offline · 1 change waiting to sync');
    expect(waitingLine(offline, 3, false)).toBe('Offline · 3 changes waiting to sync');
    expect(waitingLine(unreachable, 2, false)).toBe(
      'Server unreachable · 2 changes waiting to sync',
    );
    expect(changesWaiting(0)).toBe('0 changes waiting to sync');
  });

  it('once shown, counts down while they go up, and goes when none is left', () => {
    expect(waitingLine(syncing, 2, true)).toBe('Syncing · 2 changes waiting to sync');
    expect(waitingLine({ kind: 'connecting' }, 2, true)).toBe(
      'Connecting · 2 changes waiting to sync',
    );
    expect(waitingLine(syncing, 0, true)).toBe('');
    expect(waitingLine({ kind: 'synced' }, 1, true)).toBe('');
  });

  it('says nothing for an edit made online on its way up (no line at every edit), or with nothing waiting', () => {
    expect(waitingLine(syncing, 1, false)).toBe('');
    expect(waitingLine(offline, 0, false)).toBe('');
    expect(waitingLine(undefined, 3, false)).toBe('');
    expect(waitingLine({ kind: 'refused' }, 3, true)).toBe('');
  });
});
