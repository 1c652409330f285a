/**
 * The citations state of the reader: the chosen style (persisted), the
 * passage whose Cite panel is open, whether the Bibliography dialog is open;
 * and the pre-warm of the chosen style's engine when citing becomes likely,
 * so that the first Cite is usually instant.
 *
 * What it is for: one hook the top component calls, handing the views plain
 * data and callbacks. Not for: formatting (the worker does it, through
 * `citer-client.ts`) or deciding what a span cites (`cite-target.ts`).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { afterStoredAnnotations } from '../annotations/after-stored-annotations.ts';
import { DEFAULT_STYLE, isStyleId } from '../../sources/citation/styles.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import type { CiterCall, CiterValue } from './citer-protocol.ts';
import { citeScopes, spanCiteTarget, type CiteTarget } from './cite-target.ts';
import { whenIdle } from '../views/when-idle.ts';
import { LazyCitePanel } from './lazy-cite-panel.ts';
import { whenCitingLikely } from './when-citing-likely.ts';
import type { UserSource } from './user-source.ts';

/** The reader's texts not yet sent to the citer (sent with the next call, so they never start it). */
let unsentSources: readonly UserSource[] | null = null;
/** Counts `setCitationSources` calls, so that open dialogs ask again with the new records. */
let sourcesRevision = 0;
const sourcesListeners = new Set<() => void>();

/** The reader's own texts and their records, for citations (replaces those set before). */
export function setCitationSources(sources: readonly UserSource[]): void {
  unsentSources = sources;
  sourcesRevision++;
  for (const listener of sourcesListeners) listener();
}

function subscribeSources(listener: () => void): () => void {
  sourcesListeners.add(listener);
  return () => sourcesListeners.delete(listener);
}

/**
 * Changes whenever the reader's texts or their records change (a record
 * saved from the Cite panel): a view that shows a citation re-asks with it.
 */
export function useCitationSourcesRevision(): number {
  return useSyncExternalStore(
    subscribeSources,
    () => sourcesRevision,
    () => sourcesRevision,
  );
}

/** Calls the citer (loading its client, and so the worker, on first use). */
export async function callCiterLazily<C extends CiterCall>(call: C): Promise<CiterValue<C>> {
  const { callCiter } = await import('./citer-client.ts');
  if (unsentSources !== null) {
    const sources = [...unsentSources];
    unsentSources = null;
    // Not awaited on purpose: the worker answers in order, so the call below sees them.
    void callCiter({ op: 'sources', sources }).catch(() => undefined);
  }
  return callCiter(call);
}

/** The passage a Cite panel is open on: the scopes it offers and the one chosen first. */
export interface OpenCite {
  /** The passage and, for a paragraph or note, each of its sentences. */
  readonly scopes: readonly CiteTarget[];
  /** The scope shown first. */
  readonly index: number;
  /** What had focus when Cite was chosen: it gets focus back when the panel closes. */
  readonly opener: HTMLElement | null;
}

/** What `useCitations` gives the views. */
export interface Citations {
  /** The chosen style: a built-in id, or `custom:…` for a style the reader added. */
  readonly style: string;
  /** Chooses (and stores) a style. */
  readonly setStyle: (style: string) => void;
  /** The open Cite panel, if any. */
  readonly open: OpenCite | null;
  /** Opens the Cite panel on a paragraph, sentence or footnote address. */
  readonly cite: (address: Address) => void;
  /** Opens the Cite panel on a selection or annotation from one address to another, quoting `quote`. */
  readonly citeSpan: (from: string, to: string, quote: string) => void;
  /** Closes the Cite panel. */
  readonly closeCite: () => void;
  /** The editions the reader shows (for section pinpoints and "Also cite"). */
  readonly editions: readonly Edition[];
  /** Whether the Bibliography dialog is open. */
  readonly bibliographyOpen: boolean;
  /** Opens or closes the Bibliography dialog. */
  readonly setBibliographyOpen: (open: boolean) => void;
}

function focused(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement : null;
}

/**
 * Whether the page's host turned the speculative warm-up off by setting
 * `globalThis.diptychCiteWarmup = false` before the app starts. Only the browser
 * tests do (tests/e2e/helpers/chromium.ts, `citeWarmup`): on two shared cores an
 * engine built in every page that never cites costs a tenth of the suite's CPU,
 * and the files about citing keep it on. Readers always have it.
 */
function citeWarmupTurnedOff(): boolean {
  return (globalThis as { diptychCiteWarmup?: unknown }).diptychCiteWarmup === false;
}

/**
 * The citations state. `report` shows a one-line message (e.g. when a span
 * cannot be cited).
 */
export function useCitations(
  editions: readonly Edition[],
  report: (message: string) => void,
): Citations {
  // The stored choice is read (and checked with its zod schema) just after the app starts, from a
  // lazy chunk: the schemas stay out of the initial bundle (bench/reader.ts), and nothing shows the
  // style before a Cite panel or the Bibliography opens (both lazy chunks themselves).
  const [style, setStyleState] = useState<string>(DEFAULT_STYLE);
  const [styleRead, setStyleRead] = useState(false);
  const chosen = useRef(false);
  useEffect(() => {
    let live = true;
    afterStoredAnnotations()
      .then(() => import('./citation-style.ts'))
      .then(({ loadCitationStyle }) => {
        if (live && !chosen.current) setStyleState(loadCitationStyle());
      })
      .catch(() => {
        // The chunk did not load: the default style; the next choice tries again.
      })
      .finally(() => {
        if (live) setStyleRead(true);
      });
    return () => {
      live = false;
    };
  }, []);
  const [open, setOpen] = useState<OpenCite | null>(null);
  const [bibliographyOpen, setBibliographyOpen] = useState(false);

  // The panel's code when the page is idle, so the first Cite does not wait for it
  // (bench/cite-first.ts); the chosen style's engine when citing becomes likely
  // (when-citing-likely.ts says why not at once), once the stored choice is known,
  // so the default is not warmed for nothing.
  useEffect(() => {
    if (!styleRead) return;
    return whenIdle(() => {
      LazyCitePanel.preload().catch(() => {
        // Tried again when the panel first opens.
      });
    });
  }, [styleRead]);
  useEffect(() => {
    // An added style is built when first used (its XML lives in the dialogs' chunk).
    if (!styleRead || !isStyleId(style) || citeWarmupTurnedOff()) return;
    return whenCitingLikely(() => {
      callCiterLazily({ op: 'warm', style }).catch(() => {
        // A failed warm-up is retried by the first cite, which reports its own error.
      });
    });
  }, [style, styleRead]);

  const setStyle = useCallback((next: string) => {
    chosen.current = true;
    setStyleState(next);
    void import('./citation-style.ts')
      .then(({ saveCitationStyle }) => saveCitationStyle(next))
      .catch(() => {
        // Not stored: the choice lasts for this visit (as when storage refuses it).
      });
  }, []);

  const cite = useCallback(
    (address: Address) => {
      const scopes = citeScopes(editions, address);
      if (scopes.length === 0) return report(`There is no passage ${address} to cite.`);
      const index = Math.max(
        0,
        scopes.findIndex((s) => s.address === address),
      );
      setOpen({ scopes, index, opener: focused() });
    },
    [editions, report],
  );

  const citeSpan = useCallback(
    (from: string, to: string, quote: string) => {
      const target = spanCiteTarget(from, to, quote);
      if (!target || target.quote === '')
        return report('Select some text in a passage to cite it.');
      setOpen({ scopes: [target], index: 0, opener: focused() });
    },
    [report],
  );

  const closeCite = useCallback(() => setOpen(null), []);

  return {
    style,
    setStyle,
    open,
    cite,
    citeSpan,
    closeCite,
    editions,
    bibliographyOpen,
    setBibliographyOpen,
  };
}
