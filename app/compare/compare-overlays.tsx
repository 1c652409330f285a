/**
 * The comparisons' views, drawn from `useCompare`'s data: the Compare button
 * for the header, the margin content of each block, and the overlays (the
 * Compare view, the Related panel, the pending-link chip, the Link passages
 * dialog).
 *
 * What it is for: rendering. What it is not for: state or decisions
 * (`use-compare.ts`). Renders user text (notes, quotes, passage names) only
 * through the views it composes, as React text.
 */
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { SyncSnapshot } from '../../annotations/replica/sync-engine.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import { CompareMarks } from './compare-marks.tsx';
import type { Block } from '../../sources/edition.ts';
import type { CompareUi, PaneMargins } from './use-compare.ts';

// The dialogs and the panel load when first shown, outside the initial bundle (bench/reader.ts).
const CompareView = lazy(() =>
  import('./compare-view.tsx').then((m) => ({ default: m.CompareView })),
);
const LinkDialog = lazy(() => import('./link-dialog.tsx').then((m) => ({ default: m.LinkDialog })));
const RelatedPanel = lazy(() =>
  import('./related-panel.tsx').then((m) => ({ default: m.RelatedPanel })),
);
// A mark's card, and its store: the marks reach it through this import (mark-card.tsx).
const loadMarkCard = () => import('./mark-card.tsx');
const MarkCard = lazy(() => loadMarkCard().then((m) => ({ default: m.MarkCard })));

/** The Compare button for the header. */
export function CompareButton({ compare }: { readonly compare: CompareUi }): ReactNode {
  return (
    <button
      type="button"
      className="compare-open"
      aria-haspopup="dialog"
      onClick={compare.openView}
    >
      Compare
    </button>
  );
}

/**
 * Per pane, the margin element of a block, for `Pane`'s `extras`: made when
 * a block is first rendered and kept (the same element between unrelated
 * renders, so memoised blocks do not re-render).
 */
export function useCompareExtras(
  compare: CompareUi,
): readonly [(block: Block) => ReactNode, (block: Block) => ReactNode] {
  const { margins, activateMark, relatedTo } = compare;
  return useMemo(() => {
    const forPane = (pane: PaneIndex, margin: PaneMargins) => {
      const made = new Map<string, ReactNode>();
      return (block: Block): ReactNode => {
        if (made.has(block.address)) return made.get(block.address);
        const m = margin(block);
        const node = m && (
          <CompareMarks
            marks={m.marks}
            {...(m.relatedFor !== undefined ? { relatedFor: m.relatedFor } : {})}
            onActivate={(mark) => activateMark(pane, mark)}
            onPreview={(mark, anchor) =>
              void loadMarkCard().then(
                (c) => c.previewMark(mark && anchor ? { pane, mark, anchor } : null),
                () => undefined,
              )
            }
            onRelated={(a, opener) => relatedTo(pane, a, opener)}
          />
        );
        made.set(block.address, node);
        return node;
      };
    };
    return [forPane(0, margins[0]), forPane(1, margins[1])] as const;
  }, [margins, activateMark, relatedTo]);
}

/** The comparisons' dialogs, panel and pending chip; `sync` gives the Compare view layers and authors. */
export function CompareOverlays({
  compare,
  sync = null,
}: {
  readonly compare: CompareUi;
  readonly sync?: SyncSnapshot | null;
}): ReactNode {
  const { view, related, pending, linking } = compare;
  return (
    <Suspense fallback={null}>
      {/* Its own boundary: the card's chunk arriving never hides an open panel or dialog. */}
      {compare.engine && (
        <Suspense fallback={null}>
          <MarkCard onGo={compare.activateMark} />
        </Suspense>
      )}
      {view.mounted && (
        <CompareView
          open={view.open}
          onClose={compare.closeView}
          engine={compare.engine}
          error={compare.error}
          annotations={compare.annotations}
          columns={compare.columns}
          onDelete={compare.deleteOwn}
          sync={sync}
        />
      )}
      {related && (
        <RelatedPanel
          request={related}
          editions={compare.editions}
          onOpen={compare.openRelatedResult}
          onClose={compare.closeRelated}
        />
      )}
      {pending && <PendingLinkChip name={pending.name} onCancel={compare.cancelPending} />}
      {linking && (
        <LinkDialog
          sides={[
            { name: linking[0].name, quote: linking[0].selection.quote },
            { name: linking[1].name, quote: linking[1].selection.quote },
          ]}
          topics={compare.topics}
          onSave={compare.saveLink}
          onCancel={compare.cancelLink}
        />
      )}
    </Suspense>
  );
}

/**
 * The chip that says a link is half made ("Linking from …"), in the stack of
 * notices at the bottom of the window (the live region of views/notice.tsx,
 * which announces it). Floating on its own at the same spot it covered a
 * notice or was covered by one, and at 420 px its centring held it to half
 * the window: it wrapped into a blob with Cancel over its text.
 */
function PendingLinkChip({
  name,
  onCancel,
}: {
  readonly name: string;
  readonly onCancel: () => void;
}): ReactNode {
  const chip = (
    <div className="link-pending">
      <span>Linking from {name} … select the other passage and choose Link passages.</span>
      <button type="button" onClick={onCancel}>
        Cancel<span className="visually-hidden"> linking</span>
      </button>
    </div>
  );
  const region = document.querySelector('.notice-region');
  return region ? createPortal(chip, region) : chip;
}
