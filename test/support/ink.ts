// Driving an Ink app rendered by ink-testing-library: keys as the terminal sends them, and waiting
// for the next frame (right after stdin.write the last frame is still the old one).
import { stripVTControlCharacters } from 'node:util';
import type { render } from 'ink-testing-library';

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
export const waitForFrame = async (rendered: Rendered, check: (frame: string) => boolean, what: string, timeoutMs = 5000): Promise<string> => {
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
  return text === undefined ? waitForFrame(rendered, (frame) => frame !== before, `a change after ${JSON.stringify(keys)}`) : waitForText(rendered, text);
};
