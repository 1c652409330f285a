/**
 * The notes at the end of a text. Each note carries `data-address`
 * (`…:n5`) on the element holding exactly its text; its number and the links
 * back to every block that cites it sit outside that element and carry
 * `data-anchor-ignore`. Each note takes part in its pane's roving Tab stop
 * like a block (`roving-passage.ts`). Renders footnote text through
 * `SentenceText` (no HTML).
 */
import { useId, type ReactNode } from 'react';
import { localPart } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import { passageInWords } from './passage-in-words.ts';
import { PassageControlTabIndex } from './roving-passage.ts';
import { SentenceText } from './sentence-text.tsx';

/** Props of `FootnoteList`. */
export interface FootnoteListProps {
  readonly edition: Edition;
  /** The text's short label ("Lankov (2007)"): the back links' names say the paragraph in words. */
  readonly sourceLabel: string;
  readonly marked: ReadonlySet<string>;
  /** Opens the Cite panel on a note (app/citations/). */
  readonly onCite?: (address: Address) => void;
  /** Script is running: the notes' sentences get their spans (see `SentenceText`). */
  readonly interactive: boolean;
  /** The note whose text is the pane's one Tab stop, if one is (interactive only). */
  readonly stop?: Address | null;
  /** The note the focus is in: its controls are in the Tab order (interactive only). */
  readonly within?: Address | null;
}

function backLinkLabel(address: Address): string {
  const local = localPart(address);
  return /^\d+$/.test(local) ? `¶${local}` : local;
}

/** The list of footnotes, or nothing if the edition has none. */
export function FootnoteList({
  edition,
  sourceLabel,
  marked,
  onCite,
  interactive,
  stop = null,
  within = null,
}: FootnoteListProps): ReactNode {
  const headingId = useId();
  if (edition.footnotes.length === 0) return null;
  return (
    // A plain container, not a <section>: a labelled section would be a region landmark, and the page's regions are the two panes.
    <div className="notes" role="doc-endnotes" aria-labelledby={headingId}>
      <h3 id={headingId}>Notes</h3>
      <ol className="notes-list">
        {edition.footnotes.map((f) => {
          // As in BlockView: before the app is interactive every control keeps its Tab stop.
          const controlTabIndex = interactive && within !== f.address ? -1 : undefined;
          return (
            <li key={f.address} className="note">
              <span className="note-n" data-anchor-ignore="">
                {f.n}.
              </span>
              <p
                className="note-text"
                data-address={f.address}
                tabIndex={interactive && stop === f.address ? 0 : -1}
                aria-current={marked.has(f.address) ? 'location' : undefined}
              >
                <PassageControlTabIndex.Provider value={controlTabIndex}>
                  <SentenceText
                    inlines={f.inlines}
                    sentences={f.sentences}
                    marked={marked}
                    plain={!interactive}
                  />
                </PassageControlTabIndex.Provider>
              </p>
              {f.referencedFrom.length > 0 && (
                <span className="backlinks" data-anchor-ignore="">
                  Cited in{' '}
                  {f.referencedFrom.map((address, i) => (
                    <span key={address}>
                      {i > 0 && ', '}
                      <a
                        href={`#${address}`}
                        aria-label={`Back to ${passageInWords(address, sourceLabel)}`}
                        tabIndex={controlTabIndex}
                      >
                        {backLinkLabel(address)}
                      </a>
                    </span>
                  ))}
                </span>
              )}
              {onCite && (
                <button
                  type="button"
                  className="copy note-cite"
                  data-cite-intent=""
                  data-anchor-ignore=""
                  aria-haspopup="dialog"
                  tabIndex={controlTabIndex}
                  onClick={() => onCite(f.address)}
                >
                  Cite<span className="visually-hidden"> note {f.n}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
