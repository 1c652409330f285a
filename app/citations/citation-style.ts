/**
 * The reader's chosen citation style, kept across visits in `localStorage`
 * under `diptych:citation-style`.
 *
 * The stored value is untrusted input (another version, another tab, a
 * reader's hand): it is read through `StyleIdSchema`, and anything that is
 * not a style id — or a storage that throws (blocked, private mode) — gives
 * the default style instead of an error. A failed write only loses the
 * preference, never anything of the reader's, so it is reported as `false`
 * and not thrown.
 *
 * The pinpoint form chosen per style (`pinpoint.ts`) is kept the same way
 * under `diptych:citation-pinpoint`, as `{ styleId: mode }`.
 *
 * Not for: annotations, which have their own store with envelopes, backups
 * and tab sync (`annotations/storage/`); one short string needs none of that.
 */
import {
  defaultPinpoint,
  pinpointChoices,
  type PinpointMode,
} from '../../sources/citation/pinpoint.ts';
import { isCustomStyleId } from '../../sources/citation/custom-style.ts';
import { StyleIdSchema } from '../../sources/citation/style-id-schema.ts';
import { DEFAULT_STYLE, type StyleId } from '../../sources/citation/styles.ts';

/** The localStorage key, in the app's `diptych:` namespace. */
export const CITATION_STYLE_KEY = 'diptych:citation-style';

/** The part of `Storage` this module uses. */
export type StyleStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StyleStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The stored style: a built-in id, or the id of a style the reader added
 * (`custom:…`; the dialogs fall back to the default when that style is gone),
 * or `DEFAULT_STYLE` when none (or no valid one) is stored.
 */
export function loadCitationStyle(storage: StyleStorage | undefined = defaultStorage()): string {
  try {
    const stored = storage?.getItem(CITATION_STYLE_KEY);
    if (typeof stored === 'string' && isCustomStyleId(stored)) return stored;
    const parsed = StyleIdSchema.safeParse(stored);
    return parsed.success ? parsed.data : DEFAULT_STYLE;
  } catch {
    return DEFAULT_STYLE;
  }
}

/** Stores the style; `false` if storage refused it (the choice then lasts for this visit only). */
export function saveCitationStyle(
  style: StyleId | string,
  storage: StyleStorage | undefined = defaultStorage(),
): boolean {
  try {
    if (!storage) return false;
    storage.setItem(
      CITATION_STYLE_KEY,
      isCustomStyleId(style) ? style : StyleIdSchema.parse(style),
    );
    return true;
  } catch {
    return false;
  }
}

/** The localStorage key of the per-style pinpoint choices. */
export const PINPOINT_CHOICE_KEY = 'diptych:citation-pinpoint';

function readChoices(storage: StyleStorage | undefined): Record<string, unknown> {
  try {
    const raw = storage?.getItem(PINPOINT_CHOICE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The reader's pinpoint form for a style, or the style's default (an invalid stored value gives the default). */
export function loadPinpointChoice(
  style: string,
  storage: StyleStorage | undefined = defaultStorage(),
): PinpointMode {
  const stored = readChoices(storage)[style];
  return (pinpointChoices(style) as readonly unknown[]).includes(stored)
    ? (stored as PinpointMode)
    : defaultPinpoint(style);
}

/** Stores the pinpoint form for a style; `false` if storage refused it. */
export function savePinpointChoice(
  style: string,
  mode: PinpointMode,
  storage: StyleStorage | undefined = defaultStorage(),
): boolean {
  try {
    if (!storage) return false;
    const choices = readChoices(storage);
    storage.setItem(PINPOINT_CHOICE_KEY, JSON.stringify({ ...choices, [style]: mode }));
    return true;
  } catch {
    return false;
  }
}
