/**
 * The shape of a CSL style a reader loaded, as stored and sent to the
 * citation worker: tiny (zod only), so the reader's style picker can import
 * it statically while the checker (`style-file.ts`, with its XML parser)
 * loads on demand.
 */
import { z } from 'zod';
import type { StyleKind } from './styles.ts';

/** Largest style file accepted (the largest official styles are about 250 KB). */
export const MAX_STYLE_BYTES = 2 * 1024 * 1024;

/** A loaded style, ready for `createCiter`. */
export interface CustomStyle {
  /** `custom:<slug of its CSL id>`: the id the reader's picker and storage use. */
  readonly id: string;
  /** Its `<title>`. */
  readonly label: string;
  /** `note` or `in-text` (CSL `class`). */
  readonly kind: StyleKind;
  /** Its `default-locale`, if it names one. */
  readonly defaultLocale?: string;
  /** The style's XML, as given. */
  readonly xml: string;
}

/** Zod schema of a stored or sent custom style (checked again with `parseStyleFile` before use). */
export const CustomStyleSchema = z.object({
  id: z.string().regex(/^custom:[a-z0-9-]{1,120}$/),
  label: z.string().min(1).max(500),
  kind: z.enum(['note', 'in-text']),
  defaultLocale: z.string().max(40).optional(),
  xml: z.string().max(MAX_STYLE_BYTES),
});

/** True if `id` names a loaded style (`custom:…`). */
export function isCustomStyleId(id: string): boolean {
  return /^custom:[a-z0-9-]{1,120}$/.test(id);
}
