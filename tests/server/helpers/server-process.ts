/**
 * Starts the real sync server (`node bin/diptych.js serve`) as a child
 * process on 127.0.0.1 with a temporary data folder, for tests and benches:
 * `startServerProcess()` waits until it says where it listens; `stop()`
 * ends it gently (SIGTERM), `kill()` at once (SIGKILL, a crash), and
 * `restart()` starts it again on the same port and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The admin the helper sets up. */
export const TEST_ADMIN = { name: 'admin', password: 'test-admin-password' } as const;

/** A running server process. */
export interface ServerProcess {
  /** e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** e.g. `http://127.0.0.1:41234/couch/`. */
  readonly couchUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** The child's process id (the server itself). */
  readonly pid: () => number | undefined;
  /** Everything it printed. */
  readonly output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (a crash) and wait for exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops it and removes the data folder. */
  dispose(): Promise<void>;
}

function launch(
  port: number,
  dataDir: string,
  log: { text: string },
  withAdmin: boolean,
  extra: readonly string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'diptych.js'),
      'serve',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--no-build',
      ...extra,
    ],
    {
      cwd: ROOT,
      env: withAdmin
        ? { ...process.env, DIPTYCH_ADMIN: `${TEST_ADMIN.name}:${TEST_ADMIN.password}` }
        : { ...process.env, DIPTYCH_ADMIN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 60 s:\n${log.text}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      log.text += chunk.toString();
      const match = /listening at http:\/\/127\.0\.0\.1:(\d+)\//.exec(log.text);
      // The "admin:" line is the last of the start-up message.
      if (match && /\n {2}admin: .*\n/.test(log.text)) {
        clearTimeout(timer);
        resolveStart({ child, port: Number(match[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (log.text += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      // The compiled CLI predates an option the tests pass: say how to rebuild it.
      const hint = /unknown option/.test(log.text)
        ? '\n(dist-cli/ may be older than cli/: run `npm run build:cli`)'
        : '';
      reject(new Error(`the server exited (${code}) before listening:\n${log.text}${hint}`));
    });
  });
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    // A server that does not stop within 10 s is killed: a test never hangs on it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      r();
    });
  });
}

/**
 * Starts a server on a free port with a fresh data folder. With
 * `{ admin: false }` it is started without DIPTYCH_ADMIN, so it makes up
 * its own admin credentials, as on a reader's first start.
 */
export async function startServerProcess(
  options: {
    readonly admin?: boolean;
    /** Origins allowed with credentials (`--cors`): a reader served elsewhere, as the browser tests' is. */
    readonly cors?: string;
    /** The built reader to serve at `/` (`--reader`); default the project's `dist/`. */
    readonly reader?: string;
  } = {},
): Promise<ServerProcess> {
  const withAdmin = options.admin ?? true;
  const extra = [
    ...(options.cors ? ['--cors', options.cors] : []),
    ...(options.reader ? ['--reader', options.reader] : []),
  ];
  const dataDir = mkdtempSync(join(tmpdir(), 'diptych-sync-'));
  const log = { text: '' };
  let { child, port } = await launch(0, dataDir, log, withAdmin, extra);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    couchUrl: `${url}couch/`,
    port,
    dataDir,
    pid: () => child.pid,
    output: () => log.text,
    async stop() {
      child.kill('SIGTERM');
      await waitExit(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await waitExit(child);
    },
    async restart() {
      ({ child, port } = await launch(port, dataDir, log, withAdmin, extra));
    },
    async dispose() {
      child.kill('SIGTERM');
      await waitExit(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
