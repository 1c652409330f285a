/**
 * `diptych serve`, `diptych users add` and `diptych groups create|add`
 * against the real server (127.0.0.1, temporary data), through the CLI's
 * `main` (and one spawned process, for the password read from standard
 * input). What a reader sees: the one-line messages and exit codes.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { groupDatabaseName } from '../../annotations/sync/index.ts';
import { call } from '../server/helpers/http.ts';
import { scaled } from '../slowdown.ts';
import {
  startServerProcess,
  TEST_ADMIN,
  type ServerProcess,
} from '../server/helpers/server-process.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

let server: ServerProcess;
const savedAdmin = process.env['DIPTYCH_ADMIN'];

beforeAll(async () => {
  server = await startServerProcess();
}, 90_000);

afterAll(async () => {
  await server?.dispose();
}, 30_000);

afterEach(() => {
  if (savedAdmin === undefined) delete process.env['DIPTYCH_ADMIN'];
  else process.env['DIPTYCH_ADMIN'] = savedAdmin;
});

const asAdmin = () => (process.env['DIPTYCH_ADMIN'] = `${TEST_ADMIN.name}:${TEST_ADMIN.password}`);

describe('diptych serve', () => {
  it('says it listens on loopback only, where the API is, and where the admin credentials are', () => {
    const out = server.output();
    expect(out).toMatch(/listening at http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/loopback only \(127\.0\.0\.1\)/);
    expect(out).toContain(`CouchDB API: ${server.couchUrl}`);
    const file = join(server.dataDir, 'admin-credentials');
    expect(out).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('a reading group in four commands', () => {
  it('adds users with private layers, creates a group, adds a member', async () => {
    asAdmin();
    const server_ = ['--server', server.url];
    for (const [name, pw] of [
      ['ana', 'ana-pw'],
      ['ben', 'ben-pw'],
      ['cy', 'cy-pw'],
    ] as const) {
      const added = await run('users', 'add', name, '--password', pw, ...server_);
      expect(added, added.err).toMatchObject({ code: 0 });
      // Said in words: who was added, where, and what comes next; no database name.
      expect(added.out).toBe(
        `Added reader "${name}" on ${server.couchUrl} with a private layer (annotations only ${name} can read).\n` +
          `${name} signs in with this name and password in the reader's Sync panel; ` +
          `to put ${name} in a reading group: diptych groups add <group> ${name}\n`,
      );
      expect(added.out).not.toMatch(/userdb-|diptych-group-/);
    }
    const created = await run(
      'groups',
      'create',
      'lankov-seminar',
      '--owner',
      'ana',
      '--member',
      'ben',
      ...server_,
    );
    expect(created.code, created.err).toBe(0);
    expect(created.out).toBe(
      'Created reading group "lankov-seminar", owned by ana. Its members, who read it and write their own annotations there: ana, ben.\n' +
        'Each member joins it in the reader\'s Sync panel (Join beside "lankov-seminar").\n',
    );
    const added = await run('groups', 'add', 'lankov-seminar', 'cy', ...server_);
    expect(added.out).toBe(
      'Added cy to reading group "lankov-seminar". Its members, who read it and write their own annotations there: ana, ben, cy.\n',
    );
    const again = await run('groups', 'add', 'lankov-seminar', 'cy', ...server_);
    expect(again.out).toBe(
      'cy is already a member of reading group "lankov-seminar". Its members, who read it and write their own annotations there: ana, ben, cy.\n',
    );
    for (const out of [created.out, added.out, again.out])
      expect(out).not.toContain(groupDatabaseName('lankov-seminar'));

    const db = groupDatabaseName('lankov-seminar');
    expect((await call(server.couchUrl, { name: 'cy', password: 'cy-pw' }, 'GET', db)).status).toBe(
      200,
    );
    const own = await call(
      server.couchUrl,
      { name: 'cy', password: 'cy-pw' },
      'GET',
      '_users/org.couchdb.user:cy',
    );
    expect(own.body['diptych_groups']).toEqual(['lankov-seminar']);
  }, 60_000);

  it('takes several members at once (repeated or comma-separated --member)', async () => {
    asAdmin();
    for (const name of ['dee', 'eli', 'fay'])
      await run('users', 'add', name, '--password', 'pw', '--server', server.url);
    const created = await run(
      'groups',
      'create',
      'tuesday',
      '--owner',
      'dee',
      '--member',
      'eli,fay',
      '--server',
      server.url,
    );
    expect(created.out).toContain('write their own annotations there: dee, eli, fay.');
  });

  it('reads the password from standard input when it is not given', async () => {
    const child = spawn(
      process.execPath,
      ['bin/diptych.js', 'users', 'add', 'gus', '--server', server.url],
      {
        env: { ...process.env, DIPTYCH_ADMIN: `${TEST_ADMIN.name}:${TEST_ADMIN.password}` },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    child.stdin.end('gus-secret\n');
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect(out).toContain('Added reader "gus"');
    const session = await call(server.couchUrl, null, 'POST', '_session', {
      name: 'gus',
      password: 'gus-secret',
    });
    expect(session.status).toBe(200);
  }, 60_000);

  it(
    'at a terminal, ignores what was typed (and shown) before it started; takes both entries in one read',
    async () => {
      // A real terminal (a pseudo-terminal from util-linux's `script`, in Debian's essential
      // bsdutils). Keys sent at once reach it while Node is still loading: the terminal is in
      // its ordinary mode then and shows them, so they must not become the password (they were
      // taken as the first entry). Then both entries at once, after the prompt: one read holds
      // both (the prompt used to drop whatever followed the first Enter in one read).
      const command = [process.execPath, 'bin/diptych.js', 'users', 'add', 'kit']
        .concat(['--server', server.url])
        .map((a) => `'${a}'`)
        .join(' ');
      const child = spawn('script', ['-qfec', command, '/dev/null'], {
        env: { ...process.env, DIPTYCH_ADMIN: `${TEST_ADMIN.name}:${TEST_ADMIN.password}` },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let prompted: () => void = () => undefined;
      const prompt = new Promise<void>((resolve) => (prompted = resolve));
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Password for kit: ')) prompted();
      });
      child.stdin.write('typed-too-early\r');
      // A prompt left waiting is a failure, not a hang: `script` killed, its command gets SIGHUP.
      const timer = setTimeout(() => child.kill('SIGKILL'), scaled(15_000));
      const exit = new Promise((r) => child.once('exit', r));
      await Promise.race([prompt, exit]);
      child.stdin.write('kit-secret\rkit-secret\r');
      const code = await exit.finally(() => {
        clearTimeout(timer);
        child.stdin.destroy();
      });
      // The terminal showed the early keys (echo on, before any of the command's code ran) …
      expect(out.indexOf('typed-too-early')).toBeLessThan(out.indexOf('Password for kit: '));
      // … so they are dropped, and the command says so before it asks.
      expect(out).toContain('Ignored what was typed before this prompt: the terminal showed it.');
      expect(out).toContain('Again: ');
      expect(out).not.toContain('kit-secret');
      expect(out).toContain('Added reader "kit"');
      expect(code).toBe(0);
      const session = await call(server.couchUrl, null, 'POST', '_session', {
        name: 'kit',
        password: 'kit-secret',
      });
      expect(session.status).toBe(200);
    },
    scaled(60_000),
  );
});

describe('when it fails', () => {
  it.each([
    [
      ['users', 'add', 'ana', '--password', 'x'],
      1,
      /^diptych: there is already a user named "ana"\n$/,
    ],
    [
      ['users', 'add', '_root', '--password', 'x'],
      1,
      /^diptych: a user name cannot start with "_"\n$/,
    ],
    [['users', 'add'], 2, /^diptych: usage: diptych users add <name>/],
    [
      ['groups', 'create', 'lankov-seminar', '--owner', 'ana'],
      1,
      /^diptych: group "lankov-seminar" exists already/,
    ],
    [
      ['groups', 'create', 'new-group', '--owner', 'zed'],
      1,
      /^diptych: no user named "zed" \(add one with: diptych users add zed\)\n$/,
    ],
    [['groups', 'add', 'no-such-group', 'ana'], 1, /^diptych: no group named "no-such-group"/],
    [['groups', 'add', 'lankov-seminar', 'zed'], 1, /^diptych: no user named "zed"/],
    [
      ['groups', 'create', 'Lankov Seminar', '--owner', 'ana'],
      2,
      /^diptych: "Lankov Seminar" is not a valid group name/,
    ],
    [['groups', 'create', 'x'], 2, /^diptych: usage: diptych groups create/],
  ])('%j → exit %i and a one-line message', async (argv, exitCode, message) => {
    asAdmin();
    const result = await run(...argv, '--server', server.url);
    expect(result.err).toMatch(message);
    expect(result.code).toBe(exitCode);
  });

  it('wrong admin credentials, no credentials, an unreachable server', async () => {
    process.env['DIPTYCH_ADMIN'] = 'admin:wrong';
    const wrong = await run('users', 'add', 'hal', '--password', 'x', '--server', server.url);
    expect(wrong.err).toBe(
      'diptych: the server refused the admin credentials (check DIPTYCH_ADMIN=name:password)\n',
    );
    process.env['DIPTYCH_ADMIN'] = 'no-colon';
    expect((await run('users', 'add', 'hal', '--password', 'x', '--server', server.url)).err).toBe(
      'diptych: DIPTYCH_ADMIN must be "name:password" (got something else)\n',
    );
    delete process.env['DIPTYCH_ADMIN'];
    const none = await run(
      'users',
      'add',
      'hal',
      '--password',
      'x',
      '--server',
      server.url,
      '--data',
      '/nonexistent/diptych',
    );
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^diptych: no admin credentials: set DIPTYCH_ADMIN=name:password/);
    // The message names both ways out, and where it looked.
    expect(none.err).toContain('--data <dir>');
    expect(none.err).toContain('/nonexistent/diptych/admin-credentials');
    asAdmin();
    const closed = await run(
      'users',
      'add',
      'hal',
      '--password',
      'x',
      '--server',
      'http://127.0.0.1:9',
    );
    expect(closed.err).toBe(
      'diptych: cannot reach http://127.0.0.1:9/ (is `diptych serve` or CouchDB running there?)\n',
    );
  });
});

describe('a server started without DIPTYCH_ADMIN', () => {
  it('makes up admin credentials and the CLI on the same machine finds them (--data)', async () => {
    const own = await startServerProcess({ admin: false });
    try {
      delete process.env['DIPTYCH_ADMIN'];
      expect(own.output()).toMatch(/credentials written to .*admin-credentials \(mode 600\)/);
      const result = await run(
        'users',
        'add',
        'ivy',
        '--password',
        'x',
        '--server',
        own.url,
        '--data',
        own.dataDir,
      );
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
    } finally {
      await own.dispose();
    }
  }, 90_000);
});
