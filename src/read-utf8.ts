/**
 * Text files people write (walkthroughs, pieces, suite files, profiles, practice tasks), read as
 * UTF-8. An editor may save another encoding (GBK or UTF-16 on Chinese Windows, Latin-1): such a
 * file is refused at its first byte that is not UTF-8, rather than read with replacement characters
 * and run on garbled text. A file larger than any such file is refused before it is read, rather
 * than run out of memory on it (a walkthrough holds some 1.7 KB per step once read).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { toolText } from './i18n/tool-lang.js';
import { shownPath } from './shown-path.js';

/** A file that is not UTF-8 (`file:line:col: …` at its first byte that is not) or too large: what is wrong, with the fix. */
export type Unreadable = { readonly problem: string };

/** The largest text file read: 8 MB is some 500,000 steps, far more than a walkthrough a person writes. */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;

const REPLACEMENT = '\uFFFD';
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT);

/** Where the first byte that is not UTF-8 is: the first U+FFFD the decoder made that the file does not hold. */
const firstBadByte = (bytes: Buffer, text: string): { line: number; column: number } => {
  for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) {
    const before = text.slice(0, at);
    const offset = Buffer.byteLength(before);
    if (!bytes.subarray(offset, offset + REPLACEMENT_BYTES.length).equals(REPLACEMENT_BYTES)) {
      const lines = before.split('\n');
      return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    }
  }
  return { line: 1, column: 1 };
};

/** The file's text, or why it is not read. Throws as readFileSync does when the file cannot be read. */
export const readUtf8 = (file: string): string | Unreadable => {
  const { size } = statSync(file);
  if (size > MAX_TEXT_FILE_BYTES) {
    const megabytes = (bytes: number) => (bytes / MEGABYTE).toFixed(1).replace(/\.0$/, '');
    return { problem: `${shownPath(file)}: ${toolText('file.tooLarge', { size: megabytes(size), max: megabytes(MAX_TEXT_FILE_BYTES) })}` };
  }
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return text;
  const { line, column } = firstBadByte(bytes, text);
  return { problem: `${shownPath(file)}:${line}:${column}: ${toolText('file.notUtf8')}` };
};
