/**
 * The device display as rows of text, exactly as the UI frame draws them, laid out for the
 * profile's display: on a smart display the status line, title, body (selection marked with >)
 * and the soft-key line; on a classic LCD the icon strip and its few short lines
 * (classic-layout). Scripts and tests assert on this text.
 */
import type { Translate } from '../i18n/messages.js';
import type { Screen, StatusBar } from './screen.js';
import { layoutBody, type GridLine, type GridSize } from './text-layout.js';
import stringWidth from 'string-width';
import { classicLayout, classicProblems } from './classic-layout.js';
import { DEFAULT_DISPLAY, isClassic, type DisplaySpec } from './default-display.js';
import { isCutOff } from './text-layout.js';

/** The display of a profile that does not name one (most smart terminals in landscape). */
export const DISPLAY: GridSize = DEFAULT_DISPLAY;

/** Columns taken by the selection marker in front of each body row. */
const MARKER_WIDTH = 2;

export type DisplayRows = {
  readonly status: string;
  /** The title as shown ('' where a classic menu took the title's line). */
  readonly title: string;
  /** Exactly as many rows as the display has (on a classic LCD: below the title's line). */
  readonly body: readonly GridLine[];
  /** The soft-key line ('' on a classic LCD, which has none). */
  readonly hints: string;
  /** A smart display's or the phone's list with rows out of view: `^` above, `v` below (see layoutBody). */
  readonly more?: string;
  /** On a classic LCD: the title's line as shown, what follows, what a person can page to. */
  readonly classic?: {
    /** The title centred with the more-marker at its end; undefined where a menu took the line. */
    readonly titleRow: string | undefined;
    /** `1/2` (pages), `v` and `^` (list rows below and above), or ''. */
    readonly more: string;
    /** Every row of a paged text (the page shown among them); the body otherwise. */
    readonly readable: readonly GridLine[];
    /** The page shown and how many there are, when the text is paged. */
    readonly paging?: { readonly page: number; readonly count: number };
  };
};

const spread = (left: string, right: string, columns: number) =>
  left + ' '.repeat(Math.max(1, columns - stringWidth(left) - stringWidth(right))) + right;

/** The grid the body of a screen is laid out on: the display's rows, less the marker column. */
export const bodySize = (size: GridSize = DISPLAY): GridSize => ({ columns: size.columns - MARKER_WIDTH, rows: size.rows });

/**
 * The screen laid out on `size`; `page` is the page of a paged text on a classic LCD (ignored
 * elsewhere, and kept within the pages there are; the page the text opens at when undefined).
 */
export const displayRows = (screen: Screen, status: StatusBar, t: Translate, size: DisplaySpec = DISPLAY, page?: number): DisplayRows => {
  if (isClassic(size)) return classicRows(screen, status, t, size, page);
  const laidOut = layoutBody(screen, bodySize(size));
  const body = laidOut.rows.map((line) => ({
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
    ...(laidOut.more ? { more: laidOut.more } : {}),
  };
};

/** A classic LCD: its icon strip (network and time), then its lines (classic-layout). */
const classicRows = (screen: Screen, status: StatusBar, t: Translate, size: GridSize, page: number | undefined): DisplayRows => {
  const layout = classicLayout(screen, size, page);
  return {
    status: spread(t(status.online ? 'status.online' : 'status.offline'), status.time, size.columns),
    title: layout.title,
    body: layout.body,
    hints: '',
    classic: {
      titleRow: layout.titleRow,
      more: layout.more,
      readable: layout.readable,
      ...(layout.paging ? { paging: layout.paging } : {}),
    },
  };
};

/**
 * Whether a person can never read part of the screen on this display. Smart: rows past the last
 * with nothing selected to scroll to. Classic: a word cut to fit, or list rows no cursor position
 * brings into view (a long text is paged, so it is read whole).
 */
export const isScreenCutOff = (screen: Screen, display: DisplaySpec): boolean =>
  isClassic(display) ? classicProblems(screen, display).length > 0 : isCutOff(screen, bodySize(display));

/** The display's rows top to bottom, as shown. */
const shownRows = (rows: DisplayRows): string[] =>
  rows.classic
    ? [rows.status, ...(rows.classic.titleRow === undefined ? [] : [rows.classic.titleRow]), ...rows.body.map((line) => line.text)]
    : [rows.status, rows.title, ...rows.body.map((line) => line.text), rows.hints];

/** The display as plain text, one row a line, trailing spaces trimmed. */
export const displayText = (rows: DisplayRows): string =>
  shownRows(rows)
    .map((row) => row.trimEnd())
    .join('\n');

/**
 * The display as text to match against: like displayText, but a line the display broke is put back
 * together exactly as it was (what each break took out put back, hanging indents taken off), so an
 * expectation finds a sentence however, and on whatever display, it was broken. On a classic LCD it
 * is every page of a paged text: a person reads the pages after the first by pressing 下, and the
 * title's line says there are more (1/2); the title is read without its marker.
 */
export const matchableText = (rows: DisplayRows): string => {
  const body: string[] = [];
  for (const line of rows.classic?.readable ?? rows.body) {
    const previous = body.at(-1);
    const gutter = line.gutter ?? MARKER_WIDTH;
    if (line.continued && previous !== undefined) body[body.length - 1] = previous + line.joint + line.text.slice(gutter + line.indent);
    else body.push(line.text);
  }
  const top = rows.classic ? [rows.status, ...(rows.classic.titleRow === undefined ? [] : [rows.title])] : [rows.status, rows.title];
  return [...top, ...body, ...(rows.classic ? [] : [rows.hints])].map((row) => row.trimEnd()).join('\n');
};
