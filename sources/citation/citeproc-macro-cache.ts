/**
 * A memo for citeproc-js's macro lookups, the hot spot of building an engine
 * where there is no `DOMParser` (Node, and the citation worker): citeproc's
 * `CSL.XmlJSON.getNodesByName(root, 'macro', name)` walks the whole style
 * tree for every macro call it expands, and the Chicago styles expand
 * thousands (Juris-M/citeproc-js PR #256, still open, proposes the same
 * cache upstream).
 *
 * What is cached: for one style tree (`root`, held weakly), every macro
 * node grouped by its name, in document order, found in one walk on the
 * first macro lookup. Macros are never added or removed after citeproc has
 * parsed a style, so the index cannot go stale; the nodes are
 * the tree's own objects, so changes citeproc makes to their attributes are
 * seen as before. Every other lookup (other node names, partial walks with
 * an accumulator) goes to the original. A fresh array is returned each time,
 * as the original does. The pinned citation strings are unchanged
 * (tests/sources/citation/citeproc-macro-cache.test.ts).
 *
 * Side effect: patches `CSL.XmlJSON.prototype` once per `CSL` object.
 */

interface XmlJsonNode {
  readonly name?: string;
  readonly children?: unknown[];
}

type GetNodesByName = (
  this: unknown,
  root: XmlJsonNode,
  name: string,
  attr?: string,
  ret?: unknown[],
) => unknown[];

/** The part of the `citeproc` module this patches. */
export interface CiteprocModule {
  readonly XmlJSON: { prototype: { getNodesByName: GetNodesByName } };
}

const installed = new WeakMap<object, () => void>();

/**
 * Installs the macro-lookup memo on `CSL`. Idempotent: a second call changes
 * nothing. Returns the function that puts the original back (for the bench
 * and tests, which compare the two).
 */
export function installMacroCache(CSL: CiteprocModule): () => void {
  const proto = CSL.XmlJSON.prototype;
  const existing = installed.get(proto);
  if (existing) return existing;
  const original = proto.getNodesByName;
  const indexes = new WeakMap<object, Map<string, unknown[]>>();
  proto.getNodesByName = function (root, name, attr, ret) {
    if (
      name !== 'macro' ||
      typeof attr !== 'string' ||
      ret !== undefined ||
      root === null ||
      typeof root !== 'object'
    ) {
      return original.call(this, root, name, attr, ret);
    }
    let index = indexes.get(root);
    if (!index) {
      // One walk (the original's, asking for every macro) indexes them all by name, in document order.
      index = new Map();
      for (const node of original.call(this, root, 'macro') as { attrs?: { name?: unknown } }[]) {
        const key = node.attrs?.name;
        if (typeof key !== 'string') continue;
        const list = index.get(key);
        if (list) list.push(node);
        else index.set(key, [node]);
      }
      indexes.set(root, index);
    }
    return [...(index.get(attr) ?? [])];
  };
  const uninstall = (): void => {
    proto.getNodesByName = original;
    installed.delete(proto);
  };
  installed.set(proto, uninstall);
  return uninstall;
}
