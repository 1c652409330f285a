/**
 * The zod schema of a CSL locator handed in from outside (the app, through
 * the citer worker's protocol). Apart from `locator.ts` so that the reader's
 * initial bundle, which computes locators (`app/citations/cite-target.ts`),
 * does not carry zod (bench/reader.ts).
 */
import { z } from 'zod';
import type { CiteLocator } from './locator.ts';

/** Zod schema for a locator handed in from outside (the app). */
export const CiteLocatorSchema = z.object({
  label: z.enum(['paragraph', 'note']),
  locator: z.string().regex(/^[1-9]\d*(?:-[1-9]\d*)?$/, 'a number or a range like 12-13'),
}) satisfies z.ZodType<CiteLocator>;
