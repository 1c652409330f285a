/**
 * What the browser remembers about sync, in `localStorage` under
 * `diptych:sync:v1`: the server, the user, the groups joined, the layer new
 * annotations go to, and which layer and author each synced annotation has.
 * Never the password (the session is the server's HttpOnly cookie). Checked
 * with zod on load: unreadable settings mean "not signed in", never a crash.
 */
import { z } from 'zod';

/** The localStorage key. */
export const SYNC_SETTINGS_KEY = 'diptych:sync:v1';

const SettingsSchema = z.object({
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
  /** Annotation id → layer database. */
  layerOf: z.record(z.string(), z.string().max(200)),
  /** Annotation id → author (CouchDB user name). */
  authorOf: z.record(z.string(), z.string().max(128)),
  /** When the last sync finished (ISO), if ever. */
  lastSync: z.string().max(40).nullable(),
});

/** What the browser remembers about sync. */
export type SyncSettings = z.infer<typeof SettingsSchema>;

/** The settings, or `null` when there are none or they cannot be read. */
export function loadSyncSettings(storage: Storage | null): SyncSettings | null {
  try {
    const raw = storage?.getItem(SYNC_SETTINGS_KEY);
    if (!raw) return null;
    const parsed = SettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves the settings; false when storage refused (full or blocked). */
export function saveSyncSettings(storage: Storage | null, settings: SyncSettings): boolean {
  try {
    storage?.setItem(SYNC_SETTINGS_KEY, JSON.stringify(settings));
    return storage !== null;
  } catch {
    return false;
  }
}
