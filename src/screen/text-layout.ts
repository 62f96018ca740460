/**
 * Lays a Screen out on the device's character grid: wraps by display width (a Chinese character
 * takes two columns), and scrolls long lists so the selected line stays in view. The UI and the
 * headless runner both read this layout, so a script sees what a person sees.
 */
import stringWidth from 'string-width';
import type { LineTone, Screen } from './screen.js';

export type GridSize = { readonly columns: number; readonly rows: number };

export type GridLine = {
  readonly text: string;
  readonly selected: boolean;
  readonly tone: LineTone;
  /** This row continues the line above (it was wrapped). */
  readonly continued: boolean;
};

/** Punctuation that may not begin a line (禁则). */
const CLOSING_PUNCTUATION = '，。、；：？！）」』】》,.;:?!)';

/** Splits text into pieces no wider than `columns` display columns, breaking at spaces where it can. */
export const wrapToWidth = (text: string, columns: number): string[] => {
  // Most lines fit: measure once (string-width is costly, and measuring per character is quadratic).
  if (stringWidth(text) <= columns) return [text];
  const rows: string[] = [];
  let row = '';
  for (const char of text) {
    if (stringWidth(row + char) > columns) {
      const breakAt = row.lastIndexOf(' ');
      if (breakAt > 0 && char !== ' ') {
        rows.push(row.slice(0, breakAt));
        row = row.slice(breakAt + 1);
      } else if (CLOSING_PUNCTUATION.includes(char) && [...row].length > 1) {
        // Chinese typesetting never starts a line with closing punctuation: take a character down with it.
        const chars = [...row];
        rows.push(chars.slice(0, -1).join(''));
        row = chars.at(-1) ?? '';
      } else {
        rows.push(row);
        row = '';
      }
      if (char === ' ') continue;
    }
    row += char;
  }
  rows.push(row);
  return rows;
};

// ASCII only: block characters are ambiguous-width and break the frame in CJK terminals.
const PROGRESS_CELLS = '#';
const PROGRESS_EMPTY = '.';

export const progressBar = (share: number, columns: number): string => {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * columns);
  return PROGRESS_CELLS.repeat(filled) + PROGRESS_EMPTY.repeat(columns - filled);
};

/** Every body row of the screen, wrapped to the width, however many there are. */
const wrapBody = (screen: Screen, size: GridSize): GridLine[] => {
  const wrapped = screen.lines.flatMap((line) =>
    wrapToWidth(line.text, size.columns).map((text, piece) => ({
      text,
      selected: line.selected === true,
      tone: line.tone ?? 'normal',
      continued: piece > 0,
    })),
  );
  if (screen.progress !== undefined) {
    wrapped.push({ text: progressBar(screen.progress, size.columns), selected: false, tone: 'normal', continued: false });
  }
  return wrapped;
};

/**
 * A screen with more rows than the display and nothing selected to scroll to: its last rows are
 * never seen. A list scrolls with its selection, so it is never cut off.
 */
export const isCutOff = (screen: Screen, size: GridSize): boolean => {
  const wrapped = wrapBody(screen, size);
  return wrapped.length > size.rows && !wrapped.some((line) => line.selected);
};

/** The body rows of the screen (without title and hints), scrolled to keep the selection visible. */
export const layoutBody = (screen: Screen, size: GridSize): GridLine[] => {
  const wrapped = wrapBody(screen, size);
  const firstSelected = wrapped.findIndex((line) => line.selected);
  const lastSelected = wrapped.findLastIndex((line) => line.selected);
  const top = lastSelected >= size.rows ? Math.min(firstSelected, lastSelected - size.rows + 1) : 0;
  return wrapped.slice(top, top + size.rows);
};
