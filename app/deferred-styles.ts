/**
 * The app's whole stylesheet, loaded after the first paint (the page inlines
 * only the rules the prerendered reader needs: `build/critical-css.ts`). The
 * inline boot script (`build/editions-plugin.ts`, `deferEntry`) adds a
 * `<link rel="stylesheet">` marked with {@link DEFERRED_STYLES_ATTRIBUTE}
 * when it imports the entry; the entry waits for it before hydrating, so
 * every panel, toolbar and popover the app renders is styled.
 */

/** The attribute on the `<link>` elements the boot script adds. */
export const DEFERRED_STYLES_ATTRIBUTE = 'data-deferred-styles';

/** The `<link>` has loaded (or failed: the page then keeps its inline first-paint rules). */
function settled(link: HTMLLinkElement): Promise<void> {
  if (link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
}

/**
 * Resolves once every deferred stylesheet of `doc` has loaded or failed; at
 * once where there is none (the development server, whose styles come
 * with the modules).
 */
export function deferredStylesLoaded(doc: Document = document): Promise<void> {
  const links = [...doc.querySelectorAll<HTMLLinkElement>(`link[${DEFERRED_STYLES_ATTRIBUTE}]`)];
  return Promise.all(links.map(settled)).then(() => undefined);
}
