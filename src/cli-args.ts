/** The command line: which command, and its flags, checked once with messages that say the fix. */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { LANGS, type Lang } from './i18n/messages.js';

export const COMMANDS = ['start', 'reset', 'profiles', 'hash-password'] as const;
export type Command = (typeof COMMANDS)[number];

export type CliOptions = {
  readonly command: Command;
  readonly fixture: string | undefined;
  readonly dataDir: string | undefined;
  readonly fresh: boolean;
  readonly lang: Lang;
  readonly help: boolean;
  readonly version: boolean;
};

export const USAGE = `pos-sim — a POS terminal simulator in your terminal

Usage
  pos-sim [options]            run the simulated terminal (default profile)
  pos-sim reset [options]      return the device to its profile (a damaged data file is kept aside)
  pos-sim profiles             list the device profiles
  pos-sim hash-password        read a password from standard input, print its salted hash for a profile

Options
  --fixture NAME|PATH   device profile: a name from \`pos-sim profiles\` or a .json file (default: default)
  --data-dir DIR        where device data lives (default: $POS_SIM_DATA_DIR or ~/.local/share/pos-sim)
  --fresh               a factory-fresh device in a throw-away folder; nothing is saved
  --lang zh|en          device language (default: zh)
  -h, --help            this help
  -v, --version         the version`;

export const parseCli = (argv: readonly string[]): CliOptions => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        fixture: { type: 'string' },
        'data-dir': { type: 'string' },
        fresh: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun \`pos-sim --help\` for the options.`);
  }
  const { values, positionals } = parsed;
  const [command = 'start', ...extra] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command) || command === 'start' && positionals.length > 0) {
    throw new UsageError(`Unknown command "${command}". Commands: ${COMMANDS.filter((name) => name !== 'start').join(', ')} (or none, to run the device).`);
  }
  if (extra.length > 0) throw new UsageError(`"${command}" takes no arguments, got: ${extra.join(' ')}`);
  if (!(LANGS as readonly string[]).includes(values.lang)) {
    throw new UsageError(`--lang ${values.lang}: use one of ${LANGS.join(', ')}.`);
  }
  if (values.fresh && values['data-dir']) throw new UsageError('--fresh and --data-dir do not go together: --fresh uses a throw-away folder.');
  return {
    command: command as Command,
    fixture: values.fixture,
    dataDir: values['data-dir'],
    fresh: values.fresh,
    lang: values.lang as Lang,
    help: values.help,
    version: values.version,
  };
};
