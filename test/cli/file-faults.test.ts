// Faults of the file system, met as a user meets them: the data folder is a file, the data file is a
// folder or unreadable, --fixture names a folder, an output folder is a file, a walkthrough cannot
// be read. Each ends with a message naming the path and what is wrong, exit 2, no stack trace, and
// nothing changed. Also: temp files of interrupted saves are cleaned at start. Permission faults are
// real: when the tests run as root (who may read anything) pos-sim runs as the user nobody.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, buildWhenStale } from '../support/built-cli.js';

const SLOW = { timeout: 240_000 };
/** Who may not read a file made unreadable: nobody, when the tests run as root. */
const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;

let scratch: string;
let count = 0;
const folder = (): string => {
  const dir = join(scratch, `case-${(count += 1)}`);
  mkdirSync(dir);
  return dir;
};

type Run = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** Runs pos-sim in English without a terminal; `unprivileged` runs it as nobody when the tests are root. */
const posSim = (args: readonly string[], { cwd = ROOT, unprivileged = false } = {}): Run => {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1', POS_SIM_LANG: 'en', XDG_DATA_HOME: join(scratch, 'xdg') };
  delete env.POS_SIM_DATA_DIR;
  const user = unprivileged && asRoot ? { uid: NOBODY, gid: NOBODY } : {};
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: '', encoding: 'utf8', timeout: 120_000, ...user });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** Exit 2, nothing on stdout, one message that starts as `start` says, and no stack trace. */
const expectRefused = (run: Run, start: string) => {
  expect(run.stdout).toBe('');
  expect(run.stderr.startsWith(`pos-sim: ${start}`), run.stderr).toBe(true);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code).toBe(2);
};

beforeAll(() => {
  buildWhenStale();
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-file-faults-'));
  // nobody must reach the folders made here.
  chmodSync(scratch, 0o755);
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the data folder and file', SLOW, () => {
  it('a data folder that is a file: named, with the fix, and left alone', () => {
    const file = join(folder(), 'data');
    writeFileSync(file, 'my notes');
    for (const args of [
      ['reset', '--yes', '--data-dir', file],
      ['records', '--data-dir', file],
    ]) {
      const run = posSim(args);
      expectRefused(run, `${file}: this cannot be the device data folder: it is a file.`);
      expect(run.stderr).toContain('--data-dir');
    }
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('a data file that is a folder: named, and left alone', () => {
    const dataDir = folder();
    const file = join(dataDir, 'default.json');
    mkdirSync(file);
    writeFileSync(join(file, 'inside.txt'), 'kept');
    for (const args of [
      ['reset', '--yes', '--data-dir', dataDir],
      ['records', '--data-dir', dataDir],
    ]) {
      expectRefused(posSim(args), `${file}: cannot read the device data: it is a folder, not a file (EISDIR).`);
    }
    expect(readFileSync(join(file, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('a data file pos-sim may not read: named, with the reason', () => {
    const dataDir = folder();
    expect(posSim(['reset', '--data-dir', dataDir]).code).toBe(0);
    const file = join(dataDir, 'default.json');
    const before = readFileSync(file, 'utf8');
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o000);
    try {
      expectRefused(
        posSim(['records', '--data-dir', dataDir], { unprivileged: true }),
        `${file}: cannot read the device data: permission denied (EACCES).`,
      );
    } finally {
      chmodSync(file, 0o600);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a data folder pos-sim may not write: reset says so and changes nothing', () => {
    const dataDir = folder();
    chmodSync(dataDir, 0o555);
    try {
      const run = posSim(['reset', '--yes', '--data-dir', dataDir], { unprivileged: true });
      expectRefused(run, `${dataDir}: this cannot be the device data folder: permission denied (EACCES).`);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      chmodSync(dataDir, 0o755);
    }
  });

  it('temp files left by saves that were interrupted are cleaned when the device is next opened', () => {
    const dataDir = folder();
    expect(posSim(['reset', '--data-dir', dataDir]).code).toBe(0);
    // As atomically (conf's writer) names them: <file>.tmp-<10 digits><6 hex>.
    writeFileSync(join(dataDir, 'default.json.tmp-1780000000a1b2c3'), '{"format": 1, "half');
    writeFileSync(join(dataDir, 'unbound.json.tmp-1780000000a1b2c3'), 'another device’s');
    writeFileSync(join(dataDir, 'notes.tmp-1780000000a1b2c3'), 'not ours');
    expect(posSim(['reset', '--yes', '--data-dir', dataDir]).code).toBe(0);
    expect(readdirSync(dataDir).sort()).toEqual(['default.json', 'notes.tmp-1780000000a1b2c3', 'unbound.json.tmp-1780000000a1b2c3']);
  });
});

describe('profiles, walkthroughs and outputs', SLOW, () => {
  it('--fixture naming a folder: named, and what to give instead', () => {
    const dir = folder();
    const profiles = join(dir, 'my.json');
    mkdirSync(profiles);
    for (const fixture of [dir, profiles]) {
      const run = posSim(['records', '--fixture', fixture, '--data-dir', join(dir, 'data')]);
      expectRefused(run, `${fixture}: cannot read this device profile: it is a folder, not a file (EISDIR).`);
      expect(run.stderr).toContain('pos-sim profiles');
    }
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('a walkthrough pos-sim may not read: it cannot run, named with the reason, exit 2', () => {
    const dir = folder();
    const file = join(dir, 'secret.yaml');
    writeFileSync(file, 'name: x\nsteps: []\n');
    chmodSync(file, 0o000);
    try {
      const run = posSim(['run', file], { unprivileged: true });
      expect(run.stdout).toContain(`${file}: permission denied (EACCES).`);
      expect(run.stdout).toContain('0 passed, 0 failed, 1 could not run');
      expect(run.code).toBe(2);
    } finally {
      chmodSync(file, 0o644);
    }
  });

  it('a walkthrough in a suite that cannot be read (a symlink to nothing): the others still run, the JUnit report is whole', () => {
    const dir = folder();
    for (const name of ['a.yaml', 'c.yaml']) writeFileSync(join(dir, name), 'name: runs\nsteps:\n  - expect: 按[确认]键收款\n');
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'b.yaml'));
    for (const workers of ['1', '2']) {
      const run = posSim(['run', dir, '--reporter', 'junit', '--workers', workers]);
      expect(run.code).toBe(2);
      expect(run.stdout.match(/<testcase /g)).toHaveLength(3);
      expect(run.stdout).toMatch(/<error message="[^"]*b\.yaml: it does not exist \(ENOENT\)\./);
      expect(run.stderr).toMatch(/^pos-sim: .*b\.yaml: it does not exist \(ENOENT\)\.$/m);
    }
  });

  it('an output folder that is a file: --snapshot-dir and paths --write', () => {
    const dir = folder();
    const taken = join(dir, 'taken');
    writeFileSync(taken, 'mine');
    writeFileSync(join(dir, 'snap.yaml'), 'name: snap\nsteps:\n  - snapshot: here\n');
    expect(posSim(['run', 'snap.yaml', '--update-snapshots'], { cwd: dir }).code).toBe(0);
    // A golden that differs: the pictures of both screens go to --snapshot-dir, a file here.
    const golden = join(dir, '__snapshots__', 'snap', 'here.default.txt');
    writeFileSync(golden, readFileSync(golden, 'utf8').replace('按[确认]键收款', '按[确认]键付款'));
    // The report comes first (the results are known); then the pictures cannot be written.
    const run = posSim(['run', 'snap.yaml', '--snapshot-dir', 'taken'], { cwd: dir });
    expect(run.stdout).toContain('the screen differs from snapshot here');
    expectRefused({ ...run, stdout: '' }, 'taken/snap: part of the path is a file, not a folder (ENOTDIR).');
    expectRefused(posSim(['paths', '--write', taken]), `${taken}: a file of that name is in the way (EEXIST).`);
    expect(readFileSync(taken, 'utf8')).toBe('mine');
  });
});
