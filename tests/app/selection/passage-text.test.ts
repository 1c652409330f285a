import { describe, expect, it } from 'vitest';
import { passageText } from '../../../app/selection/passage-text.ts';
import { builtinEdition } from '../../../sources/builtin.ts';

const lankov = builtinEdition('lankov-2007')!;
const block = (n: number) => lankov.blocks.find((b) => b.n === n)!;

describe('passageText', () => {
  it('gives the text of a selection inside one paragraph', () => {
    const b = block(12);
    expect(passageText(lankov, b.start + 4, b.start + 20)).toBe(b.text.slice(4, 20));
  });

  it('joins paragraphs with one blank line and nothing else', () => {
    const a = block(15);
    const b = block(16);
    expect(passageText(lankov, a.end - 10, b.start + 17)).toBe(
      `${a.text.slice(-10)}\n\n${b.text.slice(0, 17)}`,
    );
  });

  it('leaves out passages the reader does not see (hidden site navigation)', () => {
    const wc = builtinEdition('winstanley-chesters-2015')!;
    const [chrome, title] = wc.blocks;
    expect(chrome!.role).toBe('chrome');
    const text = passageText(wc, chrome!.start, title!.end, (a) => !a.includes(':chrome'));
    expect(text).toBe(title!.text);
    expect(passageText(wc, chrome!.start, title!.end)).toBe(`${chrome!.text}\n\n${title!.text}`);
  });

  it('is empty for a selection between passages', () => {
    const a = block(15);
    expect(passageText(lankov, a.end, a.end + 2)).toBe('');
  });
});
