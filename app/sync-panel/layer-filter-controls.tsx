/**
 * The layer and author menus (`layer-filter.ts`'s filter), shown while the
 * reader is signed in to a server; the sidebar and the Compare view both
 * render them. Author names come from the server and are React text; the
 * reader's own name is offered as "You (<name>)", the wording `sync-line.ts`
 * uses for their own everywhere.
 */
import type { ReactNode } from 'react';
import type { SyncSnapshot } from '../../annotations/replica/sync-engine.ts';
import { filterAuthors, type LayerFilter } from './layer-filter.ts';
import { layerName } from './layer-name.ts';

/**
 * The two menus, or nothing when the reader is not signed in. Named "Filter
 * by layer" and "Filter by author" either way; `visibleLabels` also shows
 * "Layer" and "Author" beside them (the Compare view labels its menus).
 */
export function LayerFilterControls({
  snapshot,
  filter,
  onChange,
  visibleLabels = false,
}: {
  readonly snapshot: SyncSnapshot | null;
  readonly filter: LayerFilter;
  readonly onChange: (filter: LayerFilter) => void;
  readonly visibleLabels?: boolean;
}): ReactNode {
  if (!snapshot?.signedIn) return null;
  const name = (visible: string, full: string): ReactNode =>
    visibleLabels ? (
      <>
        <span className="visually-hidden">Filter by </span>
        {visible}{' '}
      </>
    ) : (
      <span className="visually-hidden">{full}</span>
    );
  return (
    <>
      <label>
        {name('Layer', 'Filter by layer')}
        <select
          value={filter.layer}
          onChange={(e) => onChange({ ...filter, layer: e.currentTarget.value })}
        >
          <option value="">All layers</option>
          {snapshot.layers.map((l) => (
            <option key={l.db} value={l.db}>
              {layerName(l)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {name('Author', 'Filter by author')}
        <select
          value={filter.author}
          onChange={(e) => onChange({ ...filter, author: e.currentTarget.value })}
        >
          <option value="">All authors</option>
          {filterAuthors(snapshot).map((a) => (
            <option key={a} value={a}>
              {a === snapshot.user ? `You (${a})` : a}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
