import type { KeyInput } from '../../app/commands/commands.ts';

/** A key press as the commands see it: `key` with no modifier, outside an editable field. */
export function keyInput(key: string, extra: Partial<KeyInput> = {}): KeyInput {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    inEditable: false,
    passage: null,
    ...extra,
  };
}
