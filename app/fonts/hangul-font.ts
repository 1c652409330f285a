/**
 * Registers Noto Serif KR's Hangul slices (`virtual:diptych-hangul-slices`)
 * as the family `Diptych Hangul Full`, which `styles.css` names for Korean
 * runs after the built-in texts' subset (`Diptych Hangul`): a reader's own
 * Korean text then renders with real glyphs where the machine has no Korean
 * font, instead of empty boxes.
 *
 * Through the CSS Font Loading API (`FontFace`, `document.fonts.add`), not a
 * stylesheet: nothing is injected that the Content-Security-Policy would have
 * to allow, and a face added this way loads, like a `@font-face` rule, only
 * when text in its `unicode-range` is laid out. This module is a lazy chunk
 * (`use-hangul-font.ts` loads it), so neither the list nor the fonts are part
 * of the initial load.
 */
import slices from 'virtual:diptych-hangul-slices';

/** The family `styles.css` names for Korean runs after `Diptych Hangul`. */
export const HANGUL_FULL_FAMILY = 'Diptych Hangul Full';

let registered = false;

/** Adds the faces to the document once; later calls do nothing. */
export function registerHangulFont(fonts: FontFaceSet = document.fonts): void {
  if (registered) return;
  registered = true;
  for (const slice of slices) {
    fonts.add(
      new FontFace(HANGUL_FULL_FAMILY, `url(${slice.url}) format('woff2')`, {
        style: 'normal',
        weight: '400',
        display: 'swap',
        unicodeRange: slice.range,
      }),
    );
  }
  // styles.css then puts the family first in every stack, for Korean outside lang-marked runs.
  if (fonts === document.fonts) document.documentElement.setAttribute('data-hangul-font', '');
}
