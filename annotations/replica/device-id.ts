/**
 * This browser profile's device id (`urn:diptych:device:<uuid>`): made once,
 * at random, and kept in `localStorage` under its own key
 * (`diptych:device:v1`), so that every document the replica writes can say
 * which device wrote it (`diptych:device`, `annotation-doc.ts`) and a
 * conflict's versions can say "Made on this device" or "Made on another
 * device". Random, not read from the device: it names nothing about the
 * machine or the reader, and another profile or a cleared storage is
 * another device.
 *
 * Read through its zod schema (`DeviceIriSchema`): a value that is not one
 * is replaced by a new id. Where storage is blocked or full, the id lasts
 * this visit only (its versions then read as another device's after a
 * reload; nothing else depends on it).
 *
 * What it is not for: who made an annotation (`creator`, the CouchDB user)
 * or telling tabs apart (two tabs of one profile are one device: they share
 * its replica).
 */
import { DEVICE_IRI_PREFIX, DeviceIriSchema, deviceOfDoc } from '../sync/annotation-doc.ts';

/** The localStorage key. */
export const DEVICE_ID_KEY = 'diptych:device:v1';

/** A new random device IRI. */
export function newDeviceId(): string {
  return `${DEVICE_IRI_PREFIX}${crypto.randomUUID()}`;
}

/** This profile's device id: the stored one when valid, else a new one (stored when storage allows). */
export function deviceId(storage: Storage | null, make: () => string = newDeviceId): string {
  try {
    const stored = DeviceIriSchema.safeParse(storage?.getItem(DEVICE_ID_KEY));
    if (stored.success) return stored.data;
  } catch {
    // Blocked: a new id for this visit.
  }
  const made = DeviceIriSchema.parse(make());
  try {
    storage?.setItem(DEVICE_ID_KEY, made);
  } catch {
    // Full or blocked: this visit only.
  }
  return made;
}

/** Where a version was made, as far as its document says. */
export type MadeWhere = 'here' | 'elsewhere' | 'unknown';

/** `here` when `doc` names `device` as its writer, `elsewhere` when it names another, `unknown` when none (or an invalid one). */
export function whereMade(doc: Readonly<Record<string, unknown>>, device: string): MadeWhere {
  const writer = deviceOfDoc(doc);
  return writer === null ? 'unknown' : writer === device ? 'here' : 'elsewhere';
}
