/**
 * Saves a string as a file through the browser's download (an object URL
 * and a temporary `<a download>`). The one place the annotations UI makes
 * files; the contents come from `annotations/io/`.
 */

/** Starts a download of `text` as `filename` with the given MIME type. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date as YYYY-MM-DD, for file names. */
export function dateStamp(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
