/**
 * The stdout Ink draws the demo on when it is being recorded: every write goes to the recorder and,
 * when there is one, to the terminal. Without a terminal it pretends to be one of a fixed size,
 * so that Ink lays the demo out as it would on screen.
 */
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

/** Home the cursor and clear the screen: draws a whole frame from the top-left. */
export const CLEAR_SCREEN = '\u001B[H\u001B[2J';

/** Show the cursor again: how a program leaves the terminal, and how a recording ends. */
export const SHOW_CURSOR = '\u001B[?25h';

/** Ink draws only the last frame under CI (the is-in-ci rule it uses), unless asked for every frame whole. */
export const inkDrawsLastFrameOnly = (env: NodeJS.ProcessEnv): boolean =>
  ['CI', 'CONTINUOUS_INTEGRATION'].some((name) => name in env && env[name] !== '0' && env[name] !== 'false');

export type TeeOptions = {
  /** The terminal to draw on too; none when stdout is not a terminal. */
  readonly terminal?: NodeJS.WriteStream | undefined;
  /** The size to report when there is no terminal. */
  readonly size: { readonly columns: number; readonly rows: number };
  readonly onData: (data: string) => void;
  readonly onResize?: (columns: number, rows: number) => void;
  /**
   * Each write is a whole frame (Ink's debug mode, used under CI where Ink would otherwise draw only
   * the last frame): draw it from the top-left of a cleared screen.
   */
  readonly wholeFrames?: boolean;
};

export class TeeStdout extends Writable {
  /** Ink draws for a terminal (cursor moves, erasing), which is what a recording replays. */
  readonly isTTY = true;
  private readonly forwardResize = () => {
    this.options.onResize?.(this.columns, this.rows);
    this.emit('resize');
  };

  constructor(private readonly options: TeeOptions) {
    super({ decodeStrings: false });
    options.terminal?.on('resize', this.forwardResize);
  }

  get columns(): number {
    return this.options.terminal?.columns || this.options.size.columns;
  }

  get rows(): number {
    return this.options.terminal?.rows || this.options.size.rows;
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    // Writes with nothing to see (Ink's closing newline, showing the cursor again) are not frames.
    const data = this.options.wholeFrames && stripVTControlCharacters(text).trim() !== '' ? CLEAR_SCREEN + text : text;
    this.options.onData(data);
    // The terminal's stream keeps the order; not waiting for it keeps the recording's times exact.
    this.options.terminal?.write(data);
    callback();
  }

  /** Stops following the terminal's size. */
  dispose(): void {
    this.options.terminal?.off('resize', this.forwardResize);
  }
}
