/**
 * The citation style picker: the six styles by label, the chosen one
 * selected. A native `<select>` with a visible label.
 */
import type { ReactNode } from 'react';
import { STYLES, StyleIdSchema, type StyleId } from '../../sources/citation/styles.ts';

/** Props of `StylePicker`. */
export interface StylePickerProps {
  readonly style: StyleId;
  readonly onChange: (style: StyleId) => void;
}

/** The picker. */
export function StylePicker({ style, onChange }: StylePickerProps): ReactNode {
  return (
    <label className="style-picker">
      <span>Style</span>
      <select
        value={style}
        onChange={(e) => {
          const parsed = StyleIdSchema.safeParse(e.currentTarget.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        {STYLES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
