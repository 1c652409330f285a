/**
 * The Cite panel: a modal dialog for one passage with the style picker, a
 * choice of scope (the paragraph or one of its sentences), the in-text
 * citation or first note (and, for notes styles, the short subsequent note),
 * the bibliography entry or the style's reason for leaving the source out,
 * and three buttons: Copy citation, Copy quote with citation, Copy link.
 *
 * The citation is formatted in the citation worker; while a style's engine
 * is being built (seconds, the first time, for the large styles) the panel
 * says so and the copy buttons wait.
 *
 * Security: citation HTML is rendered through `SafeMarkup` (whitelist, no
 * HTML insertion); the quote is React text.
 */
import { useState, type ReactNode } from 'react';
import { styleDescriptor, type StyleId } from '../../sources/citation/styles.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { parseAddress } from '../../sources/address.ts';
import { copyPlainText, copyRichText } from './clipboard.ts';
import type { CiteTarget } from './cite-target.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { SafeMarkup } from './safe-markup.tsx';
import { StylePicker } from './style-picker.tsx';
import { useCiterCall } from './use-citer-call.ts';

/** Props of `CitePanel`. */
export interface CitePanelProps {
  /** The passage and its sentences. */
  readonly scopes: readonly CiteTarget[];
  /** The scope shown first. */
  readonly initialIndex: number;
  /** The chosen style. */
  readonly style: StyleId;
  readonly onStyleChange: (style: StyleId) => void;
  /** The absolute link to an address (the reader's URL with its hash). */
  readonly linkTo: (address: string) => string;
  /** Gets focus back when the panel closes (the Cite button). */
  readonly returnFocus?: HTMLElement | null;
  readonly onClose: () => void;
}

/** Longest quote shown in full in the panel; the copy always takes all of it. */
const QUOTE_PREVIEW_CHARS = 280;

function sourceName(address: string): string {
  const source = parseAddress(address)?.source;
  return (source && sourceMetadata(source)?.label) ?? source ?? address;
}

/** The panel. */
export function CitePanel({
  scopes,
  initialIndex,
  style,
  onStyleChange,
  linkTo,
  returnFocus,
  onClose,
}: CitePanelProps): ReactNode {
  const [index, setIndex] = useState(initialIndex);
  const [status, setStatus] = useState('');
  const target = scopes[index] ?? scopes[0]!;
  const link = linkTo(target.address);
  const call = useCiterCall({
    op: 'cite',
    style,
    request: {
      address: target.address,
      ...(target.locator ? { locator: target.locator } : {}),
      quote: target.quote,
      link,
    },
  });
  const notes = styleDescriptor(style).kind === 'note';
  const result = call.status === 'ready' ? call.value : null;

  const copy = async (what: string, done: Promise<boolean>, fallback: string): Promise<void> => {
    setStatus((await done) ? `${what} copied.` : `Could not copy; select and copy it: ${fallback}`);
  };

  const quotePreview =
    target.quote.length > QUOTE_PREVIEW_CHARS
      ? `${target.quote.slice(0, QUOTE_PREVIEW_CHARS).trimEnd()}…`
      : target.quote;

  return (
    <ModalDialog
      title={`Cite ${target.label} — ${sourceName(target.address)}`}
      className="cite-panel"
      returnFocus={returnFocus}
      onClose={onClose}
    >
      <div className="cite-controls">
        <StylePicker style={style} onChange={onStyleChange} />
        {scopes.length > 1 && (
          <label className="cite-scope">
            <span>Passage</span>
            <select value={index} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
              {scopes.map((s, i) => (
                <option key={s.address} value={i}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <blockquote className="cite-quote" cite={link}>
        {quotePreview}
      </blockquote>
      <div className="cite-result" aria-live="polite" aria-busy={call.status === 'loading'}>
        {call.status === 'loading' && (
          <p className="cite-loading">
            Formatting in {styleDescriptor(style).label}… The first citation in a style builds its
            engine, which takes a few seconds for the Chicago styles.
          </p>
        )}
        {call.status === 'error' && (
          <p className="cite-error" role="alert">
            Could not format the citation: {call.error}
          </p>
        )}
        {result && (
          <dl className="cite-forms" data-style={style}>
            <dt>{notes ? 'First note' : 'In-text citation'}</dt>
            <dd className="cite-citation">
              <SafeMarkup html={result.citation.html} />
            </dd>
            {result.subsequentNote && (
              <>
                <dt>Subsequent note</dt>
                <dd className="cite-subsequent">
                  <SafeMarkup html={result.subsequentNote.html} />
                </dd>
              </>
            )}
            <dt>Bibliography entry</dt>
            <dd className="cite-bibliography">
              {result.bibliography.kind === 'entry' ? (
                <SafeMarkup html={result.bibliography.html} />
              ) : (
                <span className="cite-absent">
                  Not in this style’s bibliography: {result.bibliography.reason}
                </span>
              )}
            </dd>
          </dl>
        )}
      </div>
      <div className="cite-actions">
        <button
          type="button"
          disabled={!result}
          onClick={() =>
            result && void copy('Citation', copyRichText(result.citation), result.citation.text)
          }
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
        <button type="button" onClick={() => void copy('Link', copyPlainText(link), link)}>
          Copy link
        </button>
      </div>
      <p className="cite-status" role="status">
        {status}
      </p>
    </ModalDialog>
  );
}
