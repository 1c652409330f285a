import { describe, expect, it } from 'vitest';
import { authorLabel, fullName, LISTED_AUTHORS } from '../../../app/library/author-label.ts';

const doe = { family: 'Doe', given: 'Jane' };
const roe = { family: 'Roe', given: 'John' };
const poe = { family: 'Poe', given: 'Ann' };
const kim = { family: 'Kim', given: 'Minji' };

describe('authorLabel', () => {
  it('gives full names, given name first, as the record holds them (not the family name alone)', () => {
    expect(authorLabel([doe])).toBe('Jane Doe');
    expect(authorLabel([{ family: 'Winstanley-Chesters', given: 'Robert' }])).toBe(
      'Robert Winstanley-Chesters',
    );
    // A name written as one string ("Kim Minji") is split at its last space: it reads back as written.
    expect(authorLabel([{ family: 'Minji', given: 'Kim' }])).toBe('Kim Minji');
  });

  it('joins several names, and past a few gives the first with "et al."', () => {
    expect(authorLabel([doe, roe])).toBe('Jane Doe and John Roe');
    expect(authorLabel([doe, roe, poe])).toBe('Jane Doe, John Roe and Ann Poe');
    const many = [doe, roe, poe, kim];
    expect(many.length).toBeGreaterThan(LISTED_AUTHORS);
    expect(authorLabel(many)).toBe('Jane Doe et al.');
  });

  it('an organisation (no given name) stands as it is', () => {
    expect(fullName({ family: 'Korea Institute for National Unification', given: '' })).toBe(
      'Korea Institute for National Unification',
    );
    expect(authorLabel([{ family: 'UNESCO', given: '' }, doe])).toBe('UNESCO and Jane Doe');
  });

  describe('when there is nothing to show', () => {
    it('says "—" for no author, and skips names that are only blanks', () => {
      expect(authorLabel([])).toBe('—');
      expect(authorLabel([{ family: ' ', given: '' }])).toBe('—');
      expect(authorLabel([{ family: ' ', given: '' }, doe])).toBe('Jane Doe');
    });
  });
});
