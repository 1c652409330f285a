/** Source ids for texts that are not built in (the CLI's `parse`; the Library derives its own, `text-id.ts`). */

/** A source id from a file name: `My Notes.md` → `my-notes` (never empty). */
export function sourceIdFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const slug = stem
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'text' : slug;
}

/** `id`, or `id-2`, `id-3`… — the first that is not taken. */
export function uniqueSourceId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let k = 2; ; k++) if (!taken.has(`${id}-${k}`)) return `${id}-${k}`;
}
