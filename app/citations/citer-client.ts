/**
 * The app's side of the citation worker: one module worker for the page,
 * started on first use, and `callCiter(call)`, a promise per request. Every
 * reply is validated (`citer-protocol.ts`) before a view sees it.
 *
 * Loaded with a dynamic `import()` (`use-citations.ts`), so neither zod's
 * schemas here nor the worker's URL weigh on the first paint; citeproc and
 * the styles live in the worker's own chunks.
 *
 * If the page cannot start a module worker, the citer runs on the page's
 * thread instead (slower to start, same results): the panel shows its
 * loading state meanwhile.
 */
import {
  CiterReplySchema,
  REPLY_VALUE,
  type CiterCall,
  type CiterReply,
  type CiterValue,
} from './citer-protocol.ts';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly call: CiterCall;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function onReply(data: unknown): void {
  const reply = CiterReplySchema.safeParse(data);
  if (!reply.success) return failAll('the citation worker sent a malformed reply');
  settle(reply.data);
}

function settle(reply: CiterReply): void {
  const p = pending.get(reply.id);
  if (!p) return;
  pending.delete(reply.id);
  if (!reply.ok) return p.reject(new Error(reply.error));
  const value = REPLY_VALUE[p.call.op].safeParse(reply.value);
  if (value.success) p.resolve(value.data);
  else p.reject(new Error(`the citation worker's ${p.call.op} reply did not match its schema`));
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./citer-worker.ts', import.meta.url), {
      type: 'module',
      name: 'diptych-citer',
    });
    worker.addEventListener('message', (e: MessageEvent<unknown>) => onReply(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      failAll(`the citation worker failed${e.message ? `: ${e.message}` : ''}`);
      worker?.terminate();
      worker = null; // fall back to the page's thread from now on
    });
  } catch {
    worker = null;
  }
  return worker;
}

async function inPage(call: CiterCall): Promise<unknown> {
  const c = await import('../../sources/citation/load-citer.ts');
  switch (call.op) {
    case 'warm':
      await c.loadCiter(call.style);
      return null;
    case 'cite':
      return c.citeInStyle(call.style, call.request, call.overrides);
    case 'citeMany':
      return c.citeMany(call.style, call.requests, call.form, call.overrides);
    case 'bibliography':
      return c.bibliography(call.style, call.overrides);
    case 'export':
      return c.exportFile(call.format, call.overrides);
    case 'sources': {
      const { userSourceMetadata } = await import('./user-source.ts');
      c.setExtraSources(call.sources.map(userSourceMetadata));
      return null;
    }
  }
}

/** Sends one call to the citer and resolves to its validated value; rejects with a one-line message. */
export function callCiter<C extends CiterCall>(call: C): Promise<CiterValue<C>> {
  const w = startWorker();
  if (!w) return inPage(call).then((v) => REPLY_VALUE[call.op].parse(v) as CiterValue<C>);
  const id = nextId++;
  return new Promise<CiterValue<C>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, call });
    w.postMessage({ id, ...call });
  });
}
