/**
 * What differs between a stored screen and the one on the device, cell by cell: each row that
 * differs as the golden file writes it, expected (-) over actual (+), with a line of ^ under the
 * cells that changed (a Chinese character is two cells), and the phone and printer likewise.
 */
import stringWidth from 'string-width';
import { toolText } from '../i18n/tool-lang.js';
import type { ScreenCapture } from '../picture/screen-capture.js';
import { goldenText } from './golden-text.js';

/** At most this many differing lines of a section are shown; the rest are counted. */
const MOST_LINES = 12;

/** The text as cells: a wide character in both of its cells, so a changed one is marked across two. */
const cells = (text: string): string[] => [...text].flatMap((char) => (stringWidth(char) === 2 ? [char, char] : [char]));

/** ^ under each cell where the two texts differ, spaces elsewhere (trailing spaces dropped). */
export const changedCells = (expected: string, actual: string): string => {
  const a = cells(expected);
  const b = cells(actual);
  let marks = '';
  for (let index = 0; index < Math.max(a.length, b.length); index++) marks += (a[index] ?? ' ') === (b[index] ?? ' ') ? ' ' : '^';
  return marks.trimEnd();
};

type Section = { readonly name: string; readonly lines: readonly string[]; /** Lines of the file before it. */ readonly offset: number };

/** The golden text in sections: the header with the display, the phone, the printer. */
const sections = (text: string): Section[] => {
  const found: { name: string; lines: string[]; offset: number }[] = [{ name: 'display', lines: [], offset: 0 }];
  text
    .replace(/\n$/, '')
    .split('\n')
    .forEach((line, index) => {
      if (line.startsWith('phone ')) found.push({ name: 'phone', lines: [], offset: index });
      else if (line === 'printer') found.push({ name: 'printer', lines: [], offset: index });
      found.at(-1)?.lines.push(line);
    });
  return found;
};

/** The differences of one section, line by line, numbered as lines of the golden file. */
const sectionDiff = (offset: number, expected: readonly string[], actual: readonly string[]): string[] => {
  const out: string[] = [];
  let shown = 0;
  let more = 0;
  for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
    const before = expected[index];
    const after = actual[index];
    if (before === after) continue;
    if (shown >= MOST_LINES) {
      more += 1;
      continue;
    }
    shown += 1;
    out.push(toolText('screenDiff.line', { number: offset + index + 1 }));
    if (before !== undefined) out.push(`  - ${before}`);
    if (after !== undefined) out.push(`  + ${after}`);
    if (before !== undefined && after !== undefined) {
      const marks = changedCells(before, after);
      if (marks !== '') out.push(`    ${marks}`);
    }
  }
  if (more > 0) out.push(toolText('screenDiff.more', { count: more }));
  return out;
};

/** The differences between the stored screen and the device's, as lines to read; empty when they are the same. */
export const screenDiff = (expected: ScreenCapture, actual: ScreenCapture): string[] => {
  const before = sections(goldenText(expected));
  const after = sections(goldenText(actual));
  const out: string[] = [];
  for (const name of ['display', 'phone', 'printer']) {
    const a = before.find((section) => section.name === name);
    const b = after.find((section) => section.name === name);
    if (!a && !b) continue;
    if (a && !b) out.push(toolText(`screenDiff.${name as 'phone' | 'printer'}Gone`));
    else if (!a && b) out.push(toolText(`screenDiff.${name as 'phone' | 'printer'}New`));
    out.push(...sectionDiff((a ?? b)?.offset ?? 0, a?.lines ?? [], b?.lines ?? []));
  }
  return out;
};
