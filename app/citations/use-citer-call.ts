/**
 * A citer call as React state: loading, its value, or its one-line error.
 * A newer call supersedes an older one still in flight (its answer is
 * ignored), so switching styles quickly never shows a stale citation. The
 * call is made again when the reader's texts or their records change
 * (`useCitationSourcesRevision`), so a record saved from a dialog shows at once.
 */
import { useEffect, useState } from 'react';
import type { CiterCall, CiterValue } from './citer-protocol.ts';
import { callCiterLazily, useCitationSourcesRevision } from './use-citations.ts';

/** The state of one call. */
export type CiterCallState<C extends CiterCall> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: CiterValue<C> }
  | { readonly status: 'error'; readonly error: string };

/** Runs `call` whenever it changes (by value) and tracks its outcome. */
export function useCiterCall<C extends CiterCall>(call: C): CiterCallState<C> {
  const key = `${useCitationSourcesRevision()}\n${JSON.stringify(call)}`;
  const [state, setState] = useState<{ key: string; state: CiterCallState<C> }>({
    key,
    state: { status: 'loading' },
  });
  useEffect(() => {
    // Until this call answers, the key differs from the state's, which reads as loading.
    let current = true;
    callCiterLazily(JSON.parse(key.slice(key.indexOf('\n') + 1)) as C).then(
      (value) => current && setState({ key, state: { status: 'ready', value } }),
      (error: unknown) =>
        current &&
        setState({
          key,
          state: { status: 'error', error: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? state.state : { status: 'loading' };
}
