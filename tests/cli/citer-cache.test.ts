import { describe, expect, it } from 'vitest';
import { citerFor } from '../../cli/citer-cache.ts';
import type { BibliographyEntry } from '../../sources/citation/create-citer.ts';
import { readStyleFile } from '../../cli/commands/cite.ts';
import { BUILTIN_SOURCES, type SourceMetadata } from '../../sources/metadata.ts';
import { scaled } from '../slowdown.ts';

/** A source's bibliography entry as plain text (empty when the style has none). */
const entryOf = (entry: BibliographyEntry): string => (entry.kind === 'entry' ? entry.text : '');

/** The built-in sources with Lankov's title changed, as a record edit would. */
function retitled(title: string): SourceMetadata[] {
  return BUILTIN_SOURCES.map((m) =>
    m.id === 'lankov-2007' ? { ...m, csl: { ...m.csl, title } } : m,
  );
}

describe('the CLI’s citation engines', () => {
  it(
    'are built once per style and cite the sources of each call',
    async () => {
      const first = await citerFor('mla', BUILTIN_SOURCES);
      const again = await citerFor('mla', retitled('A retitled paper'));
      expect(again).toBe(first);
      expect(entryOf(again.cite('lankov-2007').bibliography)).toContain('A Retitled Paper');
      const back = await citerFor('mla', BUILTIN_SOURCES);
      expect(entryOf(back.cite('lankov-2007').bibliography)).toContain('Quasi-Alliance');
    },
    scaled(60_000),
  );

  it(
    'build a custom style again when its text changes',
    async () => {
      const style = await readStyleFile('tests/fixtures/csl/harvard-cite-them-right.csl');
      if (typeof style === 'string') throw new Error('expected a custom style');
      const built = await citerFor(style, BUILTIN_SOURCES);
      expect(await citerFor(style, BUILTIN_SOURCES)).toBe(built);
      const changed = { ...style, xml: style.xml.replace('</style>', '<!-- edited --></style>') };
      expect(await citerFor(changed, BUILTIN_SOURCES)).not.toBe(built);
    },
    scaled(60_000),
  );
});
