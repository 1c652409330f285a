/**
 * The glyph of each comparison relation, shared by the margin marks, the
 * legend and the Compare view. A module of its own, with no React: the Compare
 * view (a lazy chunk) takes the glyphs without the marks' component, whose
 * hooks import React itself; importing the component there made the bundler
 * move React out of the entry into a chunk of its own (+1.9 KB gzipped of
 * initial JavaScript, measured with `npm run bench -- reader`'s count).
 */
import type { Relation } from '../../annotations/model/annotation.ts';

/** A glyph per relation, so the margin says which without reading the label. */
export const RELATION_GLYPH: Readonly<Record<Relation, string>> = {
  agrees: '=',
  contradicts: '≠',
  qualifies: '≈',
  complements: '+',
};
