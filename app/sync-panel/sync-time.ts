/**
 * The Sync panel's and the sidebar's times, in one style: the reader's locale, the date as
 * "Dec 2, 2026". A version of an annotation or record in a conflict also gives its seconds,
 * since the two versions of one edit are often saved within the same minute. (The conflict's
 * versions were "12/2/2026, 6:54:41 AM" beside the panel's "Dec 2, 2026, 6:51 AM".)
 */

/** When the panel last synced, or "never". */
export function formatSyncTime(iso: string | null, locales: Intl.LocalesArgument = []): string {
  if (!iso) return 'never';
  return new Date(iso).toLocaleString(locales, { dateStyle: 'medium', timeStyle: 'short' });
}

/** When a version in a conflict was saved. */
export function formatVersionTime(iso: string, locales: Intl.LocalesArgument = []): string {
  return new Date(iso).toLocaleString(locales, { dateStyle: 'medium', timeStyle: 'medium' });
}
