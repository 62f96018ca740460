// Driving an Ink app rendered by ink-testing-library: keys as the terminal sends them, and waiting
// for the next frame (right after stdin.write the last frame is still the old one).
import { stripVTControlCharacters } from 'node:util';
import type { render } from 'ink-testing-library';
import { expect } from 'vitest';
import { FRAME_HEIGHT } from '../../src/ui/device-frame.js';

export type Rendered = ReturnType<typeof render>;

export const KEY = {
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
} as const;

export const plain = (frame: string | undefined): string => stripVTControlCharacters(frame ?? '');

/** Polls the rendered output until `check` holds, for at most `timeoutMs`. */
export const waitForFrame = async (
  rendered: Rendered,
  check: (frame: string) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = plain(rendered.lastFrame());
    if (check(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

export const waitForText = (rendered: Rendered, text: string, timeoutMs?: number): Promise<string> =>
  waitForFrame(rendered, (frame) => frame.includes(text), JSON.stringify(text), timeoutMs);

/** Writes keys and waits until the frame changes (or shows `text`, when given). */
export const press = async (rendered: Rendered, keys: string, text?: string): Promise<string> => {
  const before = plain(rendered.lastFrame());
  rendered.stdin.write(keys);
  return text === undefined
    ? waitForFrame(rendered, (frame) => frame !== before, `a change after ${JSON.stringify(keys)}`)
    : waitForText(rendered, text);
};

/** Tells the app its terminal is now `columns` x `rows` (undefined: the terminal does not say). */
export const resize = (rendered: Rendered, columns: number, rows: number | undefined): void => {
  Object.defineProperty(rendered.stdout, 'columns', { configurable: true, get: () => columns });
  Object.defineProperty(rendered.stdout, 'rows', { configurable: true, get: () => rows });
  rendered.stdout.emit('resize');
};

/** The device box: its first `height` lines, each checked to start with a border and cut after the right one. */
export const deviceBox = (frame: string, height: number = FRAME_HEIGHT): string[] =>
  frame
    .split('\n')
    .slice(0, height)
    .map((line) => {
      const border = line[0];
      expect(border === '+' || border === '|', `box line starts with a border: ${JSON.stringify(line)}`).toBe(true);
      const right = line.indexOf(border as string, 1);
      expect(right, `box line has a right border: ${JSON.stringify(line)}`).toBeGreaterThan(0);
      return line.slice(0, right + 1);
    });
