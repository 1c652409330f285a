/**
 * `startSyncServer` in process (no CLI): CORS only for the origins given,
 * the reader served at `/` next to the API, and a plain message when the
 * reader is not built. The access rules are tested over HTTP against the
 * CLI-started server in access.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_MS, startSyncServer, type SyncServer } from '../../server/sync-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'diptych-sync-inproc-'));
const readerDir = mkdtempSync(join(tmpdir(), 'diptych-reader-'));
writeFileSync(join(readerDir, 'index.html'), '<!doctype html><title>Diptych</title>');
writeFileSync(join(readerDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(readerDir, 'manifest.webmanifest'), '{"name":"Diptych"}');
mkdirSync(join(readerDir, 'assets'));
writeFileSync(join(readerDir, 'assets', 'index-AbC123.js'), 'export {};');
let server: SyncServer;
let bare: SyncServer;

beforeAll(async () => {
  const admin = { name: 'admin', password: 'pw' };
  server = await startSyncServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    admin,
    readerDir,
    corsOrigins: ['http://localhost:5173'],
  });
  bare = await startSyncServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dataDir, 'bare'),
    admin,
    readerDir: null,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await bare?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(readerDir, { recursive: true, force: true });
});

describe('one address', () => {
  it('serves the reader at / and the CouchDB API at /couch/', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.couchUrl).toBe(`${server.url}couch/`);
    expect(await (await fetch(server.url)).text()).toContain('<title>Diptych</title>');
    expect(await (await fetch(server.couchUrl)).json()).toMatchObject({
      'express-pouchdb': 'Welcome!',
    });
  });

  it('keeps an idle connection a minute, so a client that stalls a few seconds does not reuse a closed socket', async () => {
    // Node's default is 5 s: a test that parsed the texts between two requests failed with EPIPE.
    const response = await fetch(server.couchUrl);
    await response.arrayBuffer();
    expect(response.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
  });

  it('serves sw.js and the manifest with their types; only the hashed assets are cached long', async () => {
    const get = (path: string) => fetch(new URL(path, server.url));
    const sw = await get('sw.js');
    expect(sw.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await get('manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect((await get('')).headers.get('cache-control')).toBe('no-cache');
    const asset = await get('assets/index-AbC123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('without a built reader, / says how to build it', async () => {
    const text = await (await fetch(bare.url)).text();
    expect(text).toContain('Run `npm run build`');
  });
});

describe('CORS', () => {
  it('answers a listed origin at / too (a reader elsewhere asks it first whether it is CouchDB), and no other', async () => {
    const listed = await fetch(server.url, {
      headers: { origin: 'http://localhost:5173', accept: 'application/json' },
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(await listed.text()).toContain('<title>Diptych</title>');
    const other = await fetch(server.url, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Only the address itself: the reader's files stay same-origin.
    const asset = await fetch(`${server.url}assets/index-AbC123.js`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(asset.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a listed origin with credentials allowed, and no other', async () => {
    const preflight = await fetch(`${server.couchUrl}_session`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${server.couchUrl}_session`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = await fetch(`${bare.couchUrl}_session`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });
});
