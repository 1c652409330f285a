/**
 * `diptych serve [--port 5984] [--data <dir>] [--host <addr>] [--cors <origins>] [--reader <dir>] [--no-build]`:
 * starts the sync server (server/sync-server.ts) — the CouchDB API under
 * `/couch/` and the reader at `/` — and runs until interrupted.
 *
 * It listens on 127.0.0.1 unless `--host` says otherwise, and says so. On
 * first start it sets up the server admin (`DIPTYCH_ADMIN`, else random)
 * and says where the credentials are kept. When the reader is not built
 * (`dist/` missing) it builds it first with Vite, unless `--no-build`.
 * `--reader <dir>` serves a reader built elsewhere (the browser tests serve
 * the build of their run); it is never built.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUpCredentials, defaultDataDir } from '../../server/admin-credentials.ts';
import { startSyncServer } from '../../server/sync-server.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READER_DIR = join(ROOT, 'dist');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function buildReader(io: { err: (t: string) => void }): Promise<boolean> {
  io.err('The reader is not built yet (dist/ is missing): building it with Vite…\n');
  // vite.config.ts names its folders relative to the project root.
  const cwd = process.cwd();
  try {
    process.chdir(ROOT);
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    return true;
  } catch (error) {
    io.err(
      `Could not build the reader (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
        'serving the API alone. Run `npm run build` and restart.\n',
    );
    return false;
  } finally {
    process.chdir(cwd);
  }
}

/** Runs the server until SIGINT or SIGTERM. */
export const serve: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    port: 'string',
    data: 'string',
    host: 'string',
    cors: 'string',
    reader: 'string',
    'no-build': 'boolean',
  });
  if (positional.length > 0) throw new CliError(usageOf('serve'), 2);
  const port = flags.port === undefined ? 5984 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(
      `--port must be a port number from 0 to 65535 (got "${String(flags.port)}")`,
      2,
    );
  const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : defaultDataDir());
  const corsOrigins =
    typeof flags.cors === 'string'
      ? flags.cors
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : [];

  const readerDir = typeof flags.reader === 'string' ? resolve(flags.reader) : READER_DIR;
  if (readerDir !== READER_DIR && !existsSync(join(readerDir, 'index.html')))
    throw new CliError(`--reader ${readerDir}: no index.html there (a built reader's folder)`, 2);

  let setUp;
  try {
    setUp = setUpCredentials(dataDir);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  if (!existsSync(join(readerDir, 'index.html')) && !flags['no-build']) await buildReader(io);

  let server;
  try {
    server = await startSyncServer({
      port,
      host,
      dataDir,
      admin: setUp.credentials,
      corsOrigins,
      readerDir,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} is in use on ${host} (try --port)`);
    throw new CliError(
      `could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const readerBuilt = existsSync(join(readerDir, 'index.html'));
  io.out(`Diptych sync server listening at ${server.url}\n`);
  io.out(`  reader:      ${readerBuilt ? server.url : '(not built: run `npm run build`)'}\n`);
  io.out(`  CouchDB API: ${server.couchUrl}\n`);
  io.out(
    LOOPBACK.has(host)
      ? `  loopback only (${host}): other machines cannot reach it; --host 0.0.0.0 to open it to your network.\n`
      : `  listening on ${host}: reachable from other machines; put it behind HTTPS before anyone signs in over a network.\n`,
  );
  io.out(`  data:        ${dataDir}\n`);
  io.out(
    `  admin:       "${setUp.credentials.name}", credentials ${setUp.created ? 'written to' : 'kept in'} ${setUp.file} (mode 600); ` +
      '`diptych users` and `diptych groups` read them there, or from DIPTYCH_ADMIN=name:password.\n',
  );
  if (corsOrigins.length > 0) io.out(`  CORS:        ${corsOrigins.join(', ')}\n`);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.err('Stopping…\n');
  await server.close();
  // All of ours is closed now, and the process ends once Node has nothing left to run. But
  // express-pouchdb leaves a _changes feed's heartbeat interval running after its client has gone
  // (node_modules/express-pouchdb/lib/routes/changes.js clears it only when the feed completes),
  // so a server a reader had synced with lived on after SIGTERM, writing heartbeats to closed
  // sockets, until killed. A stop that has not ended by itself within a second ends here; the
  // timer is unref'd, so it holds up nothing that does end.
  setTimeout(() => process.exit(), 1000).unref();
  return 0;
};
