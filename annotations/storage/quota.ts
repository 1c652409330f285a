/**
 * Recognizes a full storage. Browsers throw a `DOMException` when
 * `localStorage.setItem` would exceed the quota, but name and code differ:
 * `QuotaExceededError` (code 22) in current browsers,
 * `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) in old Firefox. Detected by name
 * first, as Excalidraw's `LocalData.ts` does, with the legacy codes as a
 * fallback.
 *
 * What it is for: telling "storage is full" (tell the reader, offer export)
 * apart from other write failures. What it is not for: recovering; nothing
 * here retries or frees space.
 */

/** The names a full storage throws under. */
export const QUOTA_ERROR_NAMES: ReadonlySet<string> = new Set([
  'QuotaExceededError',
  'NS_ERROR_DOM_QUOTA_REACHED',
]);
/** The legacy `DOMException` codes of a full storage. */
export const QUOTA_ERROR_CODES: ReadonlySet<number> = new Set([22, 1014]);

/** True if `error` says the storage is full. */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) ||
    (typeof code === 'number' && QUOTA_ERROR_CODES.has(code))
  );
}

/** An error shaped like the browser's, for the in-memory store and for tests. */
export function quotaExceededError(message = 'The quota has been exceeded.'): Error {
  const error = new Error(message);
  error.name = 'QuotaExceededError';
  return Object.assign(error, { code: 22 });
}
