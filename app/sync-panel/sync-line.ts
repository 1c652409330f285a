/**
 * The words under a reader's annotation (sidebar card) or comparison
 * (Compare view row) that say where it is synced and whose it is: its layer
 * and, in a group, "by you" for the reader's own and "by <name>" for another
 * member's; and, while a change of the reader's has not reached the server,
 * `NOT_SYNCED` beside it. One home for the wording, so the sidebar and the Compare view
 * cannot drift apart (the card said "by ana" to Ana herself while the
 * Compare view said "Your comparison").
 *
 * Also the sentence of the header's Sync button while changes wait to go up
 * (`waitingLine`): "Offline · 3 changes waiting to sync".
 *
 * Pure: no React, no DOM. What it is not for: the layer menus' names
 * (`layer-name.ts`) or the author filter (`layer-filter-controls.tsx`).
 */
import type { SyncStatus } from '../../annotations/replica/sync-engine.ts';
import type { AnnotationSyncFacts } from './layer-filter.ts';
import { layerName } from './layer-name.ts';
import { counted } from '../../sources/util/plural.ts';

/**
 * Said of an annotation whose latest change is not on the server yet: made
 * while signed out (in no layer), or written here while offline or on its
 * way. In words, not only a colour.
 */
export const NOT_SYNCED = 'not synced yet';

/** The reader's own, in every place that names an author. */
export const OWN_AUTHOR = 'you';

/** "by you" for the reader's own, else "by <name>". */
export function byWhom(facts: Pick<AnnotationSyncFacts, 'author' | 'mine'>): string {
  return `by ${facts.mine ? OWN_AUTHOR : (facts.author ?? 'another member')}`;
}

/** Said of a group's annotation kept in this browser after the reader left the group here. */
export const LEFT_GROUP = 'left on this device, not synced';

/**
 * "Private", "Group: <name> · by you", "Group: <name> · by ben", "Group:
 * <name> (left on this device, not synced) · by ben" once the reader left
 * the group here, or "Not synced yet" when it is in no layer (made while signed out). Who made it is
 * said only in a group: a private layer has one reader.
 */
export function syncLine(
  facts: Pick<AnnotationSyncFacts, 'layer' | 'author' | 'mine'> & { readonly left?: boolean },
): string {
  if (!facts.layer) return 'Not synced yet'; // NOT_SYNCED, starting the line.
  const layer = `${layerName(facts.layer)}${facts.left ? ` (${LEFT_GROUP})` : ''}`;
  return facts.layer.kind === 'group' && facts.author ? `${layer} · ${byWhom(facts)}` : layer;
}

/** "1 change waiting to sync", "3 changes waiting to sync". */
export function changesWaiting(count: number): string {
  return `${counted(count, 'change')} waiting to sync`;
}

/**
 * The sentence of the header's Sync button (its badge shows the count), or
 * `''` for none: while the reader's changes cannot go up (offline, or the
 * server not answering), how many wait ("Offline · 3 changes waiting to
 * sync"), so the reader sees it without opening the panel; once the
 * connection returns, the count falls as they go up ("Syncing · 1 change
 * waiting to sync") and the line goes when none is left. `showing` says
 * whether the line was shown before: it starts only while offline, so that
 * each edit made online (unsent for the moment its push takes) does not
 * flash a badge and have the line announced.
 */
export function waitingLine(
  status: Pick<SyncStatus, 'kind' | 'cause'> | undefined,
  count: number,
  showing: boolean,
): string {
  if (!status || count === 0) return '';
  const state =
    status.kind === 'offline'
      ? status.cause === 'server'
        ? 'Server unreachable'
        : 'Offline'
      : showing && status.kind === 'syncing'
        ? 'Syncing'
        : showing && status.kind === 'connecting'
          ? 'Connecting'
          : null;
  return state === null ? '' : `${state} · ${changesWaiting(count)}`;
}
