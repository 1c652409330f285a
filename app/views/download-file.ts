/**
 * Saving a generated file (an annotation export or digest, a bibliography, a
 * comparison table, a library workspace) through the browser's download: a
 * `Blob`, an object URL and a temporary `<a download>`. The app's one
 * download helper.
 *
 * Not for: producing the file (`annotations/io/`, `sources/citation/`, …).
 */

/** A file to save. */
export interface DownloadableFile {
  /** Suggested file name. */
  readonly name: string;
  /** MIME type. */
  readonly mime: string;
  /** Contents. */
  readonly text: string;
}

/** Starts the download of `file`. */
export function downloadFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, so the download keeps its URL.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date as YYYY-MM-DD, for file names. */
export function dateStamp(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
