// The command line parser: commands, the flags each command takes, and the usage errors with their
// messages (all exit code 2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCli, usage } from '../../src/cli-args.js';
import { langOfCommandLine, setToolLang } from '../../src/i18n/tool-lang.js';
import { usageError } from '../support/usage-error.js';

afterEach(() => setToolLang('zh'));

describe('parseCli: commands', () => {
  it('no command starts the device with the defaults', () => {
    expect(parseCli([])).toEqual({
      command: 'start',
      paths: [],
      fixture: undefined,
      dataDir: undefined,
      fresh: false,
      lang: 'zh',
      reporter: 'pretty',
      bail: false,
      coverage: false,
      snapshotDir: undefined,
      updateSnapshots: false,
      env: {},
      write: undefined,
      json: false,
      yes: false,
      history: false,
      langFlag: undefined,
      speed: 1,
      record: undefined,
      timeScale: 1,
      step: undefined,
      out: undefined,
      format: 'html',
      help: false,
      version: false,
    });
  });

  it('records takes --fixture, --data-dir, --json and --lang, and no arguments', () => {
    expect(parseCli(['records', '--json', '--fixture', 'offline', '--data-dir', 'd', '--lang', 'en'])).toMatchObject({
      command: 'records',
      json: true,
      fixture: 'offline',
      dataDir: 'd',
      lang: 'en',
    });
    expect(parseCli(['records'])).toMatchObject({ command: 'records', json: false });
    expect(usageError(['records', 'x']).message).toBe('"records" 不带参数，却给了：x');
    expect(usageError(['records', '--fresh']).message).toMatch(/^--fresh 不能用于"records"/);
    expect(usageError(['--json']).message).toMatch(/^--json 不能用于"运行设备"/);
  });

  it('starting the device takes --time-scale: how many times as fast its clock runs', () => {
    expect(parseCli(['--time-scale', '10'])).toMatchObject({ command: 'start', timeScale: 10 });
    expect(parseCli(['--fresh', '--time-scale', '0.5'])).toMatchObject({ timeScale: 0.5 });
    for (const scale of ['0', 'fast', '5000']) {
      expect(usageError(['--time-scale', scale]).message).toBe(
        `--time-scale ${scale}：请给一个大于 0(最多 1000)的数：设备时钟走得快几倍，如 10 时 5 分钟的锁定 30 秒就结束。`,
      );
    }
    expect(usageError(['run', 'x.yaml', '--time-scale', '2']).message).toMatch(/^--time-scale 不能用于"run"/);
    expect(usageError(['practice', '--time-scale', '2']).message).toMatch(/^--time-scale 不能用于"practice"/);
  });

  it('starting the device takes --fixture, --data-dir, --lang and --fresh', () => {
    expect(parseCli(['--fixture', 'offline', '--data-dir', 'some/dir', '--lang', 'en'])).toMatchObject({
      command: 'start',
      fixture: 'offline',
      dataDir: 'some/dir',
      lang: 'en',
      fresh: false,
    });
    expect(parseCli(['--fresh', '--fixture', 'fixtures/profiles/unbound.json'])).toMatchObject({
      command: 'start',
      fresh: true,
      fixture: 'fixtures/profiles/unbound.json',
      dataDir: undefined,
    });
    expect(parseCli(['--fixture=unbound'])).toMatchObject({ command: 'start', fixture: 'unbound' });
  });

  it('reset takes --fixture, --data-dir and --yes (and only reset takes --yes)', () => {
    expect(parseCli(['reset'])).toMatchObject({ command: 'reset', paths: [], yes: false });
    expect(parseCli(['reset', '--yes'])).toMatchObject({ command: 'reset', yes: true });
    expect(usageError(['run', 'x.yaml', '--yes']).message).toContain('--yes');
    expect(parseCli(['reset', '--fixture', 'unbound', '--data-dir', '/tmp/pos'])).toMatchObject({
      command: 'reset',
      fixture: 'unbound',
      dataDir: '/tmp/pos',
    });
  });

  it('profiles takes --lang', () => {
    expect(parseCli(['profiles'])).toMatchObject({ command: 'profiles', lang: 'zh' });
    expect(parseCli(['profiles', '--lang', 'en'])).toMatchObject({ command: 'profiles', lang: 'en' });
  });

  it('hash-password takes nothing', () => {
    expect(parseCli(['hash-password'])).toMatchObject({ command: 'hash-password', paths: [] });
  });

  it('run takes files and folders, --reporter, --bail, --coverage and --snapshot-dir', () => {
    expect(parseCli(['run', 'a.yaml', 'walkthroughs/'])).toMatchObject({
      command: 'run',
      paths: ['a.yaml', 'walkthroughs/'],
      reporter: 'pretty',
      bail: false,
      coverage: false,
      snapshotDir: undefined,
    });
    expect(parseCli(['run', 'a.yaml', '--reporter', 'tap', '--bail', '--coverage', '--snapshot-dir', 'snaps'])).toMatchObject({
      command: 'run',
      paths: ['a.yaml'],
      reporter: 'tap',
      bail: true,
      coverage: true,
      snapshotDir: 'snaps',
    });
    // Flags may come before the command's arguments too.
    expect(parseCli(['run', '--reporter', 'junit', 'x.yaml'])).toMatchObject({ paths: ['x.yaml'], reporter: 'junit' });
    expect(parseCli(['run', 'x.yaml', '--fixture', 'landi-a8'])).toMatchObject({ command: 'run', fixture: 'landi-a8' });
    for (const reporter of ['pretty', 'tap', 'junit', 'json', 'html']) {
      expect(parseCli(['run', 'x.yaml', '--reporter', reporter]).reporter).toBe(reporter);
    }
    expect(parseCli(['run', 'x.yaml', '--update-snapshots'])).toMatchObject({ updateSnapshots: true });
  });

  it('screenshot takes one walkthrough, --step, --out (.svg or .png) and --fixture; guide takes --format and --out', () => {
    expect(parseCli(['screenshot', 'P2', '--step', '5', '--out', 'five.png', '--fixture', 'pax-a920'])).toMatchObject({
      command: 'screenshot',
      paths: ['P2'],
      step: 5,
      out: 'five.png',
      fixture: 'pax-a920',
    });
    expect(parseCli(['screenshot', 'P2', '--step', '0'])).toMatchObject({ step: 0, out: undefined });
    expect(parseCli(['guide', 'P2', '--format', 'md', '--lang', 'en'])).toMatchObject({ command: 'guide', format: 'md', langFlag: 'en' });
    expect(parseCli(['guide', 'P2'])).toMatchObject({ format: 'html', out: undefined });
    for (const step of ['1.5', 'last', '', '+2'])
      expect(usageError(['screenshot', 'P2', '--step', step]).message).toBe(
        `--step ${step}：请给步骤的编号(0 是第一步之前)，如 --step 5。`,
      );
    expect(usageError(['screenshot', 'P2', '--out', 'shot.jpg']).message).toBe(
      '--out shot.jpg：截图是 .svg 或 .png 文件，如 --out screen.png',
    );
    expect(usageError(['guide', 'P2', '--format', 'pdf']).message).toBe('--format pdf：请用 html, md 之一。');
    expect(usageError(['guide']).message).toMatch(/^"guide" 需要一个操作脚本/);
    expect(usageError(['screenshot', 'P1', 'P2']).message).toMatch(/^"screenshot" 只接受一个操作脚本/);
    expect(usageError(['guide', 'P2', '--step', '3']).message).toMatch(/^--step 不能用于"guide"/);
    expect(usageError(['run', 'x.yaml', '--out', 'r.html']).message).toMatch(/^--out 不能用于"run"/);
  });

  it('--help and --version go with any command and skip its argument checks', () => {
    expect(parseCli(['--help'])).toMatchObject({ command: 'start', help: true });
    expect(parseCli(['-h'])).toMatchObject({ help: true });
    expect(parseCli(['-v'])).toMatchObject({ version: true });
    expect(parseCli(['--version'])).toMatchObject({ version: true });
    expect(parseCli(['run', '--help'])).toMatchObject({ command: 'run', help: true, paths: [] });
    expect(parseCli(['reset', '-h'])).toMatchObject({ command: 'reset', help: true });
  });

  it('the usage names every command and option, in Chinese by default and in English', () => {
    const words = [
      'run FILES|DIRS',
      'reset',
      'profiles',
      'hash-password',
      '--fixture',
      '--data-dir',
      '--fresh',
      '--time-scale',
      '--lang',
      '--reporter',
      '--bail',
      '--coverage',
      '--snapshot-dir',
      '--update-snapshots',
      'screenshot WALKTHROUGH',
      'guide WALKTHROUGH',
      '--step',
      '--out',
      '--format',
      '--help',
      '--version',
    ];
    const chinese = usage();
    for (const word of words) expect(chinese).toContain(word);
    expect(chinese).toContain('运行模拟 POS 机');
    setToolLang('en');
    const english = usage();
    for (const word of words) expect(english).toContain(word);
    expect(english).toContain('run the simulated terminal');
    expect(english).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('parseCli: language', () => {
  it('--lang goes with every command', () => {
    for (const command of ['reset', 'hash-password', 'run x.yaml', 'paths', 'chart', 'records', 'demo']) {
      expect(parseCli([...command.split(' '), '--lang', 'en'])).toMatchObject({ command: command.split(' ')[0], lang: 'en' });
    }
  });

  it('POS_SIM_LANG chooses the language when --lang does not; a bad value names the variable', () => {
    expect(parseCli([], { POS_SIM_LANG: 'en' })).toMatchObject({ lang: 'en', langFlag: 'en' });
    expect(parseCli(['--lang', 'zh'], { POS_SIM_LANG: 'en' })).toMatchObject({ lang: 'zh' });
    expect(parseCli([], { POS_SIM_LANG: '' })).toMatchObject({ lang: 'zh', langFlag: undefined });
    expect(() => parseCli([], { POS_SIM_LANG: 'de' })).toThrow('--lang (POS_SIM_LANG) de：请用 zh, en 之一。');
  });

  it('the tool speaks the language of the command line before checking the rest of it', () => {
    expect(langOfCommandLine(['run', '--lang', 'en', '--bogus'], {})).toBe('en');
    expect(langOfCommandLine(['--lang=en'], {})).toBe('en');
    expect(langOfCommandLine(['--lang', 'fr'], { POS_SIM_LANG: 'en' })).toBe('en');
    expect(langOfCommandLine([], {})).toBe('zh');
  });
});

describe('parseCli: errors in Chinese (the default)', () => {
  it('name the problem and the fix', () => {
    expect(usageError(['bogus']).message).toMatch(/^没有命令 "bogus"。命令有：reset, profiles/);
    expect(usageError(['reset', '--fresh']).message).toBe('--fresh 不能用于"reset"。运行 `pos-sim --help` 查看。');
    expect(usageError(['--coverage']).message).toBe('--coverage 不能用于"运行设备"。运行 `pos-sim --help` 查看。');
    expect(usageError(['run']).message).toBe('"run" 需要操作脚本文件或目录。');
    expect(usageError(['reset', 'extra']).message).toBe('"reset" 不带参数，却给了：extra');
    expect(usageError(['--nope']).message).toContain('运行 `pos-sim --help` 查看选项。');
    expect(usageError(['--lang', 'fr']).message).toBe('--lang fr：请用 zh, en 之一。');
  });

  it('say what is wrong with an option in the tool’s words, not node’s, with a near miss', () => {
    expect(usageError(['--bogus']).message).toBe('没有选项 --bogus。\n运行 `pos-sim --help` 查看选项。');
    expect(usageError(['run', 'x.yaml', '--reportr', 'tap']).message).toMatch(/^没有选项 --reportr，是不是要用 --reporter？/);
    expect(usageError(['demo', '--speed']).message).toMatch(/^--speed 后面要跟一个值。/);
    // A value starting with a dash reads as an option: how to write it, then what the value may be.
    expect(usageError(['run', 'x.yaml', '--workers', '-1']).message).toMatch(
      /^--workers 的值 -1 以 - 开头，会被当成选项：写成 --workers=-1。/,
    );
    expect(usageError(['run', 'x.yaml', '--workers=-1']).message).toMatch(/--workers -1/);
    // An option after it means its value was left out.
    expect(usageError(['demo', 'P2', '--speed', '--fresh']).message).toMatch(/^--speed 后面要跟一个值。/);
    expect(usageError(['run', 'x.yaml', '--bail=yes']).message).toMatch(/^--bail 不带值，只写 --bail 即可。/);
    expect(usageError(['-x']).message).toMatch(/^没有选项 -x。/);
  });
});

describe('parseCli: errors in English', () => {
  beforeEach(() => setToolLang('en'));

  it('an unknown command names the commands there are', () => {
    const error = usageError(['bogus']);
    expect(error.message).toMatch(/^Unknown command "bogus"\. Commands: reset, profiles, hash-password, run/);
    expect(error.message).toContain('(or none, to run the device)');
    expect(error.exitCode).toBe(2);
  });

  it('"start" is not typed as a command: the device starts with no command', () => {
    expect(usageError(['start']).message).toMatch(/^Unknown command "start"/);
  });

  it('an unknown option says how to see the options', () => {
    const error = usageError(['--nope']);
    expect(error.message).toMatch(/--nope/);
    expect(error.message).toContain('Run `pos-sim --help` for the options.');
    expect(error.exitCode).toBe(2);
  });

  it('an unknown option close to a real one suggests it', () => {
    expect(usageError(['--fixtur', 'default']).message).toBe(
      'Unknown option --fixtur; did you mean --fixture?\nRun `pos-sim --help` for the options.',
    );
  });

  it('an option missing its value is refused', () => {
    const error = usageError(['--fixture']);
    expect(error.message).toMatch(/--fixture/);
    expect(error.message).toContain('pos-sim --help');
  });

  it.each([
    [['reset', '--fresh'], '--fresh does not go with reset.'],
    [['profiles', '--fixture', 'default'], '--fixture does not go with profiles.'],
    [['hash-password', '--json'], '--json does not go with hash-password.'],
    [['run', 'x.yaml', '--data-dir', 'd'], '--data-dir does not go with run.'],
    [['--reporter', 'tap'], '--reporter does not go with starting the device.'],
    [['--coverage'], '--coverage does not go with starting the device.'],
  ])('%j: %s', (argv, message) => {
    const error = usageError(argv);
    expect(error.message).toContain(message);
    expect(error.message).toContain('Run `pos-sim --help`.');
  });

  it('a command that takes no arguments refuses them; run needs at least one', () => {
    expect(usageError(['reset', 'extra']).message).toBe('"reset" takes no arguments, got: extra');
    expect(usageError(['profiles', 'a', 'b']).message).toBe('"profiles" takes no arguments, got: a b');
    expect(usageError(['run']).message).toBe('"run" needs walkthrough files or folders.');
  });

  it('--fresh and --data-dir do not go together', () => {
    expect(usageError(['--fresh', '--data-dir', 'x']).message).toBe(
      '--fresh and --data-dir do not go together: --fresh uses a throw-away folder.',
    );
  });

  it('a language other than zh or en is refused', () => {
    expect(usageError(['--lang', 'fr']).message).toBe('--lang fr: use one of zh, en.');
    expect(usageError(['profiles', '--lang', 'ZH']).message).toBe('--lang ZH: use one of zh, en.');
  });

  it('an unknown reporter is refused with the ones there are', () => {
    expect(usageError(['run', 'x.yaml', '--reporter', 'xml']).message).toBe('--reporter xml: use one of pretty, tap, junit, json, html.');
  });
});
