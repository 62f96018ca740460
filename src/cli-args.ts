/** The command line: which command, and its flags, checked once with messages that say the fix. */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { LANGS, type Lang } from './i18n/messages.js';
import { REPORTERS, type ReporterName } from './walkthrough/reporters.js';

export const COMMANDS = ['start', 'reset', 'profiles', 'hash-password', 'run', 'record', 'paths', 'chart', 'records', 'practice', 'demo'] as const;
export type Command = (typeof COMMANDS)[number];

export type CliOptions = {
  readonly command: Command;
  /** Files and folders (run), or the file to write (record). */
  readonly paths: readonly string[];
  readonly fixture: string | undefined;
  readonly dataDir: string | undefined;
  readonly fresh: boolean;
  readonly lang: Lang;
  readonly reporter: ReporterName;
  readonly bail: boolean;
  readonly coverage: boolean;
  readonly snapshotDir: string | undefined;
  readonly write: string | undefined;
  /** practice: print the practice history instead of practising. */
  readonly history: boolean;
  /** records: machine-readable output. */
  readonly json: boolean;
  /** demo: --lang as given (the walkthrough's own language when absent). */
  readonly langFlag: Lang | undefined;
  /** demo: how fast it plays (1 = a step about every 1.5 s). */
  readonly speed: number;
  /** demo: the asciinema recording to write. */
  readonly record: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
};

export const USAGE = `pos-sim - a POS terminal simulator in your terminal

Usage
  pos-sim [options]              run the simulated terminal (default profile)
  pos-sim run FILES|DIRS...      play walkthroughs headless; exit 0 all pass, 1 a failure, 2 bad input
  pos-sim record FILE            use the terminal; what you press is written to FILE as a walkthrough
  pos-sim paths [--write DIR]    the shortest key path to every menu state (as walkthroughs with --write)
  pos-sim reset [options]        return the device to its profile (a damaged data file is kept aside)
  pos-sim profiles               list the device profiles
  pos-sim records [--json]       print the device's operation records, newest first (read only)
  pos-sim practice [TASK]        practise a procedure on a throw-away device and get a score (no TASK: the list)
  pos-sim practice --history     the practice results so far, newest first
  pos-sim demo [PROCEDURE]       play a walkthrough slowly with a caption per step (no PROCEDURE: the list)
  pos-sim chart                  the menu machines as Mermaid state diagrams (Markdown)
  pos-sim hash-password          read a password, print its salted hash for a profile

Options
  --fixture NAME|PATH    device profile: a name from \`pos-sim profiles\` or a .json file (default: default)
                         (run: plays every walkthrough on this profile instead of its own)
  --data-dir DIR         where device data lives (default: $POS_SIM_DATA_DIR or ~/.local/share/pos-sim)
  --fresh                a factory-fresh device in a throw-away folder; nothing is saved
  --lang zh|en           device language (default: zh)
  --reporter NAME        run: pretty (default), tap, junit or json
  --bail                 run: stop at the first failing walkthrough
  --coverage             run: report the menu states and transitions the walkthroughs reached
  --snapshot-dir DIR     run: where snapshot steps write screens (default: pos-sim-snapshots)
  --write DIR            paths: write each path as a walkthrough file into DIR
  --json                 records: print JSON instead of a table
  --history              practice: print the practice history
  --speed N              demo: faster (2) or slower (0.5) than a step about every 1.5 s (default: 1)
  --record FILE.cast     demo: also write an asciinema recording (works without a terminal)
  -h, --help             this help
  -v, --version          the version`;

/** Which flags each command accepts (help and version go with any). */
const FLAGS: Record<Command, readonly string[]> = {
  start: ['fixture', 'data-dir', 'fresh', 'lang'],
  reset: ['fixture', 'data-dir'],
  profiles: ['lang'],
  'hash-password': [],
  run: ['reporter', 'bail', 'coverage', 'snapshot-dir', 'fixture'],
  record: ['fixture', 'lang'],
  paths: ['fixture', 'write'],
  chart: ['lang'],
  practice: ['history', 'lang', 'data-dir'],
  records: ['fixture', 'data-dir', 'json', 'lang'],
  demo: ['lang', 'speed', 'record'],
};

const ARITY: Record<Command, { min: number; max: number; what: string }> = {
  start: { min: 0, max: 0, what: '' },
  reset: { min: 0, max: 0, what: '' },
  profiles: { min: 0, max: 0, what: '' },
  'hash-password': { min: 0, max: 0, what: '' },
  run: { min: 1, max: Infinity, what: 'walkthrough files or folders' },
  record: { min: 1, max: 1, what: 'the walkthrough file to write' },
  paths: { min: 0, max: 0, what: '' },
  chart: { min: 0, max: 0, what: '' },
  practice: { min: 0, max: 1, what: 'one task: its number or name from `pos-sim practice`, or a task file' },
  records: { min: 0, max: 0, what: '' },
  demo: { min: 0, max: 1, what: 'one walkthrough: a name from `pos-sim demo`, or a file' },
};

export const parseCli = (argv: readonly string[]): CliOptions => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        fixture: { type: 'string' },
        'data-dir': { type: 'string' },
        fresh: { type: 'boolean' },
        lang: { type: 'string' },
        reporter: { type: 'string' },
        bail: { type: 'boolean' },
        coverage: { type: 'boolean' },
        'snapshot-dir': { type: 'string' },
        write: { type: 'string' },
        history: { type: 'boolean' },
        json: { type: 'boolean' },
        speed: { type: 'string' },
        record: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun \`pos-sim --help\` for the options.`);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const version = values.version === true;
  const first = positionals[0];
  const command = (first ?? 'start') as Command;
  if (first !== undefined && (!(COMMANDS as readonly string[]).includes(first) || first === 'start')) {
    throw new UsageError(
      `Unknown command "${first}". Commands: ${COMMANDS.filter((name) => name !== 'start').join(', ')} (or none, to run the device).`,
    );
  }
  const paths = positionals.slice(1);
  if (!help && !version) {
    const arity = ARITY[command];
    if (paths.length < arity.min) throw new UsageError(`"${command}" needs ${arity.what}.`);
    if (paths.length > arity.max) throw new UsageError(`"${command}" takes ${arity.max === 0 ? 'no arguments' : arity.what}, got: ${paths.join(' ')}`);
    for (const flag of Object.keys(values)) {
      if (flag !== 'help' && flag !== 'version' && !FLAGS[command].includes(flag)) {
        throw new UsageError(`--${flag} does not go with ${first ?? 'starting the device'}. Run \`pos-sim --help\`.`);
      }
    }
  }
  const lang = values.lang ?? 'zh';
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang ${lang}: use one of ${LANGS.join(', ')}.`);
  const reporter = values.reporter ?? 'pretty';
  if (!(REPORTERS as readonly string[]).includes(reporter)) {
    throw new UsageError(`--reporter ${reporter}: use one of ${REPORTERS.join(', ')}.`);
  }
  if (values.history && paths.length > 0) {
    throw new UsageError(`--history prints every practice; leave out the task (${paths.join(' ')}).`);
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100) {
    throw new UsageError(`--speed ${values.speed}: give a number above 0 (up to 100), e.g. 0.5 for half speed or 2 for double.`);
  }
  if (values.record !== undefined && !values.record.endsWith('.cast')) {
    throw new UsageError(`--record ${values.record}: an asciinema recording is a .cast file, e.g. --record demo.cast`);
  }
  if (values.fresh && values['data-dir']) {
    throw new UsageError('--fresh and --data-dir do not go together: --fresh uses a throw-away folder.');
  }
  return {
    command,
    paths,
    fixture: values.fixture,
    dataDir: values['data-dir'],
    fresh: values.fresh === true,
    lang: lang as Lang,
    reporter: reporter as ReporterName,
    bail: values.bail === true,
    coverage: values.coverage === true,
    snapshotDir: values['snapshot-dir'],
    write: values.write,
    history: values.history === true,
    json: values.json === true,
    langFlag: values.lang as Lang | undefined,
    speed,
    record: values.record,
    help,
    version,
  };
};
