/**
 * The style table and the official CSL files: ids, SHA-256 pins (the files
 * must stay byte-identical to the official ones, README provenance), licence
 * notice, and both loaders returning the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import {
  DEFAULT_STYLE,
  LOCALE_FILE,
  STYLE_IDS,
  STYLES,
  isStyleId,
  parseStyleId,
  styleDescriptor,
} from '../../../sources/citation/styles.ts';
import { viteCslLoader } from '../../../sources/citation/vite-csl-loader.ts';

const STYLES_DIR = new URL('../../../sources/citation/styles/', import.meta.url);

/** The official files' hashes, as published in /work/shared/csl/README.md and sources/citation/styles/README.md. */
const SHA256: Readonly<Record<string, string>> = {
  'apa.csl': '1ece4fb3c295e66d04b4394e295aa58a87741ceeef1658192437eb9953c2f13e',
  'chicago-author-date-17th-edition.csl':
    '72e5568fe512aeb8fd608da4ee1989b4a53bc9d4814b3d34fe1b7cd7becca4e4',
  'chicago-author-date.csl': '002fade78d7e4fe9d42936a16b43a8066b097013f6255df40b1bfba6631eff9b',
  'chicago-notes-bibliography-17th-edition.csl':
    '8abfd3dfb798db2fa05d836d2794cdba0ae9ee30bdb376c7a75d6e1ae7062161',
  'chicago-notes-bibliography.csl':
    '4b6be4bceaf8f3c31b49331c9f9e38c977f666d6ab80e19a2ac8482c7511abeb',
  'modern-language-association.csl':
    'e1432698ef28938d044b06bd45ddcc57d6b974cec25f71007075646a11f99484',
  'locales-en-US.xml': 'ac864c7c21166b4390d82c31792cdc509400727fa0060b43d8aa17e07f9cb079',
};

const sha256 = (file: string): string =>
  createHash('sha256')
    .update(readFileSync(new URL(file, STYLES_DIR)))
    .digest('hex');

describe('styles', () => {
  it('has one descriptor per id, in picker order, with the ids the issue fixes', () => {
    expect(STYLE_IDS).toEqual([
      'apa',
      'mla',
      'chicago-notes',
      'chicago-author-date',
      'chicago-notes-17',
      'chicago-author-date-17',
    ]);
    expect(STYLES.map((s) => s.id)).toEqual(STYLE_IDS);
    expect(DEFAULT_STYLE).toBe('apa');
    expect(STYLES.filter((s) => s.kind === 'note').map((s) => s.id)).toEqual([
      'chicago-notes',
      'chicago-notes-17',
    ]);
  });

  it('uses only the official files, byte for byte', () => {
    const used = [...STYLES.map((s) => s.file), LOCALE_FILE].sort();
    expect(used).toEqual(Object.keys(SHA256).sort());
    for (const [file, hash] of Object.entries(SHA256)) expect(sha256(file), file).toBe(hash);
  });

  it('lists the same hashes in the styles README, with the licence notice', () => {
    const readme = readFileSync(new URL('README.md', STYLES_DIR), 'utf8');
    for (const [file, hash] of Object.entries(SHA256)) expect(readme).toContain(`${hash}  ${file}`);
    expect(readme).toContain('Creative Commons Attribution-ShareAlike 3.0');
  });

  it('keeps each file’s own CC BY-SA 3.0 rights element', () => {
    for (const file of Object.keys(SHA256)) {
      const xml = readFileSync(new URL(file, STYLES_DIR), 'utf8');
      expect(xml, file).toContain(
        '<rights license="http://creativecommons.org/licenses/by-sa/3.0/">',
      );
    }
  });

  it('names the style each descriptor promises in the file’s own <title>', () => {
    const titles: Record<string, RegExp> = {
      apa: /APA Style 7th edition/,
      mla: /MLA Handbook 9th edition/,
      'chicago-notes': /Chicago Manual of Style 18th edition \(notes and bibliography\)/,
      'chicago-author-date': /Chicago Manual of Style 18th edition \(author-date\)/,
      'chicago-notes-17': /Chicago Manual of Style 17th edition \(notes and bibliography\)/,
      'chicago-author-date-17': /Chicago Manual of Style 17th edition \(author-date\)/,
    };
    for (const id of STYLE_IDS) {
      const xml = readFileSync(new URL(styleDescriptor(id).file, STYLES_DIR), 'utf8');
      expect(/<title>([^<]*)<\/title>/.exec(xml)?.[1], id).toMatch(titles[id]!);
    }
  });

  it('gives the same bytes through the Node loader and the Vite (browser) loader', async () => {
    for (const file of Object.keys(SHA256)) {
      const [fromDisk, fromVite] = await Promise.all([nodeCslLoader(file), viteCslLoader(file)]);
      expect(fromVite, file).toBe(fromDisk);
    }
  });
});

describe('styles, when it fails', () => {
  it('names the valid ids for an unknown style', () => {
    expect(isStyleId('harvard')).toBe(false);
    expect(isStyleId('apa')).toBe(true);
    expect(() => parseStyleId('harvard')).toThrow(
      'unknown style "harvard" (valid: apa, mla, chicago-notes, chicago-author-date, chicago-notes-17, chicago-author-date-17)',
    );
    expect(() => parseStyleId(undefined)).toThrow(/unknown style undefined/);
  });

  it('refuses file names outside the styles folder, in both loaders', async () => {
    await expect(nodeCslLoader('../metadata.ts')).rejects.toThrow(/not a CSL file name/);
    await expect(nodeCslLoader('harvard.csl')).rejects.toThrow(/cannot read CSL file harvard.csl/);
    await expect(viteCslLoader('harvard.csl')).rejects.toThrow(
      /no CSL file "harvard.csl" \(known: .*apa.csl/,
    );
  });
});
