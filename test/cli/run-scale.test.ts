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
  const result = spawnSync(process.execPath, [BIN, 'run', ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, POS_SIM_LANG: 'en', NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

type Entry = {
  name: string;
  file: string;
  profile: string;
  status: string;
  steps: number;
  stepsRun: number;
  failure?: unknown;
  reason?: string;
};
const entries = (stdout: string): Omit<Entry, 'durationMs'>[] =>
  (JSON.parse(stdout) as { walkthroughs: (Entry & { durationMs: number })[] }).walkthroughs.map(({ durationMs: _, ...entry }) => entry);

beforeAll(() => {
  // The shipped suite (played on the worker threads --workers asks for), a failing
  // walkthrough in the middle, and a file that cannot run.
  cpSync(join(ROOT, 'fixtures/walkthroughs'), join(scratch, 'suite/a'), { recursive: true });
  writeFileSync(join(scratch, 'suite/a/m-fails.yaml'), 'name: fails\nsteps:\n  - press: 菜单\n  - expect: not there\n');
  writeFileSync(join(scratch, 'suite/a/m-broken.yaml'), 'name: broken\nsteps:\n  - jump: 1\n');
});

// The whole suite in one worker and in two, with coverage (told on stderr beside a JSON report):
// each played once, and read by the tests that need them.
let oneWorker: ReturnType<typeof run> | undefined;
let twoWorkers: ReturnType<typeof run> | undefined;
const inOneWorker = () => (oneWorker ??= run(['suite', '--workers', '1', '--reporter', 'json', '--coverage']));
const inTwoWorkers = () => (twoWorkers ??= run(['suite', '--workers', '2', '--reporter', 'json', '--coverage']));

describe('pos-sim run --workers', SLOW, () => {
  it('reports the same results in the same order as one process', () => {
    expect(inOneWorker().code).toBe(2);
    expect(inTwoWorkers().code).toBe(2);
    const results = entries(inOneWorker().stdout);
    expect(results.length).toBeGreaterThanOrEqual(60);
    expect(entries(inTwoWorkers().stdout)).toEqual(results);
  });

  it('stops where one process stops with --bail', () => {
    const serial = run(['suite', '--workers', '1', '--bail', '--reporter', 'tap']);
    const parallel = run(['suite', '--workers', '2', '--bail', '--reporter', 'tap']);
    expect(parallel.code).toBe(2);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stdout).toMatch(/\nBail out! .*m-broken\.yaml/);
    // It stopped in the middle of the suite: the workers had played past it.
    expect(parallel.stdout).toMatch(/^1\.\.\d+$/m);
    expect(Number(/^1\.\.(\d+)$/m.exec(parallel.stdout)?.[1])).toBeGreaterThan((parallel.stdout.match(/^(not )?ok /gm) ?? []).length);
  });

  it('merges the coverage of every worker', () => {
    const coverage = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('Coverage:'));
    const serial = coverage(inOneWorker().stderr);
    expect(serial).toMatch(/^Coverage: states (\d+)\/\1 \(100\.0%\), transitions (\d+)\/\2 \(100\.0%\)$/);
    expect(coverage(inTwoWorkers().stderr)).toBe(serial);
  });
});

describe('pos-sim run --shard', SLOW, () => {
  it('splits the files into balanced, disjoint shards that together are the suite, each in suite order', () => {
    const whole = entries(inOneWorker().stdout).map((entry) => entry.file);
    const shards = [1, 2, 3].map((index) =>
      entries(run(['suite', '--shard', `${index}/3`, '--reporter', 'json']).stdout).map((entry) => entry.file),
    );
    const sizes = shards.map((shard) => shard.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(shards.flat().sort()).toEqual([...whole].sort());
    for (const shard of shards) expect(shard).toEqual(whole.filter((file) => shard.includes(file)));
    // The same shard twice is the same files.
    expect(entries(run(['suite', '--shard', '2/3', '--reporter', 'json']).stdout).map((entry) => entry.file)).toEqual(shards[1]);
  });

  it('refuses a shard or a worker count that makes no sense', () => {
    expect(run(['suite', '--shard', '4/3'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('--shard 4/3: write I/N with 1 ≤ I ≤ N'),
    });
    expect(run(['suite', '--shard', '0/3']).code).toBe(2);
    expect(run(['suite', '--workers', '0'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--workers 0: give a whole number from 1 to 64'),
    });
  });
});

describe('pos-sim run --fixture all --include-tags', SLOW, () => {
  it('plays the smoke walkthroughs on every shipped profile where their when: holds, and reports the rest as skipped', () => {
    const result = run([join(ROOT, 'fixtures/walkthroughs'), '--fixture', 'all', '--include-tags', 'smoke', '--reporter', 'json']);
    expect(result.code).toBe(0);
    const all = entries(result.stdout);
    const profiles = [...new Set(all.map((entry) => entry.profile))];
    expect(profiles).toEqual(['classic-s80', 'default', 'landi-a8', 'newland-n910', 'offline', 'pax-a920', 'unbound']);
    expect(all.filter((entry) => entry.status !== 'passed' && entry.status !== 'skipped')).toEqual([]);
    const notPicked = all.filter((entry) => entry.reason?.startsWith('not picked: --include-tags smoke'));
    const smoke = all.filter((entry) => !notPicked.includes(entry));
    expect(new Set(smoke.map((entry) => entry.file)).size).toBeGreaterThanOrEqual(8);
    expect(notPicked.every((entry) => entry.status === 'skipped' && entry.stepsRun === 0)).toBe(true);
    // A smoke walkthrough not played on a profile is one its when: excludes, and says so.
    for (const entry of smoke.filter((each) => each.status === 'skipped'))
      expect(entry.reason).toMatch(/^when: .* does not hold on profile /);
    for (const profile of profiles)
      expect(smoke.filter((entry) => entry.profile === profile && entry.status === 'passed').length, profile).toBeGreaterThanOrEqual(2);
  });

  it('--exclude-tags takes out what --include-tags picked; a bad tag list is refused', () => {
    const result = run([join(ROOT, 'fixtures/walkthroughs'), '--include-tags', 'smoke,p4', '--exclude-tags', 'p1', '--reporter', 'json']);
    expect(result.code).toBe(0);
    const played = entries(result.stdout)
      .filter((entry) => entry.status === 'passed')
      .map((entry) => entry.file);
    expect(played.some((file) => file.endsWith('p4-unbind-settlement-card.yaml'))).toBe(true);
    expect(played.some((file) => file.endsWith('p1-deregister-unionpay.yaml'))).toBe(false);
    expect(run(['suite', '--include-tags', ' , '])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--include-tags  , : write tags'),
    });
  });
});
