import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import type { Address } from '../../sources/edition.ts';
import { COMMANDS, commandForKey, type CommandContext } from '../../app/commands/commands.ts';
import { initialReaderState, openAddress } from '../../app/state/reader-state.ts';
import { keyInput } from '../helpers/key-input.ts';

const editions = builtinEditions();
const start = initialReaderState(editions);
const key = keyInput;
const context = (top: Address | null = null): CommandContext => ({ editions, topOf: () => top });

describe('commands', () => {
  it('have unique names and keys, and a label each', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    const keys = COMMANDS.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of COMMANDS) expect(c.label.length).toBeGreaterThan(5);
  });

  it('j starts at the paragraph at the top of the focused pane, then steps; the URL is replaced', () => {
    const j = commandForKey(key('j'), start)!;
    expect(j.name).toBe('nextParagraph');
    const first = j.perform(start, context('winstanley-chesters-2015:4' as Address));
    expect(first.state.current).toBe('winstanley-chesters-2015:4');
    expect(first.effect).toEqual({ type: 'replaceHash', address: 'winstanley-chesters-2015:4' });
    const second = j.perform(first.state, context('winstanley-chesters-2015:4' as Address));
    expect(second.state.current).toBe('winstanley-chesters-2015:5');
  });

  it('k steps back from the current location in the focused pane', () => {
    const s = openAddress(start, editions, 'lankov-2007:10');
    const k = commandForKey(key('k'), s)!;
    expect(k.perform(s, context()).state.current).toBe('lankov-2007:9');
  });

  it('j ignores a current location in the other pane', () => {
    const s = { ...openAddress(start, editions, 'lankov-2007:10'), activePane: 0 as const };
    expect(commandForKey(key('j'), s)!.perform(s, context(null)).state.current).toBe(
      'winstanley-chesters-2015:1',
    );
  });

  it('Down and Up on a focused passage step through every passage of its pane, and replace the URL', () => {
    const passage = 'lankov-2007:heading1' as Address;
    const down = key('ArrowDown', { passage });
    const command = commandForKey(down, start)!;
    expect(command.name).toBe('nextPassage');
    const moved = command.perform(start, context(), down);
    expect(moved.state).toMatchObject({ activePane: 1, current: 'lankov-2007:1' });
    expect(moved.effect).toEqual({ type: 'replaceHash', address: 'lankov-2007:1' });
    const up = key('ArrowUp', { passage });
    expect(commandForKey(up, start)!.perform(start, context(), up).state.current).toBe(
      'lankov-2007:byline1',
    );
    // At an end nothing moves.
    const first = key('ArrowUp', { passage: 'lankov-2007:title1' as Address });
    expect(commandForKey(first, start)!.perform(start, context(), first).state).toBe(start);
  });

  it('p makes the other pane active and asks the views to focus its Tab stop', () => {
    const p = commandForKey(key('p'), start)!.perform(start, context());
    expect(p.state.activePane).toBe(1);
    expect(p.effect).toEqual({ type: 'focusPane', pane: 1 });
  });

  it('/ asks the views to focus search; ? opens the shortcuts; Escape closes them', () => {
    expect(commandForKey(key('/'), start)!.perform(start, context()).effect).toEqual({
      type: 'focusSearch',
    });
    const open = commandForKey(key('?', {}), start)!.perform(start, context()).state;
    expect(open.shortcutsOpen).toBe(true);
    expect(commandForKey(key('Escape'), open)!.perform(open, context()).state.shortcutsOpen).toBe(
      false,
    );
  });

  it('Ctrl+Z or ⌘Z asks the views to undo an annotation change; Enter on a passage to open its annotation', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }, { ctrlKey: true, key: 'Z' }]) {
      const z = commandForKey(key('z', mod), start)!;
      expect(z.name).toBe('undoAnnotation');
      expect(z.perform(start, context()).effect).toEqual({ type: 'undoAnnotation' });
    }
    const input = key('Enter', { passage: 'lankov-2007:3' as Address });
    const enter = commandForKey(input, start)!;
    expect(enter.name).toBe('openAnnotation');
    expect(enter.perform(start, context(), input)).toEqual({
      state: start,
      effect: { type: 'openAnnotationAt', address: 'lankov-2007:3' },
    });
  });

  it('s swaps the texts and keeps the focus on the focused passage, now in the other pane', () => {
    const passage = 'lankov-2007:3' as Address;
    const s = commandForKey(key('s', { passage }), start)!;
    expect(s.name).toBe('swapPanes');
    const swapped = s.perform(start, context(), key('s', { passage }));
    expect(swapped.state.panes).toEqual([start.panes[1], start.panes[0]]);
    expect(swapped.effect).toEqual({ type: 'focusPassage', address: passage });
    expect(s.perform(start, context(), key('s')).effect).toBeUndefined();
  });

  describe('when it fails', () => {
    it('Ctrl+Z in a text field, with Shift (redo) or Alt is the field’s, not ours; Enter off a passage is not claimed', () => {
      expect(commandForKey(key('z', { ctrlKey: true, inEditable: true }), start)).toBeUndefined();
      expect(commandForKey(key('z', { ctrlKey: true, shiftKey: true }), start)).toBeUndefined();
      expect(commandForKey(key('z', { ctrlKey: true, altKey: true }), start)).toBeUndefined();
      expect(commandForKey(key('Enter'), start)).toBeUndefined();
      const withCtrl = key('Enter', { ctrlKey: true, passage: 'lankov-2007:3' as Address });
      expect(commandForKey(withCtrl, start)).toBeUndefined();
    });

    it('letters do nothing in a text field, with modifiers, or under the dialog', () => {
      expect(commandForKey(key('j', { inEditable: true }), start)).toBeUndefined();
      expect(commandForKey(key('j', { ctrlKey: true }), start)).toBeUndefined();
      expect(commandForKey(key('/', { inEditable: true }), start)).toBeUndefined();
      expect(commandForKey(key('j'), { ...start, shortcutsOpen: true })).toBeUndefined();
    });

    it('Escape with nothing to close is not claimed (popovers and search handle their own)', () => {
      expect(commandForKey(key('Escape'), start)).toBeUndefined();
    });

    it('the arrows are not claimed off a passage (a control, the pane, a field) or with a modifier', () => {
      expect(commandForKey(key('ArrowDown'), start)).toBeUndefined();
      const passage = 'lankov-2007:3' as Address;
      expect(commandForKey(key('ArrowDown', { passage, shiftKey: true }), start)).toBeUndefined();
      expect(commandForKey(key('ArrowUp', { passage, altKey: true }), start)).toBeUndefined();
    });

    it('an unknown key is not a command', () => {
      expect(commandForKey(key('z'), start)).toBeUndefined();
    });
  });
});
