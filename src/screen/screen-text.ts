/**
 * The device display as rows of text, exactly as the UI frame draws them: status line, title,
 * body (selection marked with >) and the soft-key line. Scripts and tests assert on this text.
 */
import type { Translate } from '../i18n/messages.js';
import type { Screen, StatusBar } from './screen.js';
import { layoutBody, type GridLine, type GridSize } from './text-layout.js';
import stringWidth from 'string-width';
import { DEFAULT_DISPLAY } from './default-display.js';

/** The display of a profile that does not name one (most smart terminals in landscape). */
export const DISPLAY: GridSize = DEFAULT_DISPLAY;

/** Columns taken by the selection marker in front of each body row. */
const MARKER_WIDTH = 2;

export type DisplayRows = {
  readonly status: string;
  readonly title: string;
  /** Exactly as many rows as the display has. */
  readonly body: readonly GridLine[];
  readonly hints: string;
};

const spread = (left: string, right: string, columns: number) =>
  left + ' '.repeat(Math.max(1, columns - stringWidth(left) - stringWidth(right))) + right;

/** The grid the body of a screen is laid out on: the display's rows, less the marker column. */
export const bodySize = (size: GridSize = DISPLAY): GridSize => ({ columns: size.columns - MARKER_WIDTH, rows: size.rows });

export const displayRows = (screen: Screen, status: StatusBar, t: Translate, size: GridSize = DISPLAY): DisplayRows => {
  const body = layoutBody(screen, bodySize(size)).map((line) => ({
    ...line,
    text: `${line.continued ? '  ' : line.selected ? '> ' : '  '}${line.text}`,
  }));
  while (body.length < size.rows) body.push({ text: '', selected: false, tone: 'normal', continued: false, joint: '', indent: 0 });
  const confirm = screen.hints.confirm ? `[${t('hint.confirm')}]${screen.hints.confirm}` : '';
  const cancel = screen.hints.cancel ? `[${t('hint.cancel')}]${screen.hints.cancel}` : '';
  return {
    status: spread(`${t(status.online ? 'status.online' : 'status.offline')}  ${status.terminalId}`, status.time, size.columns),
    title: screen.title,
    body,
    hints: spread(cancel, confirm, size.columns),
  };
};

/** The display as plain text, one row a line, trailing spaces trimmed. */
export const displayText = (rows: DisplayRows): string =>
  [rows.status, rows.title, ...rows.body.map((line) => line.text), rows.hints]
    .map((row) => row.trimEnd())
    .join('\n');

/**
 * The display as text to match against: like displayText, but a line the display broke is put back
 * together exactly as it was (what each break took out put back, hanging indents taken off), so an
 * expectation finds a sentence however, and on whatever display, it was broken.
 */
export const matchableText = (rows: DisplayRows): string => {
  const body: string[] = [];
  for (const line of rows.body) {
    const previous = body.at(-1);
    if (line.continued && previous !== undefined) body[body.length - 1] = previous + line.joint + line.text.slice(MARKER_WIDTH + line.indent);
    else body.push(line.text);
  }
  return [rows.status, rows.title, ...body, rows.hints].map((row) => row.trimEnd()).join('\n');
};
