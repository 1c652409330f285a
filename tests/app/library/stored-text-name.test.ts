// A stored text is parsed again (a lost edition cache, a workspace import) as it was when added.
import { describe, expect, it } from 'vitest';
import { storedTextName } from '../../../app/library/parse-text.ts';
import { importDecodedText } from '../../../sources/import-text.ts';

const TEXT = 'Notes on the bridge\n\nIt opened in 1959.\n';

describe('storedTextName', () => {
  it('parses a .txt again with its first line as title only if it was added so', async () => {
    const entry = (titleFrom: string) => ({
      name: 'bridge.txt',
      format: 'markdown',
      facts: { titleFrom },
    });
    const again = async (titleFrom: string) => {
      const r = await importDecodedText(TEXT, storedTextName(entry(titleFrom)), {
        id: 'bridge-0123456789',
      });
      if (!r.ok) throw new Error(r.reason);
      return r.text.edition.blocks[0]?.role;
    };
    expect(await again('first line')).toBe('title');
    // Added before first lines were taken as titles: its paragraph 1 stays paragraph 1.
    expect(await again('file name')).toBe('paragraph');
    expect(
      storedTextName({ name: 'page.html', format: 'html', facts: { titleFrom: 'page' } }),
    ).toBe('page.html.md');
    expect(
      storedTextName({ name: 'notes.md', format: 'markdown', facts: { titleFrom: 'heading' } }),
    ).toBe('notes.md');
  });
});
