// The development server's /sw.js: a worker that removes the built reader's (a browser that
// opened `npm start` on localhost:5173 would otherwise keep serving the old build to `npm run dev`).
import { Script } from 'node:vm';
import type { Connect, ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { devServiceWorkerReset, RESET_WORKER } from '../../app/build/dev-service-worker-reset.ts';

/** The plugin's middleware, as the development server would call it. */
function middleware(): Connect.NextHandleFunction {
  let handler: Connect.NextHandleFunction | undefined;
  const server = { middlewares: { use: (h: Connect.NextHandleFunction) => (handler = h) } };
  const plugin = devServiceWorkerReset();
  expect(plugin.apply).toBe('serve');
  (plugin.configureServer as (s: ViteDevServer) => void)(server as unknown as ViteDevServer);
  return handler!;
}

function call(url: string) {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  let passed = false;
  const res = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    end: (b: string) => (body = b),
  };
  middleware()({ url } as Connect.IncomingMessage, res as never, () => (passed = true));
  return { headers, body, passed };
}

describe('the development server’s /sw.js', () => {
  it('is a script that unregisters itself and drops the precache', () => {
    const answer = call('/sw.js');
    expect(answer.passed).toBe(false);
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.body).toBe(RESET_WORKER);
    expect(() => new Script(RESET_WORKER)).not.toThrow();
    expect(RESET_WORKER).toContain('self.registration.unregister()');
    expect(RESET_WORKER).toContain("name.startsWith('workbox-')");
  });

  it('leaves every other path to the development server', () => {
    for (const url of ['/', '/index.html', '/sw.js.map', '/assets/sw.js', '/main.tsx'])
      expect(call(url).passed, url).toBe(true);
    expect(call('/sw.js?v=2').passed).toBe(false);
  });
});
