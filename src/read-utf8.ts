/**
 * Text files people write (walkthroughs, pieces, suite files, profiles, practice tasks), read as
 * UTF-8. An editor may save another encoding (GBK or UTF-16 on Chinese Windows, Latin-1): such a
 * file is refused at its first byte that is not UTF-8, rather than read with replacement characters
 * and run on garbled text.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { toolText } from './i18n/tool-lang.js';
import { shownPath } from './shown-path.js';

/** A file that is not UTF-8: `file:line:col: …` at its first byte that is not, with the fix. */
export type NotUtf8 = { readonly notUtf8: string };

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

/** The file's text, or where it is not UTF-8. Throws as readFileSync does when the file cannot be read. */
export const readUtf8 = (file: string): string | NotUtf8 => {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return text;
  const { line, column } = firstBadByte(bytes, text);
  return { notUtf8: `${shownPath(file)}:${line}:${column}: ${toolText('file.notUtf8')}` };
};
