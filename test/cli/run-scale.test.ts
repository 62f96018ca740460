// pos-sim run at scale, through the built binary: worker threads give the results and the report
// order of a run in one process (also with --bail and --coverage), shards split a suite into
// balanced, disjoint parts in the same order, and --fixture all plays a suite on every profile.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/pos-sim.js');
const SLOW = { timeout: 120_000 };

const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-run-scale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args: readonly string[]) => {
  const result = spawnSync(process.execPath, [BIN, 'run', ...args], { cwd: scratch, encoding: 'utf8', env: { ...process.env, POS_SIM_LANG: 'en', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

type Entry = { name: string; file: string; profile: string; status: string; steps: number; stepsRun: number; failure?: unknown; reason?: string };
const entries = (stdout: string): Omit<Entry, 'durationMs'>[] =>
  (JSON.parse(stdout) as { walkthroughs: (Entry & { durationMs: number })[] }).walkthroughs.map(({ durationMs: _, ...entry }) => entry);

beforeAll(() => {
  // Two copies of the shipped suite, a failing walkthrough in the middle, and a file that cannot run.
  cpSync(join(ROOT, 'fixtures/walkthroughs'), join(scratch, 'suite/a'), { recursive: true });
  cpSync(join(ROOT, 'fixtures/walkthroughs'), join(scratch, 'suite/c'), { recursive: true });
  writeFileSync(join(scratch, 'suite/b-fails.yaml'), 'name: fails\nsteps:\n  - press: 菜单\n  - expect: not there\n');
  writeFileSync(join(scratch, 'suite/b-broken.yaml'), 'name: broken\nsteps:\n  - jump: 1\n');
});

describe('pos-sim run --workers', SLOW, () => {
  it('reports the same results in the same order as one process', () => {
    const serial = run(['suite', '--workers', '1', '--reporter', 'json']);
    const parallel = run(['suite', '--workers', '2', '--reporter', 'json']);
    expect(serial.code).toBe(2);
    expect(parallel.code).toBe(2);
    const results = entries(serial.stdout);
    expect(results.length).toBeGreaterThanOrEqual(92);
    expect(entries(parallel.stdout)).toEqual(results);
  });

  it('stops where one process stops with --bail', () => {
    const serial = run(['suite', '--workers', '1', '--bail', '--reporter', 'tap']);
    const parallel = run(['suite', '--workers', '2', '--bail', '--reporter', 'tap']);
    expect(parallel.code).toBe(2);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stdout).toMatch(/\nBail out! .*b-broken\.yaml/);
  });

  it('merges the coverage of every worker', () => {
    const coverage = (stdout: string) => stdout.split('\n').find((line) => line.startsWith('Coverage:'));
    // Run on threads (a suite of 48 files or more): one worker against two.
    const serial = coverage(run(['suite', '--workers', '1', '--coverage']).stdout);
    expect(serial).toMatch(/^Coverage: states (\d+)\/\1 \(100\.0%\), transitions (\d+)\/\2 \(100\.0%\)$/);
    expect(coverage(run(['suite', '--workers', '2', '--coverage']).stdout)).toBe(serial);
  });
});

describe('pos-sim run --shard', SLOW, () => {
  it('splits the files into balanced, disjoint shards that together are the suite, each in suite order', () => {
    const whole = entries(run(['suite', '--reporter', 'json']).stdout).map((entry) => entry.file);
    const shards = [1, 2, 3].map((index) => entries(run(['suite', '--shard', `${index}/3`, '--reporter', 'json']).stdout).map((entry) => entry.file));
    const sizes = shards.map((shard) => shard.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(shards.flat().sort()).toEqual([...whole].sort());
    for (const shard of shards) expect(shard).toEqual(whole.filter((file) => shard.includes(file)));
    // The same shard twice is the same files.
    expect(entries(run(['suite', '--shard', '2/3', '--reporter', 'json']).stdout).map((entry) => entry.file)).toEqual(shards[1]);
  });

  it('refuses a shard or a worker count that makes no sense', () => {
    expect(run(['suite', '--shard', '4/3'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--shard 4/3: write I/N with 1 ≤ I ≤ N') });
    expect(run(['suite', '--shard', '0/3']).code).toBe(2);
    expect(run(['suite', '--workers', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--workers 0: give a whole number from 1 to 64') });
  });
});

describe('pos-sim run --fixture all', SLOW, () => {
  it('plays the brand-neutral walkthroughs on every shipped profile, skipping those their when: excludes', () => {
    const result = run([join(ROOT, 'fixtures/walkthroughs/brands'), '--fixture', 'all']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(-7)).toEqual([
      'default: 5 passed, 0 failed',
      'landi-a8: 5 passed, 0 failed',
      'newland-n910: 5 passed, 0 failed',
      'offline: 0 passed, 0 failed, 5 skipped',
      'pax-a920: 5 passed, 0 failed',
      'unbound: 0 passed, 0 failed, 5 skipped',
      '20 passed, 0 failed, 10 skipped',
    ]);
    expect(lines).toContain('- P1 Deregister WeChat Pay, on every model · unbound  (skipped: when: { network: online, store: { "bindings[*].id": { includes: wechat-pay } } } does not hold on profile unbound)');
  });
});
