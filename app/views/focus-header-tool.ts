/**
 * Giving the focus back to a header tool that may be behind **Tools** (`header-tools.tsx`).
 *
 * A module of its own, not an export of `header-tools.tsx`: the lazily loaded Annotations sidebar
 * uses it, and its importing the header's component (and with it the floating helper) made the
 * build split React into a chunk of its own, which cost the initial JavaScript 0.7 KB gzipped.
 */

/**
 * Focuses a header tool, or **Tools** while the tool is hidden behind it (a phone-width screen, or
 * a folded tool, the panel closed): for what closes and gives the focus back to the tool that
 * opened it.
 */
export function focusHeaderTool(tool: HTMLElement | null): void {
  (tool?.getClientRects().length
    ? tool
    : document.querySelector<HTMLElement>('.tools-button')
  )?.focus();
}
