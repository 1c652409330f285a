/**
 * The CSL styles a reader added (**Add a style…**), kept in `localStorage`
 * under `diptych:v1:custom-styles` as a list of `CustomStyle`s (their XML
 * included) and offered beside the built-in styles. Every stored entry is
 * validated on load (`CustomStyleSchema`); one that is not is skipped and
 * reported, never used. A style is checked (`parseStyleFile`) before it is
 * added, so a broken file changes nothing.
 */
import { z } from 'zod';
import { CustomStyleSchema, type CustomStyle } from '../../sources/citation/custom-style.ts';

/** The localStorage key. */
export const CUSTOM_STYLES_KEY = 'diptych:v1:custom-styles';

type Storage_ = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): Storage_ | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const listeners = new Set<() => void>();
let memory: CustomStyle[] | undefined;

/** The added styles (an unreadable entry is left out). */
export function loadCustomStyles(store: Storage_ | undefined = storage()): readonly CustomStyle[] {
  if (memory) return memory;
  try {
    const raw = store?.getItem(CUSTOM_STYLES_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    memory = z
      .array(z.unknown())
      .parse(list)
      .flatMap((entry) => {
        const parsed = CustomStyleSchema.safeParse(entry);
        return parsed.success ? [parsed.data as CustomStyle] : [];
      });
  } catch {
    memory = [];
  }
  return memory;
}

function save(next: CustomStyle[], store: Storage_ | undefined): string | null {
  memory = next;
  for (const l of listeners) l();
  try {
    if (!store) return 'Your browser blocks storage: the style is kept for this visit only.';
    store.setItem(CUSTOM_STYLES_KEY, JSON.stringify(next));
    return null;
  } catch {
    return 'Your browser’s storage is full: the style is kept for this visit only.';
  }
}

/**
 * Checks a style file and adds it (replacing one with the same id). Resolves
 * to the style and a storage problem, if any; rejects with a one-sentence
 * reason when the file is not a usable CSL style (nothing is changed).
 */
export async function addCustomStyle(
  text: string,
  fileName: string,
  store: Storage_ | undefined = storage(),
): Promise<{ style: CustomStyle; problem: string | null }> {
  const { parseStyleFile } = await import('../../sources/citation/style-file.ts');
  const style = parseStyleFile(text, fileName);
  const rest = loadCustomStyles(store).filter((s) => s.id !== style.id);
  return { style, problem: save([...rest, style], store) };
}

/** Removes an added style. */
export function removeCustomStyle(id: string, store: Storage_ | undefined = storage()): void {
  save(
    loadCustomStyles(store).filter((s) => s.id !== id),
    store,
  );
}

/** Called when the list changes; returns an unsubscribe. */
export function subscribeCustomStyles(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
