import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import { editionsModuleSource, injectPrerendered, ROOT_PLACEHOLDER } from '../../app/build/editions-plugin.ts';

describe('editionsModuleSource', () => {
  it('round-trips the editions exactly', async () => {
    const editions = builtinEditions();
    const source = editionsModuleSource(editions);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown };
    expect(mod.default).toEqual(JSON.parse(JSON.stringify(editions)));
  });

  it('keeps text that looks like script or module syntax inert', async () => {
    const hostile = [{ id: 'x', title: '</script><script>alert(1)</script>`${1}`', text: '\u2028\u2029' }];
    const source = editionsModuleSource(hostile as never);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown };
    expect(mod.default).toEqual(hostile);
  });
});

describe('injectPrerendered', () => {
  it('puts the markup inside the root element', () => {
    const html = `<body>${ROOT_PLACEHOLDER}</body>`;
    expect(injectPrerendered(html, '<p>a $& b</p>')).toBe('<body><div id="root"><p>a $& b</p></div></body>');
  });

  describe('when it fails', () => {
    it('throws, naming the file, if the template lost its placeholder', () => {
      expect(() => injectPrerendered('<body></body>', '<p></p>')).toThrow(/app\/index\.html must contain/);
    });
  });
});
