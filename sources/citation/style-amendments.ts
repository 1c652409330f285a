/**
 * The few amendments Diptych makes to an official CSL style as it is loaded,
 * each for a known shortcoming of the style that the CSL project itself
 * acknowledges, so that citeproc-js still formats every entry (nothing here
 * formats a string) and the files in `styles/` stay byte-identical to the
 * official ones (their SHA-256 is pinned).
 *
 * Each amendment replaces one exact piece of the style's XML. If that piece
 * is not found exactly once (a newer official file changed it), loading the
 * style fails with a message naming the amendment: a reviewer then checks
 * whether the amendment is still needed, instead of it silently not applying.
 *
 * Not for: per-source records (`records.ts`) or the reader's own styles
 * (a style a reader adds is formatted as it is).
 */
import type { StyleId } from './styles.ts';

/** One replacement in a style's XML, with the reason. */
interface StyleAmendment {
  /** Named in the error when `find` no longer matches. */
  readonly name: string;
  /** The exact text of the official style to replace (must occur once). */
  readonly find: string;
  /** What it becomes. */
  readonly replace: string;
}

/**
 * Chicago 17 author-date repeats the full date of a newspaper or magazine
 * article after the periodical's name ("New Yorker, January 25, 2010"):
 * CMOS 17 repeats the year only for a source also identified by month and
 * day. With a year alone the repeat is the year again — "Winstanley-Chesters,
 * Robert. [2015?]. “…” The Conversation, [2015?]." — and an inferred year
 * reads twice. CSL 1.0 cannot test which date parts are known (the styles'
 * maintainers say so: citation-style-language/styles#3638); citeproc-js's
 * `has-year-only` condition (a CSL-M extension it implements) can, so the
 * repeat is kept for a date with a month and left out for a year alone.
 * The 18th-edition style gives month and day only there, so it never repeats.
 */
const CHICAGO_17_NEWS_YEAR_ONCE: StyleAmendment = {
  name: 'Chicago 17 author-date: a year-only date of a news article is not repeated',
  find: `      <if match="any" type="article-magazine article-newspaper">
        <!-- magazines and newspapers provide the full date in place of volume/issue numbers (CMOS18 14.87, 14.89) -->
        <text macro="date-issued-full"/>
      </if>`,
  replace: `      <if match="any" type="article-magazine article-newspaper">
        <!-- magazines and newspapers provide the full date in place of volume/issue numbers (CMOS18 14.87, 14.89) -->
        <!-- Diptych: not when only the year is known, which the entry already gives (style-amendments.ts) -->
        <choose>
          <if has-year-only="issued" match="none">
            <text macro="date-issued-full"/>
          </if>
        </choose>
      </if>`,
};

/** The amendments per built-in style, applied in order. */
const AMENDMENTS: Readonly<Partial<Record<StyleId, readonly StyleAmendment[]>>> = {
  'chicago-author-date-17': [CHICAGO_17_NEWS_YEAR_ONCE],
};

/**
 * The XML of built-in style `style` with its amendments applied (most styles
 * have none and come back unchanged). Pure. Throws, naming the amendment, if
 * the official text it replaces is not found exactly once.
 */
export function amendStyle(style: StyleId, xml: string): string {
  let out = xml;
  for (const amendment of AMENDMENTS[style] ?? []) {
    const at = out.indexOf(amendment.find);
    if (at === -1 || out.indexOf(amendment.find, at + 1) !== -1) {
      throw new Error(
        `style amendment “${amendment.name}” no longer matches the official ${style} style exactly once: review it (sources/citation/style-amendments.ts)`,
      );
    }
    out = out.slice(0, at) + amendment.replace + out.slice(at + amendment.find.length);
  }
  return out;
}
