// The command line parser: commands, the flags each command takes, and the usage errors with their
// messages (all exit code 2).
import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from '../../src/cli-args.js';
import { usageError } from '../support/usage-error.js';


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
      write: undefined,
      json: false,
      history: false,
      langFlag: undefined,
      speed: 1,
      record: undefined,
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
    expect(usageError(['records', 'x']).message).toBe('"records" takes no arguments, got: x');
    expect(usageError(['records', '--fresh']).message).toMatch(/^--fresh does not go with records/);
    expect(usageError(['--json']).message).toMatch(/^--json does not go with starting the device/);
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

  it('reset takes --fixture and --data-dir', () => {
    expect(parseCli(['reset'])).toMatchObject({ command: 'reset', paths: [] });
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
    for (const reporter of ['pretty', 'tap', 'junit', 'json']) {
      expect(parseCli(['run', 'x.yaml', '--reporter', reporter]).reporter).toBe(reporter);
    }
  });

  it('--help and --version go with any command and skip its argument checks', () => {
    expect(parseCli(['--help'])).toMatchObject({ command: 'start', help: true });
    expect(parseCli(['-h'])).toMatchObject({ help: true });
    expect(parseCli(['-v'])).toMatchObject({ version: true });
    expect(parseCli(['--version'])).toMatchObject({ version: true });
    expect(parseCli(['run', '--help'])).toMatchObject({ command: 'run', help: true, paths: [] });
    expect(parseCli(['reset', '-h'])).toMatchObject({ command: 'reset', help: true });
  });

  it('the usage names every command and option', () => {
    for (const word of ['run FILES|DIRS', 'reset', 'profiles', 'hash-password', '--fixture', '--data-dir', '--fresh', '--lang', '--reporter', '--bail', '--coverage', '--snapshot-dir', '--help', '--version']) {
      expect(USAGE).toContain(word);
    }
  });
});

describe('parseCli: errors', () => {
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

  it('an option missing its value is refused', () => {
    const error = usageError(['--fixture']);
    expect(error.message).toMatch(/--fixture/);
    expect(error.message).toContain('pos-sim --help');
  });

  it.each([
    [['reset', '--fresh'], '--fresh does not go with reset.'],
    [['reset', '--lang', 'en'], '--lang does not go with reset.'],
    [['profiles', '--fixture', 'default'], '--fixture does not go with profiles.'],
    [['hash-password', '--lang', 'en'], '--lang does not go with hash-password.'],
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
    expect(usageError(['run', 'x.yaml', '--reporter', 'xml']).message).toBe('--reporter xml: use one of pretty, tap, junit, json.');
  });
});
