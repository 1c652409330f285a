/**
 * The Cite panel: a modal dialog for one passage with the style picker, the
 * pinpoint form (per style, remembered), the passage (a paragraph's
 * sentences can be picked one by one), the narrative form, a prefix and a
 * suffix, more passages in the same citation; then the in-text citation or
 * first note (and, for notes styles, the short subsequent note), the
 * bibliography entries, what an incomplete record lacks (read before
 * copying, so above them), and the buttons: Copy citation, Copy quote with
 * citation, Copy as Pandoc, Copy as LaTeX (each titled with what it is
 * for), Copy link; then **Edit record**.
 *
 * The citation is formatted in the citation worker, with the reader's record
 * overrides; while a style's engine is being built (seconds, the first time,
 * for the large styles) the panel says so and the copy buttons wait.
 *
 * Security: citation HTML is rendered through `SafeMarkup` (whitelist, no
 * HTML insertion); the quote, prefix and suffix are React text or escaped by
 * citeproc.
 */
import { useId, useState, type ReactNode } from 'react';
import { parseAddress } from '../../sources/address.ts';
import {
  PINPOINT_LABELS,
  pinpointChoices,
  sectionPlace,
  type PinpointMode,
  type SectionPlace,
} from '../../sources/citation/pinpoint.ts';
import { DEFAULT_STYLE, STYLES } from '../../sources/citation/styles.ts';
import type { Edition } from '../../sources/edition.ts';
import { loadPinpointChoice, savePinpointChoice } from './citation-style.ts';
import { copyPlainText, copyRichText } from './clipboard.ts';
import type { CiteTarget } from './cite-target.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { RecordButtons } from './record-buttons.tsx';
import { SafeMarkup } from './safe-markup.tsx';
import { sourceLabel, type UserRecords } from './source-label.ts';
import { StylePicker } from './style-picker.tsx';
import { useCitationLibrary } from './use-citation-library.ts';
import { useCiterCall } from './use-citer-call.ts';
import { LanguageText } from '../views/language-text.tsx';
import { plural } from '../../sources/util/plural.ts';

/** Props of `CitePanel`. */
export interface CitePanelProps {
  /** The passage and its sentences. */
  readonly scopes: readonly CiteTarget[];
  /** The scope shown first. */
  readonly initialIndex: number;
  /** The chosen style (a built-in id or `custom:…`). */
  readonly style: string;
  readonly onStyleChange: (style: string) => void;
  /** The editions shown, for section pinpoints and more passages. */
  readonly editions: readonly Edition[];
  /** The absolute link to an address (the reader's URL with its hash). */
  readonly linkTo: (address: string) => string;
  /** Gets focus back when the panel closes (the Cite button). */
  readonly returnFocus?: HTMLElement | null;
  /** The reader's own texts: their titles, and Edit record on them. */
  readonly userRecords?: UserRecords | undefined;
  readonly onClose: () => void;
}

/** Longest quote shown in full in the panel; the copy always takes all of it. */
const QUOTE_PREVIEW_CHARS = 280;

function sourceName(address: string, userRecords: UserRecords | undefined): string {
  const source = parseAddress(address)?.source;
  return source ? sourceLabel(source, userRecords) : address;
}

/** Where an address's paragraphs sit under a heading, from the edition the reader shows. */
function sectionOf(
  editions: readonly Edition[],
  address: string,
  locator?: { label: string; locator: string },
): SectionPlace | undefined {
  const parsed = parseAddress(address);
  const edition = parsed && editions.find((e) => e.id === parsed.source);
  if (!parsed || !edition) return undefined;
  if (locator?.label === 'paragraph') {
    const [from, to] = locator.locator.split('-').map(Number);
    return sectionPlace(edition, from!, to ?? from!);
  }
  if (parsed.kind === 'paragraph' || parsed.kind === 'sentence')
    return sectionPlace(edition, parsed.n);
  if (parsed.kind === 'range') return sectionPlace(edition, parsed.from, parsed.to);
  return undefined;
}

/** The panel. */
export function CitePanel({
  scopes,
  initialIndex,
  style: chosen,
  onStyleChange,
  editions,
  linkTo,
  returnFocus,
  userRecords,
  onClose,
}: CitePanelProps): ReactNode {
  const id = useId();
  const library = useCitationLibrary();
  const ref = library.styleRef(chosen);
  const style = ref === undefined ? DEFAULT_STYLE : chosen;
  const styleRef = ref ?? DEFAULT_STYLE;
  const label =
    typeof styleRef === 'string' ? STYLES.find((s) => s.id === styleRef)!.label : styleRef.label;
  const kind =
    typeof styleRef === 'string' ? STYLES.find((s) => s.id === styleRef)!.kind : styleRef.kind;
  const [index, setIndex] = useState(initialIndex);
  const [status, setStatus] = useState('');
  const [pinpoint, setPinpointState] = useState<PinpointMode>(() => loadPinpointChoice(style));
  const [pinpointStyle, setPinpointStyle] = useState(style);
  const [narrative, setNarrative] = useState(false);
  const [prefix, setPrefix] = useState('');
  const [suffix, setSuffix] = useState('');
  const [also, setAlso] = useState<readonly string[]>([]);
  const [alsoDraft, setAlsoDraft] = useState('');
  const [alsoError, setAlsoError] = useState('');
  // The pinpoint choice is per style: follow the style when it changes.
  if (pinpointStyle !== style) {
    setPinpointStyle(style);
    setPinpointState(loadPinpointChoice(style));
  }
  const setPinpoint = (mode: PinpointMode) => {
    setPinpointState(mode);
    savePinpointChoice(style, mode);
  };

  const target = scopes[index] ?? scopes[0]!;
  const link = linkTo(target.address);
  const section = sectionOf(editions, target.address, target.locator);
  const call = useCiterCall({
    op: 'cite',
    style: styleRef,
    overrides: library.overrides,
    request: {
      address: target.address,
      ...(target.locator ? { locator: target.locator } : {}),
      ...(section ? { section } : {}),
      quote: target.quote,
      link,
      pinpoint,
      ...(narrative && also.length === 0 ? { narrative: true } : {}),
      ...(prefix.trim() ? { prefix } : {}),
      ...(suffix.trim() ? { suffix } : {}),
      ...(also.length
        ? {
            also: also.map((address) => {
              const s = sectionOf(editions, address);
              return { address, ...(s ? { section: s } : {}) };
            }),
          }
        : {}),
    },
  });
  const notes = kind === 'note';
  const result = call.status === 'ready' ? call.value : null;
  // From the addresses, not the result: the buttons (and an Undo they offer) stay while a
  // citation is formatted again after a record is saved.
  const cited = [
    ...new Set(
      [target.address, ...also].flatMap((a) => {
        const source = parseAddress(a)?.source;
        return source ? [source] : [];
      }),
    ),
  ];

  const copy = async (what: string, done: Promise<boolean>, fallback: string): Promise<void> => {
    setStatus((await done) ? `${what} copied.` : `Could not copy; select and copy it: ${fallback}`);
  };

  const addAlso = () => {
    const address = alsoDraft.trim();
    const parsed = parseAddress(address);
    const edition = parsed && editions.find((e) => e.id === parsed.source);
    if (!parsed || !edition) {
      setAlsoError(
        `“${address}” is not a passage of the texts shown (e.g. lankov-2007:12 or winstanley-chesters-2015:3).`,
      );
      return;
    }
    if (parsed.kind === 'block') {
      setAlsoError(`${address} has no number to cite; give a paragraph, a range or a note.`);
      return;
    }
    setAlso((a) => [...a, address]);
    setAlsoDraft('');
    setAlsoError('');
  };

  const quotePreview =
    target.quote.length > QUOTE_PREVIEW_CHARS
      ? `${target.quote.slice(0, QUOTE_PREVIEW_CHARS).trimEnd()}…`
      : target.quote;
  const shown = narrative && result?.narrative ? result.narrative.inText : result?.citation;

  return (
    <ModalDialog
      title={`Cite ${target.label} — ${sourceName(target.address, userRecords)}`}
      className="cite-panel"
      returnFocus={returnFocus}
      onClose={onClose}
    >
      <div className="cite-controls">
        <StylePicker style={style} onChange={onStyleChange} customStyles={library.customStyles} />
        {/* Named by the span alone: a wrapping label would also read out the
            selected option ("… (style default)") as part of the name. */}
        <label className="cite-pinpoint">
          <span id={`${id}-pinpoint`}>Pinpoint</span>
          <select
            aria-labelledby={`${id}-pinpoint`}
            value={pinpoint}
            onChange={(e) => setPinpoint(e.currentTarget.value as PinpointMode)}
          >
            {pinpointChoices(style).map((mode, i) => (
              <option key={mode} value={mode}>
                {PINPOINT_LABELS[mode]}
                {i === 0 ? ' (style default)' : ''}
              </option>
            ))}
          </select>
        </label>
        {scopes.length > 1 && (
          <label className="cite-scope">
            <span id={`${id}-passage`}>Passage</span>
            <select
              aria-labelledby={`${id}-passage`}
              value={index}
              onChange={(e) => setIndex(Number(e.currentTarget.value))}
            >
              {scopes.map((s, i) => (
                <option key={s.address} value={i}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <details className="cite-more">
        <summary>Narrative, prefix, suffix, more passages</summary>
        <div className="cite-controls">
          <label className="cite-check">
            <input
              type="checkbox"
              checked={narrative}
              disabled={also.length > 0}
              onChange={(e) => setNarrative(e.currentTarget.checked)}
            />
            <span>Narrative (“Lankov (n.d.) argues…”)</span>
          </label>
          <label>
            <span>Prefix</span>
            <input
              value={prefix}
              maxLength={200}
              placeholder="see"
              onChange={(e) => setPrefix(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>Suffix</span>
            <input
              value={suffix}
              maxLength={200}
              placeholder="emphasis added"
              onChange={(e) => setSuffix(e.currentTarget.value)}
            />
          </label>
        </div>
        <div className="cite-also">
          <label htmlFor={`${id}-also`}>Also cite (address)</label>
          <input
            id={`${id}-also`}
            value={alsoDraft}
            placeholder="winstanley-chesters-2015:3"
            onChange={(e) => setAlsoDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addAlso();
              }
            }}
          />
          <button type="button" onClick={addAlso}>
            Add passage
          </button>
          {alsoError && (
            <p className="cite-error" role="alert">
              {alsoError}
            </p>
          )}
          {also.length > 0 && (
            <ul className="cite-also-list">
              {also.map((address) => (
                <li key={address}>
                  {address}{' '}
                  <button
                    type="button"
                    aria-label={`Remove ${address}`}
                    onClick={() => setAlso((a) => a.filter((x) => x !== address))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
      <blockquote className="cite-quote" cite={link}>
        <LanguageText text={quotePreview} />
      </blockquote>
      <div className="cite-result" aria-live="polite" aria-busy={call.status === 'loading'}>
        {call.status === 'loading' && (
          <p className="cite-loading">
            Formatting in {label}… The first citation in a style builds its engine, which takes a
            few seconds for the Chicago styles.
          </p>
        )}
        {call.status === 'error' && (
          <p className="cite-error" role="alert">
            Could not format the citation: {call.error}
          </p>
        )}
        {result && shown && (
          <dl className="cite-forms" data-style={style}>
            <dt>
              {narrative && result.narrative
                ? notes
                  ? 'In your text'
                  : 'Narrative citation'
                : notes
                  ? 'First note'
                  : 'In-text citation'}
            </dt>
            <dd className="cite-citation">
              <SafeMarkup html={shown.html} />
            </dd>
            {narrative && result.narrative && notes && (
              <>
                <dt>Note</dt>
                <dd className="cite-narrative-note">
                  <SafeMarkup html={result.narrative.rest.html} />
                </dd>
              </>
            )}
            {result.subsequentNote && (
              <>
                <dt>Subsequent note</dt>
                <dd className="cite-subsequent">
                  <SafeMarkup html={result.subsequentNote.html} />
                </dd>
              </>
            )}
            <dt>Bibliography {plural(result.entries.length, 'entry', 'entries')}</dt>
            {result.entries.map((entry) => (
              <dd key={entry.source} className="cite-bibliography" data-source={entry.source}>
                {entry.kind === 'entry' ? (
                  <SafeMarkup html={entry.html} />
                ) : (
                  <span className="cite-absent">
                    Not in this style’s bibliography: {entry.reason}
                  </span>
                )}
                {(library.overrides[entry.source] ||
                  userRecords?.entry(entry.source)?.recordEdited) && (
                  <span className="record-edited"> (record edited by you)</span>
                )}
                {library.recordConflicts.has(entry.source) && (
                  <span className="record-conflict">
                    {' '}
                    Edited on two devices: both versions are kept; choose one in Sync.
                  </span>
                )}
              </dd>
            ))}
          </dl>
        )}
        {result?.pinpointNote && <p className="cite-pinpoint-note">{result.pinpointNote}</p>}
      </div>
      {/* Before the copy buttons: at 420 px a student copied before scrolling to what it lacks. */}
      {result && result.missing.length > 0 && (
        <div className="cite-missing" role="note">
          {result.missing.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <div className="cite-actions">
        <button
          type="button"
          disabled={!shown}
          onClick={() => shown && void copy('Citation', copyRichText(shown), shown.text)}
        >
          Copy citation
        </button>
        <button
          type="button"
          disabled={!result?.quoted}
          onClick={() =>
            result?.quoted &&
            void copy('Quote with citation', copyRichText(result.quoted), result.quoted.text)
          }
        >
          Copy quote with citation
        </button>
        <button
          type="button"
          disabled={!result}
          title="For a paper written in Markdown and turned into Word or PDF by Pandoc: a citation Pandoc formats from your bibliography file (BibTeX or CSL-JSON)"
          onClick={() =>
            result && void copy('Pandoc citation', copyPlainText(result.pandoc), result.pandoc)
          }
        >
          Copy as Pandoc
        </button>
        <button
          type="button"
          disabled={!result}
          title="For a paper written in LaTeX: a citation biblatex formats from your BibTeX file"
          onClick={() =>
            result && void copy('LaTeX citation', copyPlainText(result.latex), result.latex)
          }
        >
          Copy as LaTeX
        </button>
        <button type="button" onClick={() => void copy('Link', copyPlainText(link), link)}>
          Copy link
        </button>
      </div>
      <RecordButtons sources={cited} store={library.store} userRecords={userRecords} />
      <p className="cite-status" role="status">
        {status}
      </p>
    </ModalDialog>
  );
}
