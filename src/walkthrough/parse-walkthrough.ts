/**
 * Reads walkthrough YAML into steps, checking everything before anything runs (down to whether
 * the profile it names exists) against the format's schemas (format.ts): an error names
 * file:line:col where the problem starts, what is wrong and what is allowed.
 */
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { PosSimError } from '../errors.js';
import { LANGS, type Lang } from '../i18n/messages.js';
import { toolLang, toolText } from '../i18n/tool-lang.js';
import { checkSchema } from '../json-source.js';
import { profilePath } from '../profile/load-profile.js';
import { readYaml, type FieldPath, type YamlSource } from '../yaml-source.js';
import type { Condition } from './conditions.js';
import { stepSchemaFor, walkthroughFieldsSchema } from './format.js';
import { SMS_CODE_VARIABLE, type Caption, type PhoneAction, type Step, type StepAction, type Walkthrough } from './walkthrough.js';

/** A walkthrough file that cannot be run; the message lists every problem found. */
export class WalkthroughError extends PosSimError {
  override readonly name = 'WalkthroughError';
}

type Issue = z.core.$ZodIssue;

/** Whether a union's branch failed on the input's type, rather than on what the input holds. */
const wrongType = (branch: readonly Issue[]): boolean =>
  branch.some(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' || issue.code === 'invalid_value' || (issue.code === 'invalid_union' && issue.errors.every((inner) => inner.length === 0 || wrongType(inner)))),
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

/** Every schema issue as `file:line:col: message`, at the node it is about (unknown keys at the key). */
const problemsOf = (issues: readonly Issue[], at: FieldPath, source: YamlSource): string[] =>
  issues
    .flatMap(explain)
    .flatMap((issue) => {
      const path = [...at, ...(issue.path as (string | number)[])];
      if (issue.code === 'unrecognized_keys') {
        const lines = issue.message.split('\n');
        return issue.keys.map((key, index) => source.problem(source.keyAt([...path, key]), lines[index] ?? lines[0] ?? ''));
      }
      return [source.problem(source.nodeAt(path), issue.message)];
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

/** Problems from the top of the file down (each starts with file:line:col). */
const inFileOrder = (problems: readonly string[]): string[] => {
  const place = (problem: string) => /:(\d+):(\d+): /.exec(problem)?.slice(1).map(Number) ?? [0, 0];
  return [...problems].sort((a, b) => {
    const [lineA = 0, columnA = 0] = place(a);
    const [lineB = 0, columnB = 0] = place(b);
    return lineA - lineB || columnA - columnB;
  });
};

/** A profile name, or a path that is relative to the walkthrough's folder. */
const resolveFixture = (fixture: string, file: string): string =>
  fixture.includes('/') || fixture.endsWith('.json') ? resolve(dirname(file), fixture) : fixture;

const SMS_CODE_REFERENCE = new RegExp(`^\\$${SMS_CODE_VARIABLE}(?:_([1-9]\\d*))?$`);
const ENV_REFERENCE = /^\$([A-Z_][A-Z0-9_]*)$/;

/**
 * `type: $POS_SIM_PASSWORD` types an environment variable, so a script need not hold a password;
 * `$SMS_CODE` (`$SMS_CODE_N`) the code of a text, which is only known when the step runs.
 */
const typed = (digits: string, env: NodeJS.ProcessEnv): StepAction | string => {
  const sms = SMS_CODE_REFERENCE.exec(digits);
  if (sms) return sms[1] === undefined ? { kind: 'typeSmsCode' } : { kind: 'typeSmsCode', index: Number(sms[1]) };
  const variable = ENV_REFERENCE.exec(digits)?.[1];
  if (variable === undefined) return { kind: 'type', digits };
  const value = env[variable];
  if (value === undefined) return toolText('walkthrough.typeVariableUnset', { variable });
  if (!/^\d+$/.test(value)) return toolText('walkthrough.typeVariableNotDigits', { variable });
  return { kind: 'type', digits: value };
};

export type ParseOptions = {
  /** Whether the walkthrough's own profile must exist; false when `--fixture` replaces it. Default true. */
  readonly checkFixture?: boolean;
};

type Fields = z.output<typeof walkthroughFieldsSchema>;

/** Parses walkthrough text; `file` names it in messages and anchors relative fixture paths. */
export const parseWalkthrough = (text: string, file: string, env: NodeJS.ProcessEnv = process.env, options: ParseOptions = {}): Walkthrough => {
  const read = readYaml(text, file, (reason) => toolText('walkthrough.notYaml', { reason }));
  if ('problems' in read) throw new WalkthroughError(read.problems.join('\n'));
  const { value, source } = read;
  const problems: string[] = [];
  const fields = checkSchema(walkthroughFieldsSchema, value);
  if (!fields.success) problems.push(...problemsOf(fields.error.issues, [], source));
  const written = fields.success ? fields.data : undefined;
  const lang: Lang = written?.lang ?? 'zh';

  const steps: Step[] = [];
  const rawSteps = value !== null && typeof value === 'object' && Array.isArray((value as { steps?: unknown }).steps) ? ((value as { steps: unknown[] }).steps) : [];
  rawSteps.forEach((raw, index) => {
    const at: FieldPath = ['steps', index];
    const found = stepSchemaFor(raw);
    if ('problem' in found) return void problems.push(source.problem(source.nodeAt(at, { throughAlias: false }), found.problem));
    const parsed = checkSchema(found.schema, raw);
    if (!parsed.success) return void problems.push(...problemsOf(parsed.error.issues, at, source));
    let action = parsed.data[found.kind] as StepAction;
    if (action.kind === 'type') {
      const resolved = typed(action.digits, env);
      if (typeof resolved === 'string') return void problems.push(source.problem(source.nodeAt([...at, 'type']), resolved));
      action = resolved;
    }
    if (action.kind === 'phone' && action.action.kind === 'type') {
      const resolved = typed(action.action.digits, env);
      if (typeof resolved === 'string') return void problems.push(source.problem(source.nodeAt([...at, 'phone', 'type']), resolved));
      action = { kind: 'phone', action: resolved as PhoneAction };
    }
    const writtenCaption = parsed.data.caption as string | Caption | undefined;
    const caption: Caption | undefined = typeof writtenCaption === 'string' ? { [lang]: writtenCaption } : writtenCaption;
    const item = source.nodeAt(at);
    // With a caption, the step as written is its step key alone (reports show one line).
    const stepText = caption ? source.pairText([...at, found.kind]) : source.slice(item);
    steps.push({ ...action, ...(caption ? { caption } : {}), at: source.position(source.nodeAt(at, { throughAlias: false })?.range?.[0] ?? 0), source: stepText });
  });

  const fixture = written ? resolveFixture(written.fixture, file) : undefined;
  if (fixture !== undefined && options.checkFixture !== false) {
    const missing = missingProfile(fixture);
    if (missing !== undefined) problems.push(source.problem(source.nodeAt(['fixture']), `fixture: ${missing}`));
  }
  if (problems.length > 0 || !written || !fixture) throw new WalkthroughError(inFileOrder(problems).join('\n'));
  return {
    file,
    name: nameIn(written.name),
    fixture,
    lang,
    start: written.start,
    ...(written.when ? { when: written.when as Condition, whenText: source.slice(source.nodeAt(['when'])).replace(/\s*\n\s*/g, ' ') } : {}),
    steps,
  };
};

/** A name resolved once for the tool's language (the other language when that one is missing), so reports, demos and paths all take a plain name. */
const nameIn = (name: Fields['name']): string =>
  typeof name === 'string' ? name : ([toolLang(), ...LANGS].map((lang) => name[lang]).find((text) => text !== undefined) ?? '');
