/**
 * The browser's sync replica (issue 13): one local PouchDB database per
 * layer (the reader's private layer and each group joined), each
 * replicating live both ways with its database on the server, joined to the
 * annotation store through its persistence hub (`hub-persistence.ts`).
 *
 * The store (localStorage) stays the store of record for what the reader
 * sees; the local databases are the store of record for what the server
 * has. Between them:
 * - a change the reader makes (here or in another tab) is written to the
 *   annotation's layer database as its W3C document (`toAnnotationDoc`);
 *   replication carries it up;
 * - a document that arrives in a layer database is read through the same
 *   checks as an import (`incoming-doc.ts`) and only then put into the
 *   store, in batches; one that fails is listed as rejected and skipped;
 * - conflicting revisions are kept (PouchDB's `conflicts: true`) and shown;
 *   resolving one writes the chosen version on the winning revision and
 *   deletes the losing ones, so every device sees it resolved;
 * - a group the reader left on this device keeps its local database, open
 *   but not replicated: an edit or delete of one of its annotations is
 *   written there as a new revision, as offline, and joining again sends it
 *   like any offline change (a concurrent edit elsewhere becomes a conflict
 *   to resolve, not a silent loss: the first pull of the rejoined layer
 *   used to bring its older version back over the edit);
 * - a group left with removal (a shared computer) leaves nothing here: its
 *   annotations go from the store, its bookkeeping from the settings, and
 *   its local database is destroyed, so joining again is a first join;
 * - the reader's record overrides (issue 14) go the same way through the
 *   private layer only, one document per source (`record-doc.ts`,
 *   `record-replica.ts`): written when the reader saves or reverts one,
 *   read with their zod schema when they arrive, conflicts kept and shown.
 * docs/sync.md ("The local store and the replica") gives the reasons.
 *
 * What it is for: replication, the bridge, status in words. What it is not
 * for: rendering (app/sync-panel/) or access rules (the server's).
 */
import type { Edition } from '../../sources/edition.ts';
import type { Annotation } from '../model/annotation.ts';
import type { AnnotationSet } from '../storage/merge.ts';
import type { PersistenceHub } from '../storage/hub-persistence.ts';
import { pauseForPage } from '../pause-for-page.ts';
import { contentOfDoc, toAnnotationDoc } from '../sync/annotation-doc.ts';
import {
  readRecordOverrideDoc,
  recordDocId,
  RECORD_DOC_PREFIX,
  sourceOfRecordDocId,
  toRecordOverrideDoc,
} from '../sync/record-doc.ts';
import type { RecordOverride, RecordOverrides } from '../../sources/citation/record-overrides.ts';
import {
  groupDatabaseName,
  groupOfDatabase,
  isGroupName,
  privateDatabaseName,
} from '../sync/database-names.ts';
import {
  groupHint,
  probeDatabase,
  resolveApiRoot,
  ServerError,
  sessionUser,
  signIn as postSession,
  signOut as deleteSession,
  type ServerProblem,
} from './couch-session.ts';
import { readableVersions } from './conflict-versions.ts';
import { deviceId, whereMade, type MadeWhere } from './device-id.ts';
import { pushStartAfterFirstPull, updateSeq } from './first-pull-push.ts';
import {
  feedStartAfterSnapshot,
  handedState,
  takeSnapshot,
  type SnapshotResult,
} from './snapshot-pull.ts';
import { readIncomingDoc, type IncomingContext } from './incoming-doc.ts';
import type {
  PouchConstructor,
  PouchDatabase,
  PouchDoc,
  PouchEmitter,
  PouchSync,
} from './pouch-types.ts';
import {
  overrideKey,
  overrideKeys,
  recordChanges,
  recordVersionsOf,
  type RecordConflictVersion,
  type RecordOverridePort,
} from './record-replica.ts';
import { replicationBackOff, replicationFetch } from './replication-options.ts';
import { loadSyncSettings, saveSyncSettings, type SyncSettings } from './sync-settings.ts';
import {
  loadUnsent,
  noteSent,
  noteWritten,
  saveUnsent,
  unsentIds,
  unsentOutside,
  type Unsent,
} from './unsent-changes.ts';
import { counted, plural } from '../../sources/util/plural.ts';

/** A layer: the reader's private one or a group's. */
export interface Layer {
  /** The server database (`userdb-<hex>` or `diptych-group-<name>`). */
  readonly db: string;
  /** `Private` or the group's name. */
  readonly label: string;
  readonly kind: 'private' | 'group';
}

/** One version of an annotation that is in conflict. */
export interface ConflictVersion {
  /** The revision, to keep it by (never shown to the reader). */
  readonly rev: string;
  readonly annotation: Annotation;
  /** The CouchDB user who wrote it. */
  readonly author: string;
  /** Whether this device wrote it, another did, or its document does not say (`device-id.ts`). */
  readonly made: MadeWhere;
}

/** A document the replica would not take, and why. */
export interface RejectedDoc {
  readonly id: string;
  readonly layer: string;
  readonly reason: string;
  readonly at: string;
}

/** The state in words, and its kind for styling and tests. */
export interface SyncStatus {
  readonly kind: 'signed-out' | 'connecting' | 'synced' | 'syncing' | 'offline' | 'refused';
  readonly words: string;
  /** Why `offline`: the browser has no network, or the server does not answer. */
  readonly cause?: 'network' | 'server';
}

/** Everything the Sync panel and the sidebar render. A new object after each change. */
export interface SyncSnapshot {
  /** The address last used (prefills the panel). */
  readonly server: string;
  /** The signed-in user, or the last one (signed out). */
  readonly user: string | null;
  readonly signedIn: boolean;
  readonly status: SyncStatus;
  /** When the last sync finished (ISO), if ever. */
  readonly lastSync: string | null;
  /** The layers synced, private first. */
  readonly layers: readonly Layer[];
  /** Groups the server lists for the user that are not joined yet. */
  readonly suggestedGroups: readonly string[];
  /** The layer new annotations go to. */
  readonly defaultLayer: string | null;
  /** Annotation id → layer database. */
  readonly layerOf: Readonly<Record<string, string>>;
  /** Annotation id → author. */
  readonly authorOf: Readonly<Record<string, string>>;
  /**
   * Annotation ids with a change of the reader's written here and not yet on
   * the server (offline, the server unreachable, or on its way): the sidebar
   * says "not yet synced" on their cards (`unsent-changes.ts`).
   */
  readonly unsent: ReadonlySet<string>;
  /** Annotation id → every version of an annotation edited in two places (two or more). */
  readonly conflicts: Readonly<Record<string, readonly ConflictVersion[]>>;
  /** Source id → every version of a record override edited on two devices (two or more). */
  readonly recordConflicts: Readonly<Record<string, readonly RecordConflictVersion[]>>;
  /** Documents refused on the way in or out, latest last (at most `MAX_REJECTED`). */
  readonly rejected: readonly RejectedDoc[];
  /** A one-off message (delete-vs-edit kept the edit…), or `null`. */
  readonly message: string | null;
}

/** The most rejected documents listed. */
export const MAX_REJECTED = 200;

/** What the engine needs from the page. */
export interface SyncEngineOptions {
  readonly hub: PersistenceHub;
  readonly PouchDB: PouchConstructor;
  /** The editions incoming annotations may target (the library's included). */
  readonly editions: () => readonly Edition[];
  readonly waitFor?: IncomingContext['waitFor'];
  /** The reader's record overrides, synced with the private layer; without it only annotations sync. */
  readonly records?: RecordOverridePort;
  /** Where settings are kept (`localStorage`; `null` when blocked). */
  readonly storage: Storage | null;
  /** This device's IRI, written on every document; by default the profile's (`deviceId(storage)`). */
  readonly device?: string;
  /** The server address offered by default: the origin the reader was served from. */
  readonly defaultServer: string;
  /**
   * The origin the reader's page runs on, in a browser: an address the page's
   * security policy would block is refused with the reason, before any request.
   */
  readonly pageOrigin?: string;
  readonly now?: () => Date;
  /** Whether the browser says it is online (`navigator.onLine`); always, by default. */
  readonly online?: () => boolean;
  /** Subscribes to the browser's online and offline events; returns the unsubscribe function. */
  readonly watchOnline?: (onOnline: () => void, onOffline: () => void) => () => void;
  /**
   * Subscribes to the page being hidden or left (`pagehide`, a hidden
   * `visibilitychange`); returns the unsubscribe function. What was received
   * and not saved yet is saved then, before the tab may be closed.
   */
  readonly watchHide?: (onHide: () => void) => () => void;
  /** Runs `task` when the page is idle (`requestIdleCallback`); a short timer by default. */
  readonly whenIdle?: (task: () => void) => void;
}

/** How to leave a group (`leaveGroup`). */
export interface LeaveOptions {
  /** Also take the group's annotations and its local replica off this browser. */
  readonly removeFromThisBrowser?: boolean;
}

/** What leaving a group did (`leaveGroup`). */
export interface LeaveResult {
  /** The group's annotations taken out of the store (0 when kept, or nothing was left to do). */
  readonly removed: number;
  /**
   * Why the group's local replica could not be deleted, in words for the reader, or `null`. Its
   * annotations are out of the store even then; a later removal (joining again and leaving with
   * removal, or `leaveGroup` with removal of the left group) tries again.
   */
  readonly problem: string | null;
}

/** The engine's operations. */
export interface SyncEngine {
  getSnapshot(): SyncSnapshot;
  subscribe(listener: () => void): () => void;
  /** Signs in (the password is sent once, not kept) and starts syncing. */
  signIn(server: string, user: string, password: string): Promise<void>;
  /** Resumes a session kept from an earlier visit (the cookie); no-op when signed out. */
  resume(): Promise<void>;
  /** Joins a group: starts syncing its database (the server decides whether the user may). */
  joinGroup(group: string): Promise<void>;
  /**
   * Leaves a group on this device: stops syncing its database here and forgets it joined. Every
   * annotation already here stays in the store (not synced while left), and the local replica
   * stays in IndexedDB, still written to: the reader's edits and deletions of their annotations
   * of the group go into it as new revisions, as offline, so joining again picks up where it
   * stopped and sends them, with the changes not yet sent before leaving. The server is not
   * asked anything: membership is the server's (`diptych groups`).
   *
   * With `removeFromThisBrowser` (a shared or borrowed computer), the group is also taken off
   * this browser: every annotation of its layer (everyone's) leaves the store, with what the
   * engine knew of them (layer, author, tombstones, changes not yet sent — those are lost:
   * the panel asks first —, conflicts, documents waiting to go into the store), and its local
   * replica is destroyed, so nothing of the group is left in IndexedDB; joining again pulls
   * everything from the server as a first join does. A group already left (its replica kept)
   * may be removed later the same way. The private layer and other groups are untouched, and
   * nothing changes on the server.
   */
  leaveGroup(group: string, options?: LeaveOptions): Promise<LeaveResult>;
  /** Sets the layer new annotations go to. */
  setDefaultLayer(db: string): void;
  /**
   * Runs `add` with the annotations it adds going to layer `db` (a copy into a layer), without
   * changing the layer new annotations go to. The store tells the engine of an add before `add`
   * returns, so what `add` adds is placed before the call ends. Does nothing unless `db` is live.
   */
  addToLayer<T>(db: string, add: () => T): T | undefined;
  /** Moves an annotation to another layer (its own annotations only). */
  moveToLayer(id: string, db: string): Promise<void>;
  /** Keeps `rev`'s version of a conflicted annotation and deletes the others everywhere. */
  resolveConflict(id: string, rev: string): Promise<void>;
  /** Keeps `rev`'s version of a source's record override edited on two devices, everywhere. */
  resolveRecordConflict(sourceId: string, rev: string): Promise<void>;
  /** Stops syncing and ends the session; keeps every annotation and the local replica. */
  signOut(): Promise<void>;
  /** Clears the one-off message. */
  dismissMessage(): void;
  /** Stops everything (page unload, tests). */
  dispose(): Promise<void>;
}

/** A live layer: the local database, its replication and its feed. */
interface LiveLayer {
  readonly layer: Layer;
  readonly local: PouchDatabase;
  readonly remote: PouchDatabase;
  sync: PouchSync | null;
  /** The one-way pull that catches the layer up before its two-way sync starts (`pullFirst`). */
  firstPull: PouchEmitter | null;
  feed: PouchEmitter | null;
  /** The layer's own state: `null` when fine. */
  problem: ServerProblem | null;
  active: boolean;
  /**
   * Each direction's last word: paused after an error (a failed request; PouchDB
   * retries after a back-off) or not. The two-way sync's own `paused` event
   * drops the error, so a failed push would pass for "caught up": the engine
   * listens to each direction instead.
   */
  failing: { push: boolean; pull: boolean };
  /**
   * Each direction between its `active` and its `paused`. The pull starts
   * running (until its first pause it is catching up). Needed because the
   * two-way sync's `paused` also comes when the push pauses while the pull
   * is still busy with a first replication (PouchDB 9): that is not caught up.
   */
  running: { push: boolean; pull: boolean };
  /** True once its replication first caught up (until then the layer is "syncing"). */
  caughtUp: boolean;
  pendingPull: number;
  /** The last sequence of the local database the layer's feed has brought. */
  feedSeq: number;
  /**
   * The local database's sequence when its first pull caught up, until a
   * batch has taken everything the feed brought up to it (`firstReplicationIn`).
   */
  pulledTo: number | null;
  /**
   * What a snapshot first pull handed to the page itself, per document id
   * (`handedState`), while a feed from before its end may still bring the
   * same: such a change is skipped, so no state is taken twice. `null` when
   * the feed starts where the snapshot ended (nothing to skip).
   */
  handed: Map<string, string> | null;
}

/**
 * The local database name for a server database, per API root and user, so
 * two accounts never mix. Percent-encoded: PouchDB takes any name holding
 * `://` for a remote database's URL.
 */
function localName(api: string, user: string, db: string): string {
  return `diptych:${encodeURIComponent(api)}:${encodeURIComponent(user)}:${db}`;
}

function layerOfDb(db: string, user: string): Layer {
  const group = groupOfDatabase(db);
  return group === null
    ? { db: privateDatabaseName(user), label: 'Private', kind: 'private' }
    : { db, label: group, kind: 'group' };
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The annotation's stored form without volatile parts, for "has it changed?". */
function same(a: Annotation | undefined, b: Annotation | undefined): boolean {
  // The same object (a set announced again after it was saved): no JSON of 10,000 needed.
  if (a !== undefined && a === b) return true;
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** JSON with object keys sorted, so two documents with the same content compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/** Record override documents of one incoming batch: what to put into the reader's overrides. */
interface RecordsIn {
  /** Source → the fields that arrived. */
  readonly puts: Map<string, RecordOverride>;
  /** Sources whose document was deleted (reverted to the built-in record). */
  readonly removals: Set<string>;
  /** Sources the reader had reverted here whose older edit from elsewhere was kept. */
  readonly kept: string[];
}

/** Whether two sets of overrides say the same. */
function sameOverrides(a: RecordOverrides, b: RecordOverrides): boolean {
  const ka = overrideKeys(a);
  const kb = overrideKeys(b);
  return ka.size === kb.size && [...ka].every(([source, key]) => kb.get(source) === key);
}

/** A document to write, and how to tell that the stored version already says the same. */
interface PendingDoc {
  readonly doc: { readonly _id: string };
  readonly unchanged: (stored: PouchDoc) => boolean;
}

/** The pause before a batch of incoming documents goes into the store (documents arrive in bursts). */
const FLUSH_DELAY_MS = 30;
/**
 * After a batch, the next one starts no sooner than this many times the
 * main-thread time the last one took: putting a batch into the store
 * saves and re-renders the whole set, so during an initial replication of
 * thousands of documents the batches grow instead of the page freezing,
 * and replication keeps at most about a third of the main thread.
 */
const FLUSH_SPACING = 2;
/**
 * The most documents one batch puts into the store once every layer has
 * caught up (a few changes at a time, each shown at once). During a layer's
 * first replication a batch takes everything waiting: each batch re-renders
 * and repaints the reader's whole set (the anchoring of new annotations is
 * spread over short tasks by the reader), so 10,000 documents in 500s made
 * twenty repaints of up to 10,000 highlights, and the pacing below let
 * the store fall ever further behind the replica (bench/sync-replication.ts).
 */
const FLUSH_MAX_DOCS = 500;
/**
 * While a layer's first pull runs, batches go into the store no more often
 * than this: each one re-renders the reader's whole set, anchors the new
 * annotations and repaints every highlight (a full-page paint of 40 ms and
 * more with 10,000), so 10,000 documents handed over every few hundred ms
 * cost the page, and the sync worker beside it on the same cores, more
 * than the documents themselves (about a hundred full repaints,
 * bench/trace-sync-replication.ts). The pull's end hands over what waits
 * at once (`hurryFlush`).
 */
const FIRST_PULL_FLUSH_MS = 4000;
/**
 * How long a layer's first replication waits, at most, for its feed to bring
 * what its first pull wrote (`pulledTo`); the feed follows the pull within a
 * second or two.
 */
const FEED_FOLLOW_LIMIT_MS = 30_000;
/** A batch yields to the page after this much work on its documents (the reader stays responsive). */
const FLUSH_SLICE_MS = 20;

/**
 * Received documents are saved to localStorage once none has arrived for
 * this long (and nothing is being replicated or put into the store): the
 * layer's feed hands over a large replication in bursts, with short gaps.
 */
const SAVE_QUIET_MS = 1000;

/**
 * Documents per request when pulling (PouchDB's default is 100; one batch is
 * one `_changes`, one local `revsDiff`, one `_bulk_get`, one local write and
 * two checkpoints, one after the other). 2,000 rather than 500: the first
 * pull of 10,000 in a worker alone took 8.0 s instead of 10.3 s, with 40 %
 * less server CPU (a scratch bench of this session; load 6–8). The push
 * uses it too: after a first pull it walks every document pulled, and each
 * of its batches is a `_revs_diff` and two checkpoints (at 200 a batch, a
 * first replication of 10,000 made about 20 and 40 of them).
 */
const PULL_BATCH_SIZE = 2000;

/** Lets the page handle input and paint before going on. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Creates the engine (signed out until `signIn` or `resume`). */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { hub, PouchDB, storage, records } = options;
  const clock = options.now ?? (() => new Date());
  const online = options.online ?? (() => true);
  /** This device, named on every document written here (`device-id.ts`). */
  const device = options.device ?? deviceId(storage);
  const listeners = new Set<() => void>();

  let settings: SyncSettings | null = loadSyncSettings(storage);
  /** Where annotations added inside `addToLayer` go (for that call only), else `null`. */
  let layerForAdds: string | null = null;
  let live: LiveLayer[] = [];
  /**
   * The local databases of groups left on this device (`leaveGroup`), by server database: not
   * replicated, still written to (`replicaOf`), so what the reader changes while left is there to
   * send if they join again. Opened when first needed (after a reload, at the first write).
   */
  const leftReplicas = new Map<string, PouchDatabase>();
  let connecting = false;
  let signInProblem: ServerProblem | null = null;
  let offlineSince: string | null = null;
  let pendingOut = 0;
  /** The reader's changes written to a layer and not yet seen sent (`unsent-changes.ts`), and their ids. */
  let unsent: Unsent = {};
  let unsentSet: ReadonlySet<string> = new Set();
  let suggested: string[] = [];
  let conflicts: Record<string, readonly ConflictVersion[]> = {};
  let rejected: RejectedDoc[] = [];
  let message: string | null = null;
  /** What each annotation was when last written to or read from a layer: what the reader changed is what differs. */
  let lastSeen = new Map<string, Annotation>();
  /** Ids with a write queued: their documents in the feed are older than the reader's change. */
  const unwritten = new Map<string, number>();
  let stopWatch: (() => void) | null = null;
  /** The record overrides as last written to or read from the private layer (source → `overrideKey`). */
  let lastSeenRecords = new Map<string, string>();
  let recordConflicts: Record<string, readonly RecordConflictVersion[]> = {};
  /** Sources the reader reverted in this session, and when: an older edit from elsewhere that survives it is said so. */
  const revertedAt = new Map<string, string>();
  let stopRecordWatch: (() => void) | null = null;
  let snapshot = makeSnapshot();
  /** Incoming documents waiting for the next batch, per layer. */
  const inbox = new Map<string, { layer: Layer; doc: PouchDoc }>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** True while a batch is being put into the store (one at a time; it schedules the next). */
  let flushing = false;
  /** Settles when the batch under way (if any) has ended: a group's removal waits for it. */
  let flushRun: Promise<void> = Promise.resolve();
  /** When the last batch ended, and the main-thread time it took (ms, `performance.now()`). */
  let lastFlush = { end: 0, busy: 0 };
  /** Serializes writes to the local databases (one change at a time, in order). */
  let writing: Promise<void> = Promise.resolve();
  /**
   * Documents put into the store unsaved (and the settings naming their
   * layers and authors): saved once replication goes quiet (`saveWhenQuiet`),
   * not batch by batch — see `hub-persistence.ts` for why, and why nothing is
   * lost meanwhile.
   */
  let saveDue = false;
  let saveQueued = false;
  /** When the last document arrived from a layer's feed (`performance.now()`). */
  let lastArrival = 0;
  const whenIdle = options.whenIdle ?? ((task: () => void) => void setTimeout(task, 0));

  function persistSettings(): void {
    if (settings) saveSyncSettings(storage, settings);
  }

  /** Replaces what is unsent (kept across reloads, for the signed-in user); the caller announces it. */
  function setUnsent(next: Unsent): void {
    // The same, or still nothing (every layer pausing clears it): no write.
    if (next === unsent || (Object.keys(next).length === 0 && Object.keys(unsent).length === 0))
      return;
    unsent = next;
    showUnsent();
    if (settings) saveUnsent(storage, settings.api, settings.user, next);
  }

  /**
   * The ids the sidebar and the Sync button count as waiting: those of live layers. A change to a
   * left group's annotation stays in `unsent` (it is sent if the reader joins again, and counted
   * again then) but is not said to be waiting to sync: it would not go up when the connection
   * returns, and its card already says "left on this device, not synced".
   */
  function showUnsent(): void {
    unsentSet = unsentIds(unsentOutside(unsent, leftDbs()));
  }

  /** The layer databases in `unsent` that are not live: groups left on this device. */
  function leftDbs(): string[] {
    return Object.keys(unsent).filter((db) => !liveLayer(db));
  }

  /**
   * Saves what was received and not saved yet: the settings first, then the
   * store's set. In that order because an annotation stored without its
   * layer and author in the settings would be taken for one the reader made
   * while signed out, and written to their default layer.
   */
  function saveReceived(): void {
    // `hub.unsaved()` as well: a save over several tasks (`saveReceivedInSlices`) may be under
    // way, and the page being hidden or the reader signing out must not wait for it.
    if (!saveDue && !hub.unsaved()) return;
    saveDue = false;
    persistSettings();
    hub.saveReceived();
  }

  /** True while `saveReceivedInSlices` runs. */
  let savingInSlices = false;

  /**
   * `saveReceived` when replication has gone quiet, over short tasks: the
   * settings in one, the set's serializing and hashing sliced, its
   * `setItem` alone, the store's re-render after it (`hub.saveReceivedInSlices`).
   * In one go it was the longest task of a first replication of 10,000
   * (150-200 ms, bench/trace-sync-replication.ts). If the store changes
   * meanwhile (a batch arriving, the reader's change) it gives way, and
   * what still waits is saved at the next quiet moment; the page being
   * hidden saves everything at once as ever (`saveReceived`).
   */
  async function saveReceivedInSlices(): Promise<void> {
    if (!saveDue || savingInSlices) return;
    savingInSlices = true;
    saveDue = false;
    try {
      persistSettings();
      await pauseForPage();
      await hub.saveReceivedInSlices(pauseForPage);
    } catch (error) {
      // Not expected (a failed write is a save state, not an exception); the next quiet moment tries again.
      console.error('Saving what was received failed', error);
      saveDue = true;
    } finally {
      savingInSlices = false;
    }
    if (saveDue || hub.unsaved()) {
      saveDue = true;
      saveWhenQuiet();
    }
  }

  /**
   * Nothing arriving: no batch waiting or running, and every layer either
   * caught up and paused, or stopped by a failure (the server gone
   * mid-replication: what arrived is saved then). A layer's first
   * replication counts as one arrival, however long it takes.
   */
  function quiet(): boolean {
    return (
      inbox.size === 0 &&
      !flushing &&
      flushTimer === null &&
      live.every(
        (l) =>
          (!firstReplicationIn(l) && !l.active && !l.running.pull && !l.running.push) ||
          l.failing.push ||
          l.failing.pull ||
          l.problem !== null,
      )
    );
  }

  /**
   * Saves what was received once replication is quiet, no document has
   * arrived for `SAVE_QUIET_MS`, and the page is idle (each checked again
   * then; if busy again, the next quiet moment — a batch ending, a layer
   * pausing — tries again).
   */
  function saveWhenQuiet(): void {
    if (!saveDue || saveQueued || !quiet()) return;
    saveQueued = true;
    const wait = (): void => {
      const left = lastArrival + SAVE_QUIET_MS - performance.now();
      if (left > 0) {
        setTimeout(wait, left);
        return;
      }
      whenIdle(() => {
        saveQueued = false;
        if (quiet()) void saveReceivedInSlices();
      });
    };
    wait();
  }

  function status(): SyncStatus {
    if (!settings?.signedIn) {
      if (signInProblem?.kind === 'wrong-password')
        return { kind: 'refused', words: 'Server refused: wrong user name or password.' };
      if (signInProblem?.kind === 'unreachable')
        return {
          kind: 'offline',
          cause: 'server',
          words: `Server unreachable: ${signInProblem.detail}.`,
        };
      return { kind: 'signed-out', words: 'Not signed in: annotations stay in this browser.' };
    }
    if (connecting) return { kind: 'connecting', words: 'Connecting…' };
    const problems = live.map((l) => l.problem).filter((p): p is ServerProblem => p !== null);
    const refused = problems.find((p) => p.kind !== 'unreachable');
    if (refused) {
      const words =
        refused.kind === 'signed-out'
          ? 'Server refused: the session has ended — sign in again.'
          : refused.kind === 'not-a-member'
            ? `Server refused: not a member of ${groupOfDatabase(refused.database) ?? refused.database}.`
            : refused.kind === 'no-such-group'
              ? `Server refused: there is no group ${groupOfDatabase(refused.database) ?? refused.database}.`
              : 'Server refused: wrong user name or password.';
      return { kind: 'refused', words };
    }
    const down = problems.find((p) => p.kind === 'unreachable');
    if (down || !online()) {
      const since = offlineSince ? ` since ${time(offlineSince)}` : '';
      return !online()
        ? {
            kind: 'offline',
            cause: 'network',
            words: `Offline${since}: changes are kept and go up when the connection returns.`,
          }
        : {
            kind: 'offline',
            cause: 'server',
            words: `Server unreachable${since} (${down && down.kind === 'unreachable' ? down.detail : 'no answer'}): changes are kept and go up when it answers.`,
          };
    }
    const pending = pendingOut + live.reduce((n, l) => n + l.pendingPull, 0);
    if (
      pending > 0 ||
      live.some((l) => l.active || l.running.pull || l.running.push || !l.caughtUp)
    )
      return {
        kind: 'syncing',
        words: pending > 0 ? `Syncing ${counted(pending, 'change')}…` : 'Syncing…',
      };
    return { kind: 'synced', words: 'Synced.' };
  }

  function makeSnapshot(): SyncSnapshot {
    return {
      server: settings?.server ?? options.defaultServer,
      user: settings?.user ?? null,
      signedIn: settings?.signedIn ?? false,
      status: status(),
      lastSync: settings?.lastSync ?? null,
      layers: live.map((l) => l.layer),
      suggestedGroups: suggested.filter((g) => !settings?.groups.includes(g)),
      defaultLayer: settings?.signedIn ? settings.defaultLayer : null,
      layerOf: settings?.layerOf ?? {},
      authorOf: settings?.authorOf ?? {},
      unsent: settings?.signedIn ? unsentSet : new Set(),
      conflicts,
      recordConflicts,
      rejected,
      message,
    };
  }

  function changed(): void {
    snapshot = makeSnapshot();
    for (const l of [...listeners]) l();
    // Every change of state may be the moment replication went quiet (caught up, or failed).
    saveWhenQuiet();
  }

  function reject(id: string, layer: string, reason: string): void {
    rejected = [...rejected, { id, layer, reason, at: clock().toISOString() }].slice(-MAX_REJECTED);
  }

  // ---- Outgoing: the reader's changes to the layer databases ----------------

  function liveLayer(db: string): LiveLayer | undefined {
    return live.find((l) => l.layer.db === db);
  }

  /**
   * The local database the reader's changes to layer `db` are written to: the live layer's, or,
   * for a group left on this device, its kept replica (opened if need be). `undefined` when
   * signed out or `db` is neither.
   */
  function replicaOf(db: string): PouchDatabase | undefined {
    const s = settings;
    const entry = liveLayer(db);
    if (entry) return entry.local;
    const group = groupOfDatabase(db);
    if (!s?.signedIn || group === null || s.groups.includes(group)) return undefined;
    let local = leftReplicas.get(db);
    if (!local) leftReplicas.set(db, (local = new PouchDB(localName(s.api, s.user, db))));
    return local;
  }

  /** Closes the kept replica of a left group (joining it again opens it as a live layer). */
  async function closeLeftReplica(db: string): Promise<void> {
    const local = leftReplicas.get(db);
    if (!local) return;
    leftReplicas.delete(db);
    await writing; // Its queued writes land first.
    await local.close().catch(() => undefined);
  }

  /**
   * Takes a group the reader has left (`leaveGroup` has stopped its replication) off this
   * browser: its annotations out of the store, what the engine knew of them, and its local
   * replica deleted. Waits first for the batch being put into the store (it may hold the
   * group's documents) and for the queued writes (they may write to the replica).
   */
  async function removeGroupHere(s: SyncSettings, db: string): Promise<LeaveResult> {
    await flushRun;
    await writing;
    for (const key of [...inbox.keys()]) if (key.startsWith(`${db}\n`)) inbox.delete(key);
    const ids = new Set(Object.keys(s.layerOf).filter((id) => s.layerOf[id] === db));
    let removed = 0;
    hub.receive(
      (set) => {
        const annotations = set.annotations.filter((a) => !ids.has(a.id));
        removed = set.annotations.length - annotations.length;
        // No tombstone, and none kept: the server still has them, and joining again brings them
        // back as new (a tombstone would read as "deleted here" and hold them back).
        const deleted = Object.fromEntries(
          Object.entries(set.deleted).filter(([id]) => !ids.has(id)),
        );
        return removed === 0 && Object.keys(deleted).length === Object.keys(set.deleted).length
          ? set
          : { annotations, deleted, revision: set.revision };
      },
      { save: 'now' },
    );
    for (const id of ids) {
      delete s.layerOf[id];
      delete s.authorOf[id];
      lastSeen.delete(id);
    }
    persistSettings();
    conflicts = Object.fromEntries(Object.entries(conflicts).filter(([id]) => !ids.has(id)));
    // Its changes not yet sent are gone with the replica (the panel said so before).
    setUnsent(unsentOutside(unsent, [db]));
    let problem: string | null = null;
    const kept = leftReplicas.get(db);
    leftReplicas.delete(db);
    try {
      // A group left on an earlier visit has no handle open: one is opened to delete it.
      await (kept ?? new PouchDB(localName(s.api, s.user, db))).destroy();
    } catch (error) {
      console.error('Deleting a group’s local replica failed', error);
      const why = error instanceof Error && error.message ? ` (${error.message})` : '';
      const group = groupOfDatabase(db) ?? db;
      problem = `${group}’s annotations are gone from this page, but this browser could not delete its stored copy of them${why}. To try again, join ${group} again and leave it with removal; clearing this site’s data in the browser’s settings deletes it too, with everything else Diptych keeps in this browser.`;
    }
    changed();
    return { removed, problem };
  }

  /** Queues a write so local database writes happen one at a time and in order. */
  function queue(job: () => Promise<void>): Promise<void> {
    writing = writing.then(job).catch((error: unknown) => {
      console.error('A sync write failed', error);
    });
    return writing;
  }

  /**
   * Writes documents and deletions to one layer database in one `bulkDocs`,
   * each on top of its current revision; a document whose stored version
   * already says the same (`unchanged`) is not written again (no new
   * revision). A revision that moved meanwhile (409) is retried once.
   */
  async function writeDocs(
    db: PouchDatabase,
    layerDb: string,
    puts: readonly PendingDoc[],
    deletes: readonly string[],
  ): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const ids = [...puts.map((p) => p.doc._id), ...deletes];
      if (ids.length === 0) return;
      const found = await db.allDocs({ keys: ids, include_docs: true });
      const current = new Map<string, PouchDoc | null>();
      for (const row of found.rows)
        if (row.id && row.value && !row.value.deleted) current.set(row.id, row.doc ?? null);
      const docs: object[] = [];
      for (const p of puts) {
        const existing = current.get(p.doc._id);
        if (existing && p.unchanged(existing)) continue;
        docs.push(existing ? { ...p.doc, _rev: existing._rev } : p.doc);
      }
      for (const id of deletes) {
        const existing = current.get(id);
        if (existing) docs.push({ _id: id, _rev: existing._rev, _deleted: true });
      }
      if (docs.length === 0) return;
      const results = await db.bulkDocs(docs);
      const failed = new Set(
        results.filter((r) => 'error' in r && r.status === 409).map((r) => r.id ?? ''),
      );
      let next = unsent;
      for (const r of results) if ('ok' in r) next = noteWritten(next, layerDb, r.id, r.rev);
      setUnsent(next);
      // A left group's database is not replicated: nothing goes up to count as syncing.
      if (liveLayer(layerDb)) pendingOut += docs.length - failed.size;
      changed();
      if (failed.size === 0) return;
      puts = puts.filter((p) => failed.has(p.doc._id));
      deletes = deletes.filter((id) => failed.has(id));
    }
  }

  /** Writes annotations (as their W3C documents by `user`) and deletions to one layer database (`writeDocs`). */
  function writeBatch(
    db: PouchDatabase,
    layerDb: string,
    puts: readonly Annotation[],
    deletes: readonly string[],
    user: string,
  ): Promise<void> {
    return writeDocs(
      db,
      layerDb,
      puts.map((a) => {
        const doc = toAnnotationDoc(a, user, device);
        return {
          doc,
          // The same content written by another device is not written again: two devices would
          // otherwise take turns rewriting it.
          unchanged: (stored) => stableJson(contentOfDoc(stored)) === stableJson(contentOfDoc(doc)),
        };
      }),
      deletes,
    );
  }

  /** Marks document ids as written but not landed yet, until `job` ends; returns the job queued. */
  function queueWrite(ids: readonly string[], job: () => Promise<void>): Promise<void> {
    for (const id of ids) unwritten.set(id, (unwritten.get(id) ?? 0) + 1);
    return queue(() =>
      job().finally(() => {
        for (const id of ids) {
          const n = (unwritten.get(id) ?? 1) - 1;
          if (n > 0) unwritten.set(id, n);
          else unwritten.delete(id);
        }
      }),
    );
  }

  /**
   * Writes the record overrides the reader changed (here or in another tab)
   * since `lastSeenRecords` to the private layer: a saved one as its
   * document, a reverted one as a deletion (a tombstone that replicates).
   */
  function pushRecords(overrides: RecordOverrides): void {
    const s = settings;
    if (!s?.signedIn) return;
    const { puts, deletes } = recordChanges(lastSeenRecords, overrides);
    lastSeenRecords = overrideKeys(overrides);
    if (puts.length === 0 && deletes.length === 0) return;
    const target = liveLayer(privateDatabaseName(s.user));
    if (!target) return;
    const at = clock().toISOString();
    for (const source of deletes) revertedAt.set(source, at);
    for (const [source] of puts) revertedAt.delete(source);
    const docs: PendingDoc[] = puts.map(([source, fields]) => ({
      doc: toRecordOverrideDoc(source, fields, s.user, at, device),
      unchanged: (stored) => {
        const read = readRecordOverrideDoc(stored);
        return (
          read.ok && read.author === s.user && overrideKey(read.fields) === overrideKey(fields)
        );
      },
    }));
    const ids = [...docs.map((d) => d.doc._id), ...deletes.map(recordDocId)];
    void queueWrite(ids, () =>
      writeDocs(target.local, target.layer.db, docs, deletes.map(recordDocId)),
    );
    changed();
  }

  /** Writes what changed between `lastSeen` and `set` (a change made here or in another tab). */
  function pushChanges(set: AnnotationSet): void {
    const s = settings;
    if (!s?.signedIn) return;
    const user = s.user;
    const now = new Map(set.annotations.map((a) => [a.id as string, a]));
    const writes: Annotation[] = [];
    for (const a of set.annotations) if (!same(lastSeen.get(a.id), a)) writes.push(a);
    const deletes = [...lastSeen.keys()].filter((id) => !now.has(id) && id in set.deleted);
    lastSeen = now;
    if (writes.length === 0 && deletes.length === 0) return;
    let refusedOne = false;
    const perLayer = new Map<string, { puts: Annotation[]; deletes: string[] }>();
    const batchOf = (db: string) => {
      let b = perLayer.get(db);
      if (!b) perLayer.set(db, (b = { puts: [], deletes: [] }));
      return b;
    };
    for (const a of writes) {
      const layer = s.layerOf[a.id] ?? layerForAdds ?? s.defaultLayer;
      const author = s.authorOf[a.id];
      if (author !== undefined && author !== user) {
        refusedOne = true;
        continue;
      }
      s.layerOf[a.id] = layer;
      s.authorOf[a.id] = user;
      batchOf(layer).puts.push(a);
    }
    for (const id of deletes) {
      const layer = s.layerOf[id];
      const author = s.authorOf[id];
      if (author !== undefined && author !== user) {
        refusedOne = true;
        continue;
      }
      if (layer) batchOf(layer).deletes.push(id);
    }
    for (const [db, batch] of perLayer) {
      // A left group's annotations too: kept in its replica, sent if the reader joins again.
      const target = replicaOf(db);
      if (!target) continue;
      const ids = [...batch.puts.map((a) => a.id as string), ...batch.deletes];
      void queueWrite(ids, () => writeBatch(target, db, batch.puts, batch.deletes, user));
    }
    if (refusedOne)
      message =
        'Only its author can change or delete a group annotation; your change stays in this browser only. Copy it to your own layer to keep your version.';
    persistSettings();
    changed();
  }

  // ---- Incoming: documents from the layer databases into the store ----------

  /**
   * Whether a layer is still in its first replication for the store: not
   * caught up yet, or caught up but its feed has not yet brought (and a
   * batch taken) everything its first pull wrote. The feed reads the
   * documents back from IndexedDB after the pull has written them, so it
   * ends a little after the pull; until then its documents still go into
   * the store in one batch each and are saved once, when quiet (a batch of
   * at most `FLUSH_MAX_DOCS`, saved at once, is for changes after that).
   */
  function firstReplicationIn(l: LiveLayer): boolean {
    return !l.caughtUp || l.pulledTo !== null;
  }

  /** Whether a layer's first pull is under way (not paused since it started, nor failing). */
  function firstPullRunning(): boolean {
    return live.some((l) => !l.caughtUp && l.running.pull && !l.failing.pull);
  }

  function scheduleFlush(): void {
    if (flushing) return; // The running batch schedules the next when it ends.
    const spaced =
      Math.max(
        lastFlush.end + FLUSH_SPACING * lastFlush.busy,
        firstPullRunning() ? lastFlush.end + FIRST_PULL_FLUSH_MS : 0,
      ) - performance.now();
    flushTimer ??= setTimeout(
      () => {
        flushTimer = null;
        void flush();
      },
      Math.max(FLUSH_DELAY_MS, spaced),
    );
  }

  /** A first pull paused: what waits goes into the store now, not at the first pull's pace. */
  function hurryFlush(): void {
    if (flushTimer === null || firstPullRunning()) return;
    clearTimeout(flushTimer);
    flushTimer = null;
    scheduleFlush();
  }

  async function versionsOf(
    local: PouchDatabase,
    doc: PouchDoc,
    ctx: IncomingContext,
  ): Promise<ConflictVersion[]> {
    return readableVersions(local, doc, (version, rev) => {
      const read = readIncomingDoc(version, ctx);
      return read.ok
        ? {
            rev,
            annotation: read.annotation,
            author: read.author,
            made: whereMade(version, device),
          }
        : undefined;
    });
  }

  /** Puts the inbox into the store, one batch at a time, paced (`FLUSH_SPACING`). */
  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    let done = (): void => undefined;
    flushRun = new Promise((resolve) => (done = resolve));
    const timer = { busy: 0, since: performance.now() };
    try {
      await flushBatch(timer);
    } finally {
      const end = performance.now();
      lastFlush = { end, busy: timer.busy + (end - timer.since) };
      flushing = false;
      if (inbox.size > 0) scheduleFlush();
      else {
        // Everything the feeds brought is in the store: a layer whose feed has passed its first pull has ended it.
        for (const l of live)
          if (l.pulledTo !== null && l.feedSeq >= l.pulledTo) {
            l.pulledTo = null;
            l.handed = null;
          }
        saveWhenQuiet();
      }
      done();
    }
  }

  async function flushBatch(timer: { busy: number; since: number }): Promise<void> {
    const s = settings;
    if (!s?.signedIn || inbox.size === 0) return;
    const batch: { layer: Layer; doc: PouchDoc }[] = [];
    // A layer whose feed has brought all its first pull wrote: this batch takes the last of it.
    const drained = live.filter((l) => l.pulledTo !== null && l.feedSeq >= l.pulledTo);
    const most = live.some(firstReplicationIn) ? Infinity : FLUSH_MAX_DOCS;
    for (const [key, entry] of inbox) {
      if (batch.length === most) break;
      batch.push(entry);
      inbox.delete(key);
    }
    /** Yields to the page when this batch has worked `FLUSH_SLICE_MS` since it last did. */
    const breathe = async (): Promise<void> => {
      const now = performance.now();
      if (now - timer.since < FLUSH_SLICE_MS) return;
      timer.busy += now - timer.since;
      await yieldToPage();
      timer.since = performance.now();
    };
    const ctx: IncomingContext = {
      editions: options.editions(),
      ...(options.waitFor ? { waitFor: options.waitFor } : {}),
    };
    /** What the panel and sidebar show besides the store: notified only when one of these moved. */
    const shown = { rejected, conflicts, recordConflicts, message };
    const puts = new Map<string, Annotation>();
    const removals = new Set<string>();
    const resurrected: string[] = [];
    const recordsIn: RecordsIn = { puts: new Map(), removals: new Set(), kept: [] };
    for (const { layer, doc } of batch) {
      await breathe();
      const id = doc._id;
      if (id.startsWith('_design/') || id.startsWith('_local/')) continue;
      if (id.startsWith(RECORD_DOC_PREFIX)) {
        await takeRecordDoc(s, layer, doc, recordsIn);
        continue;
      }
      const known = s.layerOf[id];
      if (doc._deleted) {
        // A deletion in a layer the annotation has since left (a move) is not a deletion here.
        if (known === undefined || known === layer.db) {
          removals.add(id);
          delete s.layerOf[id];
          delete s.authorOf[id];
          const { [id]: _gone, ...rest } = conflicts;
          conflicts = rest;
        }
        continue;
      }
      const read = readIncomingDoc(doc, ctx);
      if (!read.ok) {
        reject(id, layer.db, read.reason);
        continue;
      }
      if (read.author !== s.user && layer.kind === 'private') {
        reject(id, layer.db, 'it names another user as its creator in your private layer');
        continue;
      }
      s.layerOf[id] = layer.db;
      s.authorOf[id] = read.author;
      const live = liveLayer(layer.db);
      if (doc._conflicts && doc._conflicts.length > 0 && live) {
        const versions = await versionsOf(live.local, doc, ctx);
        const distinct = new Set(versions.map((v) => JSON.stringify(v.annotation)));
        if (distinct.size > 1) conflicts = { ...conflicts, [id]: versions };
        else {
          // Equal content on every branch: nothing to choose; tidy it away.
          void queue(() => removeLosers(live.local, id, doc._conflicts ?? []));
          const { [id]: _same, ...rest } = conflicts;
          conflicts = rest;
        }
      } else if (id in conflicts) {
        const { [id]: _resolved, ...rest } = conflicts;
        conflicts = rest;
      }
      // The reader's change to it is still on its way to the layer: that write comes back through the feed.
      if (unwritten.has(id)) continue;
      // The store as it is now (the reader may have changed it while this batch yielded).
      const deletedAt = hub.current().deleted[id];
      if (
        deletedAt !== undefined &&
        Date.parse(deletedAt) >= Date.parse(read.annotation.modified) &&
        !hub.current().annotations.some((a) => a.id === id)
      ) {
        // Deleted here, edited elsewhere. If the layer still holds the edit as
        // its winner, the edit survived the delete: keep it and say so.
        try {
          const fresh = live ? await live.local.get(id) : null;
          if (!fresh || fresh._deleted || fresh._rev !== doc._rev) continue;
        } catch {
          continue;
        }
        const bumped = new Date(
          Math.max(Date.parse(deletedAt), Date.parse(read.annotation.modified)) + 1,
        );
        puts.set(id, { ...read.annotation, modified: bumped.toISOString() });
        resurrected.push(id);
        continue;
      }
      puts.set(id, read.annotation);
    }
    await breathe();
    // Signed out, or signed in as someone else, while this batch yielded: it is not theirs to keep.
    if (settings !== s || !s.signedIn) return;
    // A layer's first replication (thousands of documents, batch after
    // batch) is saved once, when quiet; after it, each batch is saved as it
    // is put into the store, so what the reader sees is what is stored.
    const firstReplication = live.some(firstReplicationIn);
    for (const l of drained) {
      l.pulledTo = null;
      l.handed = null; // The feed has passed everything the first pull wrote: what it brings now is new.
    }
    // A batch read while a first replication's set waits to be saved (the
    // layer caught up, the quiet save not done yet) joins that save: saving
    // it now as well wrote the 5 MB set twice in a row at the end of a
    // replication of 10,000 (two tasks of 600-800 ms,
    // bench/trace-sync-replication.ts).
    const later = firstReplication || hub.unsaved();
    if (later)
      saveDue = true; // `layerOf`, `authorOf`: saved with the set (`saveReceived`).
    else persistSettings();
    if (resurrected.length > 0)
      message = `${plural(resurrected.length, 'An annotation you deleted was', `${resurrected.length} annotations you deleted were`)} edited elsewhere meanwhile: the edit was kept.`;
    if (records && (recordsIn.puts.size > 0 || recordsIn.removals.size > 0))
      records.receive((current) => {
        const next: Record<string, RecordOverride> = { ...current };
        for (const source of recordsIn.removals) delete next[source];
        for (const [source, fields] of recordsIn.puts) next[source] = fields;
        return sameOverrides(next, current) ? current : next;
      });
    if (recordsIn.kept.length > 0)
      message = `Your ${plural(recordsIn.kept.length, 'record edit')} of ${recordsIn.kept.join(', ')} had been reverted here but ${plural(recordsIn.kept.length, 'was', 'were')} edited elsewhere meanwhile: the edit was kept.`;
    if (puts.size > 0 || removals.size > 0) {
      const at = clock().toISOString();
      hub.receive(
        (set) => {
          const deleted = { ...set.deleted };
          for (const id of removals) {
            const had = set.annotations.find((a) => a.id === id);
            if (had)
              deleted[id] = new Date(
                Math.max(Date.parse(at), Date.parse(had.modified)),
              ).toISOString();
          }
          for (const id of puts.keys()) delete deleted[id];
          const annotations = [
            ...set.annotations.filter((a) => !puts.has(a.id) && !removals.has(a.id)),
            ...puts.values(),
          ];
          return { annotations, deleted, revision: set.revision };
        },
        { save: later ? 'later' : 'now' },
      );
      // `lastSeen` follows: the hub announces the set as the replica's, and `start`'s watcher takes it.
    }
    if (
      firstReplication &&
      shown.rejected === rejected &&
      shown.conflicts === conflicts &&
      shown.recordConflicts === recordConflicts &&
      shown.message === message
    ) {
      // During a first replication, nothing the panel shows has changed: no
      // new snapshot. A snapshot after each batch re-rendered the panel and
      // repainted the page with its highlights, once per batch of the 10,000.
      return;
    }
    changed();
  }

  /**
   * One record override document from a layer: refused outside the private
   * layer or when its schema fails (listed as rejected), its conflicting
   * versions noted, its content or its deletion queued for the store.
   */
  async function takeRecordDoc(
    s: SyncSettings,
    layer: Layer,
    doc: PouchDoc,
    into: RecordsIn,
  ): Promise<void> {
    if (!records) return; // A page without record overrides leaves their documents alone.
    const id = doc._id;
    if (layer.kind !== 'private') {
      if (!doc._deleted)
        reject(id, layer.db, 'a record edit belongs to your private layer, not to a group');
      return;
    }
    const source = sourceOfRecordDocId(id);
    if (source === null) {
      if (!doc._deleted) reject(id, layer.db, 'its id names no Diptych source');
      return;
    }
    if (doc._deleted) {
      if (unwritten.has(id)) return;
      into.removals.add(source);
      into.puts.delete(source);
      dropRecordConflict(source);
      return;
    }
    const read = readRecordOverrideDoc(doc);
    if (!read.ok) {
      reject(id, layer.db, read.reason);
      return;
    }
    if (read.author !== s.user) {
      reject(id, layer.db, 'it names another user as its creator in your private layer');
      return;
    }
    const live = liveLayer(layer.db);
    if (doc._conflicts && doc._conflicts.length > 0 && live) {
      const versions = await recordVersionsOf(live.local, doc, device);
      if (new Set(versions.map((v) => overrideKey(v.fields))).size > 1)
        recordConflicts = { ...recordConflicts, [source]: versions };
      else {
        // The same fields on every branch: nothing to choose; tidy it away.
        void queue(() => removeLosers(live.local, id, doc._conflicts ?? []));
        dropRecordConflict(source);
      }
    } else dropRecordConflict(source);
    // The reader's own change is still on its way to the layer: it comes back through the feed.
    if (unwritten.has(id)) return;
    const reverted = revertedAt.get(source);
    if (reverted !== undefined && records.current()[source] === undefined) {
      revertedAt.delete(source);
      // CouchDB keeps an edit over a deletion; an edit older than the revert survived it.
      if (Date.parse(read.modified) <= Date.parse(reverted)) into.kept.push(source);
    }
    into.removals.delete(source);
    into.puts.set(source, read.fields);
  }

  function dropRecordConflict(source: string): void {
    if (!(source in recordConflicts)) return;
    const { [source]: _gone, ...rest } = recordConflicts;
    recordConflicts = rest;
  }

  async function removeLosers(
    local: PouchDatabase,
    id: string,
    revs: readonly string[],
  ): Promise<void> {
    if (revs.length === 0) return;
    await local.bulkDocs(revs.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
    pendingOut += revs.length;
  }

  // ---- Layers: start, watch, stop -------------------------------------------

  function startLayer(layer: Layer, api: string, user: string): LiveLayer {
    const local = new PouchDB(localName(api, user, layer.db));
    const remote = new PouchDB(new URL(`${layer.db}`, api).href, {
      skip_setup: true,
      fetch: replicationFetch,
    });
    const entry: LiveLayer = {
      layer,
      local,
      remote,
      sync: null,
      firstPull: null,
      feed: null,
      problem: null,
      active: false,
      failing: { push: false, pull: false },
      running: { push: false, pull: true },
      caughtUp: false,
      pendingPull: 0,
      feedSeq: 0,
      pulledTo: null,
      handed: null,
    };
    void openLayer(entry, api);
    return entry;
  }

  /**
   * A replica that holds anything: its feed starts at once, from its start
   * (what it holds reaches the store on every visit, also offline). An
   * empty one's feed starts after its snapshot first pull (`pullFirst`),
   * which hands its documents to the page itself.
   */
  async function openLayer(entry: LiveLayer, api: string): Promise<void> {
    if ((await updateSeq(entry.local)) !== 0) startFeed(entry, 0);
    try {
      await checkThenSync(entry, api);
    } finally {
      startFeed(entry, 0); // Whatever happened, the layer's changes reach the store (a no-op once started).
    }
  }

  /** A document from the layer (its feed, or its snapshot first pull) for the next batch. */
  function arrived(entry: LiveLayer, doc: PouchDoc): void {
    lastArrival = performance.now();
    inbox.set(`${entry.layer.db}\n${doc._id}`, { layer: entry.layer, doc });
    scheduleFlush();
  }

  /** Starts the layer's changes feed from `since` (once: a no-op when it runs, or the layer stopped). */
  function startFeed(entry: LiveLayer, since: number): void {
    if (entry.feed !== null || !live.includes(entry)) return;
    entry.feedSeq = since;
    entry.feed = entry.local
      .changes({ since, live: true, include_docs: true, conflicts: true })
      .on('change', (change: { seq?: unknown; doc?: PouchDoc }) => {
        if (typeof change.seq === 'number' && change.seq > entry.feedSeq)
          entry.feedSeq = change.seq;
        const doc = change.doc;
        if (!doc) return;
        // The snapshot handed this very state over already: not twice.
        if (entry.handed?.get(doc._id) === handedState(doc)) return;
        arrived(entry, doc);
      })
      .on('error', (error: unknown) => {
        entry.pulledTo = null; // Nothing more comes from it: its first replication is not awaited.
        console.error('A layer feed stopped', error);
      });
  }

  /**
   * Pulls the layer up to the server's present, one way, before its two-way
   * sync starts; resolves when that pull has ended (caught up: true; failed
   * or stopped: false), with the sequence the push may start after when the
   * replica was empty and nothing but the pull wrote to it (`pushAfter`,
   * first-pull-push.ts). Why: in a two-way sync the push walks every document
   * the pull writes, while the pull writes it — a first replication of
   * 10,000 asked the server 20-odd `_revs_diff` and 40 checkpoint requests
   * for documents it had just sent, and read each one from IndexedDB again,
   * on the cores the pull and the page needed. After this pull the push
   * walks them once, in batches as large as the pull's. Nothing waits
   * longer than this pull: the reader's changes are in the layer's database
   * and the sync sends them when it starts; a failed pull (offline, server
   * gone) starts the sync at once, which retries as before.
   */
  async function pullFirst(entry: LiveLayer): Promise<{ caughtUp: boolean; pushAfter?: number }> {
    // The replica's sequence before and after the pull: whether the push may skip what it wrote (first-pull-push.ts).
    const before = await updateSeq(entry.local);
    if (!live.includes(entry) || entry.sync !== null) return { caughtUp: false };
    // An empty replica first takes the server's documents as a snapshot (snapshot-pull.ts); the pull goes on from there.
    // Before the feed starts, the snapshot hands the page its documents itself (`snapshotFirst`).
    const handing = before === 0 && entry.feed === null;
    const snapshot = before === 0 ? await snapshotFirst(entry) : null;
    if (!live.includes(entry) || entry.sync !== null) return { caughtUp: false };
    // The feed of a layer whose snapshot handed its documents over: from where the snapshot
    // ended when nothing else wrote to the replica meanwhile (every sequence number up to
    // there is one of its writes), else from the start, skipping what was handed (`handed`).
    const feedStart = feedStartAfterSnapshot(snapshot);
    if (entry.feed === null && feedStart > 0) {
      entry.handed = null;
      startFeed(entry, feedStart);
    } else startFeed(entry, 0);
    const pulled = await new Promise<{ caughtUp: boolean; written: number }>((resolve) => {
      const pull = entry.local.replicate.from(entry.remote, {
        batch_size: PULL_BATCH_SIZE,
        retry: false,
        ...(snapshot ? { since: snapshot.since } : {}),
      });
      let ended = false;
      const end = (caughtUp: boolean, written = 0): void => {
        if (ended) return;
        ended = true;
        if (entry.firstPull === stopper) entry.firstPull = null;
        resolve({ caughtUp, written });
      };
      const stopper: PouchEmitter = {
        on() {
          return this;
        },
        cancel() {
          pull.cancel();
          end(false);
        },
      };
      entry.firstPull = stopper;
      pull
        .on('change', (info: { pending?: number }) => {
          entry.pendingPull = info.pending ?? 0;
          changed();
        })
        .on('complete', (info?: { status?: string; docs_written?: number }) =>
          end(info?.status === undefined || info.status === 'complete', info?.docs_written ?? 0),
        )
        .on('error', () => end(false));
    });
    if (!pulled.caughtUp) return { caughtUp: false };
    const after = await updateSeq(entry.local);
    // What the feed must still bring before the layer's first replication is over for the store.
    // A snapshot that handed its documents over: they may still wait in the inbox (the feed starts
    // after them), and they too go into the store as the first replication's, in one batch, saved once.
    const waiting =
      flushing || [...inbox.values()].some((arrival) => arrival.layer.db === entry.layer.db);
    if (typeof after !== 'number' || (after <= entry.feedSeq && !(handing && waiting)))
      entry.handed = null;
    else {
      entry.pulledTo = after;
      // Should the feed never get there, the first replication is not awaited for ever (its save waits on it).
      setTimeout(() => {
        if (entry.pulledTo !== after || !live.includes(entry)) return;
        entry.pulledTo = null;
        saveWhenQuiet();
      }, FEED_FOLLOW_LIMIT_MS);
    }
    const pushAfter = pushStartAfterFirstPull(
      before,
      after,
      pulled.written + (snapshot?.written ?? 0),
    );
    return pushAfter === undefined ? { caughtUp: true } : { caughtUp: true, pushAfter };
  }

  /**
   * The snapshot first pull of a layer whose replica is empty, or `null`
   * (not empty, or it failed: PouchDB's replication then pulls everything,
   * finding whatever the snapshot wrote).
   */
  async function snapshotFirst(entry: LiveLayer): Promise<SnapshotResult | null> {
    // Before the layer's feed starts, the snapshot hands the page its documents itself.
    const handed = entry.feed === null ? new Map<string, string>() : null;
    entry.handed = handed;
    const onDocs = handed
      ? (docs: readonly PouchDoc[]): void => {
          if (!live.includes(entry)) return;
          for (const doc of docs) {
            handed.set(doc._id, handedState(doc));
            arrived(entry, doc);
          }
        }
      : undefined;
    try {
      return await takeSnapshot(entry.local, entry.remote, onDocs);
    } catch (error) {
      console.warn('The first pull as a snapshot failed; replicating instead', error);
      return null;
    }
  }

  async function checkThenSync(entry: LiveLayer, api: string): Promise<void> {
    entry.problem = await probeDatabase(api, entry.layer.db);
    noteReachability(entry.problem);
    changed();
    if (entry.problem && entry.problem.kind !== 'unreachable') return; // Retrying cannot help: the panel says why.
    if (!live.includes(entry)) return;
    let pushAfter: number | undefined;
    if (!entry.caughtUp && entry.problem === null) {
      const pulled = await pullFirst(entry);
      if (!live.includes(entry) || entry.sync !== null) return; // Stopped meanwhile.
      pushAfter = pulled.pushAfter;
      if (pulled.caughtUp) {
        // The pull has paused: what it brought goes into the store now (the sync's own pull finds nothing new).
        entry.running.pull = false;
        hurryFlush();
      }
    }
    startFeed(entry, 0); // A no-op unless no first pull ran (the server unreachable): the feed brings what the sync writes.
    const sync = entry.local.sync(entry.remote, {
      live: true,
      retry: true,
      heartbeat: 25_000,
      // A first push of a large layer (the walk over what `pullFirst` wrote) in few round trips; later batches hold a few changes.
      batch_size: PULL_BATCH_SIZE,
      back_off_function: replicationBackOff,
      // After a first pull into an empty replica, the push starts where that pull ended (first-pull-push.ts).
      ...(pushAfter === undefined ? {} : { push: { since: pushAfter } }),
    });
    entry.sync = sync;
    entry.failing = { push: false, pull: false };
    entry.running = { push: false, pull: true };
    for (const direction of ['push', 'pull'] as const) {
      sync[direction]
        .on('active', () => {
          if (entry.sync !== sync) return;
          entry.failing[direction] = false;
          entry.running[direction] = true;
          entry.active = true;
          changed();
        })
        .on('paused', (error?: unknown) => {
          if (entry.sync !== sync) return;
          entry.failing[direction] = error !== undefined && error !== null;
          entry.running[direction] = false;
          if (entry.failing[direction]) void reprobe(entry, api);
          if (direction === 'pull') hurryFlush();
        });
    }
    sync
      .on(
        'change',
        (info: {
          direction: 'push' | 'pull';
          change: {
            docs_written: number;
            pending?: number;
            written?: readonly { id: string; rev: string }[];
          };
        }) => {
          if (info.direction === 'push') {
            pendingOut = Math.max(0, pendingOut - info.change.docs_written);
            if (info.change.written)
              setUnsent(noteSent(unsent, entry.layer.db, info.change.written));
          } else entry.pendingPull = info.change.pending ?? 0;
          changed();
        },
      )
      // Both directions paused: caught up, unless one of them paused on an error.
      .on('paused', () => {
        if (entry.sync !== sync) return;
        // The directions' own listeners run after this one (PouchDB's sync listens first): settle next tick.
        queueMicrotask(() => {
          if (entry.sync !== sync) return;
          entry.active = false;
          if (entry.failing.push || entry.failing.pull) {
            // Interrupted (the server gone mid-replication): what arrived is saved now (`changed`).
            changed();
            return;
          }
          // The push paused while the pull still runs (see `running`): not caught up yet.
          if (entry.running.pull || entry.running.push) {
            changed();
            return;
          }
          entry.problem = null;
          entry.pendingPull = 0;
          entry.caughtUp = true;
          if (live.every((l) => l.problem === null && !l.active && l.caughtUp)) {
            pendingOut = 0;
            // Every layer's push has caught up: nothing of the reader's waits (a batch whose
            // documents the server already had sends none, and says none sent), but for
            // changes to groups left here, which go up if the reader joins again.
            const liveDbs = live.map((l) => l.layer.db);
            setUnsent(unsentOutside(unsent, liveDbs));
            offlineSince = null;
            if (settings) {
              settings.lastSync = clock().toISOString();
              saveDue = true;
            }
          }
          changed();
        });
      })
      .on('denied', (error: { id?: string; reason?: string; message?: string }) => {
        reject(
          error.id ?? '(unknown)',
          entry.layer.db,
          `the server refused it: ${error.reason ?? error.message ?? 'forbidden'}`,
        );
        changed();
      })
      .on('error', () => void reprobe(entry, api));
  }

  /**
   * The server answers again: start the layer's replication now rather than
   * when PouchDB's back-off next retries (up to 30 s after a long outage).
   */
  function resumeLayer(entry: LiveLayer, api: string): void {
    if (!live.includes(entry) || !(entry.failing.push || entry.failing.pull)) return;
    entry.sync?.cancel();
    entry.sync = null;
    void checkThenSync(entry, api);
  }

  /** After a replication error: asks the server what is wrong, for the panel's words. */
  async function reprobe(entry: LiveLayer, api: string): Promise<void> {
    entry.problem = (await probeDatabase(api, entry.layer.db)) ?? entry.problem;
    noteReachability(entry.problem);
    changed();
  }

  function noteReachability(problem: ServerProblem | null): void {
    if (problem?.kind === 'unreachable' || !online()) offlineSince ??= clock().toISOString();
  }

  async function stopAll(): Promise<void> {
    const stopping = live;
    live = [];
    for (const l of stopping) {
      l.firstPull?.cancel();
      l.sync?.cancel();
      l.feed?.cancel();
    }
    const left = [...leftReplicas.values()];
    leftReplicas.clear();
    await writing;
    await Promise.all(
      [...stopping.map((l) => l.local), ...left].map((db) => db.close().catch(() => undefined)),
    );
    stopWatch?.();
    stopWatch = null;
    stopRecordWatch?.();
    stopRecordWatch = null;
  }

  /** Starts every layer of the signed-in user and the bridge to the store. */
  function start(): void {
    const s = settings;
    if (!s?.signedIn) return;
    const privateDb = privateDatabaseName(s.user);
    const dbs = [privateDb, ...s.groups.filter(isGroupName).map(groupDatabaseName)];
    if (!dbs.includes(s.defaultLayer)) s.defaultLayer = privateDb;
    // Annotations made before signing in (or signed out) join the default layer.
    lastSeen = new Map();
    for (const a of hub.current().annotations) {
      const author = s.authorOf[a.id];
      const layer = s.layerOf[a.id];
      // Others' annotations are never written; the reader's own are compared with their documents (writeBatch).
      if (layer !== undefined && author !== undefined && author !== s.user) lastSeen.set(a.id, a);
    }
    // What had not gone up when the page was last left (a reload while offline) still says so.
    unsent = loadUnsent(storage, s.api, s.user);
    live = dbs.map((db) => startLayer(layerOfDb(db, s.user), s.api, s.user));
    showUnsent();
    stopWatch = hub.watch((set, origin) => {
      if (origin === 'replica') lastSeen = new Map(set.annotations.map((a) => [a.id as string, a]));
      else pushChanges(set);
    });
    // Push what changed while signed out (or was never synced).
    pushChanges(hub.current());
    if (records) {
      // Every override is compared with its document (unchanged ones are not rewritten).
      lastSeenRecords = new Map();
      stopRecordWatch = records.watch((overrides, origin) => {
        if (origin === 'replica') lastSeenRecords = overrideKeys(overrides);
        else pushRecords(overrides);
      });
      pushRecords(records.current());
    }
    persistSettings();
    changed();
  }

  const onOnline = (): void => {
    for (const l of live)
      if (l.problem?.kind === 'unreachable') void reprobe(l, settings?.api ?? '');
    changed();
  };
  const onOffline = (): void => {
    offlineSince ??= clock().toISOString();
    changed();
  };
  const unwatchOnline = options.watchOnline?.(onOnline, onOffline);
  // The tab may be closed next: what was received is saved now, whatever replication is doing.
  const unwatchHide = options.watchHide?.(saveReceived);

  // Replication events alone do not always tell a dead server from a quiet
  // one (a long poll cut by a stopped server may only be retried later), so
  // while there is something to send, or something was wrong, the engine
  // asks the server itself every few seconds; otherwise once a minute.
  let lastProbe = 0;
  const health = setInterval(() => {
    const s = settings;
    if (!s?.signedIn || live.length === 0) return;
    const now = Date.now();
    const worried =
      pendingOut > 0 ||
      live.some((l) => l.problem !== null || !l.caughtUp || l.failing.push || l.failing.pull);
    if (now - lastProbe < (worried ? 5_000 : 60_000)) return;
    lastProbe = now;
    for (const l of live) void reprobeOrClear(l, s.api);
  }, 2_500);

  /** Asks the server about one layer; clears an "unreachable" once it answers (replication resumes on its own). */
  async function reprobeOrClear(entry: LiveLayer, api: string): Promise<void> {
    const problem = await probeDatabase(api, entry.layer.db);
    if (problem === null && entry.problem?.kind === 'unreachable') {
      entry.problem = null;
      offlineSince = null;
      resumeLayer(entry, api);
    } else if (problem !== null) {
      entry.problem = problem;
      noteReachability(problem);
    }
    changed();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signIn(server, user, password) {
      signInProblem = null;
      connecting = true;
      changed();
      try {
        const api = await resolveApiRoot(server, options.pageOrigin);
        await postSession(api, user, password);
        await stopAll();
        const previous =
          settings && settings.api === api && settings.user === user ? settings : null;
        settings = {
          server,
          api,
          user,
          signedIn: true,
          groups: previous?.groups ?? [],
          defaultLayer: previous?.defaultLayer ?? privateDatabaseName(user),
          layerOf: previous?.layerOf ?? {},
          authorOf: previous?.authorOf ?? {},
          lastSync: previous?.lastSync ?? null,
        };
        suggested = await groupHint(api, user);
        start();
      } catch (error) {
        if (!(error instanceof ServerError)) console.error('Signing in failed', error);
        signInProblem =
          error instanceof ServerError
            ? error.problem
            : {
                kind: 'unreachable',
                detail: `sync could not start (${error instanceof Error ? error.message : String(error)})`,
              };
        if (settings) settings.signedIn = false;
        persistSettings();
      } finally {
        connecting = false;
        changed();
      }
    },
    async resume() {
      const s = settings;
      if (!s?.signedIn || live.length > 0) return;
      start();
      try {
        const name = await sessionUser(s.api);
        if (name !== s.user) for (const l of live) l.problem = { kind: 'signed-out' };
        else suggested = await groupHint(s.api, s.user);
      } catch {
        offlineSince ??= clock().toISOString();
      }
      changed();
    },
    async joinGroup(group) {
      const s = settings;
      const name = group.trim();
      if (!s?.signedIn) return;
      if (!isGroupName(name)) {
        message = `“${name}” is not a group name (lower-case letters, digits, "-" and "_").`;
        changed();
        return;
      }
      if (s.groups.includes(name)) return;
      const problem = await probeDatabase(s.api, groupDatabaseName(name));
      if (problem && problem.kind !== 'unreachable') {
        message =
          problem.kind === 'not-a-member'
            ? `Server refused: you are not a member of ${name}. Its owner can add you.`
            : problem.kind === 'no-such-group'
              ? `There is no group ${name} on this server.`
              : 'Server refused: the session has ended — sign in again.';
        changed();
        return;
      }
      s.groups = [...s.groups, name];
      persistSettings();
      // Left before: its kept replica, with what the reader changed while left, becomes the live
      // layer's database again (one handle to it), and its changes go up like offline ones.
      await closeLeftReplica(groupDatabaseName(name));
      live = [...live, startLayer(layerOfDb(groupDatabaseName(name), s.user), s.api, s.user)];
      showUnsent();
      changed();
    },
    async leaveGroup(group, leaveOptions) {
      const s = settings;
      const remove = leaveOptions?.removeFromThisBrowser === true;
      const nothing: LeaveResult = { removed: 0, problem: null };
      if (!s?.signedIn || !isGroupName(group)) return nothing;
      const db = groupDatabaseName(group);
      // A group left earlier (its replica kept, or its deletion failed) can still be removed.
      if (!s.groups.includes(group)) return remove ? removeGroupHere(s, db) : nothing;
      s.groups = s.groups.filter((g) => g !== group);
      if (s.defaultLayer === db) s.defaultLayer = privateDatabaseName(s.user);
      // The annotations keep their layer and author (`layerOf`, `authorOf`): they are still the
      // group's and whose they were, an edit of one is written to the group's replica (kept, not
      // replicated: `replicaOf`), and a sign-in does not copy them into the private layer.
      persistSettings();
      const entry = liveLayer(db);
      live = live.filter((l) => l !== entry);
      for (const key of [...inbox.keys()]) if (key.startsWith(`${db}\n`)) inbox.delete(key);
      // Its unsent changes stay in `unsent`, to be sent if the reader joins again, but are not
      // counted as waiting to sync while left (`showUnsent`).
      showUnsent();
      if (entry) {
        entry.firstPull?.cancel();
        entry.sync?.cancel();
        entry.feed?.cancel();
        // Its database stays open, replication stopped: the reader's changes go on being written to it.
        leftReplicas.set(db, entry.local);
      }
      // Versions in conflict in that layer cannot be resolved from here (nowhere to write them).
      conflicts = Object.fromEntries(
        Object.entries(conflicts).filter(([id]) => s.layerOf[id] !== db),
      );
      changed();
      return remove ? removeGroupHere(s, db) : nothing;
    },
    setDefaultLayer(db) {
      if (!settings?.signedIn || !liveLayer(db)) return;
      settings.defaultLayer = db;
      persistSettings();
      changed();
    },
    addToLayer(db, add) {
      if (!settings?.signedIn || !liveLayer(db)) return undefined;
      layerForAdds = db;
      try {
        return add();
      } finally {
        layerForAdds = null;
      }
    },
    async moveToLayer(id, db) {
      const s = settings;
      const target = liveLayer(db);
      const from = s?.layerOf[id];
      const annotation = hub.current().annotations.find((a) => a.id === id);
      if (!s?.signedIn || !target || !annotation || from === db) return;
      if ((s.authorOf[id] ?? s.user) !== s.user) {
        message = 'Only its author can move a group annotation; copy it instead.';
        changed();
        return;
      }
      // From a left group too: its deletion there is kept and sent if the reader joins again.
      const source = from ? replicaOf(from) : undefined;
      s.layerOf[id] = db;
      s.authorOf[id] = s.user;
      persistSettings();
      await queue(async () => {
        await writeBatch(target.local, db, [annotation], [], s.user);
        if (source && from) await writeBatch(source, from, [], [id], s.user);
      });
      changed();
    },
    async resolveConflict(id, rev) {
      const s = settings;
      const versions = conflicts[id];
      const layer = s?.layerOf[id];
      const target = layer ? liveLayer(layer) : undefined;
      const chosen = versions?.find((v) => v.rev === rev);
      if (!s || !versions || !target || !chosen) return;
      await queue(async () => {
        const doc = await target.local.get(id, { conflicts: true });
        const losers = doc._conflicts ?? [];
        const kept: Annotation = { ...chosen.annotation, modified: clock().toISOString() };
        const [written] = await target.local.bulkDocs([
          { ...toAnnotationDoc(kept, chosen.author, device), _rev: doc._rev },
          ...losers.map((r) => ({ _id: id, _rev: r, _deleted: true })),
        ]);
        if (written && 'ok' in written)
          setUnsent(noteWritten(unsent, target.layer.db, written.id, written.rev));
        pendingOut += 1 + losers.length;
        const { [id]: _done, ...rest } = conflicts;
        conflicts = rest;
        hub.receive((set) => ({
          ...set,
          annotations: [...set.annotations.filter((a) => a.id !== id), kept],
        }));
      });
      changed();
    },
    async resolveRecordConflict(sourceId, rev) {
      const s = settings;
      const chosen = recordConflicts[sourceId]?.find((v) => v.rev === rev);
      const target = s?.signedIn ? liveLayer(privateDatabaseName(s.user)) : undefined;
      if (!s || !chosen || !target || !records) return;
      await queue(async () => {
        const id = recordDocId(sourceId);
        const doc = await target.local.get(id, { conflicts: true });
        const losers = doc._conflicts ?? [];
        await target.local.bulkDocs([
          {
            ...toRecordOverrideDoc(sourceId, chosen.fields, s.user, clock().toISOString(), device),
            _rev: doc._rev,
          },
          ...losers.map((r) => ({ _id: id, _rev: r, _deleted: true })),
        ]);
        pendingOut += 1 + losers.length;
        dropRecordConflict(sourceId);
        revertedAt.delete(sourceId);
        records.receive((current) => ({ ...current, [sourceId]: chosen.fields }));
      });
      changed();
    },
    async signOut() {
      const s = settings;
      await stopAll();
      if (s) {
        await deleteSession(s.api);
        s.signedIn = false;
        persistSettings();
      }
      conflicts = {};
      recordConflicts = {};
      offlineSince = null;
      pendingOut = 0;
      saveReceived();
      changed();
    },
    dismissMessage() {
      message = null;
      changed();
    },
    async dispose() {
      unwatchOnline?.();
      unwatchHide?.();
      clearInterval(health);
      if (flushTimer) clearTimeout(flushTimer);
      await stopAll();
      saveReceived();
      listeners.clear();
    },
  };
}
