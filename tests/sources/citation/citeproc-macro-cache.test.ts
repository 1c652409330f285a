import CSL from 'citeproc';
import { afterAll, describe, expect, it } from 'vitest';
import {
  installMacroCache,
  type CiteprocModule,
} from '../../../sources/citation/citeproc-macro-cache.ts';
import { citePassage, createCiter } from '../../../sources/citation/index.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import { STYLES, type StyleId } from '../../../sources/citation/styles.ts';
import fixtures from './fixtures/citations.json' with { type: 'json' };

const csl = CSL as unknown as CiteprocModule & {
  parseXml: (xml: string) => object;
};
const proto = csl.XmlJSON.prototype;
// Importing the citer installed the cache; take it off to reach citeproc's own lookup.
const patchedOnImport = proto.getNodesByName;
installMacroCache(csl)();
const original = proto.getNodesByName;
const uninstall = installMacroCache(csl);
afterAll(() => {
  uninstall();
  installMacroCache(csl); // as the citer's module leaves it
});

type Pinned = Record<
  string,
  Record<
    string,
    Record<
      string,
      {
        address?: string;
        paragraph?: { text: string };
        none?: { text: string };
        text?: string;
      }
    >
  >
>;

/** Every macro name in a parsed style tree. */
function macroNames(node: unknown, out = new Set<string>()): Set<string> {
  const n = node as { name?: string; attrs?: { name?: string }; children?: unknown[] };
  if (n?.name === 'macro' && typeof n.attrs?.name === 'string') out.add(n.attrs.name);
  for (const child of n?.children ?? [])
    if (child && typeof child === 'object') macroNames(child, out);
  return out;
}

describe('installMacroCache', () => {
  it('finds the same macro nodes, in the same order, as citeproc’s own walk, for every macro of every style', async () => {
    for (const style of STYLES) {
      const tree = csl.parseXml(await nodeCslLoader(style.file));
      const names = macroNames(tree);
      expect(names.size).toBeGreaterThan(10);
      for (const name of [...names, 'no-such-macro']) {
        const cached = proto.getNodesByName.call(proto, tree, 'macro', name);
        expect(cached).toEqual(original.call(proto, tree, 'macro', name));
        cached.push('caller may change its copy');
        expect(proto.getNodesByName.call(proto, tree, 'macro', name)).toEqual(
          original.call(proto, tree, 'macro', name),
        );
      }
    }
  });

  it('keeps the pinned citation strings (MLA and APA: paragraph, range, sentence, footnote, bibliography)', async () => {
    const pinned = fixtures as unknown as Pinned;
    for (const id of ['mla', 'apa'] as StyleId[]) {
      const citer = await createCiter(id, nodeCslLoader);
      for (const [source, cases] of Object.entries(pinned[id]!)) {
        if (source === 'cluster') continue;
        for (const [kind, c] of Object.entries(cases)) {
          if (!c.address) continue;
          for (const mode of ['paragraph', 'none'] as const) {
            if (!c[mode]) continue;
            expect(
              citePassage(citer, { address: c.address, pinpoint: mode }).citation.text,
              `${id} ${source} ${kind} ${mode}`,
            ).toBe(c[mode].text);
          }
        }
        const entry = citer.bibliography().find((e) => e.source === source)!;
        expect(entry.kind === 'entry' ? entry.text : '').toBe(cases.bibliography!.text);
      }
    }
  });

  it('is installed by the citer itself, so the CLI, the worker and the page all use it', () => {
    expect(patchedOnImport).not.toBe(original);
  });

  it('is installed once: a second call changes nothing and returns the same uninstall', () => {
    const patched = proto.getNodesByName;
    expect(installMacroCache(csl)).toBe(uninstall);
    expect(proto.getNodesByName).toBe(patched);
  });

  describe('when it does not apply', () => {
    it('leaves every other lookup to the original (other names, no name, an accumulator)', () => {
      const tree = {
        name: 'style',
        attrs: {},
        children: [{ name: 'macro', attrs: { name: 'a' }, children: [] }],
      };
      expect(proto.getNodesByName.call(proto, tree, 'style')).toEqual([tree]);
      expect(proto.getNodesByName.call(proto, tree, 'macro')).toEqual([tree.children[0]]);
      const acc: unknown[] = ['x'];
      expect(proto.getNodesByName.call(proto, tree, 'macro', 'a', acc)).toEqual([
        'x',
        tree.children[0],
      ]);
      expect(proto.getNodesByName.call(proto, null as never, 'macro', 'a')).toEqual([]);
    });
  });
});
