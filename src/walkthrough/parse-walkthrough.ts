/**
 * Reads walkthrough YAML into steps, checking everything before anything runs — down to whether the
 * profile it names exists, the pieces it calls (`run:`) and the values of their `${NAME}`s — against
 * the format's schemas (format.ts): an error names file:line:col where the problem starts, what is
 * wrong and what is allowed; inside a piece, followed by where it was called, innermost first. A
 * piece is read with the values its call passes (params.ts); one that calls itself, directly or
 * through others, is refused. The suite file (pos-sim.suite.yaml) nearest the walkthrough adds its
 * `before:` and `after:` steps.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Node } from 'yaml';
import type { z } from 'zod';
import { PosSimError } from '../errors.js';
import { LANGS, type Lang } from '../i18n/messages.js';
import { toolLang, toolText } from '../i18n/tool-lang.js';
import { checkSchema } from '../json-source.js';
import { profilePath } from '../profile/load-profile.js';
import { shownPath } from '../shown-path.js';
import { readYaml, type FieldPath, type YamlProblems, type YamlSource } from '../yaml-source.js';
import { checkStep, writtenKey } from './checked-steps.js';
import { asksScreen, type Condition } from './conditions.js';
import { WalkthroughError } from './walkthrough-error.js';
import { suiteFieldsSchema, SUITE_FILE, walkthroughFieldsSchema, type RunWritten, type TableRow } from './format.js';
import { leavesShipped, piecePath, WalkthroughLibrary, type ReadFile, type ReadPiece, type ReadSuite } from './library.js';
import {
  ENV_PREFIX,
  lookUp,
  redact,
  referencesIn,
  substitute,
  type OutsideValues,
  type ParameterValue,
  type Parameters,
} from './params.js';
import {
  SMS_CODE_VARIABLE,
  type Caption,
  type PhoneAction,
  type Secret,
  type Step,
  type StepAction,
  type Walkthrough,
} from './walkthrough.js';

/** A walkthrough file that cannot be run; the message lists every problem found. */
export { WalkthroughError };

type Issue = z.core.$ZodIssue;

/** Whether a union's branch failed on the input's type, rather than on what the input holds. */
const wrongType = (branch: readonly Issue[]): boolean =>
  branch.some(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' ||
        issue.code === 'invalid_value' ||
        (issue.code === 'invalid_union' && issue.errors.every((inner) => inner.length === 0 || wrongType(inner)))),
  );

/**
 * A union's issues as a person needs them: those of the branch the input's type chose (a list's
 * problems when a list was written), else the union's own message.
 */
const explain = (issue: Issue): Issue[] => {
  if (issue.code !== 'invalid_union') return [issue];
  const branch = issue.errors.find((candidate) => candidate.length > 0 && !wrongType(candidate));
  if (!branch) return [{ ...issue, errors: [] }];
  return branch.flatMap((inner) => explain({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
};

/** A problem found in a file, with where it is in the file being read (to list them top down). */
type Problem = { readonly line: number; readonly column: number; readonly text: string };

const problemAt = (source: YamlSource, node: Node | undefined, message: string): Problem => ({
  ...source.position(node?.range?.[0] ?? 0),
  text: source.problem(node, message),
});

/** Every schema issue as `file:line:col: message`, at the node it is about (unknown keys at the key). */
const problemsOf = (issues: readonly Issue[], at: FieldPath, source: YamlSource): Problem[] =>
  issues.flatMap(explain).flatMap((issue) => {
    const path = [...at, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const lines = issue.message.split('\n');
      return issue.keys.map((key, index) => problemAt(source, source.keyAt([...path, key]), lines[index] ?? lines[0] ?? ''));
    }
    return [problemAt(source, source.nodeAt(path), issue.message)];
  });

const profilesLookedUp = new Map<string, string | undefined>();

/** Why a profile cannot be found, or undefined when it is there (each looked up once per process). */
const missingProfile = (fixture: string): string | undefined => {
  if (!profilesLookedUp.has(fixture)) {
    try {
      profilePath(fixture);
      profilesLookedUp.set(fixture, undefined);
    } catch (error) {
      if (!(error instanceof PosSimError)) throw error;
      // A file may yet appear: only profiles found are remembered.
      return error.message;
    }
  }
  return profilesLookedUp.get(fixture);
};

/** Problems from the top of the file down. */
const inFileOrder = (problems: readonly Problem[]): string[] =>
  [...problems].sort((a, b) => a.line - b.line || a.column - b.column).map((problem) => problem.text);

/** A profile name, or a path that is relative to the walkthrough's folder. */
const resolveFixture = (fixture: string, file: string): string =>
  fixture.includes('/') || fixture.endsWith('.json') ? resolve(dirname(file), fixture) : fixture;

const SMS_CODE_REFERENCE = new RegExp(`^\\$${SMS_CODE_VARIABLE}(?:_([1-9]\\d*))?$`);
const VARIABLE_REFERENCE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;

/** What one file's steps are read with. */
type Reading = {
  /** The file, absolute (pieces are found relative to it). */
  readonly file: string;
  readonly source: YamlSource;
  /** The language a caption written as one text is in. */
  readonly lang: Lang;
  readonly parameters: Parameters;
  /** The files being read, outermost first: a piece already among them calls itself. */
  readonly stack: readonly string[];
  readonly library: WalkthroughLibrary;
  readonly problems: Problem[];
};

/**
 * `type: $POS_SIM_PASSWORD` types a parameter or an environment variable (as `${POS_SIM_PASSWORD}`
 * does), so a script need not hold a password; `$SMS_CODE` (`$SMS_CODE_N`) the code of a text, which
 * is only known when the step runs.
 */
const typed = (digits: string, parameters: Parameters): { action: StepAction; secret?: Secret } | string => {
  const sms = SMS_CODE_REFERENCE.exec(digits);
  if (sms) return { action: sms[1] === undefined ? { kind: 'typeSmsCode' } : { kind: 'typeSmsCode', index: Number(sms[1]) } };
  const variable = VARIABLE_REFERENCE.exec(digits)?.[1];
  if (variable === undefined)
    return /^\d+$/.test(digits)
      ? { action: { kind: 'type', digits } }
      : toolText('walkthrough.typeNeedsDigits', { smsCode: SMS_CODE_VARIABLE });
  // `$NAME` reads any environment variable, as it did before `${NAME}`; a secret either way.
  const fromEnv = parameters.outside.env[variable];
  const found = lookUp(parameters, variable) ?? (fromEnv === undefined ? undefined : { value: fromEnv, secret: true });
  if (found === undefined) return toolText('walkthrough.typeVariableUnset', { variable });
  if (!/^\d+$/.test(found.value)) return toolText('walkthrough.typeVariableNotDigits', { variable });
  return { action: { kind: 'type', digits: found.value }, ...(found.secret ? { secret: { name: variable, value: found.value } } : {}) };
};

const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A list field of a map as written (steps, before, after), or none. */
const listIn = (value: unknown, field: string): readonly unknown[] | undefined => {
  const list = isMap(value) ? value[field] : undefined;
  return Array.isArray(list) ? list : undefined;
};

/** The steps a `run:` writes inline, which are read one by one like the file's own. */
const inlineSteps = (raw: unknown): readonly unknown[] | undefined => (isMap(raw) ? listIn(raw.run, 'steps') : undefined);

/** A caption as written: one text is in the file's language. */
const captionOf = (written: unknown, lang: Lang, secrets: readonly Secret[]): Caption | undefined => {
  if (written === undefined) return undefined;
  const caption: Caption = typeof written === 'string' ? { [lang]: written } : (written as Caption);
  return secrets.length === 0 ? caption : Object.fromEntries(Object.entries(caption).map(([key, text]) => [key, redact(text, secrets)]));
};

// The parser's hot functions make no closures at each step: V8 keeps the optimised code of a
// closure only while one is alive, so that of closures made and dropped at every step was thrown
// away at each full GC and compiled again on the helper threads.

const readSteps = (raw: readonly unknown[], at: FieldPath, reading: Reading): Step[] => {
  const steps: Step[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    const read = readStep(raw[index], [...at, index], reading);
    if (read === undefined) continue;
    if (Array.isArray(read)) steps.push(...(read as readonly Step[]));
    else steps.push(read as Step);
  }
  return steps;
};

/** Where a step is written, and how (the fields every step read from one map has). */
type Placement = Pick<Step, 'file' | 'at' | 'source' | 'caption' | 'when'>;

/** An action as a step: where it is written, with the secrets it was written with. */
const placedStep = (action: StepAction, placement: Placement, secrets: readonly Secret[], more: readonly Secret[] = []): Step => {
  const all = more.length === 0 ? secrets : [...secrets, ...more];
  return { ...action, ...placement, ...(all.length > 0 ? { secrets: all } : {}) } as Step;
};

const readStep = (raw: unknown, at: FieldPath, reading: Reading): Step | readonly Step[] | undefined => {
  const { source, problems } = reading;
  const inline = inlineSteps(raw);
  // Inline steps get their values as each of them is read.
  const written = inline && isMap(raw) && isMap(raw.run) ? { ...raw, run: { ...raw.run, steps: [] } } : raw;
  // A step with a key (kept-checks.ts) writes no `${NAME}`: there is nothing to substitute.
  const key = inline ? undefined : writtenKey(raw);
  const substituted = key === undefined ? substitute(written, reading.parameters) : { value: raw, secrets: [], missing: [] };
  for (const missing of substituted.missing)
    problems.push(
      problemAt(
        source,
        source.nodeAt([...at, ...missing.path]),
        toolText(missing.name.startsWith(ENV_PREFIX) ? 'walkthrough.parameterMissingFromEnv' : 'walkthrough.parameterMissing', {
          name: missing.name,
        }),
      ),
    );
  if (substituted.missing.length > 0) return undefined;
  const secrets = substituted.secrets;
  const value =
    inline && isMap(substituted.value) && isMap(substituted.value.run)
      ? { ...substituted.value, run: { ...substituted.value.run, steps: inline } }
      : substituted.value;
  const found = checkStep(value, key);
  if ('problem' in found) return void problems.push(problemAt(source, source.nodeAt(at, { throughAlias: false }), found.problem));
  if (found.kind === 'row') return readRow(found.parsed, raw, at, reading, secrets);
  const { parsed } = found;
  if (!parsed.success) {
    problems.push(...problemsOf(parsed.error.issues, at, source).map((problem) => ({ ...problem, text: redact(problem.text, secrets) })));
    return undefined;
  }
  const caption = captionOf(parsed.data.caption, reading.lang, secrets);
  const when = parsed.data.when as Condition | undefined;
  const item = source.nodeAt(at);
  const base = {
    file: shownPath(reading.file),
    at: source.position(source.nodeAt(at, { throughAlias: false })?.range?.[0] ?? 0),
    // With a caption or a when, the step as written is its step key alone (reports show one line).
    source: caption || when ? source.pairText([...at, found.kind]) : source.slice(item),
    ...(caption ? { caption } : {}),
    ...(when ? { when } : {}),
  };
  if (found.kind === 'run') return readRun(parsed.data.run as RunWritten, raw, at, reading, (action) => placedStep(action, base, secrets));
  const resolved = resolveTyped(parsed.data[found.kind] as StepAction, reading.parameters);
  if (typeof resolved === 'string') {
    const path = found.kind === 'phone' ? [...at, 'phone', 'type'] : [...at, 'type'];
    return void problems.push(problemAt(source, source.nodeAt(path), resolved));
  }
  return placedStep(resolved.action, base, secrets, resolved.secret ? [resolved.secret] : []);
};

/** Where a cell's step is: at its cell, written as the whole row. */
const inCell = (source: YamlSource, path: FieldPath, file: string, row: string): Placement => ({
  file,
  at: source.position(source.nodeAt(path)?.range?.[0] ?? 0),
  source: row,
});

/**
 * A step written as a row, `[what is done, what must show then]`: its steps and its expect, each
 * placed at its cell and written as the whole row, so a failure names the row.
 */
const readRow = (
  parsed: z.ZodSafeParseResult<TableRow>,
  raw: unknown,
  at: FieldPath,
  reading: Reading,
  secrets: readonly Secret[],
): readonly Step[] | undefined => {
  const { source, problems } = reading;
  if (!parsed.success) {
    problems.push(...problemsOf(parsed.error.issues, at, source).map((problem) => ({ ...problem, text: redact(problem.text, secrets) })));
    return undefined;
  }
  const row = source.slice(source.nodeAt(at));
  const file = shownPath(reading.file);
  const cell = Array.isArray(raw) ? raw[0] : undefined;
  const steps: Step[] = [];
  for (const [index, action] of parsed.data.actions.entries()) {
    const path = Array.isArray(cell) ? [...at, 0, index] : [...at, 0];
    const last = steps.at(-1);
    if (action.kind === 'run') {
      // A piece is read as any `run:` step, placed at its cell, so a failure inside names it.
      const call = readStep(Array.isArray(cell) ? cell[index] : cell, path, reading);
      if (call === undefined) return undefined;
      steps.push(...(Array.isArray(call) ? call : [call as Step]));
    } else if (action.kind === 'press' && last?.kind === 'press' && last.source === row) {
      // Keys in a row are one press of those keys.
      steps[steps.length - 1] = { ...last, keys: [...last.keys, ...action.keys] };
    } else {
      const resolved = resolveTyped(action, reading.parameters);
      if (typeof resolved === 'string') return void problems.push(problemAt(source, source.nodeAt(path), resolved));
      steps.push(placedStep(resolved.action, inCell(source, path, file, row), secrets, resolved.secret ? [resolved.secret] : []));
    }
  }
  return [...steps, placedStep(parsed.data.expect, inCell(source, [...at, 1], file, row), secrets)];
};

/** An action with the digits it types resolved (`$NAME`, `${NAME}`, `$SMS_CODE`); what is wrong when they cannot be. */
const resolveTyped = (action: StepAction, parameters: Parameters): { action: StepAction; secret?: Secret } | string => {
  if (action.kind === 'phone' && action.action.kind === 'type') {
    const resolved = typed(action.action.digits, parameters);
    if (typeof resolved === 'string') return resolved;
    return { action: { kind: 'phone', action: resolved.action as PhoneAction }, ...(resolved.secret ? { secret: resolved.secret } : {}) };
  }
  return action.kind === 'type' ? typed(action.digits, parameters) : { action };
};

/** A `run:` step: its inline steps read here, or the piece it calls read with the values it passes; with `each`, once per row. */
const readRun = (
  written: RunWritten,
  raw: unknown,
  at: FieldPath,
  reading: Reading,
  make: (action: StepAction) => Step,
): Step | undefined => {
  const { source, problems } = reading;
  const rawRun = isMap(raw) && isMap(raw.run) ? raw.run : {};
  if (written.each === undefined) {
    if ('steps' in written) return make({ kind: 'run', call: {}, steps: readSteps(written.steps, [...at, 'run', 'steps'], reading) });
    const piece = callPiece(written.file, written.env, isMap(rawRun.env) ? rawRun.env : {}, [...at, 'run', 'env'], raw, at, reading);
    return piece && make({ kind: 'run', ...piece });
  }
  // One call per row, each placed at its row, so a failure inside names the row it played.
  const rawRows = Array.isArray(rawRun.each) ? rawRun.each : [];
  const rows = written.each.map((row, index): Step | undefined => {
    const rowAt: FieldPath = [...at, 'run', 'each', index];
    const rawRow = isMap(rawRows[index]) ? rawRows[index] : {};
    const node = source.nodeAt(rowAt);
    const placed = (piece: Pick<Extract<StepAction, { kind: 'run' }>, 'call' | 'steps'>): Step => {
      const secrets = Object.keys(row).flatMap((name) => substitute(rawRow[name], reading.parameters).secrets);
      return {
        kind: 'run',
        ...piece,
        file: shownPath(reading.file),
        at: source.position(node?.range?.[0] ?? 0),
        source: source.slice(node),
        ...(secrets.length > 0 ? { secrets } : {}),
      };
    };
    if ('steps' in written) {
      const used = referencesIn(written.steps);
      const unknown = Object.keys(row).filter((name) => !used.has(name));
      for (const name of unknown)
        problems.push(
          problemAt(
            source,
            source.keyAt([...rowAt, name]),
            toolText('walkthrough.parameterUnused', {
              name,
              file: `${shownPath(reading.file)} run.steps`,
              names: [...used].join(', ') || toolText('walkthrough.none'),
            }),
          ),
        );
      if (unknown.length > 0) return undefined;
      const passed = new Map(reading.parameters.passed);
      for (const [name, value] of Object.entries(row))
        passed.set(name, { value, secret: substitute(rawRow[name], reading.parameters).secrets.length > 0 });
      const rowReading: Reading = { ...reading, parameters: { ...reading.parameters, passed } };
      return placed({ call: {}, steps: readSteps(written.steps, [...at, 'run', 'steps'], rowReading) });
    }
    // A row's values come before the call's env; the names a row gives are checked at the row.
    const env = { ...written.env, ...row };
    const rawEnv = { ...(isMap(rawRun.env) ? rawRun.env : {}), ...rawRow };
    const piece = callPiece(written.file, env, rawEnv, rowAt, raw, at, reading);
    return piece && placed(piece);
  });
  if (rows.some((row) => row === undefined)) return undefined;
  const [first] = rows;
  const call =
    first?.kind === 'run' && first.call.file !== undefined
      ? { file: first.call.file, ...(first.call.name ? { name: first.call.name } : {}) }
      : {};
  return make({ kind: 'run', call, steps: rows as Step[] });
};

/**
 * The piece a `run:` calls, read with the values it passes (`env`, as written in `rawEnv`, the names
 * placed below `envAt`): its call and steps, or undefined with its problems told.
 */
const callPiece = (
  written: string,
  env: Readonly<Record<string, string>>,
  rawEnv: Readonly<Record<string, unknown>>,
  envAt: FieldPath,
  raw: unknown,
  at: FieldPath,
  reading: Reading,
): Pick<Extract<StepAction, { kind: 'run' }>, 'call' | 'steps'> | undefined => {
  const { source, problems, library } = reading;
  const path = piecePath(written, reading.file);
  const fileNode = source.nodeAt(typeof (raw as { run?: unknown }).run === 'string' ? [...at, 'run'] : [...at, 'run', 'file']);
  if (leavesShipped(written))
    return void problems.push(problemAt(source, fileNode, toolText('walkthrough.pieceNotShipped', { path: written })));
  if (reading.stack.includes(path)) {
    const chain = [...reading.stack.slice(reading.stack.indexOf(path)), path].map(shownPath).join(' → ');
    return void problems.push(problemAt(source, fileNode, toolText('walkthrough.pieceCycle', { chain })));
  }
  // Read once a run (library.ts): a piece called again is not looked up on disk again.
  const file = library.yaml(path);
  if (!file) return void problems.push(problemAt(source, fileNode, toolText('walkthrough.noPiece', { path: shownPath(path) })));
  // What the call passes, each value secret when it was written with one.
  const passed = new Map<string, ParameterValue>(
    Object.entries(env).map(([name, value]) => [name, { value, secret: substitute(rawEnv[name], reading.parameters).secrets.length > 0 }]),
  );
  if (!('problems' in file)) {
    const known = namesOf(file);
    const unknown = [...passed.keys()].filter((name) => !known.has(name));
    for (const name of unknown) {
      const rowKey = source.keyAt([...envAt, name]);
      problems.push(
        problemAt(
          source,
          rowKey ?? source.keyAt([...at, 'run', 'env', name]),
          toolText('walkthrough.parameterUnused', {
            name,
            file: shownPath(path),
            names: [...known].join(', ') || toolText('walkthrough.none'),
          }),
        ),
      );
    }
    if (unknown.length > 0) return undefined;
  }
  const key = `${path}\u0000${JSON.stringify([...passed].sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  const piece = library.piece(key, () => readPiece(path, passed, reading));
  if ('problems' in piece) {
    const call = problemAt(source, source.nodeAt(at, { throughAlias: false }), '');
    const calledAt = toolText('walkthrough.calledAt', { at: call.text.replace(/: $/, '') });
    for (const problem of piece.problems) problems.push({ ...call, text: `${problem}\n${calledAt}` });
    return undefined;
  }
  return { call: piece.call, steps: piece.steps };
};

/** The `${NAME}`s a piece's steps refer to and those its `env:` gives defaults, found once a piece file (its calls are many). */
const namesOf = (file: Exclude<ReadFile, YamlProblems>): ReadonlySet<string> => {
  let names = PIECE_NAMES.get(file);
  if (!names) {
    names = new Set([
      ...referencesIn(listIn(file.value, 'steps')),
      ...Object.keys(isMap(file.value) && isMap(file.value.env) ? file.value.env : {}),
    ]);
    PIECE_NAMES.set(file, names);
  }
  return names;
};
const PIECE_NAMES = new WeakMap<object, ReadonlySet<string>>();

/** A piece's file read for one call: its steps with the values passed (or its defaults), or its problems. */
const readPiece = (path: string, passed: ReadonlyMap<string, ParameterValue>, caller: Reading): ReadPiece => {
  const file = caller.library.yaml(path);
  if (!file) return { problems: [toolText('walkthrough.noPiece', { path: shownPath(path) })] };
  if ('problems' in file) return { problems: file.problems };
  const problems: Problem[] = [];
  const fields = checkSchema(walkthroughFieldsSchema, file.value);
  if (!fields.success) problems.push(...problemsOf(fields.error.issues, [], file.source));
  const written = fields.success ? fields.data : undefined;
  if (written?.when && asksScreen(written.when as Condition))
    problems.push(problemAt(file.source, file.source.keyAt(['when']), toolText('walkthrough.whenScreenOnStep')));
  // Said rather than passed over: steps a QA engineer wrote to play would silently not.
  for (const field of ['before', 'after'] as const) {
    if (written?.[field] !== undefined)
      problems.push(problemAt(file.source, file.source.keyAt([field]), toolText('walkthrough.pieceBeforeAfter', { field })));
  }
  const reading: Reading = {
    file: path,
    source: file.source,
    lang: written?.lang ?? 'zh',
    parameters: { passed, outside: caller.parameters.outside, defaults: written?.env ?? {} },
    stack: [...caller.stack, path],
    library: caller.library,
    problems,
  };
  const steps = readSteps(listIn(file.value, 'steps') ?? [], ['steps'], reading);
  if (problems.length > 0 || !written) return { problems: inFileOrder(problems) };
  return {
    call: {
      file: shownPath(path),
      name: typeof written.name === 'string' ? { [reading.lang]: written.name } : written.name,
      ...(written.when ? { when: written.when as Condition } : {}),
    },
    steps,
  };
};

/** The suite file's steps, read once for every walkthrough under its folder. */
const readSuite = (path: string, outside: OutsideValues, library: WalkthroughLibrary): ReadSuite => {
  const file = library.yaml(path, (reason) => toolText('walkthrough.notYaml', { reason }));
  if (!file) return { before: [], after: [] };
  if ('problems' in file) return { problems: file.problems };
  const problems: Problem[] = [];
  const fields = checkSchema(suiteFieldsSchema, file.value);
  if (!fields.success) problems.push(...problemsOf(fields.error.issues, [], file.source));
  const reading: Reading = {
    file: path,
    source: file.source,
    lang: 'zh',
    parameters: { passed: new Map(), outside, defaults: {} },
    stack: [path],
    library,
    problems,
  };
  const before = readSteps(listIn(file.value, 'before') ?? [], ['before'], reading);
  const after = readSteps(listIn(file.value, 'after') ?? [], ['after'], reading);
  return problems.length > 0 ? { problems: inFileOrder(problems) } : { before, after };
};

export type ParseOptions = {
  /** Whether the walkthrough's own profile must exist; false when `--fixture` replaces it. Default true. */
  readonly checkFixture?: boolean;
  /** `--env NAME=value`: values for `${NAME}` that come before the environment's. */
  readonly given?: Readonly<Record<string, string>>;
  /** The pieces and suite files of the run (read once per run); a fresh one when absent. */
  readonly library?: WalkthroughLibrary;
};

type Fields = z.output<typeof walkthroughFieldsSchema>;

/** Parses walkthrough text; `file` names it in messages and anchors relative fixture and piece paths. */
export const parseWalkthrough = (
  text: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  options: ParseOptions = {},
): Walkthrough => {
  if (basename(file) === SUITE_FILE) throw new WalkthroughError(toolText('walkthrough.suiteIsNoWalkthrough', { file }));
  const read = readYaml(text, file, (reason) => toolText('walkthrough.notYaml', { reason }));
  if ('problems' in read) throw new WalkthroughError(read.problems.join('\n'));
  const { value, source } = read;
  const problems: Problem[] = [];
  const fields = checkSchema(walkthroughFieldsSchema, value);
  if (!fields.success) problems.push(...problemsOf(fields.error.issues, [], source));
  const written = fields.success ? fields.data : undefined;
  const lang: Lang = written?.lang ?? 'zh';
  if (written?.when && asksScreen(written.when as Condition))
    problems.push(problemAt(source, source.keyAt(['when']), toolText('walkthrough.whenScreenOnStep')));

  const library = options.library ?? new WalkthroughLibrary();
  const outside: OutsideValues = { given: options.given ?? {}, env };
  const absolute = resolve(file);
  const reading: Reading = {
    file: absolute,
    source,
    lang,
    parameters: { passed: new Map(), outside, defaults: written?.env ?? {} },
    stack: [absolute],
    library,
    problems,
  };
  const before = readSteps(listIn(value, 'before') ?? [], ['before'], reading);
  const steps = readSteps(listIn(value, 'steps') ?? [], ['steps'], reading);
  const after = readSteps(listIn(value, 'after') ?? [], ['after'], reading);

  const suiteFile = library.suiteFileFor(dirname(absolute));
  const suite =
    suiteFile === undefined ? { before: [], after: [] } : library.suite(suiteFile, () => readSuite(suiteFile, outside, library));
  // The suite file's problems come first: they are every walkthrough's under it.
  if ('problems' in suite) problems.push(...suite.problems.map((text) => ({ line: 0, column: 0, text })));

  const fixture = written ? resolveFixture(written.fixture, file) : undefined;
  if (fixture !== undefined && options.checkFixture !== false) {
    const missing = missingProfile(fixture);
    if (missing !== undefined) problems.push(problemAt(source, source.nodeAt(['fixture']), `fixture: ${missing}`));
  }
  if (problems.length > 0 || !written || !fixture || 'problems' in suite) throw new WalkthroughError(inFileOrder(problems).join('\n'));
  return {
    file,
    name: nameIn(written.name),
    fixture,
    lang,
    start: written.start,
    ...(written.when ? { when: written.when as Condition, whenText: source.slice(source.nodeAt(['when'])).replace(/\s*\n\s*/g, ' ') } : {}),
    tags: written.tags ?? [],
    before: [...suite.before, ...before],
    steps,
    after: [...after, ...suite.after],
  };
};

/** A name resolved once for the tool's language (the other language when that one is missing), so reports, demos and paths all take a plain name. */
const nameIn = (name: Fields['name']): string =>
  typeof name === 'string' ? name : ([toolLang(), ...LANGS].map((lang) => name[lang]).find((text) => text !== undefined) ?? '');
