/**
 * A real terminal for end-to-end tests: a tmux server of its own (one socket per terminal, so runs
 * never collide), keys sent with send-keys, the screen read with capture-pane.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { DISPLAY } from '../../src/screen/screen-text.js';

const run = promisify(execFile);

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/pos-sim.js`;
export const CLI_BUNDLE = `${ROOT}dist/cli.js`;
export const isBuilt = () => existsSync(CLI_BUNDLE);

/** The device frame as Ink draws it: display plus border and padding. */
export const FRAME_WIDTH = DISPLAY.columns + 4;
export const FRAME_HEIGHT = DISPLAY.rows + 7;

let sockets = 0;

/** Single-quotes a word for sh. */
export const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

export type WaitOptions = {
  readonly timeout?: number;
  /** What was awaited, for the failure message; a function hears the last screen. */
  readonly what?: string | ((screen: string) => string);
};

export class Terminal {
  readonly socket: string;
  /** The last screen read. */
  screen = '';

  private constructor(socket: string) {
    this.socket = socket;
  }

  /** A terminal of `columns`x`rows` running `command` (through sh) in the project folder. */
  static async open(command: string, { columns = 80, rows = 24 } = {}): Promise<Terminal> {
    const terminal = new Terminal(`pos-sim-e2e-${process.pid}-${++sockets}`);
    await terminal.tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-c', ROOT, command);
    return terminal;
  }

  async tmux(...args: string[]): Promise<string> {
    const { stdout } = await run('tmux', ['-f', '/dev/null', '-L', this.socket, ...args], { encoding: 'utf8' });
    return stdout;
  }

  /** Sends tmux key names: Enter, Escape, Down, C-c, m. */
  async send(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', '0', ...keys);
  }

  /** Types text as it is (no key names). */
  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', '0', '-l', text);
  }

  async capture(): Promise<string> {
    this.screen = await this.tmux('capture-pane', '-p', '-t', '0');
    return this.screen;
  }

  /** A tmux format value of the pane, e.g. #{alternate_on}. */
  async format(format: string): Promise<string> {
    return (await this.tmux('display-message', '-p', '-t', '0', format)).trim();
  }

  /**
   * Polls the screen until `test` holds (a text it must contain, or a predicate) and returns that
   * screen; fails with the last screen after `timeout` ms.
   */
  async waitFor(test: string | ((screen: string) => boolean), { timeout = 10_000, what }: WaitOptions = {}): Promise<string> {
    const matches = typeof test === 'string' ? (screen: string) => screen.includes(test) : test;
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = await this.capture();
      if (matches(screen)) return screen;
      if (Date.now() > deadline) {
        const wanted =
          (typeof what === 'function' ? what(screen) : what) ?? (typeof test === 'string' ? `"${test}"` : 'the expected screen');
        throw new Error(`Waited ${timeout} ms for ${wanted}; the terminal shows:\n${screen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  /** Ends the terminal (its programs get a hang-up) and removes the server's socket file. */
  async close(): Promise<void> {
    const socketPath = await this.format('#{socket_path}').catch(() => '');
    await this.tmux('kill-server').catch(() => undefined);
    if (socketPath) rmSync(socketPath, { force: true });
  }
}

/** The character that starts at display column `column` of `line`, or undefined (none, or inside a wide one). */
export const charAtColumn = (line: string, column: number): string | undefined => {
  let at = 0;
  for (const char of line) {
    if (at === column) return char;
    at += stringWidth(char);
    if (at > column) return undefined;
  }
  return undefined;
};

/** A border line of the device frame: '-', or '=' while the keypad is the terminal's beside the phone. */
const BORDER = /^\+(?:-+|=+)\+/;

/** The device frame's lines on a screen (top border to bottom border), or undefined when there is none. */
export const frameLines = (screen: string): string[] | undefined => {
  const lines = screen.split('\n');
  const top = lines.findIndex((line) => BORDER.test(line));
  if (top < 0) return undefined;
  const bottom = lines.findIndex((line, index) => index > top && BORDER.test(line));
  return bottom < 0 ? lines.slice(top) : lines.slice(top, bottom + 1);
};

/**
 * What is wrong with the frame's alignment: each line must have its left border at column 0 and
 * its right border at the same display column as the top corner; an empty list when all is well.
 * The usual frame unless another display's size is given.
 */
export const frameProblems = (screen: string, { width, height } = { width: FRAME_WIDTH, height: FRAME_HEIGHT }): string[] => {
  const lines = frameLines(screen);
  if (!lines) return ['no device frame on screen'];
  const problems: string[] = [];
  const right = width - 1;
  if (lines.length !== height) problems.push(`the frame has ${lines.length} lines, not ${height}`);
  lines.forEach((line, index) => {
    const edge = index === 0 || index === lines.length - 1 ? '+' : '|';
    if (charAtColumn(line, 0) !== edge) problems.push(`line ${index + 1} does not start with "${edge}": ${line}`);
    if (charAtColumn(line, right) !== edge) {
      problems.push(`line ${index + 1} has no "${edge}" at column ${right + 1} (display width ${stringWidth(line)}): ${line}`);
    }
  });
  return problems;
};

/** The body rows inside the frame, border and padding removed, right-trimmed. */
export const frameRows = (screen: string): string[] =>
  (frameLines(screen) ?? []).slice(1, -1).map((line) => {
    let text = '';
    let at = 0;
    for (const char of line) {
      if (at >= 2 && at < FRAME_WIDTH - 2) text += char;
      at += stringWidth(char);
    }
    return text.trimEnd();
  });

/** The title row of the device display (the row under the status line and rule). */
export const titleOf = (screen: string): string => (frameRows(screen)[2] ?? '').trim();

/** The highlighted menu row ("> 3.云闪付"), without the marker. */
export const selectedRow = (screen: string): string | undefined =>
  frameRows(screen)
    .find((row) => row.startsWith('> '))
    ?.slice(2);
