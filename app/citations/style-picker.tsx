/**
 * The style picker: the built-in styles, then the styles the reader added
 * (**Add a style…** in the Bibliography dialog). Changing it stores the
 * choice (`citation-style.ts`).
 */
import { useId, type ReactNode } from 'react';
import type { CustomStyle } from '../../sources/citation/custom-style.ts';
import { STYLES } from '../../sources/citation/styles.ts';

/** Props of `StylePicker`. */
export interface StylePickerProps {
  readonly style: string;
  readonly onChange: (style: string) => void;
  /** Styles the reader added. */
  readonly customStyles?: readonly CustomStyle[];
}

/** The picker. */
export function StylePicker({ style, onChange, customStyles = [] }: StylePickerProps): ReactNode {
  const id = useId();
  const known = [...STYLES.map((s) => s.id as string), ...customStyles.map((s) => s.id)];
  return (
    <label className="style-picker">
      {/* Named by the span alone (a wrapping label would add the selected option to the name). */}
      <span id={`${id}-style`}>Style</span>
      <select
        aria-labelledby={`${id}-style`}
        value={style}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (known.includes(value)) onChange(value);
        }}
      >
        {STYLES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
        {customStyles.length > 0 && (
          <optgroup label="Added by you">
            {customStyles.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
