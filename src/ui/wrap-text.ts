/** Line breaking for the practice cards beside the device (Ink's own wrap starts lines with the space it broke at). */
import stringWidth from 'string-width';

const CLOSING = '，。、；：？！）」』】';

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\x21-\x7e]/.test(char);

/**
 * Text broken into lines of at most `columns`: between Chinese characters anywhere, never inside a
 * Latin word or number (POS, 123456), no line starting with a space or with closing punctuation.
 */
export const wrapped = (text: string, columns: number): string => {
  const width = Math.max(1, columns);
  const lines: string[] = [];
  let row = '';
  for (const char of text) {
    if (stringWidth(row + char) <= width) {
      row += char;
      continue;
    }
    if (char === ' ') {
      lines.push(row.trimEnd());
      row = '';
      continue;
    }
    const chars = [...row];
    let cut = chars.length;
    // Chinese punctuation that closes (，。) never starts a line: the character before it comes along.
    if (CLOSING.includes(char) && chars.length > 1) cut = chars.length - 1;
    else if (isWordChar(char)) {
      let start = chars.length;
      while (start > 0 && isWordChar(chars[start - 1])) start -= 1;
      if (start > 0) cut = start;
    }
    lines.push(chars.slice(0, cut).join('').trimEnd());
    row = chars.slice(cut).join('').trimStart() + char;
  }
  lines.push(row);
  return lines.join('\n');
};
