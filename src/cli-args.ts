/** The command line: which command, and its flags, checked once with messages that say the fix. */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { isLang, LANGS, type Lang, type MessageKey } from './i18n/messages.js';
import { toolText } from './i18n/tool-lang.js';
import { REPORTERS, type ReporterName } from './walkthrough/reporters/reporter-names.js';
import type { Shard, TagSelection } from './walkthrough/suite.js';

export const COMMANDS = [
  'start',
  'reset',
  'profiles',
  'hash-password',
  'run',
  'record',
  'paths',
  'chart',
  'records',
  'practice',
  'demo',
  'screenshot',
  'guide',
] as const;
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
  /** run: write golden screen snapshots anew where the screen differs, remove unused ones. */
  readonly updateSnapshots: boolean;
  /** run: worker threads (the cores when absent). */
  readonly workers: number | undefined;
  /** run: the share of the files to play. */
  readonly shard: Shard | undefined;
  /** run, demo: `--env NAME=value`, values for the walkthroughs' `${NAME}`s. */
  readonly env: Readonly<Record<string, string>>;
  /** run: `--include-tags` / `--exclude-tags`; absent when neither is given. */
  readonly tags: TagSelection | undefined;
  readonly write: string | undefined;
  /** practice: print the practice history instead of practising. */
  readonly history: boolean;
  /** records: machine-readable output. */
  readonly json: boolean;
  /** reset: replace the device data without asking. */
  readonly yes: boolean;
  /** demo: --lang or POS_SIM_LANG as given (the walkthrough's own language when neither is). */
  readonly langFlag: Lang | undefined;
  /** demo: how fast it plays (1 = a step about every 1.5 s). */
  readonly speed: number;
  /** demo: the asciinema recording to write. */
  readonly record: string | undefined;
  /** The interactive device: device seconds per real second. */
  readonly timeScale: number;
  /** screenshot: the step whose screen to draw (0: before the first), the last when absent. */
  readonly step: number | undefined;
  /** screenshot, guide: the file to write. */
  readonly out: string | undefined;
  /** guide: an HTML page or Markdown with picture files. */
  readonly format: GuideFormat;
  readonly help: boolean;
  readonly version: boolean;
};

export const GUIDE_FORMATS = ['html', 'md'] as const;
export type GuideFormat = (typeof GUIDE_FORMATS)[number];

/** The fastest the interactive device's clock may run: an hour a real second is past any use. */
const MAX_TIME_SCALE = 1000;
/** The most worker threads `run --workers` takes. */
const MAX_WORKERS = 64;

/** The help text, in the tool's language. */
export const usage = (): string => toolText('cli.usage');

/** Which flags each command accepts (help, version and lang go with any). */
const FLAGS: Record<Command, readonly string[]> = {
  start: ['fixture', 'data-dir', 'fresh', 'time-scale'],
  reset: ['fixture', 'data-dir', 'yes'],
  profiles: [],
  'hash-password': [],
  run: [
    'reporter',
    'bail',
    'coverage',
    'snapshot-dir',
    'update-snapshots',
    'fixture',
    'workers',
    'shard',
    'env',
    'include-tags',
    'exclude-tags',
  ],
  record: ['fixture'],
  paths: ['fixture', 'write'],
  chart: [],
  practice: ['history', 'data-dir'],
  records: ['fixture', 'data-dir', 'json'],
  demo: ['speed', 'record', 'env'],
  screenshot: ['step', 'out', 'fixture'],
  guide: ['format', 'out', 'fixture'],
};
const ANY_COMMAND = ['help', 'version', 'lang'];

const ARITY: Record<Command, { min: number; max: number; what?: MessageKey }> = {
  start: { min: 0, max: 0 },
  reset: { min: 0, max: 0 },
  profiles: { min: 0, max: 0 },
  'hash-password': { min: 0, max: 0 },
  run: { min: 1, max: Infinity, what: 'cli.what.run' },
  record: { min: 1, max: 1, what: 'cli.what.record' },
  paths: { min: 0, max: 0 },
  chart: { min: 0, max: 0 },
  practice: { min: 0, max: 1, what: 'cli.what.practice' },
  records: { min: 0, max: 0 },
  demo: { min: 0, max: 1, what: 'cli.what.demo' },
  screenshot: { min: 1, max: 1, what: 'cli.what.screenshot' },
  guide: { min: 1, max: 1, what: 'cli.what.guide' },
};

const OPTIONS = {
  fixture: { type: 'string' },
  'data-dir': { type: 'string' },
  fresh: { type: 'boolean' },
  lang: { type: 'string' },
  reporter: { type: 'string' },
  bail: { type: 'boolean' },
  coverage: { type: 'boolean' },
  'snapshot-dir': { type: 'string' },
  'update-snapshots': { type: 'boolean' },
  workers: { type: 'string' },
  shard: { type: 'string' },
  env: { type: 'string', multiple: true },
  'include-tags': { type: 'string', multiple: true },
  'exclude-tags': { type: 'string', multiple: true },
  write: { type: 'string' },
  history: { type: 'boolean' },
  json: { type: 'boolean' },
  yes: { type: 'boolean' },
  speed: { type: 'string' },
  record: { type: 'string' },
  'time-scale': { type: 'string' },
  step: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** How many single-letter edits turn one word into the other. */
const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (const [i, charA] of [...a].entries()) {
    const current = [i + 1];
    for (const [j, charB] of [...b].entries())
      current.push(Math.min((previous[j + 1] ?? 0) + 1, (current[j] ?? 0) + 1, (previous[j] ?? 0) + (charA === charB ? 0 : 1)));
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/** node's parseArgs says what is wrong in English; say it in the tool's language, with a near miss. */
const describeParseError = (error: Error & { code?: string }, argv: readonly string[]): string => {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = option.replace(/^-+/, '');
    const near = Object.keys(OPTIONS).filter((name) => editDistance(typed, name) <= 2 && typed.length > 1);
    return near.length > 0
      ? toolText('cli.unknownOptionNear', { option, near: near.map((name) => `--${name}`).join(', ') })
      : toolText('cli.unknownOption', { option });
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return toolText('cli.optionTakesNoValue', { option });
    // A value that starts with a dash (`--workers -1`) reads as an option: say how to write it.
    const value = argv[argv.indexOf(option) + 1];
    // …unless it is one of our options: then the value was left out (`--speed --fresh`).
    const name = value?.replace(/^-+/, '').split('=')[0] ?? '';
    const isOption = Object.hasOwn(OPTIONS, name);
    return /ambiguous/.test(error.message) && value !== undefined && !isOption
      ? toolText('cli.optionValueLikeOption', { option, value })
      : toolText('cli.optionNeedsValue', { option });
  }
  return error.message;
};

/**
 * Checks the command line. The language is --lang, else POS_SIM_LANG, else Chinese; it is both the
 * device's and the tool's.
 */
export const parseCli = (argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliOptions => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new UsageError(toolText('cli.badFlag', { reason: describeParseError(error as Error & { code?: string }, argv) }));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const version = values.version === true;
  const first = positionals[0];
  const command = (first ?? 'start') as Command;
  if (first !== undefined && (!(COMMANDS as readonly string[]).includes(first) || first === 'start')) {
    throw new UsageError(
      toolText('cli.unknownCommand', { command: first, commands: COMMANDS.filter((name) => name !== 'start').join(', ') }),
    );
  }
  const paths = positionals.slice(1);
  if (!help && !version) {
    const arity = ARITY[command];
    const what = arity.what === undefined ? '' : toolText(arity.what);
    if (paths.length < arity.min) throw new UsageError(toolText('cli.needsArguments', { command, what }));
    if (paths.length > arity.max) {
      const given = paths.join(' ');
      throw new UsageError(
        arity.max === 0 ? toolText('cli.takesNoArguments', { command, given }) : toolText('cli.takesArguments', { command, what, given }),
      );
    }
    for (const flag of Object.keys(values)) {
      if (!ANY_COMMAND.includes(flag) && !FLAGS[command].includes(flag)) {
        throw new UsageError(toolText('cli.flagNotFor', { flag, command: first ?? toolText('cli.startingDevice') }));
      }
    }
  }
  const langFlag = values.lang ?? (env.POS_SIM_LANG || undefined);
  if (langFlag !== undefined && !isLang(langFlag)) {
    const lang = values.lang === undefined ? `(POS_SIM_LANG) ${langFlag}` : langFlag;
    throw new UsageError(toolText('cli.badLang', { lang, langs: LANGS.join(', ') }));
  }
  const lang = langFlag ?? 'zh';
  const reporter = values.reporter ?? 'pretty';
  if (!(REPORTERS as readonly string[]).includes(reporter)) {
    throw new UsageError(toolText('cli.badReporter', { reporter, reporters: REPORTERS.join(', ') }));
  }
  if (values.history && paths.length > 0) {
    throw new UsageError(toolText('cli.historyWithTask', { task: paths.join(' ') }));
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100) {
    throw new UsageError(toolText('cli.badSpeed', { speed: values.speed ?? '' }));
  }
  const timeScale = values['time-scale'] === undefined ? 1 : Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > MAX_TIME_SCALE) {
    throw new UsageError(toolText('cli.badTimeScale', { scale: values['time-scale'] ?? '', max: MAX_TIME_SCALE }));
  }
  if (values.record !== undefined && !values.record.endsWith('.cast')) {
    throw new UsageError(toolText('cli.badRecord', { file: values.record }));
  }
  if (values.fresh && values['data-dir']) {
    throw new UsageError(toolText('cli.freshWithDataDir'));
  }
  const step = values.step === undefined ? undefined : Number(values.step);
  if (step !== undefined && !(Number.isInteger(step) && step >= 0 && /^\d+$/.test(values.step ?? ''))) {
    throw new UsageError(toolText('cli.badStep', { step: values.step ?? '' }));
  }
  const format = values.format ?? 'html';
  if (!(GUIDE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(toolText('cli.badFormat', { format, formats: GUIDE_FORMATS.join(', ') }));
  if (command === 'screenshot' && values.out !== undefined && !/\.(svg|png)$/i.test(values.out)) {
    throw new UsageError(toolText('cli.badPictureFile', { file: values.out }));
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= MAX_WORKERS)) {
    throw new UsageError(toolText('cli.badWorkers', { workers: values.workers ?? '', max: MAX_WORKERS }));
  }
  const shardMatch = values.shard === undefined ? undefined : /^(\d+)\/(\d+)$/.exec(values.shard);
  const shard = shardMatch ? { index: Number(shardMatch[1]), count: Number(shardMatch[2]) } : undefined;
  if (values.shard !== undefined && !(shard && shard.index >= 1 && shard.index <= shard.count)) {
    throw new UsageError(toolText('cli.badShard', { shard: values.shard }));
  }
  const given: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match) throw new UsageError(toolText('cli.badEnv', { given: pair }));
    given[match[1] as string] = match[2] as string;
  }
  const tagList = (flag: 'include-tags' | 'exclude-tags'): string[] =>
    (values[flag] ?? []).flatMap((given) => {
      const tags = given
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '');
      if (tags.length === 0 || tags.some((tag) => /\s/.test(tag)))
        throw new UsageError(toolText('cli.badTags', { flag: `--${flag}`, given }));
      return tags;
    });
  const include = tagList('include-tags');
  const exclude = tagList('exclude-tags');
  return {
    command,
    paths,
    fixture: values.fixture,
    dataDir: values['data-dir'],
    fresh: values.fresh === true,
    lang,
    reporter: reporter as ReporterName,
    bail: values.bail === true,
    coverage: values.coverage === true,
    snapshotDir: values['snapshot-dir'],
    updateSnapshots: values['update-snapshots'] === true,
    workers,
    shard,
    env: given,
    tags: include.length > 0 || exclude.length > 0 ? { include, exclude } : undefined,
    write: values.write,
    history: values.history === true,
    json: values.json === true,
    yes: values.yes === true,
    langFlag,
    speed,
    record: values.record,
    timeScale,
    step,
    out: values.out,
    format: format as GuideFormat,
    help,
    version,
  };
};
