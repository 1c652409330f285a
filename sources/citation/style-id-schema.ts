/**
 * The zod schema of a style id, for every boundary that receives one (the
 * stored preference, the citation worker's messages).
 *
 * Apart from `styles.ts` on purpose: that module is in the reader's initial
 * bundle (the picker's ids and labels), and importing `zod` there put all of
 * zod in it, tree-shaken or not (bench/reader.ts). `isStyleId` and
 * `parseStyleId` there make the same test without zod.
 */
import { z } from 'zod';
import { STYLE_IDS } from './styles.ts';

/** A style id: one of `STYLE_IDS`. */
export const StyleIdSchema = z.enum(STYLE_IDS);
