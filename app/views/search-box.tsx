/**
 * One search box over every text (the built-in two and the reader's own) and
 * their footnotes (an ARIA 1.2 combobox with a listbox of results grouped by
 * source). Arrow keys move through the
 * hits in group order, Enter opens the active hit (or the first), Escape
 * closes the list, and a second Escape clears the box and gives the focus
 * back to where the reader was (what had it before, or the active pane's
 * current passage). The engine is loaded on first
 * focus (it is not part of the initial bundle), and loaded again when the
 * texts change (a text added to the library, renamed or re-imported): the
 * old engine answers until the new one is ready.
 *
 * Renders hit snippets as React text with the match in `<mark>` — never as
 * HTML.
 *
 * Until the app is interactive (the prerendered page and the hydration render,
 * which must equal it) the box is a placeholder of the same size and text, not
 * an `<input>`: a form control is costly to build and style before the first
 * paint (docs/first-paint.md), and without script it could not search.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Address } from '../../sources/edition.ts';
import type { SearchBoxGroup, SearchBoxHit, SearchFunction } from '../search/search-port.ts';
import { LanguageText } from './language-text.tsx';
import { passageInWords } from './passage-in-words.ts';
import { counted } from '../../sources/util/plural.ts';

/** Props of `SearchBox`. */
export interface SearchBoxProps {
  /** Loads the engine over the current texts (on first focus or input; again when it changes). */
  readonly load: () => Promise<SearchFunction>;
  /** Opens a passage. */
  readonly onOpen: (address: Address) => void;
  /** The input, so `/` can focus it. */
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Script is running: the real input (before, a placeholder that looks the same). */
  readonly interactive: boolean;
  /** Focuses the reader's place (the active pane's current passage): Escape on an empty list, with nothing focused before. */
  readonly onLeave: () => void;
}

const PLACEHOLDER = 'Search all texts (/)';

type Engine =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; run: SearchFunction }
  | { state: 'failed'; message: string };

/** The search box. */
export function SearchBox({
  load,
  onOpen,
  inputRef,
  interactive,
  onLeave,
}: SearchBoxProps): ReactNode {
  const [query, setQuery] = useState('');
  const [engine, setEngine] = useState<Engine>({ state: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  // What had the focus before the box (`/` from a paragraph, a click from a button): the second
  // Escape gives it back, as a search box that is done with should.
  const focusedBefore = useRef<HTMLElement | null>(null);

  // The load the engine comes (or is coming) from; only the latest one's result is kept.
  const loadedFrom = useRef<(() => Promise<SearchFunction>) | null>(null);
  const start = useCallback((from: () => Promise<SearchFunction>): void => {
    loadedFrom.current = from;
    from().then(
      (run) => {
        if (loadedFrom.current === from) setEngine({ state: 'ready', run });
      },
      (error: unknown) => {
        if (loadedFrom.current !== from) return;
        setEngine({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  }, []);
  const ensureEngine = (): void => {
    if (engine.state !== 'idle') return;
    setEngine({ state: 'loading' });
    start(load);
  };
  // The texts changed after the engine was loaded: an index built before a text was added
  // would never find it. Rebuilt over the new texts; the old engine answers meanwhile.
  useEffect(() => {
    if (loadedFrom.current !== null && loadedFrom.current !== load) start(load);
  }, [load, start]);

  const groups: readonly SearchBoxGroup[] = useMemo(
    () => (engine.state === 'ready' && query.trim() !== '' ? engine.run(query) : []),
    [engine, query],
  );
  const flat: readonly SearchBoxHit[] = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const optionId = (i: number): string => `${id}-hit-${i}`;

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (hit: SearchBoxHit | undefined): void => {
    if (!hit) return;
    setOpen(false);
    setActive(-1);
    onOpen(hit.address);
  };

  const showList = open && query.trim() !== '';
  const status =
    query.trim() === ''
      ? ''
      : engine.state === 'failed'
        ? `Search is unavailable: ${engine.message}`
        : engine.state !== 'ready'
          ? 'Loading search…'
          : flat.length === 0
            ? `No passage matches “${query}”.`
            : flat[0]!.missing
              ? `No passage has all the words of “${query}”; ${counted(flat.length, 'has', 'have')} some of them.`
              : counted(flat.length, 'hit');

  if (!interactive)
    return (
      <div className="search" role="search">
        <span className="search-placeholder" aria-hidden="true">
          {PLACEHOLDER}
        </span>
      </div>
    );
  let index = -1;
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search all texts
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={PLACEHOLDER}
        aria-autocomplete="list"
        aria-expanded={showList && flat.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        value={query}
        onFocus={(e) => {
          const before = e.relatedTarget;
          if (!listRef.current?.contains(before as Node | null))
            focusedBefore.current = before instanceof HTMLElement ? before : null;
          ensureEngine();
          setOpen(true);
        }}
        onBlur={(e) => {
          if (!listRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onChange={(e) => {
          ensureEngine();
          setQuery(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            if (flat.length === 0) return;
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) =>
              a < 0 ? (step === 1 ? 0 : flat.length - 1) : (a + step + flat.length) % flat.length,
            );
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(flat[active < 0 ? 0 : active]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setActive(-1);
            if (showList) {
              setOpen(false);
              return;
            }
            setQuery('');
            const before = focusedBefore.current;
            focusedBefore.current = null;
            if (before?.isConnected) before.focus();
            else onLeave();
          }
        }}
      />
      <div
        ref={listRef}
        id={`${id}-list`}
        role="listbox"
        aria-label="Search results"
        className="search-results"
        hidden={!showList || flat.length === 0}
      >
        {showList &&
          groups.map((group) => (
            <div
              key={group.source}
              role="group"
              aria-labelledby={`${id}-${group.source}`}
              className="search-group"
            >
              <div id={`${id}-${group.source}`} className="search-group-title" role="presentation">
                {group.title} <span className="search-count">({group.hits.length})</span>
              </div>
              {group.hits.map((hit) => {
                index += 1;
                const i = index;
                return (
                  <div
                    key={hit.address}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    className="search-hit"
                    data-hit={hit.address}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => choose(hit)}
                  >
                    {/* Its place in words ("¶16, sentence 1", "note 9, sentence 2"): the group's
                        heading names the text; the raw address is for data-hit and the URL. */}
                    <span className="hit-address">{passageInWords(hit.address, '').trim()}</span>
                    <span className="hit-snippet">
                      {hit.snippet.clippedStart && '…'}
                      <LanguageText text={hit.snippet.before} />
                      <mark>
                        <LanguageText text={hit.snippet.match} />
                      </mark>
                      <LanguageText text={hit.snippet.after} />
                      {hit.snippet.clippedEnd && '…'}
                    </span>
                    {hit.missing && hit.missing.length > 0 && (
                      <span className="hit-missing">Missing: {hit.missing.join(', ')}</span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
      </div>
      <div className="search-status" role="status" aria-live="polite">
        {open ? status : ''}
      </div>
    </div>
  );
}
