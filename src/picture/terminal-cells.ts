/**
 * A terminal frame played into a real terminal emulator (xterm.js, headless) and read back cell by
 * cell: the character in each cell, how many columns it takes (a Chinese character two), and its
 * colours and attributes as the terminal resolved them. The picture is drawn from these cells.
 */
import xterm from '@xterm/headless';
import type { TerminalFrame } from './picture-frame.js';

/** A colour as the terminal holds it: its default, one of the 256 palette colours (`p6`), or `#rrggbb`. */
export type CellColor = 'default' | `p${number}` | `#${string}`;

export type Cell = {
  /** The character; '' for the second column of a wide character. */
  readonly char: string;
  /** Columns taken: 1, 2 for a wide character, 0 for the column a wide one covers. */
  readonly width: number;
  readonly fg: CellColor;
  readonly bg: CellColor;
  readonly bold: boolean;
  readonly dim: boolean;
  readonly inverse: boolean;
};

export type CellGrid = {
  readonly columns: number;
  readonly rows: readonly (readonly Cell[])[];
};

type BufferCell = NonNullable<ReturnType<NonNullable<ReturnType<xterm.Terminal['buffer']['active']['getLine']>>['getCell']>>;

const colorOf = (isDefault: boolean, isPalette: boolean, value: number): CellColor =>
  isDefault ? 'default' : isPalette ? `p${value}` : `#${value.toString(16).padStart(6, '0')}`;

const readCell = (cell: BufferCell): Cell => ({
  char: cell.getChars() || (cell.getWidth() === 0 ? '' : ' '),
  width: cell.getWidth(),
  fg: colorOf(cell.isFgDefault(), cell.isFgPalette(), cell.getFgColor()),
  bg: colorOf(cell.isBgDefault(), cell.isBgPalette(), cell.getBgColor()),
  bold: cell.isBold() !== 0,
  dim: cell.isDim() !== 0,
  inverse: cell.isInverse() !== 0,
});

/** Plain attributes, a cleared screen and the cursor home: each frame is drawn on a blank terminal. */
const CLEAR = '\u001B[0m\u001B[2J\u001B[H';

/**
 * One headless terminal that frames are played into in turn (making a terminal costs more than
 * drawing on it). Frames are played one at a time, in the order asked.
 */
export class TerminalReader {
  private terminal: xterm.Terminal | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** The cells of the terminal once it has drawn the frame. */
  read(frame: TerminalFrame): Promise<CellGrid> {
    const next = this.queue.then(() => this.draw(frame));
    this.queue = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.terminal?.dispose();
    this.terminal = undefined;
  }

  private async draw(frame: TerminalFrame): Promise<CellGrid> {
    const terminal = this.sized(frame.columns, frame.rows);
    await new Promise<void>((resolve) => terminal.write(CLEAR + frame.text, resolve));
    const buffer = terminal.buffer.active;
    const rows: Cell[][] = [];
    for (let y = 0; y < frame.rows; y++) {
      const line = buffer.getLine(y);
      const cells: Cell[] = [];
      for (let x = 0; x < frame.columns; x++) {
        const cell = line?.getCell(x);
        if (cell) cells.push(readCell(cell));
      }
      rows.push(cells);
    }
    return { columns: frame.columns, rows };
  }

  private sized(columns: number, rows: number): xterm.Terminal {
    if (!this.terminal)
      this.terminal = new xterm.Terminal({ cols: columns, rows, convertEol: true, scrollback: 0, allowProposedApi: true });
    else if (this.terminal.cols !== columns || this.terminal.rows !== rows) this.terminal.resize(columns, rows);
    return this.terminal;
  }
}
