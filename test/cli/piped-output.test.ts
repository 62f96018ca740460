// Output through a pipe arrives whole, at any size, with the exit code kept. The reader here is
// slow on purpose: it reads nothing until pos-sim has ended (or a second has passed), then takes
// the output a chunk at a time, as `pos-sim run … | slow-consumer` in CI would. A pos-sim that
// exits without waiting for its pipes loses everything past what the pipe holds (64 KiB).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceFile } from '../../src/store/data-dir.js';
import { BIN, ROOT, buildWhenStale } from '../support/built-cli.js';

const SLOW = { timeout: 120_000 };

let scratch: string;

type PipedRun = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/**
 * Collects a stream that nobody reads until `start` settles, and then reads it slowly: a pause after
 * every chunk, so that the writer keeps finding the pipe full.
 */
const readSlowly = (stream: Readable, start: Promise<unknown>): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.pause();
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      stream.pause();
      setTimeout(() => stream.resume(), 2);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
    void start.then(() => stream.resume());
  });

/** Runs `pos-sim ARGS` with stdout and stderr on pipes that a slow reader drains from when it has ended, or after a second. */
const throughSlowPipes = async (args: readonly string[], dataDir: string, cwd = ROOT): Promise<PipedRun> => {
  const env: NodeJS.ProcessEnv = { ...process.env, POS_SIM_DATA_DIR: dataDir, CI: 'true', NO_COLOR: '1', POS_SIM_LANG: 'en' };
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', reject);
  });
  const start = Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000))]);
  const [stdout, stderr, code] = await Promise.all([readSlowly(child.stdout, start), readSlowly(child.stderr, start), exited]);
  return { code, stdout, stderr };
};

const PASSING = (name: string) => `name: ${JSON.stringify(name)}
steps:
  - press: 菜单
  - type: "123456"
  - press: 确认
  - expect: { title: 设置 }
`;

const FAILING = `name: fails on purpose
steps:
  - press: 菜单
  - expect: 这段文字不存在
`;

/** A folder of `count` copies of a walkthrough. */
const copies = (name: string, text: string, count: number): string => {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index += 1) writeFileSync(join(dir, `w${String(index).padStart(4, '0')}.yaml`), text);
  return dir;
};

beforeAll(() => {
  buildWhenStale();
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-pipes-'));
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('output through a slow pipe', SLOW, () => {
  it('run: a report of hundreds of KB arrives whole, exit 1 for the failures', async () => {
    const dir = copies('failing', FAILING, 600);
    const run = await throughSlowPipes(['run', dir], join(scratch, 'data-run'));
    expect(run.stderr).toBe('');
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(200_000);
    expect(run.stdout.match(/^✗ fails on purpose/gm)).toHaveLength(600);
    expect(run.stdout.endsWith('\n0 passed, 600 failed\n')).toBe(true);
    expect(run.code).toBe(1);
  });

  it('run --reporter junit: the whole document, exit 0', async () => {
    const name = `opens settings ${'很长的名字'.repeat(40)}`;
    const dir = copies('passing', PASSING(name), 400);
    const run = await throughSlowPipes(['run', dir, '--reporter', 'junit'], join(scratch, 'data-junit'));
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(250_000);
    expect(run.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="pos-sim" tests="400" failures="0"/);
    expect(run.stdout.match(/<testcase /g)).toHaveLength(400);
    expect(run.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('records --json of a device with thousands of records is valid JSON, exit 0', async () => {
    const dataDir = join(scratch, 'data-records');
    mkdirSync(dataDir);
    const seeded = await throughSlowPipes(['records', '--json'], dataDir);
    expect(seeded.code).toBe(0);
    // A device that has run for a long time: the profile's data with 3,000 sales recorded.
    const profile = JSON.parse(readFileSync(join(ROOT, 'fixtures/profiles/default.json'), 'utf8')) as {
      operators: { id: string; passwordHash: string }[];
      bindings: unknown[];
      network: string;
      passwordFree: { enabled: boolean; channels: { id: string; smallAmountEnabled: boolean; limit: number }[] };
    };
    const records = Array.from({ length: 3000 }, (_, index) => ({
      at: new Date(Date.UTC(2026, 5, 1, 1, 0, index)).toISOString(),
      operator: '01',
      action: 'sale',
      subject: `${index + 1}.00元 挥卡/闪付 银联闪付 免密免签 交易成功(00)`,
    }));
    writeFileSync(
      deviceFile(dataDir, 'default'),
      JSON.stringify({
        format: 1,
        profile: 'default',
        network: profile.network,
        operators: Object.fromEntries(profile.operators.map((operator) => [operator.id, { passwordHash: operator.passwordHash }])),
        lockouts: {},
        bindings: profile.bindings,
        passwordFree: {
          active: {
            enabled: profile.passwordFree.enabled,
            channels: profile.passwordFree.channels.map(({ id, smallAmountEnabled, limit }) => ({ id, smallAmountEnabled, limit })),
          },
        },
        records,
      }),
    );
    const run = await throughSlowPipes(['records', '--json'], dataDir);
    expect(run.stderr).toBe('');
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(300_000);
    const document = JSON.parse(run.stdout) as { records: { subject: string }[] };
    expect(document.records).toHaveLength(3000);
    expect(document.records.at(-1)?.subject).toMatch(/^1\.00元/);
    expect(run.code).toBe(0);
  });

  it('a bad walkthrough: every one of thousands of problems is reported in its place, exit 2', async () => {
    const dir = join(scratch, 'bad');
    mkdirSync(dir);
    const steps = Array.from({ length: 3000 }, (_, index) => `  - press: 不是按键${index}`).join('\n');
    writeFileSync(join(dir, 'bad.yaml'), `name: bad\nsteps:\n${steps}\n`);
    const run = await throughSlowPipes(['run', 'bad.yaml'], join(scratch, 'data-bad'), dir);
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(200_000);
    const problems = run.stdout.split('\n').filter((line) => /^\s+bad\.yaml:\d+:\d+: /.test(line));
    expect(problems).toHaveLength(3000);
    expect(problems.at(-1)).toMatch(/^\s+bad\.yaml:3002:\d+: no device key "不是按键2999"/);
    expect(run.code).toBe(2);
  });
});
