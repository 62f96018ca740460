/** Text measured in terminal columns, where a Chinese character takes two: padding and cutting. */
import stringWidth from 'string-width';

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

export const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - stringWidth(text))) + text;

/** Cut to `width` columns, with `mark` (… or ..) where it was cut; text that fits is left as it is. */
export const cutToWidth = (text: string, width: number, mark: string): string => {
  if (stringWidth(text) <= width) return text;
  let kept = '';
  for (const char of text) {
    if (stringWidth(`${kept}${char}${mark}`) > width) break;
    kept += char;
  }
  return `${kept}${mark}`;
};

/** The characters of `text` from column `from` up to column `to`; a wide character belongs to the column it starts at. */
export const sliceColumns = (text: string, from: number, to: number = Infinity): string => {
  let column = 0;
  let slice = '';
  for (const char of text) {
    if (column >= from && column < to) slice += char;
    column += stringWidth(char);
  }
  return slice;
};
