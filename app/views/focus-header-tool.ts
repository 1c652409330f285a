/**
 * Giving the focus back to a header tool that may be behind **Tools** (`header-tools.tsx`).
 *
 * A module of its own, not an export of `header-tools.tsx`: the lazily loaded Annotations sidebar
 * uses it, and needs neither the header's component nor the floating helper that comes with it.
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
