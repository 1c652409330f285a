/** Citation keys: Better BibTeX's default shape, unique within the library. */
import { describe, expect, it } from 'vitest';
import { baseCitationKey, citationKeys } from '../../../sources/citation/citation-keys.ts';
import { BUILTIN_SOURCES, lankov2007 } from '../../../sources/metadata.ts';

describe('citationKeys', () => {
  it('makes author + year + first title word, lower case, letters and digits only', () => {
    expect(Object.fromEntries(citationKeys(BUILTIN_SOURCES))).toEqual({
      'winstanley-chesters-2015': 'winstanleychesters2015russias',
      'lankov-2007': 'lankov2007russia',
    });
  });

  it('skips function words and folds accents', () => {
    const meta = {
      ...lankov2007,
      csl: {
        ...lankov2007.csl,
        title: 'The État and its borders',
        author: [{ family: 'Müller', given: 'A' }],
      },
    };
    expect(baseCitationKey(meta)).toBe('muller2007etat');
  });

  it('keeps keys unique: a repeat gets a, b, … in library order', () => {
    const twin = { ...lankov2007, id: 'lankov-2007b' as typeof lankov2007.id };
    const third = { ...lankov2007, id: 'lankov-2007c' as typeof lankov2007.id };
    expect([...citationKeys([lankov2007, twin, third]).values()]).toEqual([
      'lankov2007russia',
      'lankov2007russiaa',
      'lankov2007russiab',
    ]);
  });
});
