import { describe, expect, it } from 'vitest';
import { passageInWords } from '../../../app/views/passage-in-words.ts';

describe('passageInWords', () => {
  it('names each kind of address in words under its source', () => {
    const cases: [string, string][] = [
      ['lankov-2007:13', 'Lankov (2007) ¶13'],
      ['lankov-2007:12.3', 'Lankov (2007) ¶12, sentence 3'],
      ['lankov-2007:12-13', 'Lankov (2007) ¶12–13'],
      ['lankov-2007:n5', 'Lankov (2007) note 5'],
      ['lankov-2007:n5.2', 'Lankov (2007) note 5, sentence 2'],
      ['lankov-2007:heading1', 'Lankov (2007) heading 1'],
      ['winstanley-chesters-2015:title1', 'Lankov (2007) title'],
      ['winstanley-chesters-2015:title1.1', 'Lankov (2007) title, sentence 1'],
      ['winstanley-chesters-2015:caption2', 'Lankov (2007) caption 2'],
    ];
    for (const [address, words] of cases)
      expect(passageInWords(address, 'Lankov (2007)')).toBe(words);
  });

  it('when it fails: an address that does not parse is shown as it is', () => {
    expect(passageInWords('not an address', 'Lankov (2007)')).toBe('not an address');
  });
});
