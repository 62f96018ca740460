// NO_COLOR from the command line: the demo's recording and every report come out without colour,
// even with FORCE_COLOR asking Ink's chalk for it (without NO_COLOR the recording has colour, so the
// check can fail). The terminal itself is checked in test/e2e/no-color.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/pos-sim.js');
const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-no-color-'));
const SLOW = { timeout: 240_000 };

/** SGR sequences that set a colour (39 and 49 only reset it). */
const COLOR = /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const posSim = (args: readonly string[], noColor: string) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    FORCE_COLOR: '3',
    NO_COLOR: noColor,
    POS_SIM_DATA_DIR: join(scratch, 'data'),
    POS_SIM_LANG: 'zh',
  };
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, input: '', encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw run.error;
  return { code: run.status, output: run.stdout + run.stderr };
};

describe('NO_COLOR', () => {
  it('keeps colour out of a demo recording, and keeps bold and inverse in', SLOW, () => {
    const cast = (noColor: string) => {
      const file = join(scratch, `p1-${noColor || 'colour'}.cast`);
      expect(posSim(['demo', 'p1-deregister-unionpay', '--speed', '100', '--record', file], noColor).code).toBe(0);
      return JSON.parse(`[${readFileSync(file, 'utf8').trim().split('\n').slice(1).join(',')}]`)
        .map((event: [number, string, string]) => event[2])
        .join('');
    };
    const plain = cast('1');
    expect(plain).not.toMatch(COLOR);
    expect(plain).toContain('\u001B[7m');
    expect(plain).toContain('\u001B[1m');
    expect(cast('')).toMatch(COLOR);
  });

  it('keeps colour out of every report: help, profiles, chart, records, a failed run and a bad input', SLOW, () => {
    const failing = join(scratch, 'failing.yaml');
    writeFileSync(failing, 'name: 失败\nsteps:\n  - expect: 不存在的文字\n');
    const runs = [
      posSim(['--help'], '1'),
      posSim(['profiles'], '1'),
      posSim(['chart'], '1'),
      posSim(['records'], '1'),
      posSim(['run', failing], '1'),
      posSim(['run', '--reporter', 'tap', failing], '1'),
      posSim(['run', join(scratch, 'missing.yaml')], '1'),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 1, 1, 2]);
    for (const run of runs) expect(run.output).not.toContain('\u001B[');
  });
});
