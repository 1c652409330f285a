/**
 * A count on a header button's corner ("Annotations ①", "Library ②"): it
 * takes no room in the header's line, where " (1)" and " (2)" in the label
 * wrapped the header to two lines at 1,440 px. The button's name and text
 * stay "Annotations (1)": the parentheses are there for screen readers and
 * for copying, out of sight. (Hidden with `font-size: 0`, inline, not
 * `.visually-hidden`: Chromium puts spaces around an absolutely positioned
 * element's text in a name, and the button was named "Library ( 1 )".) In the phone width's Tools
 * panel the count sits inline after the label (styles.css).
 *
 * Renders a number only.
 */
import type { ReactNode } from 'react';

/** The count, as a badge on its button's corner. */
export function CountBadge({ count }: { readonly count: number }): ReactNode {
  return (
    <span className="count-badge">
      <span> (</span>
      {count}
      <span>)</span>
    </span>
  );
}
