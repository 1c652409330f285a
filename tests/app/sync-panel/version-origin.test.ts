// Where and when each version of an annotation edited on two devices was made, in the words the
// conflict card gives it (app/sync-panel/version-origin.ts).
import { describe, expect, it } from 'vitest';
import { formatVersionTime } from '../../../app/sync-panel/sync-time.ts';
import { versionOrigin } from '../../../app/sync-panel/version-origin.ts';

const modified = '2026-12-02T14:02:41.000Z';
const time = formatVersionTime(modified, 'en-US');
const version = (made: 'here' | 'elsewhere' | 'unknown', author: string) => ({
  made,
  author,
  modified,
});
const privateLayer = { user: 'ana', group: false };
const group = { user: 'ana', group: true };

describe('versionOrigin', () => {
  it('says which version was made on this device and which on another, and when', () => {
    expect(versionOrigin(version('here', 'ana'), privateLayer, 'en-US')).toBe(
      `Made on this device, ${time}`,
    );
    expect(versionOrigin(version('elsewhere', 'ana'), privateLayer, 'en-US')).toBe(
      `Made on another device, ${time}`,
    );
    expect(time).toMatch(/Dec 2, 2026/);
  });

  it('in a group, says by whom: the reader as "you", another member by name', () => {
    expect(versionOrigin(version('elsewhere', 'ben'), group, 'en-US')).toBe(
      `Made on another device by ben, ${time}`,
    );
    expect(versionOrigin(version('here', 'ana'), group, 'en-US')).toBe(
      `Made on this device by you, ${time}`,
    );
    expect(versionOrigin(version('elsewhere', 'ana'), group, 'en-US')).toBe(
      `Made on another device by you, ${time}`,
    );
  });

  it('when it fails: a version whose document names no device says so rather than guess', () => {
    expect(versionOrigin(version('unknown', 'ana'), privateLayer, 'en-US')).toBe(
      `Made on a device not recorded, ${time}`,
    );
    expect(versionOrigin(version('unknown', 'ben'), group, 'en-US')).toBe(
      `Made by ben on a device not recorded, ${time}`,
    );
  });
});
