/**
 * Writes an asciinema recording (asciicast v2, https://docs.asciinema.org/manual/asciicast/v2/):
 * a header line of JSON, then one JSON array a line per event: [seconds, "o", output] for what
 * was written to the terminal, [seconds, "m", label] for a marker (one per demo step, so a
 * player can jump between steps) and [seconds, "r", "COLSxROWS"] for a resize.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type CastHeader = {
  readonly version: 2;
  readonly width: number;
  readonly height: number;
  /** Unix time (seconds) the recording began. */
  readonly timestamp: number;
  readonly title: string;
  readonly env: { readonly TERM: string; readonly SHELL: string };
};

export type CastEventType = 'o' | 'm' | 'r';
export type CastEvent = readonly [seconds: number, type: CastEventType, data: string];

export type HeaderOptions = {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Wall-clock start, ms since the epoch. */
  readonly now?: number;
};

export const castHeader = ({ width, height, title, env = process.env, now = Date.now() }: HeaderOptions): CastHeader => ({
  version: 2,
  width,
  height,
  timestamp: Math.floor(now / 1000),
  title,
  env: { TERM: env.TERM || 'xterm-256color', SHELL: env.SHELL || '/bin/sh' },
});

/**
 * Output as a terminal receives it. A program's "\n" reaches the screen as "\r\n" (the tty adds the
 * carriage return); captured before the tty, it must be added here or a player's lines would stair-step.
 */
export const toTerminalNewlines = (data: string): string => data.replace(/\r?\n/g, '\r\n');

/** Where the lines go: a file, or a list in tests. */
export type LineSink = { write(line: string): void; close(): void };

export const fileSink = (path: string): LineSink => {
  const fd = openSync(path, 'w');
  return {
    // Synchronous, so that whatever was recorded is on disk even if the process is killed.
    write: (line) => void writeSync(fd, line),
    close: () => closeSync(fd),
  };
};

export class CastWriter {
  private readonly started: number;
  private last = 0;
  private count = 0;
  private closed = false;

  constructor(
    private readonly sink: LineSink,
    readonly header: CastHeader,
    /** A monotonic clock in ms (performance.now, or a simulated one). */
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
    sink.write(`${JSON.stringify(header)}\n`);
  }

  /** Events written so far (not counting the header). */
  get events(): number {
    return this.count;
  }

  /** Seconds since the start, to the microsecond, never less than the last event's. */
  get seconds(): number {
    return this.last;
  }

  output(data: string): void {
    if (data !== '') this.event('o', toTerminalNewlines(data));
  }

  marker(label: string): void {
    this.event('m', label);
  }

  resize(width: number, height: number): void {
    this.event('r', `${width}x${height}`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sink.close();
  }

  private event(type: CastEventType, data: string): void {
    if (this.closed) return;
    const seconds = Math.max(this.last, Math.round((this.clock() - this.started) * 1000) / 1_000_000);
    this.last = seconds;
    this.count += 1;
    this.sink.write(`${JSON.stringify([seconds, type, data] satisfies CastEvent)}\n`);
  }
}

/** Reads a cast back (tests, and a quick check after writing): the header and the events, in order. */
export const parseCast = (text: string): { header: CastHeader; events: CastEvent[] } => {
  const [head, ...lines] = text.split('\n').filter((line) => line !== '');
  if (head === undefined) throw new Error('empty cast');
  return { header: JSON.parse(head) as CastHeader, events: lines.map((line) => JSON.parse(line) as CastEvent) };
};
