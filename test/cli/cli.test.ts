// The built executable, run as a user runs it: exit codes, what goes to stdout and stderr, and what
// happens to the device data. Every run gets its own data folder and no terminal (CI=true, piped
// stdio); the few checks of starting the device itself run it in a pseudo-terminal made by script(1).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceFile } from '../../src/store/data-dir.js';
import { lockDevice } from '../../src/store/device-lock.js';
import { PASSWORD_HASH_PATTERN, verifyPassword } from '../../src/store/password-hash.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/pos-sim.js');
const WALKTHROUGHS = join(ROOT, 'fixtures/walkthroughs');
/** Each test spawns node a few times; on a busy machine that takes a while. */
const SLOW = { timeout: 240_000 };
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let scratch: string;

/** A new empty folder under this file's scratch folder. */
const folder = (name: string): string => {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

type Run = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** English, so the assertions read as the messages; the Chinese default has its own tests below. */
const environment = (dataDir: string, lang = 'en'): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POS_SIM_DATA_DIR: dataDir,
    XDG_DATA_HOME: join(dataDir, 'xdg'),
    CI: 'true',
    NO_COLOR: '1',
    POS_SIM_LANG: lang,
  };
  delete env.FORCE_COLOR;
  return env;
};

const result = (run: SpawnSyncReturns<string>): Run => {
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** Runs `pos-sim ARGS` with piped stdio (no terminal). */
const posSim = (args: readonly string[], options: { dataDir?: string; cwd?: string; input?: string; lang?: string } = {}): Run =>
  result(
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: environment(options.dataDir ?? folder('unused-data'), options.lang),
      input: options.input ?? '',
      encoding: 'utf8',
      timeout: 120_000,
    }),
  );

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `pos-sim ARGS` with a pseudo-terminal as its stdin and stdout (script(1)), for the start-up
 * checks that come after "is this a terminal". Output arrives as one stream with CRLF line ends.
 */
const posSimInTerminal = (args: readonly string[], dataDir: string, input = ''): Run => {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const run = result(
    spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: environment(dataDir),
      input,
      encoding: 'utf8',
      timeout: 120_000,
    }),
  );
  return { ...run, stdout: run.stdout.replace(/\r\n/g, '\n') };
};

const write = (dir: string, name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const PASSING = `name: opens settings
fixture: default
steps:
  - press: 菜单
  - expect: 请输入密码
  - type: "123456"
  - press: 确认
  - expect: { title: 设置 }
`;

// Line 6 fails: the screen never says that.
const FAILING = `name: fails on purpose
fixture: default
steps:
  - press: 菜单
  - expect: 请输入密码
  - expect: 这段文字不存在
  - press: 取消
`;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-cli-test-'));
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('pos-sim: information', SLOW, () => {
  it('--help prints the usage and exits 0', () => {
    const run = posSim(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pos-sim - a POS terminal simulator/);
    expect(run.stdout).toContain('pos-sim run FILES|DIRS...');
    expect(run.stdout).toContain('--data-dir DIR');
    expect(run.stderr).toBe('');
    expect(posSim(['-h']).stdout).toBe(run.stdout);
  });

  it('--version prints the package version', () => {
    const run = posSim(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(posSim(['-v']).stdout).toBe(`${VERSION}\n`);
  });

  it('profiles lists the shipped device profiles with their descriptions', () => {
    const run = posSim(['profiles'], { lang: '' });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual([
      'classic-s80',
      'default',
      'landi-a8',
      'newland-n910',
      'offline',
      'pax-a920',
      'unbound',
    ]);
    expect(lines.find((line) => line.startsWith('offline'))).toContain('未联网');
    for (const line of lines) expect(line.slice(12).trim().length).toBeGreaterThan(5);
    const english = posSim(['profiles', '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^default\s+\S/m);
    expect(english.stdout).not.toBe(run.stdout);
  });

  it('screenshot --out x.png writes a PNG (resvg, the one package the bundle loads when asked)', () => {
    const out = join(folder('png'), 'step-3.png');
    const run = posSim(['screenshot', join(WALKTHROUGHS, 'p1-deregister-unionpay.yaml'), '--step', '3', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect([...readFileSync(out).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('pos-sim speaks Chinese unless told otherwise', SLOW, () => {
  it('--help and a usage error are in Chinese by default, in English with --lang en or POS_SIM_LANG=en', () => {
    const help = posSim(['--help'], { lang: '' });
    expect(help.stdout).toMatch(/^pos-sim - 在终端里模拟 POS 机/);
    expect(help.stdout).toContain('--lang zh|en           设备和本工具的语言');
    expect(posSim(['--help', '--lang', 'en'], { lang: '' }).stdout).toMatch(/^pos-sim - a POS terminal simulator/);
    expect(posSim(['--help'], { lang: 'en' }).stdout).toMatch(/^pos-sim - a POS terminal simulator/);
    expect(posSim(['--help', '--lang', 'zh'], { lang: 'en' }).stdout).toBe(help.stdout);
    expect(posSim(['bogus'], { lang: '' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^pos-sim: 没有命令 "bogus"。/) });
    expect(posSim(['bogus', '--lang', 'en'], { lang: '' }).stderr).toMatch(/^pos-sim: Unknown command "bogus"/);
  });

  it('a bad POS_SIM_LANG is named, in Chinese', () => {
    expect(posSim(['profiles'], { lang: 'fr' })).toMatchObject({
      code: 2,
      stderr: 'pos-sim: --lang (POS_SIM_LANG) fr：请用 zh, en 之一。\n',
    });
  });
});

describe('pos-sim: usage errors exit 2 with a message on stderr', SLOW, () => {
  it('an unknown command', () => {
    const run = posSim(['bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^pos-sim: Unknown command "bogus"\. Commands: reset, profiles, hash-password, run/);
  });

  it('a flag that does not go with the command, and bad values', () => {
    expect(posSim(['reset', '--json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--json does not go with reset') });
    expect(posSim(['--fresh', '--data-dir', 'x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--fresh and --data-dir do not go together'),
    });
    expect(posSim(['--lang', 'fr'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang fr: use one of zh, en.') });
    expect(posSim(['run', WALKTHROUGHS, '--reporter', 'xml'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('--reporter xml: use one of pretty, tap, junit, json, html.'),
    });
  });
});

describe('pos-sim reset', SLOW, () => {
  it('writes the device data from the profile and says where', () => {
    const dataDir = folder('reset-new');
    const run = posSim(['reset'], { dataDir });
    expect(run.code).toBe(0);
    const file = deviceFile(dataDir, 'default');
    expect(run.stdout).toBe(`Device "default" reset to its profile: ${file}\n`);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { bindings: unknown[] };
    expect(data.bindings.length).toBeGreaterThan(0);
    // The lock is gone once reset is done.
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('asks at a terminal before it replaces the device data, naming the device and the file; anything but y changes nothing', () => {
    const dataDir = folder('reset-ask');
    const file = deviceFile(dataDir, 'default');
    expect(posSim(['reset'], { dataDir }).code).toBe(0);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '"records":[]',
        '"records":[{"at":"2026-06-01T01:00:00.000Z","operator":"00","action":"backup","subject":"kept"}]',
      ),
    );
    const before = readFileSync(file, 'utf8');
    const no = posSimInTerminal(['reset'], dataDir, 'n\n');
    expect(no.code).toBe(0);
    expect(no.stdout).toContain(`Reset device "default" to its profile? This replaces its data in ${file}`);
    expect(no.stdout).toContain('Not reset; nothing was changed.');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const yes = posSimInTerminal(['reset'], dataDir, 'y\n');
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain(`Device "default" reset to its profile: ${file}`);
    expect(readFileSync(file, 'utf8')).not.toContain('kept');
  });

  it('without a terminal it refuses to replace the device data unless --yes is given: exit 2, nothing changed', () => {
    const dataDir = folder('reset-no-terminal');
    const file = deviceFile(dataDir, 'default');
    expect(posSim(['reset'], { dataDir }).code).toBe(0);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '"records":[]',
        '"records":[{"at":"2026-06-01T01:00:00.000Z","operator":"00","action":"backup","subject":"kept"}]',
      ),
    );
    const before = readFileSync(file, 'utf8');
    const refused = posSim(['reset'], { dataDir });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `pos-sim: pos-sim reset would replace the data of device "default" in ${file}; there is no terminal to ask, so add --yes to do it.\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual(['default.json']);
    const yes = posSim(['reset', '--yes'], { dataDir });
    expect(yes).toMatchObject({ code: 0, stdout: `Device "default" reset to its profile: ${file}\n` });
    expect(readFileSync(file, 'utf8')).not.toContain('kept');
  });

  it('--fixture and --data-dir choose the profile and the folder', () => {
    const envDir = folder('reset-env');
    const flagDir = folder('reset-flag');
    const run = posSim(['reset', '--fixture', 'unbound', '--data-dir', flagDir], { dataDir: envDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Device "unbound" reset to its profile: ${deviceFile(flagDir, 'unbound')}\n`);
    expect(readdirSync(envDir)).toEqual([]);
  });
});

describe('a corrupt device data file', SLOW, () => {
  it('starting reports the file, the line and the fix; nothing is changed', () => {
    const dataDir = folder('corrupt-start');
    const file = write(dataDir, 'default.json', 'garbage {');
    const run = posSimInTerminal([], dataDir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`pos-sim: ${file}:1:1: the device data is damaged`);
    expect(run.stdout).toContain('Nothing was changed.');
    expect(run.stdout).toContain(`run \`pos-sim reset --data-dir ${dataDir}\``);
    expect(readFileSync(file, 'utf8')).toBe('garbage {');
    expect(existsSync(join(dataDir, 'default.lock'))).toBe(false);
  });

  it('data that is JSON but not device data is named field by field', () => {
    const dataDir = folder('corrupt-shape');
    const file = write(dataDir, 'default.json', '{"network": 42}');
    const run = posSimInTerminal([], dataDir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`pos-sim: ${file}: the device data is damaged:`);
    expect(run.stdout).toContain('network');
    expect(readFileSync(file, 'utf8')).toBe('{"network": 42}');
  });

  it('the message gives the reset command for this device: its --fixture (a path made absolute) and its --data-dir', () => {
    const dataDir = folder('corrupt-command');
    write(dataDir, 'unbound.json', 'garbage {');
    const named = posSim(['records', '--fixture', 'unbound'], { dataDir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(`run \`pos-sim reset --fixture unbound --data-dir ${dataDir}\``);
    const profiles = folder('my profiles');
    writeFileSync(join(profiles, 'mine.json'), readFileSync(join(ROOT, 'fixtures/profiles/unbound.json')));
    const byPath = posSim(['records', '--fixture', 'mine.json', '--data-dir', dataDir], { cwd: profiles });
    expect(byPath.code).toBe(2);
    expect(byPath.stderr).toContain(`run \`pos-sim reset --fixture '${join(profiles, 'mine.json')}' --data-dir ${dataDir}\``);
    // What the message says resets that device, and no other.
    const reset = posSim(['reset', '--yes', '--fixture', join(profiles, 'mine.json'), '--data-dir', dataDir]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(`Device "unbound" reset to its profile: ${deviceFile(dataDir, 'unbound')}`);
  });

  it('reset keeps the damaged file aside as .broken-<time> and writes fresh data', () => {
    const dataDir = folder('corrupt-reset');
    const file = write(dataDir, 'default.json', 'garbage {');
    const run = posSim(['reset', '--yes'], { dataDir });
    expect(run.code).toBe(0);
    const [kept, ...others] = readdirSync(dataDir).filter((name) => name.startsWith('default.json.broken-'));
    expect(others).toEqual([]);
    expect(kept).toMatch(/^default\.json\.broken-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    const aside = join(dataDir, kept ?? '');
    expect(readFileSync(aside, 'utf8')).toBe('garbage {');
    expect(run.stdout).toBe(`The damaged device data was kept as ${aside}\nDevice "default" reset to its profile: ${file}\n`);
    expect(() => JSON.parse(readFileSync(file, 'utf8')) as unknown).not.toThrow();
  });
});

describe('one pos-sim per device', SLOW, () => {
  it('a device in use by another process is refused, and nothing is touched', () => {
    const dataDir = folder('locked');
    const file = write(dataDir, 'default.json', 'left as it is');
    const lock = lockDevice(dataDir, 'default');
    try {
      const message = `The device "default" is in use by another pos-sim (process ${process.pid}), data in ${dataDir}.`;
      const start = posSimInTerminal([], dataDir);
      expect(start.code).toBe(2);
      expect(start.stdout).toContain(`pos-sim: ${message}`);
      expect(start.stdout).toContain(
        'Close that one first, or run this one as a fresh throw-away device with --fresh, or on other data with --data-dir.',
      );

      const reset = posSim(['reset'], { dataDir });
      expect(reset.code).toBe(2);
      expect(reset.stderr).toContain(message);
      expect(reset.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe('left as it is');
      expect(readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
    } finally {
      lock.release();
    }
    // Once the other one is done, the device is free.
    expect(posSim(['reset', '--yes'], { dataDir }).code).toBe(0);
  });

  it('a lock left by a process that is gone is taken over', () => {
    const dataDir = folder('stale-lock');
    const gone = spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
    write(dataDir, 'default.lock', String(gone.pid));
    const run = posSim(['reset'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Device "default" reset to its profile');
    expect(existsSync(join(dataDir, 'default.lock'))).toBe(false);
  });
});

describe('starting the device without a terminal', SLOW, () => {
  it('is refused with a message saying it needs one, before touching any data', () => {
    const dataDir = folder('no-tty');
    const run = posSim([], { dataDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('pos-sim: pos-sim needs an interactive terminal: run it in a terminal window, not with piped input.\n');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('names a profile that cannot be used first: its fix is in the file, not the window', () => {
    const dataDir = folder('no-tty-bad-profile');
    const run = posSim(['--fixture', 'nosuch'], { dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pos-sim: .*"nosuch"/);
    expect(run.stderr).not.toContain('interactive terminal');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('pos-sim hash-password', SLOW, () => {
  it('reads the password from stdin and prints only its scrypt hash', () => {
    const run = posSim(['hash-password'], { input: '246810\n' });
    expect(run.code).toBe(0);
    const hash = run.stdout.trim();
    expect(run.stdout).toBe(`${hash}\n`);
    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    expect(verifyPassword('246810', hash)).toBe(true);
    expect(verifyPassword('246811', hash)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('246810');
    // Salted: the same password hashes differently each time.
    expect(posSim(['hash-password'], { input: '246810\n' }).stdout.trim()).not.toBe(hash);
  });

  it('refuses what is not a terminal password, without echoing it', () => {
    const run = posSim(['hash-password'], { input: 'ab12cd\n' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('pos-sim: A terminal password is 4 to 12 digits.\n');
    expect(posSim(['hash-password'], { input: '123\n' }).code).toBe(2);
  });

  it('says when no password came in (standard input empty or closed)', () => {
    const run = posSim(['hash-password'], { input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'pos-sim: No password was read: run it in a terminal and type it, or pipe it in, as in echo 147258 | pos-sim hash-password.\n',
    );
  });
});

describe('pos-sim run', SLOW, () => {
  // Pieces (_lib/) and the suite file are not walkthroughs of their own.
  const shipped = readdirSync(WALKTHROUGHS, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('.yaml') && !name.startsWith('_lib/') && name !== 'pos-sim.suite.yaml',
  );

  // The shipped suite is played once, with coverage, for the tests that read it.
  let shippedRun: Run | undefined;
  const shippedSuite = () => (shippedRun ??= posSim(['run', 'fixtures/walkthroughs', '--coverage']));

  it('the shipped walkthroughs all pass: exit 0', () => {
    const run = shippedSuite();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^✓ /gm)).toHaveLength(shipped.length);
    expect(run.stdout).not.toMatch(/^✗/m);
    // The tally closes the list of walkthroughs; only the coverage follows it.
    expect(run.stdout).toMatch(new RegExp(`\\n\\n${shipped.length} passed, 0 failed\\n\\nCoverage: `));
  });

  it('--fixture all means every shipped profile, even where a file called all lies', () => {
    const dir = folder('run-all-beside-all');
    write(dir, 'all', 'not a profile');
    write(dir, 'home.yaml', 'name: home\nsteps:\n  - expect: 按[确认]键收款\n');
    const run = posSim(['run', 'home.yaml', '--fixture', 'all', '--reporter', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { walkthroughs: unknown[] }).walkthroughs.length).toBeGreaterThanOrEqual(7);
  });

  it('a failing walkthrough exits 1 and shows file:line:col of the step, what was expected and the screen', () => {
    const dir = folder('run-failing');
    write(dir, 'fail.yaml', FAILING);
    const run = posSim(['run', 'fail.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ fails on purpose {2}\(step 3 of 4 failed, /);
    expect(run.stdout).toContain('  fail.yaml:6:5  expect: 这段文字不存在\n');
    expect(run.stdout).toContain('expected the screen to show "这段文字不存在"');
    // The screen as it was when the step failed: the password prompt.
    expect(run.stdout).toContain('  screen:\n  | 在线  10086021');
    expect(run.stdout).toMatch(/^ {2}\| 请输入密码$/m);
    expect(run.stdout).toMatch(/^ {2}\| \[取消\]取消\s+\[确认\]确认$/m);
    expect(run.stdout).toMatch(/^ {2}state: .*passwordPrompt\.entering$/m);
    expect(run.stdout.trimEnd()).toMatch(/\n0 passed, 1 failed$/);
  });

  it('--bail stops at the first failing walkthrough', () => {
    const dir = folder('run-bail');
    write(dir, 'a-fail.yaml', FAILING);
    write(dir, 'b-pass.yaml', PASSING);
    expect(posSim(['run', '.'], { cwd: dir }).stdout).toContain('1 passed, 1 failed');
    const bail = posSim(['run', '.', '--bail'], { cwd: dir });
    expect(bail.code).toBe(1);
    expect(bail.stdout).toContain('0 passed, 1 failed');
    expect(bail.stdout).not.toContain('opens settings');
  });

  it('an unknown step is reported as a file that cannot run, naming file:line:col and the steps there are; the others run; exit 2', () => {
    const dir = folder('run-unknown-step');
    write(dir, 'a-bad.yaml', 'name: bad\nfixture: default\nsteps:\n  - press: 菜单\n  - jump: 3\n');
    write(dir, 'b-pass.yaml', PASSING);
    const run = posSim(['run', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      '! a-bad.yaml  (cannot run)\n  a-bad.yaml:5:5: unknown step "jump"; steps are press, type, select, expect, wait, network, power, paper, snapshot, phone, run\n✓ opens settings',
    );
    expect(run.stdout.trimEnd()).toMatch(/\n1 passed, 0 failed, 1 could not run$/);
    const tap = posSim(['run', '.', '--reporter', 'tap'], { cwd: dir });
    expect(tap.code).toBe(2);
    expect(tap.stderr).toBe(
      'pos-sim: a-bad.yaml:5:5: unknown step "jump"; steps are press, type, select, expect, wait, network, power, paper, snapshot, phone, run\n',
    );
  });

  it('bad indentation exits 2 with file:line:col', () => {
    const dir = folder('run-indent');
    write(dir, 'indent.yaml', 'name: bad indent\nfixture: default\nsteps:\n  - press: 菜单\n   - expect: x\n');
    const run = posSim(['run', 'indent.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^ {2}indent\.yaml:5:\d+: not valid YAML: /m);
  });

  it('every problem in a file is reported at once, each with its line', () => {
    const dir = folder('run-problems');
    write(dir, 'problems.yaml', 'name: problems\nfixture: default\nsteps:\n  - press: 确定\n  - type: 1234\n  - wait: soon\n');
    const run = posSim(['run', 'problems.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/problems\.yaml:4:\d+: no device key "确定"; keys are 0-9, 确认\/ENTER/);
    expect(run.stdout).toMatch(/problems\.yaml:5:\d+: type takes quoted digits/);
    expect(run.stdout).toMatch(/problems\.yaml:6:\d+: wait takes a duration/);
  });

  describe('reporters', SLOW, () => {
    let dir: string;
    beforeAll(() => {
      dir = folder('run-reporters');
      write(dir, 'a-pass.yaml', PASSING);
      write(dir, 'b-fail.yaml', FAILING);
    });

    it('tap: a plan, ok / not ok lines, a YAML block for the failure', () => {
      const run = posSim(['run', '.', '--reporter', 'tap'], { cwd: dir });
      expect(run.code).toBe(1);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.slice(0, 4)).toEqual(['TAP version 13', '1..2', 'ok 1 - opens settings', 'not ok 2 - fails on purpose']);
      expect(lines.at(-1)).toBe('# 1 passed, 1 failed');
      const start = lines.indexOf('  ---');
      const end = lines.indexOf('  ...');
      expect(start).toBe(4);
      expect(end).toBeGreaterThan(start);
      const block = parseYaml(lines.slice(start + 1, end).join('\n')) as Record<string, string>;
      expect(block.at).toBe('b-fail.yaml:6:5');
      expect(block.step).toBe('expect: 这段文字不存在');
      expect(block.message).toBe('expected the screen to show "这段文字不存在"');
      expect(block.screen).toContain('请输入密码');
    });

    it('junit: a testsuite for the profile with a testcase per walkthrough and a failure with the screen', () => {
      const run = posSim(['run', '.', '--reporter', 'junit'], { cwd: dir });
      expect(run.code).toBe(1);
      const xml = run.stdout.trim();
      expect(xml).toMatch(
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="pos-sim" tests="2" failures="1" errors="0" skipped="0" time="[\d.]+">\n {2}<testsuite name="pos-sim · default" tests="2" failures="1" errors="0" skipped="0" time="[\d.]+" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" hostname="[^"]+">/,
      );
      expect(xml).toMatch(/<\/testsuite>\n<\/testsuites>$/);
      const cases = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" file="([^"]*)" time="[\d.]+"(\/>|>)/g)].map((match) =>
        match.slice(1),
      );
      expect(cases).toEqual([
        ['default.a-pass', 'opens settings', 'a-pass.yaml', '/>'],
        ['default.b-fail', 'fails on purpose', 'b-fail.yaml', '>'],
      ]);
      const failure = /<failure message="([^"]*)" type="expect">([^<]*)<\/failure>\n {4}<\/testcase>/.exec(xml);
      expect(failure?.[1]).toBe('expected the screen to show &quot;这段文字不存在&quot;');
      expect(failure?.[2]).toMatch(/^b-fail\.yaml:6:5 {2}expect: 这段文字不存在\n/);
      expect(failure?.[2]).toContain('请输入密码');
    });

    it('json: counts and one entry per walkthrough, the failure with where, message and screen', () => {
      const run = posSim(['run', '.', '--reporter', 'json'], { cwd: dir });
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as {
        passed: number;
        failed: number;
        walkthroughs: {
          name: string;
          file: string;
          passed: boolean;
          steps: number;
          durationMs: number;
          failure?: Record<string, unknown>;
        }[];
      };
      expect(report.passed).toBe(1);
      expect(report.failed).toBe(1);
      // Each file named as the other reporters name it: relative to where pos-sim runs.
      expect(report.walkthroughs.map(({ name, file, passed, steps }) => ({ name, file, passed, steps }))).toEqual([
        { name: 'opens settings', file: 'a-pass.yaml', passed: true, steps: 5 },
        { name: 'fails on purpose', file: 'b-fail.yaml', passed: false, steps: 4 },
      ]);
      expect(report.walkthroughs[0]?.failure).toBeUndefined();
      expect(report.walkthroughs[1]?.failure).toMatchObject({
        at: 'b-fail.yaml:6:5',
        step: 'expect: 这段文字不存在',
        message: 'expected the screen to show "这段文字不存在"',
        screen: expect.stringContaining('请输入密码'),
        states: expect.arrayContaining(['passwordPrompt.entering']),
      });
    });
  });

  describe('--coverage', SLOW, () => {
    const COVERAGE = /^Coverage: states (\d+)\/(\d+) \((\d+\.\d)%\), transitions (\d+)\/(\d+) \((\d+\.\d)%\)$/m;

    it('the shipped walkthroughs reach every state and transition', () => {
      const run = shippedSuite();
      expect(run.code).toBe(0);
      const [, states, allStates, statesPercent, transitions, allTransitions, transitionsPercent] = COVERAGE.exec(run.stdout) ?? [];
      expect(Number(allStates)).toBeGreaterThan(30);
      expect(states).toBe(allStates);
      expect(statesPercent).toBe('100.0');
      expect(transitions).toBe(allTransitions);
      expect(transitionsPercent).toBe('100.0');
      expect(run.stdout).not.toContain('never');
    });

    it('one walkthrough reaches part of them, and the rest are listed', () => {
      const dir = folder('run-coverage');
      write(dir, 'pass.yaml', PASSING);
      const run = posSim(['run', 'pass.yaml', '--coverage'], { cwd: dir });
      expect(run.code).toBe(0);
      const [, states, allStates, statesPercent, transitions, allTransitions] = COVERAGE.exec(run.stdout) ?? [];
      expect(Number(states)).toBeGreaterThan(0);
      expect(Number(states)).toBeLessThan(Number(allStates));
      expect(Number(statesPercent)).toBeCloseTo((100 * Number(states)) / Number(allStates), 1);
      expect(Number(transitions)).toBeLessThan(Number(allTransitions));
      expect(run.stdout).toContain('States never reached:\n  ');
      expect(run.stdout).toContain('bindingManagement.');
      expect(run.stdout).toContain('Transitions never taken:\n  ');
    });

    it('with a machine-readable reporter, stdout stays parseable and the figures go to stderr', () => {
      const run = posSim(['run', 'fixtures/walkthroughs', '--coverage', '--reporter', 'json']);
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { failed: number }).failed).toBe(0);
      expect(run.stderr).toMatch(COVERAGE);
    });
  });
});
