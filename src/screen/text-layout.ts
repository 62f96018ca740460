/**
 * Lays a Screen out on the device's character grid: breaks lines to the display's width (a Chinese
 * character takes two columns, see line-breaks), and scrolls long lists so the selected line stays
 * in view. The UI and the
 * headless runner both read this layout, so a script sees what a person sees.
 */
import { breakLine } from '../line-breaks.js';
import type { LineTone, Screen } from './screen.js';

export type GridSize = { readonly columns: number; readonly rows: number };

export type GridLine = {
  readonly text: string;
  readonly selected: boolean;
  readonly tone: LineTone;
  /** This row continues the line above (it was wrapped). */
  readonly continued: boolean;
  /** What the line had at this break and no row shows (the spaces broken at, or ''); '' on a line's first row. */
  readonly joint: string;
  /** Spaces of hanging indent at the start of a continued row's text that the line did not have. */
  readonly indent: number;
  /** Columns at the start of `text` kept for the selection marker: 2 when absent (the smart display's "> "). */
  readonly gutter?: number;
  /** Where in the row the selected item is (columns, end excluded), when it is not the whole row (two items a line). */
  readonly cursor?: { readonly from: number; readonly to: number };
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
  // Loops, not closures made at each layout: V8 optimised each anew.
  const wrapped: GridLine[] = [];
  for (const line of screen.lines) {
    const selected = line.selected === true;
    const tone = line.tone ?? 'normal';
    let piece = 0;
    for (const { text, joint, indent } of breakLine(line.text, size.columns)) {
      wrapped.push({ text, selected, tone, continued: piece > 0, joint, indent });
      piece += 1;
    }
  }
  if (screen.progress !== undefined) {
    wrapped.push({
      text: progressBar(screen.progress, size.columns),
      selected: false,
      tone: 'normal',
      continued: false,
      joint: '',
      indent: 0,
    });
  }
  return wrapped;
};

/** The body laid out: its rows in view, and what is out of view. */
export type LaidOutBody = {
  readonly rows: GridLine[];
  /** More rows than the display and nothing selected to scroll to: its last rows are never seen. */
  readonly cutOff: boolean;
  /** Where a list scrolled with its selection has rows out of view: `^` above, `v` below, `^v` both, or ''. */
  readonly more: string;
};

/**
 * The body rows of the screen (without title and hints), scrolled to keep the selection visible;
 * whether rows are cut off (a list scrolls with its selection, so it is never cut off); and where a
 * scrolled list has rows out of view.
 */
export const layoutBody = (screen: Screen, size: GridSize): LaidOutBody => {
  const wrapped = wrapBody(screen, size);
  let firstSelected = -1;
  let lastSelected = -1;
  for (const [index, line] of wrapped.entries()) {
    if (!line.selected) continue;
    if (firstSelected < 0) firstSelected = index;
    lastSelected = index;
  }
  const top = lastSelected >= size.rows ? Math.min(firstSelected, lastSelected - size.rows + 1) : 0;
  const scrolls = firstSelected >= 0;
  const more = scrolls ? `${top > 0 ? '^' : ''}${top + size.rows < wrapped.length ? 'v' : ''}` : '';
  return { rows: wrapped.slice(top, top + size.rows), cutOff: wrapped.length > size.rows && !scrolls, more };
};

/** Whether a screen's last rows are never seen (see layoutBody). */
export const isCutOff = (screen: Screen, size: GridSize): boolean => layoutBody(screen, size).cutOff;
