/**
 * The library in React: opens it after the first paint, follows its state,
 * loads the edition of every stored text (from the edition cache; rebuilt
 * from the content only when the cache is gone), and offers the commands the
 * views need, each reporting in plain words through `notify`.
 *
 * Renders nothing; never parses or stores by itself (`parse-text.ts`,
 * `library/`).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { afterStoredAnnotations } from '../annotations/after-stored-annotations.ts';
import type {
  LibraryState,
  Removed,
  TextEntry,
  TextRecord,
  WaitingText,
} from '../../library/index.ts';
import type { Edition } from '../../sources/edition.ts';
import type { LibraryRuntime } from './library-runtime.ts';
import type { ParseTextResult } from './parse-text.ts';
import { setCitationSources } from '../citations/use-citations.ts';
import { connectLibrary } from './library-bridge.ts';
import { counted, plural } from '../../sources/util/plural.ts';

let opening: Promise<LibraryRuntime> | null = null;

/** Opens the library once per page. */
export function loadLibraryRuntime(): Promise<LibraryRuntime> {
  opening ??= import('./library-runtime.ts').then((m) => m.openLibraryRuntime());
  return opening;
}

/**
 * The commands that add or replace a text (`library-commands.ts`), loaded ahead of use once the
 * library has opened, else on first use: they run only after a reader picks a file or pastes, and
 * the initial bundle has no room to spare (bench/reader.ts). The parse client they load in turn
 * (`parse-text.ts`: its reply schema is zod) and the worker are chunks of their own too.
 */
const libraryCommands = (): Promise<typeof import('./library-commands.ts')> =>
  import('./library-commands.ts');

const EMPTY_STATE: LibraryState = { loaded: false, entries: [], waiting: [], unreadable: 0 };
const noSubscribe = (): (() => void) => () => undefined;

/** A text being parsed for the library. */
export interface AddingProgress {
  /** The file name (or the paste's name). */
  readonly name: string;
  /** 0 to 1. */
  readonly fraction: number;
}

/** What the app gets from the library. */
export interface LibraryController {
  /** The library's state (empty until loaded). */
  readonly state: LibraryState;
  /** Editions of the stored texts loaded so far, in library order. */
  readonly editions: readonly Edition[];
  /** True while texts are being added or parsed. */
  readonly busy: boolean;
  /** The text being parsed and how far (0–1), while a file or paste is added; else null. */
  readonly adding: AddingProgress | null;
  /** Stops the parse in progress (the reader's Cancel); nothing is added. */
  cancelAdding(): void;
  /** Adds files (picked or dropped); returns the ids added (or already there). */
  addFiles(files: readonly File[]): Promise<string[]>;
  /** Adds pasted text under a name. */
  addPaste(text: string, name?: string): Promise<string | null>;
  /** Replaces text `id` with a new version from a file. */
  reimport(id: string, file: File): Promise<boolean>;
  rename(id: string, title: string): Promise<boolean>;
  /** Replaces a text's record (see `TextLibrary.setRecord`); resolves to its id, or null when it failed (reported). */
  setRecord(id: string, record: TextRecord, edited?: boolean): Promise<string | null>;
  /** Deletes a text; resolves to its undo, or null when it failed. */
  remove(id: string): Promise<Removed | null>;
  /** A text's stored content (export). */
  content(id: string): Promise<string | undefined>;
  /** Notes texts that imported annotations wait for. */
  markWaiting(list: readonly WaitingText[]): Promise<void>;
  /** An entry by id. */
  entry(id: string): TextEntry | undefined;
  /** Downloads the workspace (texts, records, annotations, comparisons). */
  exportWorkspace(): Promise<void>;
  /** Imports a workspace file, all or nothing, with the built-in editions to check annotations against. */
  importWorkspace(file: File, builtins: readonly Edition[]): Promise<void>;
}

/** The hook; `notify` shows one sentence to the reader. */
export function useLibrary(notify: (message: string) => void): LibraryController {
  const [runtime, setRuntime] = useState<LibraryRuntime | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<AddingProgress | null>(null);
  const current = useRef<AbortController | null>(null);
  // Parses take turns: a text added (or pasted, or a new version chosen) while another is being
  // read waits for it. Each started one used to abort the one before, so a second file chosen a
  // moment after the first cancelled the first, which the reader had not asked for.
  const turn = useRef<Promise<unknown>>(Promise.resolve());
  const unmounted = useRef(false);
  // Leaving the page (or unmounting) stops a parse in progress, and those waiting their turn.
  useEffect(
    () => () => {
      unmounted.current = true;
      current.current?.abort();
    },
    [],
  );
  /** Runs a parse with progress and Cancel, once the parses before it are done. */
  const parseWithProgress = useCallback(
    (
      name: string,
      parse: (options: {
        signal: AbortSignal;
        onProgress: (fraction: number) => void;
      }) => Promise<ParseTextResult>,
    ): Promise<ParseTextResult> => {
      const run = async (): Promise<ParseTextResult> => {
        const controller = new AbortController();
        if (unmounted.current) controller.abort();
        current.current = controller;
        setAdding({ name, fraction: 0 });
        try {
          return await parse({
            signal: controller.signal,
            onProgress: (fraction) =>
              setAdding((a) => (current.current === controller ? { name, fraction } : a)),
          });
        } finally {
          if (current.current === controller) {
            current.current = null;
            setAdding(null);
          }
        }
      };
      const result = turn.current.then(run);
      turn.current = result.catch(() => undefined);
      return result;
    },
    [],
  );
  const cancelAdding = useCallback(() => current.current?.abort(), []);
  useEffect(() => {
    let live = true;
    afterStoredAnnotations()
      .then(loadLibraryRuntime)
      .then(
        (r) => {
          if (!live) return;
          setRuntime(r);
          libraryCommands().catch(() => {
            // Tried again on first use, where `run` reports a failure.
          });
          const { problem, unreadable } = r.library.getState();
          if (problem) notify(problem);
          else if (unreadable) {
            notify(
              `${counted(unreadable, 'stored text')} could not be read; ${plural(unreadable, 'it is', 'they are')} left in storage untouched.`,
            );
          }
        },
        () => notify('The library could not be opened; your stored texts are untouched.'),
      );
    return () => {
      live = false;
    };
  }, [notify]);
  const library = runtime?.library ?? null;
  const state = useSyncExternalStore(
    library ? library.subscribe : noSubscribe,
    library ? library.getState : () => EMPTY_STATE,
    () => EMPTY_STATE,
  );

  // Editions of the stored texts, keyed by id, reloaded when a text's version or title changes.
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Edition>>(new Map());
  const keys = useRef(new Map<string, string>());
  useEffect(() => {
    if (!library) return;
    let live = true;
    const wanted = new Map(state.entries.map((e) => [e.id, `${e.version}\u0000${e.title}`]));
    void (async () => {
      for (const entry of state.entries) {
        if (!live) return;
        if (keys.current.get(entry.id) === wanted.get(entry.id)) continue;
        try {
          const edition = await library.edition(entry.id);
          if (!live || !edition) continue;
          keys.current.set(entry.id, wanted.get(entry.id)!);
          setLoaded((m) => new Map(m).set(entry.id, edition));
        } catch {
          notify(`“${entry.title}” could not be read from storage; it is left there untouched.`);
        }
      }
    })();
    // Drop the editions of deleted texts.
    setLoaded((m) => {
      if ([...m.keys()].every((id) => wanted.has(id))) return m;
      for (const id of keys.current.keys()) if (!wanted.has(id)) keys.current.delete(id);
      return new Map([...m].filter(([id]) => wanted.has(id)));
    });
    return () => {
      live = false;
    };
  }, [library, state.entries, notify]);
  // Citations name these texts by id, with the reader's records. The conversion (and the name
  // parsing it needs) loads with the texts, not with the page: it is only needed once a
  // library has loaded, and the initial bundle has no room to spare (bench/reader.ts).
  useEffect(() => {
    if (!state.loaded) return;
    let live = true;
    import('./record-to-csl.ts')
      .then(({ recordToCsl }) => {
        if (live) setCitationSources(state.entries.map(recordToCsl));
      })
      .catch(() => {
        // The chunk did not load: the texts' citations keep their previous records until the
        // next change of the library tries again.
      });
    return () => {
      live = false;
    };
  }, [state.loaded, state.entries]);

  const editions = useMemo(
    () => state.entries.flatMap((e) => (loaded.has(e.id) ? [loaded.get(e.id)!] : [])),
    [state.entries, loaded],
  );

  const run = useCallback(
    async <T>(work: (lib: LibraryRuntime['library']) => Promise<T>): Promise<T | null> => {
      setBusy(true);
      try {
        const rt = await loadLibraryRuntime();
        return await work(rt.library);
      } catch (error) {
        notify(error instanceof Error ? error.message : String(error));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [notify],
  );

  const context = useMemo(() => ({ notify, parseWithProgress }), [notify, parseWithProgress]);
  const addFiles = useCallback(
    async (files: readonly File[]): Promise<string[]> =>
      (await run(async (lib) => (await libraryCommands()).addFiles(lib, files, context))) ?? [],
    [run, context],
  );

  const addPaste = useCallback(
    (text: string, name = 'Pasted text') =>
      run(async (lib) => (await libraryCommands()).addPaste(lib, text, name, context)),
    [run, context],
  );

  const reimport = useCallback(
    async (id: string, file: File): Promise<boolean> =>
      (await run(async (lib) => (await libraryCommands()).reimport(lib, id, file, context))) ??
      false,
    [run, context],
  );

  const rename = useCallback(
    async (id: string, title: string) =>
      (await run(async (lib) => {
        await lib.rename(id, title);
        return true;
      })) ?? false,
    [run],
  );

  const setRecord = useCallback(
    (id: string, record: TextRecord, edited?: boolean) =>
      run(async (lib) => {
        await lib.setRecord(id, record, edited);
        return id;
      }),
    [run],
  );

  const remove = useCallback((id: string) => run((lib) => lib.remove(id)), [run]);
  const content = useCallback(
    async (id: string) => (await loadLibraryRuntime()).library.content(id),
    [],
  );
  const markWaiting = useCallback(
    async (list: readonly WaitingText[]) => {
      await run((lib) => lib.markWaiting(list));
    },
    [run],
  );
  const entry = useCallback((id: string) => state.entries.find((e) => e.id === id), [state]);
  useEffect(() => {
    connectLibrary(new Map(state.entries.map((e) => [e.id, e.title])), markWaiting);
  }, [state.entries, markWaiting]);

  const exportWorkspace = useCallback(async () => {
    const message = await run(async (lib) => {
      const { exportWorkspace: write } = await import('./workspace-files.ts');
      return write(lib);
    });
    if (message) notify(message);
  }, [run, notify]);
  const importWorkspace = useCallback(
    async (file: File, builtins: readonly Edition[]) => {
      const message = await run(async (lib) => {
        const { importWorkspace: read } = await import('./workspace-files.ts');
        return read(file, lib, builtins);
      });
      if (message) notify(message);
    },
    [run, notify],
  );

  return {
    exportWorkspace,
    importWorkspace,
    state,
    editions,
    busy,
    adding,
    cancelAdding,
    addFiles,
    addPaste,
    reimport,
    rename,
    setRecord,
    remove,
    content,
    markWaiting,
    entry,
  };
}
