// The asciinema recording: asciicast v2 header, one valid JSON event a line, times that never go
// back, newlines as a terminal gets them, and the stdout Ink draws on while recording.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Box, render, Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { castHeader, CastWriter, fileSink, parseCast, toTerminalNewlines, type LineSink } from '../../src/demo/cast-writer.js';
import { CLEAR_SCREEN, inkDrawsLastFrameOnly, TeeStdout } from '../../src/demo/tee-stdout.js';

const memorySink = () => {
  const lines: string[] = [];
  let closed = false;
  const sink: LineSink = { write: (line) => void lines.push(line), close: () => void (closed = true) };
  return { sink, lines, text: () => lines.join(''), closed: () => closed };
};

const header = castHeader({
  width: 80,
  height: 24,
  title: 'P1 注销云闪付',
  env: { TERM: 'xterm-256color', SHELL: '/bin/zsh' },
  now: 1_767_225_600_999,
});

describe('cast header', () => {
  it('has the asciicast v2 fields', () => {
    expect(header).toEqual({
      version: 2,
      width: 80,
      height: 24,
      timestamp: 1_767_225_600,
      title: 'P1 注销云闪付',
      env: { TERM: 'xterm-256color', SHELL: '/bin/zsh' },
    });
    expect(Number.isInteger(header.timestamp)).toBe(true);
  });

  it('names a terminal and a shell even when the environment has none', () => {
    expect(castHeader({ width: 100, height: 30, title: 't', env: {} }).env).toEqual({ TERM: 'xterm-256color', SHELL: '/bin/sh' });
  });
});

describe('cast events', () => {
  it('are one JSON array a line: [seconds, type, text], the header first', () => {
    const { sink, text } = memorySink();
    let now = 1000;
    const writer = new CastWriter(sink, header, () => now);
    now += 248.848;
    writer.output('\u001B[1;31mHello\u001B[0m 你好\n');
    now += 500;
    writer.marker('1/15 按[菜单]键');
    writer.resize(100, 30);
    const lines = text().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();
    const cast = parseCast(text());
    expect(cast.header).toEqual(header);
    expect(cast.events).toEqual([
      [0.248848, 'o', '\u001B[1;31mHello\u001B[0m 你好\r\n'],
      [0.748848, 'm', '1/15 按[菜单]键'],
      [0.748848, 'r', '100x30'],
    ]);
    expect(writer.events).toBe(3);
  });

  it('never go back in time, and keep microseconds', () => {
    const { sink, text } = memorySink();
    const times = [0, 10.0004, 5, 20.1234567, 20.1234567, 19];
    let index = 0;
    const writer = new CastWriter(sink, header, () => times[index++] ?? 0);
    for (let event = 0; event < times.length - 1; event++) writer.output(`frame ${event}`);
    const seconds = parseCast(text()).events.map(([at]) => at);
    expect(seconds).toEqual([0.01, 0.01, 0.020123, 0.020123, 0.020123]);
    for (let event = 1; event < seconds.length; event++) expect(seconds[event]).toBeGreaterThanOrEqual(seconds[event - 1] as number);
  });

  it('carry newlines as a terminal receives them (\\r\\n), never doubled', () => {
    expect(toTerminalNewlines('a\nb\r\nc\n')).toBe('a\r\nb\r\nc\r\n');
    expect(toTerminalNewlines('\u001B[2K\u001B[1A')).toBe('\u001B[2K\u001B[1A');
  });

  it('skip empty output, and nothing is written after close', () => {
    const { sink, lines, closed } = memorySink();
    const writer = new CastWriter(sink, header, () => 0);
    writer.output('');
    writer.close();
    writer.output('late');
    writer.marker('late');
    writer.close();
    expect(lines).toHaveLength(1);
    expect(closed()).toBe(true);
  });

  it('are on disk as they happen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-sim-cast-'));
    try {
      const file = join(dir, 'demo.cast');
      const writer = new CastWriter(fileSink(file), header, () => 0);
      writer.output('first');
      expect(parseCast(readFileSync(file, 'utf8')).events).toEqual([[0, 'o', 'first']]);
      writer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the stdout Ink draws on while recording', () => {
  it('sends every write to the recording and the terminal', () => {
    const recorded: string[] = [];
    const shown: string[] = [];
    const terminal = Object.assign(new TeeStdout({ size: { columns: 120, rows: 40 }, onData: (data) => shown.push(data) }), {});
    const tee = new TeeStdout({
      terminal: terminal as unknown as NodeJS.WriteStream,
      size: { columns: 80, rows: 24 },
      onData: (data) => recorded.push(data),
    });
    tee.write('frame 1\n');
    tee.write(Buffer.from('帧 2'));
    expect(recorded).toEqual(['frame 1\n', '帧 2']);
    expect(shown).toEqual(['frame 1\n', '帧 2']);
    expect([tee.columns, tee.rows, tee.isTTY]).toEqual([120, 40, true]);
  });

  it('knows when Ink draws only the last frame (CI)', () => {
    expect(inkDrawsLastFrameOnly({ CI: 'true' })).toBe(true);
    expect(inkDrawsLastFrameOnly({ CONTINUOUS_INTEGRATION: '1' })).toBe(true);
    expect(inkDrawsLastFrameOnly({ CI: 'false' })).toBe(false);
    expect(inkDrawsLastFrameOnly({ CI: '0' })).toBe(false);
    expect(inkDrawsLastFrameOnly({})).toBe(false);
  });

  it('is a terminal of the given size when there is none, and draws whole frames from the top when asked', () => {
    const recorded: string[] = [];
    const tee = new TeeStdout({ size: { columns: 80, rows: 24 }, wholeFrames: true, onData: (data) => recorded.push(data) });
    tee.write('frame');
    tee.write('\n');
    tee.write('\u001B[?25h');
    expect(recorded).toEqual([`${CLEAR_SCREEN}frame`, '\n', '\u001B[?25h']);
    expect([tee.columns, tee.rows]).toEqual([80, 24]);
  });

  it('records what Ink draws, frame by frame', async () => {
    const { sink, text } = memorySink();
    const writer = new CastWriter(sink, header);
    // As pos-sim demo does: under CI, Ink is asked for every frame whole.
    const whole = inkDrawsLastFrameOnly(process.env);
    const tee = new TeeStdout({ size: { columns: 80, rows: 24 }, wholeFrames: whole, onData: (data) => writer.output(data) });
    const Counter = ({ n }: { n: number }) => (
      <Box borderStyle="classic">
        <Text>步骤 {n}/3</Text>
      </Box>
    );
    const app = render(<Counter n={1} />, { stdout: tee as unknown as NodeJS.WriteStream, patchConsole: false, debug: whole });
    app.rerender(<Counter n={2} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.rerender(<Counter n={3} />);
    app.unmount();
    await app.waitUntilExit();
    writer.close();
    const output = parseCast(text())
      .events.filter(([, type]) => type === 'o')
      .map(([, , data]) => data)
      .join('');
    for (const n of [1, 2, 3]) expect(output).toContain(`步骤 ${n}/3`);
    expect(output).toMatch(/\+-{78}\+\r\n\|步骤 1\/3 +\|\r\n/);
    expect(output).not.toMatch(/[^\r]\n/);
  });
});
