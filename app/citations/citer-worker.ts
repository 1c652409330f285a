/**
 * The citation worker: citeproc-js runs here, off the page's thread, because
 * building an engine for a large style takes seconds (about 2 s for APA, 3–6
 * s for Chicago; see `bench/citation.ts`) and would freeze the reader. It
 * answers the messages of `citer-protocol.ts`, validating each request, and
 * keeps one engine per style for its life (`load-citer.ts` caches them),
 * with citeproc's macro lookups indexed (`sources/citation/citeproc-macro-cache.ts`,
 * installed by the citer itself).
 *
 * Loaded by `citer-client.ts` as a module worker; the style files arrive as
 * their own chunks when a style is first used.
 */
/// <reference lib="webworker" />
import {
  bibliography,
  citeInStyle,
  citeMany,
  exportFile,
  loadCiter,
  setExtraSources,
} from '../../sources/citation/load-citer.ts';
import { userSourceMetadata } from './user-source.ts';
import { CiterRequestSchema, type CiterCall, type CiterReply } from './citer-protocol.ts';

async function answer(call: CiterCall): Promise<unknown> {
  switch (call.op) {
    case 'warm':
      await loadCiter(call.style);
      return null;
    case 'cite':
      return citeInStyle(call.style, call.request, call.overrides);
    case 'citeMany':
      return citeMany(call.style, call.requests, call.form, call.overrides);
    case 'bibliography':
      return bibliography(call.style, call.overrides);
    case 'export':
      return exportFile(call.format, call.overrides);
    case 'sources':
      setExtraSources(call.sources.map(userSourceMetadata));
      return null;
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = CiterRequestSchema.safeParse(event.data);
  const id =
    typeof (event.data as { id?: unknown } | null)?.id === 'number'
      ? (event.data as { id: number }).id
      : -1;
  if (!parsed.success) {
    const reply: CiterReply = {
      id,
      ok: false,
      error: 'the citation worker received a malformed request',
    };
    scope.postMessage(reply);
    return;
  }
  answer(parsed.data).then(
    (value) => scope.postMessage({ id: parsed.data.id, ok: true, value } satisfies CiterReply),
    (error: unknown) =>
      scope.postMessage({
        id: parsed.data.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies CiterReply),
  );
});
