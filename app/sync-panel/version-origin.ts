/**
 * Where and when a version of an annotation (or a record edit) edited on two
 * devices was made, in the words the sidebar's conflict card (and the Sync
 * panel's record conflict) gives each version: "Made on this
 * device, <time>", "Made on another device by ben, <time>". A reader choosing
 * which to keep needs to know which one they wrote here; the card listed
 * "This version (shown)" and "The other version" with nothing to tell them
 * apart but their notes.
 *
 * Who made it is said only in a group, as on the card's sync line
 * (`sync-line.ts`): a private layer has one reader. A version whose document
 * names no device (written before devices were named, or by another client)
 * says so rather than guess. The revision id is never shown.
 *
 * Pure: no React, no DOM. What it is not for: the versions' content (the
 * card lists note, tags and colour) or telling which device is which beyond
 * "this" and "another" (a device id is a random IRI, not a name).
 */
import type { MadeWhere } from '../../annotations/replica/device-id.ts';
import { byWhom } from './sync-line.ts';
import { formatVersionTime } from './sync-time.ts';

/** "Made on this device, Dec 2, 2026, 2:02:41 PM" and its kin (see the module comment). */
export function versionOrigin(
  version: {
    /** Whether this device made it (`device-id.ts`). */
    readonly made: MadeWhere;
    /** Who made it (named in a group only). */
    readonly author?: string;
    /** When (ISO). */
    readonly modified: string;
  },
  context: {
    /** The signed-in user: their own versions are "by you". */
    readonly user: string | null;
    /** Whether the annotation is in a group's layer (then the author is named). */
    readonly group: boolean;
  },
  locales: Intl.LocalesArgument = [],
): string {
  const by =
    context.group && version.author !== undefined
      ? ` ${byWhom({ author: version.author, mine: version.author === context.user })}`
      : '';
  const where =
    version.made === 'here'
      ? `Made on this device${by}`
      : version.made === 'elsewhere'
        ? `Made on another device${by}`
        : `Made${by} on a device not recorded`;
  return `${where}, ${formatVersionTime(version.modified, locales)}`;
}
