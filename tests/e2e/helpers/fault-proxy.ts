/**
 * A proxy in front of the real sync server for fault tests: it passes
 * requests through, or answers every request with garbage (an HTML page
 * where JSON belongs), or never answers (a hung server). Listens on
 * 127.0.0.1 only.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the proxy behaves now. */
export type ProxyMode = 'pass' | 'garbage' | 'hang';

/** A running proxy. */
export interface FaultProxy {
  /** e.g. `http://127.0.0.1:41235/`. */
  readonly url: string;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (a server's base URL). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let mode: ProxyMode = 'pass';
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (mode === 'hang') {
      hung.add(res);
      return;
    }
    if (mode === 'garbage') {
      const origin = req.headers.origin;
      res.writeHead(200, {
        'content-type': 'text/html',
        ...(origin
          ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' }
          : {}),
      });
      res.end('<html><body>Service temporarily replaced by garbage {"ok": tru</body></html>');
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setMode(next) {
      mode = next;
      if (next !== 'hang') {
        for (const res of hung) res.destroy();
        hung.clear();
      }
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
