/**
 * The header's tools behind one **Tools** button on a phone-width screen. Below 700 px
 * (styles.css) the header is one line — the name, the search box and **Tools** — and the button
 * discloses the other tools as a panel below it, each with its full label and its own state
 * (toggles keep `aria-pressed`); at 420 px they took four lines, five with a text of the
 * reader's own, and the text started 340 px down an 860 px screen. From 700 px up the panel is
 * no box (`display: contents`): the tools are the header's own items, laid out as before, and
 * the button is not displayed unless they would take more than two lines (below).
 *
 * A disclosure (`aria-expanded`, `aria-controls`), not an ARIA menu: the tools stay buttons with
 * their names and states, reached with Tab, and nothing about them changes with the width.
 * Choosing one closes the panel and hands the focus to **Tools** before the tool's own click
 * handler runs, so a dialog it opens gives the focus back there (the tool's button is hidden
 * once the panel closes); what returns the focus to a named tool uses `focusHeaderTool`
 * (`focus-header-tool.ts`).
 * Escape, a click outside or the focus leaving close it too. The panel is only hidden
 * by CSS, never unmounted: the tools' dialogs and the adding progress are rendered in it, and
 * while it is closed the progress, and Sync with its badge while changes wait, stay in sight.
 *
 * From 700 px up, where the header with every tool in sight would take more than two lines
 * (700 to about 760 px; `use-header-fold.ts`), the button shows and only the first tools (`fold`,
 * the Reader toolbar) are behind it, in a panel under the button placed as every floating thing is
 * (`useFloating`); the other tools stay in the header, and choosing one of them closes the panel
 * without taking their focus.
 *
 * The prerendered page has the button and the closed layout, so nothing moves when the app
 * starts at phone width; before then the button does nothing. From 700 px the first tools fold
 * once the app has measured the header, so there the texts move up a line as it starts, where
 * they fold. Renders no user text.
 */
import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useFloating } from '../floating/use-floating.ts';
import { useHeaderFold } from './use-header-fold.ts';

/** Whether `target` lies outside every one of `elements`. */
function outsideOf(target: EventTarget | null, ...elements: (Element | null)[]): boolean {
  return !(target instanceof Node) || !elements.some((el) => el?.contains(target));
}

/** Props of `HeaderTools`. */
export interface HeaderToolsProps {
  /** The tools that go behind **Tools** first, where the header is too narrow for all in two lines. */
  readonly fold: ReactNode;
  /** The other tools, behind **Tools** only at phone width. */
  readonly children: ReactNode;
}

/** The **Tools** button and the panel holding the header's tools (`fold`, then `children`). */
export function HeaderTools({ fold, children }: HeaderToolsProps): ReactNode {
  const [open, setOpen] = useState(false);
  // State, not a ref: the folded panel is placed against it.
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const foldBox = useRef<HTMLDivElement>(null);
  const folded = useHeaderFold(panel);
  // Unfolded, an open panel closes: it would show again, unasked, the next time the tools fold.
  // (React's "adjusting state while rendering".)
  const [wasFolded, setWasFolded] = useState(folded);
  if (folded !== wasFolded) {
    setWasFolded(folded);
    if (!folded) setOpen(false);
  }
  useFloating(open && folded ? button : null, foldBox, { placement: 'bottom-start', gap: 2 });
  /** What the button discloses: at phone width every tool, folded only the first ones. */
  const behind = (): HTMLElement | null => (folded ? foldBox.current : panel.current);

  useEffect(() => {
    if (!open) return;
    const inside = folded ? foldBox.current : panel.current;
    const down = (e: PointerEvent): void => {
      if (outsideOf(e.target, inside, button)) setOpen(false);
    };
    document.addEventListener('pointerdown', down);
    return () => document.removeEventListener('pointerdown', down);
  }, [open, folded, button]);

  const close = (): void => {
    setOpen(false);
    button?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (open && e.key === 'Escape') {
      // The reader's own Escape (close a dialog, dismiss the notice) is not meant.
      e.stopPropagation();
      close();
    }
  };
  // The focus leaving for anything but the button and what it discloses (a tool left in the
  // header, where it folds, included).
  const onBlur = (e: FocusEvent): void => {
    if (e.relatedTarget && outsideOf(e.relatedTarget, behind(), button)) setOpen(false);
  };
  return (
    <>
      <button
        ref={setButton}
        type="button"
        className="tools-button"
        aria-expanded={open}
        aria-controls="header-tools"
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        Tools
      </button>
      <div
        id="header-tools"
        ref={panel}
        className="header-tools"
        data-open={open || undefined}
        onKeyDown={onKeyDown}
        // Capture, before the tool's own handler: a tool that notes the focused element as the
        // place to return to (a dialog's opener) finds Tools, not its own button, hidden by then.
        // A tool left in the header (folded) keeps the focus: it stays in sight.
        onClickCapture={(e) => {
          if (!open || !(e.target instanceof Element) || !e.target.closest('button')) return;
          if (outsideOf(e.target, behind())) setOpen(false);
          else close();
        }}
        onBlur={onBlur}
      >
        <div ref={foldBox} className="header-fold">
          {fold}
        </div>
        {children}
      </div>
    </>
  );
}
