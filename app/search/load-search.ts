/**
 * Loads the search engine (`sources/search/`) on demand and builds its index
 * over the editions. A dynamic import, so minisearch and the index are not
 * part of the initial bundle; the index is built once per page.
 */
import type { Edition } from '../../sources/edition.ts';
import type { SearchFunction } from './search-port.ts';

/** The search function over these editions. */
export async function loadSearch(editions: readonly Edition[]): Promise<SearchFunction> {
  const { buildSearchIndex, search, groupBySource } = await import('../../sources/search/index.ts');
  const index = buildSearchIndex(editions);
  return (query) => groupBySource(index, search(index, query));
}
