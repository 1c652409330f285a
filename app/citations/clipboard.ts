/**
 * Putting a citation on the clipboard in both forms a word processor wants:
 * `text/html` (with the style's italics) and `text/plain`.
 *
 * First choice: the async Clipboard API with a `ClipboardItem` holding both
 * types. Where that is missing or refused (older browsers, no permission),
 * the fallback listens for one `copy` event, fills both types through
 * `clipboardData.setData`, and triggers it with `document.execCommand('copy')`
 * — deprecated, but still the only synchronous way to write two types.
 *
 * Never throws: resolves to whether the copy happened, so the view can show
 * the text for copying by hand when it did not.
 */

/** The two forms of what is copied (an empty `html` copies the text alone). */
export interface RichText {
  /** Plain text, for editors without formatting. */
  readonly text: string;
  /** HTML, already escaped (from the citation core). */
  readonly html: string;
}

function copyWithEvent(content: RichText): boolean {
  let filled = false;
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', content.text);
    if (content.html !== '') e.clipboardData.setData('text/html', content.html);
    e.preventDefault();
    filled = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    const ran = document.execCommand('copy');
    return ran && filled;
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/** Copies both forms; `true` if the clipboard took them. */
export async function copyRichText(content: RichText): Promise<boolean> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
          'text/html': new Blob([content.html], { type: 'text/html' }),
        }),
      ]);
      return true;
    } catch {
      // Refused (permission, focus): try the copy event below.
    }
  }
  return copyWithEvent(content);
}

/** Copies plain text; `true` if the clipboard took it. */
export async function copyPlainText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through
    }
  }
  return copyWithEvent({ text, html: '' });
}
