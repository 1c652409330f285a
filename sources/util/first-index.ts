/**
 * Binary search over a sorted list, for the few places that look up in one
 * (the passages of an edition by offset, a saved set's annotations by id).
 */

/**
 * The index of the first item of `list` for which `reached` holds, where
 * `reached` is false for a stretch at the start of the list and true from
 * there on (the list is sorted by what it tests); `list.length` if it never
 * holds.
 */
export function firstIndexWhere<T>(list: readonly T[], reached: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
