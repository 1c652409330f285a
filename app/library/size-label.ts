/** A text's size in characters, as the Library lists it ("12 K characters"). */
export function sizeLabel(chars: number): string {
  if (chars < 1024) return `${chars} characters`;
  if (chars < 1024 * 1024) return `${Math.round(chars / 1024)} K characters`;
  return `${(chars / 1024 / 1024).toFixed(1)} M characters`;
}
