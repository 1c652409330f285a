/** How a layer is named in the sidebar and the Sync panel. */
import type { Layer } from '../../annotations/replica/sync-engine.ts';

/** "Private" for the reader's own layer, "Group: <name>" for a group's. */
export function layerName(layer: Pick<Layer, 'kind' | 'label'>): string {
  return layer.kind === 'private' ? 'Private' : `Group: ${layer.label}`;
}
