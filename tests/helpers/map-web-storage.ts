/**
 * A Web Storage over a Map, for modules that take a `Storage` (Node has no
 * localStorage). `initial` seeds it. For switchable failures, see
 * tests/annotations/storage/local-storage.test.ts's `FakeStorage`.
 */
export function mapWebStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    key: (i) => [...values.keys()][i] ?? null,
    getItem: (k) => values.get(k) ?? null,
    setItem: (k, v) => void values.set(k, String(v)),
    removeItem: (k) => void values.delete(k),
    clear: () => values.clear(),
  };
}
