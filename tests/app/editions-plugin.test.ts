import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import { deferEntry, editionsModuleSource, injectPrerendered, ROOT_PLACEHOLDER } from '../../app/build/editions-plugin.ts';

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

describe('deferEntry', () => {
  const built =
    '<head><script type="module" crossorigin src="./assets/index-abc.js"></script>' +
    '<link rel="stylesheet" crossorigin href="./assets/index-def.css"></head><body><div id="root"></div></body>';

  it('inlines the stylesheet and imports the entry after the first frame', () => {
    const html = deferEntry(built, (href) => (href === './assets/index-def.css' ? 'p{color:red}' : undefined));
    expect(html).toContain('<style>p{color:red}</style>');
    expect(html).not.toContain('src="./assets/index-abc.js"');
    expect(html).not.toContain('<link rel="stylesheet"');
    const boot = /<script type="module">(.*)<\/script>\n<\/body>/s.exec(html)?.[1] ?? '';
    expect(boot).toContain('import("./assets/index-abc.js")');
    expect(boot).toContain('requestAnimationFrame(()=>requestAnimationFrame(');
  });

  it('keeps a stylesheet from closing its <style> early', () => {
    const html = deferEntry(built, () => 'a::after{content:"</style><script>"}');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  describe('when it fails', () => {
    it('throws if Vite’s output no longer has the entry tag or the stylesheet', () => {
      expect(() => deferEntry('<body></body>', () => '')).toThrow(/no module entry/);
      expect(() => deferEntry(built, () => undefined)).toThrow(/index-def\.css is not in the bundle/);
    });
  });
});
