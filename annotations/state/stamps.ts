/**
 * The store's timestamps: when a change made in this reader happened, and
 * what it must postdate.
 *
 * Two rules, from issue 12 item 1 (an imported `9999-12-31T23:59:59.999Z`
 * once pushed every later stamp past the year 9999, which the schema — and so
 * the loader — refuses):
 * - The reader's own clock is the real clock. Stamps are made strictly
 *   increasing only within what the clock gives (`nextStamp`): a date read
 *   from storage, another tab or an import never moves it.
 * - A change to an existing record must postdate the version it replaces, or
 *   a merge (`annotations/storage/merge.ts`: later `modified` wins) would
 *   undo it. `stampAfter` gives that one change a stamp past the record's
 *   own dates, without moving the clock. Every stamp is capped at the last
 *   instant the schema accepts (`MAX_TIME`), so the store never writes a date
 *   the loader would refuse; at the cap a change ties with what it replaces
 *   (then `newer`'s tie rule decides), which only a record dated at the cap
 *   itself can meet.
 *
 * What it is for: pure arithmetic on milliseconds. What it is not for:
 * reading the clock (the store does, once per change).
 */

/** The last instant `TimestampSchema` accepts (`9999-12-31T23:59:59.999Z`); `toISOString` writes later ones with a six-digit year. */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** `t` brought into the range the schema accepts. */
function clamp(t: number): number {
  return Math.min(Math.max(t, 0), MAX_TIME);
}

/** The next own stamp after `last` at clock reading `now` (both in ms): strictly after `last` unless capped. */
export function nextStamp(last: number, now: number): number {
  return clamp(Math.max(now, last + 1));
}

/**
 * A stamp for a change to a record: `own` (from `nextStamp`), moved past
 * every time in `after` and to at least every time in `atLeast`, capped at
 * `MAX_TIME`. Times are ISO strings as stored; `undefined` ones are skipped.
 */
export function stampAfter(
  own: number,
  after: readonly (string | undefined)[],
  atLeast: readonly (string | undefined)[] = [],
): string {
  let t = own;
  for (const x of after) if (x !== undefined) t = Math.max(t, Date.parse(x) + 1);
  for (const x of atLeast) if (x !== undefined) t = Math.max(t, Date.parse(x));
  return new Date(clamp(t)).toISOString();
}
