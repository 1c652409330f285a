/**
 * The header's tools behind one **Tools** button on a phone-width screen. Below 700 px
 * (styles.css) the header is one line — the name, the search box and **Tools** — and the button
 * discloses the other tools as a panel below it, each with its full label and its own state
 * (toggles keep `aria-pressed`); at 420 px they took four lines, five with a text of the
 * reader's own, and the text started 340 px down an 860 px screen. From 700 px up the button
 * is not displayed and the panel is no box (`display: contents`): the tools are the header's
 * own items, laid out as before.
 *
 * A disclosure (`aria-expanded`, `aria-controls`), not an ARIA menu: the tools stay buttons with
 * their names and states, reached with Tab, and nothing about them changes with the width.
 * Choosing one closes the panel and hands the focus to **Tools** before the tool's own click
 * handler runs, so a dialog it opens gives the focus back there (the tool's button is hidden
 * once the panel closes); what returns the focus to a named tool uses `focusHeaderTool`. Escape, a click outside or the focus leaving close it too. The panel is only hidden
 * by CSS, never unmounted: the tools' dialogs and the adding progress are rendered in it, and
 * while it is closed the progress, and Sync with its badge while changes wait, stay in sight.
 *
 * The prerendered page has the button and the closed layout, so nothing moves when the app
 * starts; before then the button does nothing. Renders no user text.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Whether `target` lies outside every one of `elements`. */
function outsideOf(target: EventTarget | null, ...elements: (Element | null)[]): boolean {
  return !(target instanceof Node) || !elements.some((el) => el?.contains(target));
}

/**
 * Focuses a header tool, or **Tools** while the tool is hidden behind it (a phone-width screen,
 * the panel closed): for what closes and gives the focus back to the tool that opened it.
 */
export function focusHeaderTool(tool: HTMLElement | null): void {
  (tool?.getClientRects().length
    ? tool
    : document.querySelector<HTMLElement>('.tools-button')
  )?.focus();
}

/** The **Tools** button and the panel holding `children` (the header's tools). */
export function HeaderTools({ children }: { readonly children: ReactNode }): ReactNode {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const down = (e: PointerEvent): void => {
      if (outsideOf(e.target, panel.current, button.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', down);
    return () => document.removeEventListener('pointerdown', down);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (open && e.key === 'Escape') {
      // The reader's own Escape (close a dialog, dismiss the notice) is not meant.
      e.stopPropagation();
      close();
    }
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="tools-button"
        aria-expanded={open}
        aria-controls="header-tools"
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
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
        onClickCapture={(e) => {
          if (open && e.target instanceof Element && e.target.closest('button')) close();
        }}
        onBlur={(e) => {
          if (e.relatedTarget && outsideOf(e.relatedTarget, panel.current, button.current))
            setOpen(false);
        }}
      >
        {children}
      </div>
    </>
  );
}
