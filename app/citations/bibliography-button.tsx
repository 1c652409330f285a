/**
 * The header button that opens the Bibliography dialog, and the dialogs
 * themselves (Cite panel, Bibliography) as one slot for the top component,
 * so that `app.tsx` only places them. The dialogs are lazy chunks.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { linkTo } from '../hooks/use-hash-location.ts';
import type { UserRecords } from './source-label.ts';
import type { Citations } from './use-citations.ts';
import { LazyCitePanel as CitePanel } from './lazy-cite-panel.ts';

// The dialogs load on first use, keeping them out of the initial bundle (bench/reader.ts).
// The Cite panel's chunk is also fetched in idle time (lazy-cite-panel.ts).
const BibliographyDialog = lazy(() =>
  import('./bibliography-dialog.tsx').then((m) => ({ default: m.BibliographyDialog })),
);

/** The "Bibliography" button. */
export function BibliographyButton({ citations }: { readonly citations: Citations }): ReactNode {
  return (
    <button
      type="button"
      className="bibliography-button"
      data-cite-intent=""
      aria-haspopup="dialog"
      onClick={() => citations.setBibliographyOpen(true)}
      title="The built-in texts and your own texts in your citation style; export as BibTeX, RIS or CSL-JSON"
    >
      Bibliography
    </button>
  );
}

/** Props of `CitationDialogs`. */
export interface CitationDialogsProps {
  readonly citations: Citations;
  /** The reader's own texts (the Library), for their titles and Edit record; absent without one. */
  readonly userRecords?: UserRecords | undefined;
}

/** The open citation dialogs, if any. */
export function CitationDialogs({ citations, userRecords }: CitationDialogsProps): ReactNode {
  const { open, style, setStyle } = citations;
  return (
    <Suspense fallback={null}>
      {open && (
        <CitePanel
          // A new passage starts a new panel (its scope choice and status reset).
          key={open.scopes.map((s) => s.address).join(' ')}
          scopes={open.scopes}
          initialIndex={open.index}
          style={style}
          onStyleChange={setStyle}
          editions={citations.editions}
          linkTo={linkTo}
          returnFocus={open.opener}
          userRecords={userRecords}
          onClose={citations.closeCite}
        />
      )}
      {citations.bibliographyOpen && (
        <BibliographyDialog
          style={style}
          onStyleChange={setStyle}
          userRecords={userRecords}
          onClose={() => citations.setBibliographyOpen(false)}
        />
      )}
    </Suspense>
  );
}
