/**
 * Styles a reader brings: an independent style from the official CSL
 * repository (vendored in tests/fixtures/csl/ with its licence) cites both
 * sources in its own locale; a broken style file is refused with a clear message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCiter } from '../../../sources/citation/create-citer.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import { parseStyleFile, styleLocale } from '../../../sources/citation/style-file.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/csl/${name}`, import.meta.url), 'utf8');
const HARVARD = fixture('harvard-cite-them-right.csl');

describe('parseStyleFile', () => {
  it('describes an independent CSL style', () => {
    const style = parseStyleFile(HARVARD, 'harvard-cite-them-right.csl');
    expect(style).toMatchObject({
      id: 'custom:harvard-cite-them-right',
      label: 'Cite Them Right 12th edition - Harvard',
      kind: 'in-text',
      defaultLocale: 'en-GB',
    });
  });

  it('refuses what is not XML, not CSL, a dependent style, or not a style at all, saying which', () => {
    expect(() => parseStyleFile('{"style": 1}', 'a.csl')).toThrow(
      'a.csl is not XML, so not a CSL style',
    );
    expect(() => parseStyleFile('<style><info></style>', 'a.csl')).toThrow(
      /a\.csl is not well-formed XML \(line 1: /,
    );
    expect(() => parseStyleFile('<?xml version="1.0"?><html><body/></html>', 'a.csl')).toThrow(
      'a.csl is XML but not a CSL style (its root element is <html>, not <style>)',
    );
    expect(() =>
      parseStyleFile('<style version="1.0" class="in-text"><citation/></style>', 'a.csl'),
    ).toThrow(/outside the CSL namespace/);
    expect(() => parseStyleFile(fixture('dependent-2d-materials.csl'), '2d.csl')).toThrow(
      "2d.csl (“2D Materials”) is a dependent style: it only points to its parent style http://www.zotero.org/styles/institute-of-physics-numeric, which Diptych does not have. Add the parent style's .csl file instead",
    );
    expect(() => parseStyleFile('a\u0000b', 'x.csl')).toThrow('x.csl is binary');
  });
});

describe('styleLocale', () => {
  it('uses a bundled default-locale, the same language’s bundled locale, or en-US with a note', () => {
    expect(styleLocale('de-DE')).toEqual({ locale: 'de-DE' });
    expect(styleLocale('de-AT')).toMatchObject({
      locale: 'de-DE',
      note: expect.stringMatching(/de-AT/),
    });
    expect(styleLocale('pt-BR')).toMatchObject({
      locale: 'en-US',
      note: expect.stringMatching(/pt-BR, which Diptych does not bundle/),
    });
    expect(styleLocale(undefined)).toEqual({ locale: 'en-US' });
  });
});

describe('a loaded style in the citer', () => {
  it('cites both sources in Cite Them Right (en-GB), with no guessed date stated as fact', async () => {
    const citer = await createCiter(parseStyleFile(HARVARD), nodeCslLoader);
    expect(citer.style.locale).toBe('en-GB');
    expect(citer.cite('lankov-2007', { label: 'paragraph', locator: '12' }).citation.text).toBe(
      '(Lankov, no date, para. 12)',
    );
    expect(
      citer.cite('winstanley-chesters-2015', { label: 'paragraph', locator: '12' }).citation.text,
    ).toBe('(Winstanley-Chesters, no date, para. 12)');
    expect(citer.bibliography().map((e) => (e.kind === 'entry' ? e.text : e.reason))).toEqual([
      'Lankov, A. (no date) ‘Russia and North Korea: From “socialist solidarity” to quasi-alliance’.',
      'Winstanley-Chesters, R. (no date) ‘Russia’s borders: North Korea is moving up Moscow’s agenda’, The Conversation.',
    ]);
  }, 60_000);

  it('formats in a bundled locale the style asks for (de-DE) and says when it falls back', async () => {
    const de = parseStyleFile(HARVARD.replace('default-locale="en-GB"', 'default-locale="de-DE"'));
    const citer = await createCiter(de, nodeCslLoader);
    expect(citer.style.locale).toBe('de-DE');
    expect(citer.cite('lankov-2007').citation.text).toBe('(Lankov, ohne Datum)');
    const pt = parseStyleFile(HARVARD.replace('default-locale="en-GB"', 'default-locale="pt-BR"'));
    const fallback = await createCiter(pt, nodeCslLoader);
    expect(fallback.style.locale).toBe('en-US');
    expect(fallback.style.localeNote).toMatch(/pt-BR/);
  }, 60_000);
});
