/**
 * What the search box needs from a search engine: a function from a query
 * to hits grouped by source. The types are the subset of
 * `sources/search/`'s `SearchGroup`/`SearchHit` the view reads, so the real
 * engine plugs in without an adapter (see `load-search.ts`) and the view can
 * be exercised with any engine.
 */
import type { Address, SourceId } from '../../sources/edition.ts';

/** A match in context, cut from the original text. */
export interface HitSnippet {
  readonly before: string;
  readonly match: string;
  readonly after: string;
  /** `before` does not reach the start of the passage (show an ellipsis). */
  readonly clippedStart: boolean;
  /** `after` does not reach the end of the passage. */
  readonly clippedEnd: boolean;
}

/** One hit as the search box shows it. */
export interface SearchBoxHit {
  /** The most precise address (a sentence), opened on Enter. */
  readonly address: Address;
  /** The hit in context. */
  readonly snippet: HitSnippet;
  /** Set when no passage held every word: the query's words this one lacks. */
  readonly missing?: readonly string[];
}

/** Hits of one source. */
export interface SearchBoxGroup {
  readonly source: SourceId;
  /** Heading of the group. */
  readonly title: string;
  readonly hits: readonly SearchBoxHit[];
}

/** A loaded search engine. Must not throw on any string. */
export type SearchFunction = (query: string) => readonly SearchBoxGroup[];
