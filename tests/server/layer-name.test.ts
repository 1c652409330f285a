import { describe, expect, it } from 'vitest';
import { layerName } from '../../server/couch-admin.ts';
import { groupDatabaseName, privateDatabaseName } from '../../annotations/sync/index.ts';

describe('layerName (what a failed `diptych users` or `groups` step names)', () => {
  it('names a group and a private layer as their owner knows them, not by their database', () => {
    expect(layerName(groupDatabaseName('seminar-7'))).toBe('group "seminar-7"');
    expect(layerName(privateDatabaseName('Ольга Ким'))).toBe(
      'the private layer of user "Ольга Ким"',
    );
  });

  it('falls back to the database name for a database that is neither', () => {
    expect(layerName('_users')).toBe('database _users');
    expect(layerName('userdb-zz')).toBe('database userdb-zz');
  });
});
