/**
 * What the annotations look like in storage: the key names, and the envelope
 * around the annotation set (type, version, source, revision, savedAt), as
 * Excalidraw's `serializeAsJSON` (`packages/excalidraw/data/json.ts`) wraps
 * every document it writes.
 *
 * What it is for: one strict description of what we *write*
 * (`StoredEnvelopeSchema`), and the loose header we read first to learn
 * whether and how to migrate (`EnvelopeHeaderSchema`). What it is not for:
 * the annotation records themselves (the model's `AnnotationSchema` checks
 * each one) or older versions (`migrations.ts`).
 */
import { z } from 'zod';
import { TimestampSchema } from '../model/annotation.ts';

/**
 * The namespace of every key Diptych writes. Its `v1` versions the *key
 * layout*; the data inside carries its own `version`, so a new data version
 * is migrated in place rather than written under a new key.
 */
export const STORAGE_NAMESPACE = 'diptych:v1:';
/** The key holding the whole annotation set, written in one `setItem` per change. */
export const ANNOTATIONS_KEY = `${STORAGE_NAMESPACE}annotations`;
/**
 * The key holding the digest of the exact string this app last wrote under
 * `ANNOTATIONS_KEY`, written after it: a load that finds the two matching
 * skips re-validating the records (`stored-digest.ts` gives the rule).
 */
export const DIGEST_KEY = `${STORAGE_NAMESPACE}annotations-digest`;
/** The prefix of backup keys: stored data we could not read is copied to `diptych:backup:<ISO time>` before anything overwrites it. */
export const BACKUP_PREFIX = 'diptych:backup:';
/** The envelope's `type`: tells our data apart from anything else under the key. */
export const ENVELOPE_TYPE = 'diptych/annotations';
/** The current data version. Bump it when the stored shape changes, and add a migration and a fixture (see `migrations.ts`). */
export const STORAGE_VERSION = 1;
/** The envelope's `source`: the program that wrote it. */
export const ENVELOPE_SOURCE = 'diptych';

/** The first thing read from storage: enough to know whether it is ours and which version it is. */
export const EnvelopeHeaderSchema = z.looseObject({
  /** Must be `ENVELOPE_TYPE`. */
  type: z.literal(ENVELOPE_TYPE),
  /** The data version it was written in. */
  version: z.number().int().positive(),
});

/** The envelope as the current version writes it. Records are checked one by one, so they are `unknown` here. */
export const StoredEnvelopeSchema = z
  .object({
    /** Always `ENVELOPE_TYPE`. */
    type: z.literal(ENVELOPE_TYPE),
    /** Always `STORAGE_VERSION` once migrated. */
    version: z.literal(STORAGE_VERSION),
    /** The program that wrote it (`ENVELOPE_SOURCE`). */
    source: z.string().min(1).max(200),
    /**
     * Incremented by every save, from any tab: a tab that sees a higher
     * revision than its own knows another tab saved since (Excalidraw's
     * `tabSync.ts` stamps versions for the same reason).
     */
    revision: z.number().int().nonnegative(),
    /** When it was saved (UTC); names the backup if it ever has to be moved aside. */
    savedAt: TimestampSchema,
    /** The annotation records, each checked against `AnnotationSchema` on load. */
    annotations: z.array(z.unknown()),
    /**
     * Tombstones: id → when it was deleted. Kept so that a tab that still
     * has a deleted annotation does not bring it back when the two merge; an
     * annotation modified after its tombstone (an undone delete) lives.
     */
    deleted: z.record(z.string(), TimestampSchema),
  })
  .strict();

/** The envelope as written. */
export type StoredEnvelope = z.infer<typeof StoredEnvelopeSchema>;
