/**
 * `pos-sim demo [PROCEDURE]`: plays a walkthrough on the interactive screen at a human pace, with
 * a caption per step, for trainers; `--record FILE.cast` writes it as an asciinema recording.
 * Without PROCEDURE it lists the shipped demos.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { render } from 'ink';
import stringWidth from 'string-width';
import { createSimulator } from '../device/simulator.js';
import { castHeader, CastWriter, fileSink } from '../demo/cast-writer.js';
import { describeFailure, DemoError, planDemo, simulatorDevice } from '../demo/demo-plan.js';
import { endHoldMs, endWhenFinished } from '../demo/demo-ending.js';
import { DEFAULT_TIMING, DemoPlayer, playingTimeMs, type Scheduler } from '../demo/player.js';
import { inkDrawsLastFrameOnly, SHOW_CURSOR, TeeStdout } from '../demo/tee-stdout.js';
import { PosSimError, UsageError } from '../errors.js';
import { noColorWanted, withoutColor } from '../no-color.js';
import type { Lang } from '../i18n/messages.js';
import { cutToWidth, padEnd, padStart } from '../text-width.js';
import { stepCount, toolLang, toolText } from '../i18n/tool-lang.js';
import { packageRoot } from '../package-root.js';
import { shippedTasks } from '../practice/load-tasks.js';
import { shownPath } from '../shown-path.js';
import { DemoApp } from '../ui/demo-app.js';
import { wrapped } from '../line-breaks.js';
import { SUITE_FILE } from '../walkthrough/format.js';
import { loadWalkthroughs } from '../walkthrough/load-walkthroughs.js';
import { redact } from '../walkthrough/params.js';
import { secretsIn } from '../walkthrough/run-walkthrough.js';
import { TuiFault } from './tui-fault.js';

/** Where `pos-sim demo NAME` finds NAME.yaml. */
export const DEMOS_DIR = join(packageRoot, 'fixtures', 'walkthroughs');

/** The recording's size when stdout is not a terminal. */
export const CAST_SIZE = { columns: 80, rows: 24 } as const;

export type DemoOptions = {
  readonly procedure: string | undefined;
  /** The demo's language; the walkthrough's own when absent. */
  readonly lang: Lang | undefined;
  readonly speed: number;
  readonly record: string | undefined;
  /** `--env NAME=value`: values for the walkthrough's `${NAME}`s. */
  readonly env?: Readonly<Record<string, string>>;
};

const isWalkthroughFile = (name: string) => (name.endsWith('.yaml') || name.endsWith('.yml')) && name !== SUITE_FILE;

/** The shipped demos: short name (file name without .yaml) and file, by name. */
const demoFiles = (): Map<string, string> =>
  new Map(
    readdirSync(DEMOS_DIR)
      .filter(isWalkthroughFile)
      .sort()
      .map((file) => [basename(file, extname(file)), join(DEMOS_DIR, file)]),
  );

/** The short names of the shipped demos (file names without .yaml). */
export const demoNames = (): string[] => [...demoFiles().keys()];

/** The shipped tasks do not change while pos-sim runs: read them once. */
let procedures: ReadonlyMap<string, string> | undefined;

/**
 * The demo of each procedure (P1…P5), as trainers and the README call them: the walkthrough its
 * practice task plays (the first task's, where two practise one procedure).
 */
export const procedureDemos = (): ReadonlyMap<string, string> => {
  if (procedures) return procedures;
  const demos = new Map<string, string>();
  for (const task of shippedTasks()) {
    const procedure = task.procedure.toUpperCase();
    if (!demos.has(procedure) && dirname(task.walkthrough) === DEMOS_DIR)
      demos.set(procedure, basename(task.walkthrough, extname(task.walkthrough)));
  }
  procedures = demos;
  return demos;
};

/** A demo's title (its walkthrough's name, in the tool's language), or undefined when it does not load. */
const titleOf = (file: string): string | undefined => {
  try {
    return loadWalkthroughs([file])[0]?.name;
  } catch (error) {
    if (error instanceof PosSimError) return undefined;
    throw error;
  }
};

/**
 * A walkthrough file: PROCEDURE as a path, or a shipped demo by its name (any case, .yaml or not),
 * its procedure (P2, p2), or a part of its name or title that only it has.
 */
export const resolveProcedure = (procedure: string): string => {
  if (existsSync(procedure) && statSync(procedure).isFile()) return resolve(procedure);
  const files = demoFiles();
  const wanted = procedure
    .trim()
    .replace(/\.ya?ml$/i, '')
    .toLowerCase();
  const exact = [...files].find(([name]) => name.toLowerCase() === wanted);
  if (exact) return exact[1];
  const demos = procedureDemos();
  const ofProcedure = demos.get(wanted.replace(/\s+/g, '').toUpperCase());
  const procedureFile = ofProcedure === undefined ? undefined : files.get(ofProcedure);
  if (procedureFile) return procedureFile;
  const matching = wanted
    ? [...files].filter(([name, file]) => name.toLowerCase().includes(wanted) || (titleOf(file)?.toLowerCase().includes(wanted) ?? false))
    : [];
  const [only] = matching;
  if (only && matching.length === 1) return only[1];
  if (matching.length > 1) {
    const choices = matching.map(([name, file]) => `  ${name}  ${titleOf(file) ?? ''}`.trimEnd()).join('\n');
    throw new UsageError(toolText('demoCli.manyDemos', { procedure, count: matching.length, choices }));
  }
  throw new UsageError(toolText('demoCli.noDemo', { procedure, procedures: procedureList(demos) }));
};

/** P1 p1-deregister-unionpay, P2 …: the procedures' demos, for the list and the messages. */
const procedureList = (demos: ReadonlyMap<string, string>): string =>
  [...demos]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([procedure, name]) => `${procedure} ${name}`)
    .join(toolText('demoCli.listSeparator'));

const seconds = (ms: number) => toolText('demoCli.seconds', { seconds: (ms / 1000).toFixed(ms < 10_000 ? 1 : 0) });

/** Where a line that does not fit beside the name goes: on its own line, indented this much. */
const INDENT = '    ';

/** The width the list fits: the terminal's, or 80 when stdout is not a terminal (a pipe, a file). */
export const listColumns = (stdout: { readonly isTTY?: boolean; readonly columns?: number }): number =>
  stdout.isTTY === true && stdout.columns ? stdout.columns : 80;

type DemoRow = { readonly name: string; readonly length?: string; readonly title?: string; readonly problem?: string };

/** At most this share of the names may be longer than the name column. */
const LONG_NAMES = 0.1;

/**
 * How wide the name column is: the width that puts the most demos on one line with their length
 * and title, else with their length (the widest such, among equals, so more names line up). The
 * few longest names (a tenth at most) may push their own line's length and title on, rather than
 * widen every line.
 */
const nameColumnWidth = (rows: readonly DemoRow[], lengthWidth: number, columns: number): number => {
  const names = rows.map((row) => stringWidth(row.name)).sort((a, b) => a - b);
  const narrowest = names[Math.max(0, Math.ceil(names.length * (1 - LONG_NAMES)) - 1)] ?? 0;
  const widths = [...new Set(names)].filter((width) => width >= narrowest);
  const head = (width: number, row: DemoRow) => 2 + Math.max(width, stringWidth(row.name)) + 2 + lengthWidth;
  const withTitle = (width: number) =>
    rows.filter((row) => row.title !== undefined && head(width, row) + 2 + stringWidth(row.title) <= columns).length;
  const withLength = (width: number) => rows.filter((row) => head(width, row) <= columns).length;
  const better = (a: number, b: number) => withTitle(a) > withTitle(b) || (withTitle(a) === withTitle(b) && withLength(a) >= withLength(b));
  return widths.reduce((best, width) => (better(width, best) ? width : best), narrowest);
};

/** The rows of the demo list, per demo language and tool language: each demo is played headless once a process, to time it. */
const rowsPlayed = new Map<string, readonly DemoRow[]>();
const demoRows = (lang: Lang | undefined): readonly DemoRow[] => {
  const key = `${lang ?? ''}|${toolLang()}`;
  const known = rowsPlayed.get(key);
  if (known) return known;
  const rows: DemoRow[] = [...demoFiles()].map(([name, file]) => {
    try {
      const [walkthrough] = loadWalkthroughs([file]);
      if (!walkthrough) return { name };
      const plan = planDemo(walkthrough, lang ? { lang } : {});
      return { name, length: seconds(playingTimeMs(plan)), title: walkthrough.name };
    } catch (error) {
      if (!(error instanceof PosSimError)) throw error;
      return { name, problem: toolText('demoCli.doesNotPlay', { reason: error.message.split('\n')[0] ?? '' }) };
    }
  });
  rowsPlayed.set(key, rows);
  return rows;
};

/**
 * `pos-sim demo`: the shipped demos, with how long each plays, in `columns` terminal columns.
 * `lang` is the demos' (their timing); the list's own words and the titles are in the tool's
 * language. A title that does not fit beside its demo goes on the next line, indented, and is cut
 * with … when even that is too narrow.
 */
export const listDemos = (lang: Lang | undefined, columns = 80): string[] => {
  const rows = demoRows(lang);
  const lengthWidth = Math.max(0, ...rows.map((row) => (row.length === undefined ? 0 : stringWidth(row.length))));
  const width = nameColumnWidth(rows, lengthWidth, columns);
  const fits = (line: string) => stringWidth(line) <= columns;
  const indented = (text: string) =>
    wrapped(text, columns - INDENT.length)
      .split('\n')
      .map((line) => INDENT + line);
  const lines = (row: DemoRow): string[] => {
    const name = `  ${padEnd(row.name, width)}`;
    if (row.problem !== undefined)
      return fits(`${name}  ${row.problem}`) ? [`${name}  ${row.problem}`] : [`  ${row.name}`, ...indented(row.problem)];
    if (row.length === undefined || row.title === undefined) return [`  ${row.name}`];
    const head = `${name}  ${padStart(row.length, lengthWidth)}`;
    if (fits(`${head}  ${row.title}`)) return [`${head}  ${row.title}`];
    const title = INDENT + cutToWidth(row.title, columns - INDENT.length, '…');
    return fits(head) ? [head, title] : [`  ${row.name}`, INDENT + row.length, title];
  };
  return [
    ...wrapped(toolText('demoCli.listTitle'), columns).split('\n'),
    ...rows.flatMap(lines),
    '',
    ...wrapped(toolText('demoCli.listProcedures'), columns).split('\n'),
    ...[...procedureDemos()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([procedure, name]) => (fits(`  ${procedure}  ${name}`) ? `  ${procedure}  ${name}` : `${procedure} ${name}`)),
    ...wrapped(toolText('demoCli.listOptions'), columns).split('\n'),
    ...wrapped(toolText('demoCli.listKeys'), columns).split('\n'),
  ];
};

const realTimers: Scheduler = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  now: () => performance.now(),
};

/**
 * Plays the demo; returns what to tell the user afterwards, with the time it played (not the time
 * it was paused, nor the wait for q at the end). Throws DemoError when a check fails.
 */
export const runDemo = async (options: DemoOptions): Promise<string[]> => {
  if (options.procedure === undefined) return listDemos(options.lang, listColumns(process.stdout));
  const file = resolveProcedure(options.procedure);
  const [walkthrough] = loadWalkthroughs([file], undefined, options.env);
  if (!walkthrough) throw new UsageError(toolText('demoCli.noWalkthrough', { procedure: options.procedure }));
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (!interactive && options.record === undefined) {
    throw new UsageError(toolText('demoCli.needsTerminal', { procedure: options.procedure }));
  }
  const plan = planDemo(walkthrough, options.lang ? { lang: options.lang } : {});
  const sim = createSimulator({
    fixture: plan.profile,
    lang: plan.lang,
    startTime: plan.startTime,
    stayAtBoot: true,
    signedIn: plan.walkthrough.start !== 'power-on',
  });
  const player = new DemoPlayer(plan, simulatorDevice(sim, plan), { speed: options.speed, scheduler: realTimers });

  const stdout = process.stdout.isTTY ? process.stdout : undefined;
  // Under CI Ink would draw only the last frame: ask it for every frame, whole, for the recording.
  const wholeFrames = options.record !== undefined && inkDrawsLastFrameOnly(process.env);
  let writer: CastWriter | undefined;
  let tee: TeeStdout | undefined;
  // A recording that cannot be written on (a full disk) ends the demo with a message.
  const fault = new TuiFault();
  const recordingTo = (write: () => void) => {
    if (fault.reported) return;
    try {
      write();
    } catch (error) {
      fault.report(error as Error);
    }
  };
  if (options.record !== undefined) {
    const size = { columns: stdout?.columns || CAST_SIZE.columns, rows: stdout?.rows || CAST_SIZE.rows };
    writer = new CastWriter(
      fileSink(resolve(options.record)),
      castHeader({ width: size.columns, height: size.rows, title: `${plan.walkthrough.name} - pos-sim demo` }),
    );
    const cast = writer;
    // The recording is output too: NO_COLOR keeps colour out of it as out of the terminal.
    const forRecording = noColorWanted(process.env) ? withoutColor : (data: string) => data;
    tee = new TeeStdout({
      terminal: stdout,
      size,
      wholeFrames,
      onData: (data) => recordingTo(() => cast.output(forRecording(data))),
      onResize: (columns, rows) => recordingTo(() => cast.resize(columns, rows)),
    });
    // A marker per step: asciinema's player can jump from step to step.
    let markedStep = -1;
    player.subscribe(() => {
      const { stepIndex } = player.view();
      const step = plan.steps[stepIndex];
      if (stepIndex === markedStep || !step) return;
      markedStep = stepIndex;
      recordingTo(() => cast.marker(`${step.number}/${plan.steps.length} ${step.calledAs ? `${step.calledAs}: ` : ''}${step.caption}`));
    });
  }

  const app = render(
    <DemoApp
      session={sim.session}
      player={player}
      controls={interactive}
      flashMs={Math.min(300, (0.8 * DEFAULT_TIMING.keyMs) / options.speed)}
    />,
    { exitOnCtrlC: true, patchConsole: false, ...(tee ? { stdout: tee as unknown as NodeJS.WriteStream, debug: wholeFrames } : {}) },
  );
  const recording = writer;
  const stopWatching = endWhenFinished(player, {
    holdMs: endHoldMs(options.speed),
    scheduler: realTimers,
    interactive,
    // The recording ends on the end screen, the cursor shown again as the program will leave it.
    ...(recording
      ? {
          endRecording: () =>
            recordingTo(() => {
              recording.output(SHOW_CURSOR);
              recording.close();
            }),
        }
      : {}),
    exit: () => app.unmount(),
  });
  fault.attach(app);
  try {
    await app.waitUntilExit();
    fault.throwIfAny();
  } finally {
    stopWatching();
    player.stop();
    sim.stop();
    tee?.dispose();
    recordingTo(() => writer?.close());
  }
  const view = player.view();
  const total = plan.steps.length;
  const shown = view.stepIndex + 1;
  const lines: string[] = [];
  if (view.status === 'failed' && view.failure) {
    const recorded = options.record === undefined ? '' : `\n${toolText('demoCli.recordedSoFar', { file: options.record })}`;
    const secrets = secretsIn([...walkthrough.before, ...walkthrough.steps, ...walkthrough.after]);
    const failure = redact(describeFailure(view.failure.step, view.failure.message, sim.screen()), secrets);
    throw new DemoError(`${toolText('demoCli.checkFailed', { step: shown, total, failure })}${recorded}`);
  }
  lines.push(
    view.status === 'done'
      ? toolText('demoCli.played', { name: plan.walkthrough.name, steps: stepCount(total), time: seconds(player.playedMs()) })
      : toolText('demoCli.stopped', { name: plan.walkthrough.name, step: Math.max(shown, 0), total }),
  );
  if (writer && options.record !== undefined) {
    lines.push(
      toolText('cast.wrote', {
        file: shownPath(resolve(options.record)),
        width: writer.header.width,
        height: writer.header.height,
        events: writer.events,
        seconds: writer.seconds.toFixed(1),
        record: options.record,
      }),
    );
  }
  return lines;
};
