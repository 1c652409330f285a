/**
 * A tiny static file server for a built `dist/` (and the bench's plain
 * comparison page): `node:http`, a free localhost port, correct MIME types.
 * Nothing is cached (`no-store`) unless `hostCaching` asks for the headers
 * `diptych serve` sends. Enough for tests and benchmarks; not for production.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SECURITY_HEADERS } from '../../../app/build/content-security-policy.ts';
import { cacheControlFor } from '../../../app/build/pwa-options.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** A running server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Options of `serveStatic`. */
export interface StaticOptions {
  /**
   * Send the `Cache-Control` a host should (`cacheControlFor`, as `diptych serve` does): the
   * hashed files under `assets/` kept for a year, the rest checked each time. The browser
   * tests' server does: a test that opens the reader again in its context gets the scripts
   * from the HTTP cache, with V8's compiled code, as a returning reader does, instead of
   * downloading and compiling every chunk again on each load (measured: a quarter of a load's
   * CPU time, half its wall time).
   * Off (`no-store`) by default: the benches time cold loads.
   */
  readonly hostCaching?: boolean;
  /**
   * Settles when `root` is complete (the browser tests' build, made in the background:
   * app-build.ts): requests wait for it, and get a 503 saying why if it fails.
   */
  readonly ready?: Promise<{ readonly ok: boolean; readonly error?: string }>;
}

/** Serves `root` on a free port of 127.0.0.1. Paths outside `root` get 404. */
export async function serveStatic(
  root: string,
  options: StaticOptions = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((req, res) => {
    if (!options.ready) {
      answer(req, res);
      return;
    }
    void options.ready.then((built) => {
      if (built.ok) answer(req, res);
      else
        res
          .writeHead(503, { 'content-type': 'text/plain' })
          .end(`the app was not built: ${built.error ?? 'unknown error'}`);
    });
  });
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': options.hostCaching
        ? cacheControlFor(path.relative(base, file))
        : 'no-store',
      // As `npm start` sends them (app/build/content-security-policy.ts).
      ...SECURITY_HEADERS,
    });
    createReadStream(file).pipe(res);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
