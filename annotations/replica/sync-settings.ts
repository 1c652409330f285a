/**
 * What the browser remembers about sync, in `localStorage` under
 * `diptych:sync:v1`: the server, the user, the groups joined, the layer new
 * annotations go to, and which layer and author each synced annotation has.
 * Never the password (the session is the server's HttpOnly cookie). Checked
 * with zod on load: unreadable settings mean "not signed in", never a crash.
 *
 * Stored compactly: each annotation's layer and author as lists of ids per
 * (layer, author) pair (`placed`), not as two maps keyed by id — for 10,000
 * annotations 0.5 M characters instead of 1.3 M, written in one `setItem`
 * each time they change (a 2.5 MB write was a long task of its own).
 * Settings stored as the two maps by an earlier version are still read.
 */
import { z } from 'zod';

/** The localStorage key. */
export const SYNC_SETTINGS_KEY = 'diptych:sync:v1';

const CommonSchema = z.object({
  /** The address the reader typed. */
  server: z.string().max(2048),
  /** The CouchDB API root found from it. */
  api: z.string().max(2048),
  /** The CouchDB user name. */
  user: z.string().min(1).max(128),
  /** True while signed in; Sign out sets it false and keeps the rest. */
  signedIn: z.boolean(),
  /** Group names joined, in the order joined. */
  groups: z.array(z.string().max(64)).max(200),
  /** The database new annotations go to (the layer last used). */
  defaultLayer: z.string().max(200),
  /** When the last sync finished (ISO), if ever. */
  lastSync: z.string().max(40).nullable(),
});

/** The layer and author of each synced annotation, as the engine uses them. */
const MapsSchema = z.object({
  /** Annotation id → layer database. */
  layerOf: z.record(z.string(), z.string().max(200)),
  /** Annotation id → author (CouchDB user name). */
  authorOf: z.record(z.string(), z.string().max(128)),
});

/** The same, as stored: the ids of each (layer, author) pair; `null` where one is not known. */
const PlacedSchema = z.array(
  z.object({
    layer: z.string().max(200).nullable(),
    author: z.string().max(128).nullable(),
    ids: z.array(z.string()),
  }),
);

/** What the browser remembers about sync. */
export type SyncSettings = z.infer<typeof CommonSchema> & z.infer<typeof MapsSchema>;

/** The settings as stored now (`placed`), or as an earlier version stored them (the two maps). */
const StoredSchema = z.union([
  CommonSchema.extend({ placed: PlacedSchema }).strict(),
  CommonSchema.extend(MapsSchema.shape),
]);

/** The maps of `placed`. */
function mapsOf(placed: z.infer<typeof PlacedSchema>): z.infer<typeof MapsSchema> {
  const layerOf: Record<string, string> = {};
  const authorOf: Record<string, string> = {};
  for (const { layer, author, ids } of placed)
    for (const id of ids) {
      if (layer !== null) layerOf[id] = layer;
      if (author !== null) authorOf[id] = author;
    }
  return { layerOf, authorOf };
}

/** `placed` for the two maps: one entry per (layer, author) pair. */
function placedOf(layerOf: Record<string, string>, authorOf: Record<string, string>) {
  type Group = { layer: string | null; author: string | null; ids: string[] };
  const groups: Group[] = [];
  // By layer, then author (`null` for none): a JSON.stringify([layer, author]) key per id
  // was most of a settings save with 10,000 annotations.
  const index = new Map<string | null, Map<string | null, Group>>();
  const add = (id: string): void => {
    const layer = layerOf[id] ?? null;
    const author = authorOf[id] ?? null;
    let byAuthor = index.get(layer);
    if (!byAuthor) index.set(layer, (byAuthor = new Map()));
    let group = byAuthor.get(author);
    if (!group) {
      byAuthor.set(author, (group = { layer, author, ids: [] }));
      groups.push(group);
    }
    group.ids.push(id);
  };
  for (const id of Object.keys(layerOf)) add(id);
  for (const id of Object.keys(authorOf)) if (!(id in layerOf)) add(id);
  return groups;
}

/** The settings, or `null` when there are none or they cannot be read. */
export function loadSyncSettings(storage: Storage | null): SyncSettings | null {
  try {
    const raw = storage?.getItem(SYNC_SETTINGS_KEY);
    if (!raw) return null;
    const parsed = StoredSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    if (!('placed' in parsed.data)) return parsed.data;
    const { placed, ...common } = parsed.data;
    return { ...common, ...mapsOf(placed) };
  } catch {
    return null;
  }
}

/** Saves the settings; false when storage refused (full or blocked). */
export function saveSyncSettings(storage: Storage | null, settings: SyncSettings): boolean {
  try {
    const { layerOf, authorOf, ...common } = settings;
    const placed = placedOf(layerOf, authorOf);
    storage?.setItem(SYNC_SETTINGS_KEY, JSON.stringify({ ...common, placed }));
    return storage !== null;
  } catch {
    return false;
  }
}
