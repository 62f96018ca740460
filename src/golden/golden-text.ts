/**
 * A golden screen snapshot as a text file a person reviews in a diff: the display row by row
 * between bars (so the width and the spaces show), with `selected` and the line's tone after a
 * row that has them, then the phone's text and the printer's paper when they are shown. Written
 * from a capture and read back into one, so a stored snapshot can be compared and drawn.
 *
 * ```
 * pos-sim screen 36x10 zh
 * |在线  10086021                 09:00|
 * |免密支付                            |
 * |> 1.[x] 开启免密支付                | selected
 * ...
 * phone 32x9
 * |138****1234                09:03|
 * |短信                            |
 * ...
 * printer
 * |          签购单
 * ```
 */
import stringWidth from 'string-width';
import { isLang } from '../i18n/messages.js';
import type { LineTone } from '../screen/screen.js';
import type { CapturedLine, CapturedPhone, ScreenCapture } from '../picture/screen-capture.js';
import { PHONE_DISPLAY } from '../phone/phone-display.js';

const HEADER = /^pos-sim screen (\d+)x(\d+) (\w+)$/;
const PHONE = /^phone (\d+)x(\d+)$/;
const TONES: readonly LineTone[] = ['muted', 'error', 'success', 'warning'];

/** A stored snapshot that cannot be read: which line, and what is wrong. */
export class GoldenFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A display row between bars, padded to the display's width, with its notes after. */
export const displayRow = (text: string, columns: number, line?: Pick<CapturedLine, 'selected' | 'tone'>): string => {
  const notes = [line?.selected ? 'selected' : '', line && line.tone !== 'normal' ? line.tone : ''].filter(Boolean);
  return `|${text}${' '.repeat(Math.max(0, columns - stringWidth(text)))}|${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`;
};

/** A screen's rows between bars: status, title, body, soft keys. */
const screenRows = (screen: CapturedPhone, columns: number): string[] => [
  displayRow(screen.status, columns),
  displayRow(screen.title, columns),
  ...screen.body.map((line) => displayRow(line.text, columns, line)),
  displayRow(screen.hints, columns),
];

/** The capture as a golden file's text (ending in a newline). */
export const goldenText = (capture: ScreenCapture): string => {
  const { columns, rows } = capture.display;
  const lines = [`pos-sim screen ${columns}x${rows} ${capture.lang}`, ...screenRows(capture, columns)];
  if (capture.phone)
    lines.push(`phone ${PHONE_DISPLAY.columns}x${capture.phone.body.length}`, ...screenRows(capture.phone, PHONE_DISPLAY.columns));
  if (capture.paper) lines.push('printer', ...capture.paper.map((line) => `|${line}`));
  return `${lines.join('\n')}\n`;
};

/** One display row read back: the text between the bars, and its notes. */
const readRow = (row: string | undefined, number: number): { readonly text: string } & Pick<CapturedLine, 'selected' | 'tone'> => {
  const end = row?.lastIndexOf('|') ?? -1;
  if (row === undefined || !row.startsWith('|') || end < 1) throw new GoldenFormatError(number, `|…|`);
  const notes = row
    .slice(end + 1)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const tone = notes.find((note): note is LineTone => (TONES as readonly string[]).includes(note)) ?? 'normal';
  const unknown = notes.find((note) => note !== 'selected' && note !== tone);
  if (unknown !== undefined) throw new GoldenFormatError(number, `selected, ${TONES.join(', ')}`);
  return { text: row.slice(1, end).trimEnd(), selected: notes.includes('selected'), tone };
};

/** A screen's rows read back from `from` (0-based): status, title, `rows` body rows, soft keys. */
const readScreen = (lines: readonly string[], from: number, rows: number): CapturedPhone => {
  const row = (index: number) => readRow(lines[index], index + 1);
  return {
    status: row(from).text,
    title: row(from + 1).text,
    body: Array.from({ length: rows }, (_, index) => row(from + 2 + index)),
    hints: row(from + 2 + rows).text,
  };
};

/** The lines after a section's heading that belong to it (each starts with a bar), without the bar. */
const sectionLines = (lines: readonly string[], from: number): string[] => {
  const taken: string[] = [];
  for (let index = from; index < lines.length && lines[index]?.startsWith('|'); index++) taken.push((lines[index] ?? '').slice(1));
  return taken;
};

/** A golden file's text read back into a capture; throws GoldenFormatError naming the line (1-based) and what it should hold. */
export const readGolden = (text: string): ScreenCapture => {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const header = HEADER.exec(lines[0] ?? '');
  const lang = header?.[3];
  if (!header || !isLang(lang)) throw new GoldenFormatError(1, 'pos-sim screen COLUMNSxROWS zh|en');
  const display = { columns: Number(header[1]), rows: Number(header[2]) };
  const screen = readScreen(lines, 1, display.rows);
  let next = 4 + display.rows;
  let phone: CapturedPhone | undefined;
  let paper: ScreenCapture['paper'];
  const phoneLine = PHONE.exec(lines[next] ?? '');
  if (phoneLine) {
    const phoneRows = Number(phoneLine[2]);
    phone = readScreen(lines, next + 1, phoneRows);
    next += 1 + 3 + phoneRows;
  }
  if (lines[next] === 'printer') {
    paper = sectionLines(lines, next + 1);
    next += 1 + paper.length;
  }
  if (next < lines.length) throw new GoldenFormatError(next + 1, lines[next] === undefined ? '' : 'phone … | printer');
  return { lang, display, ...screen, ...(phone ? { phone } : {}), ...(paper ? { paper } : {}) };
};
