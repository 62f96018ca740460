/**
 * Reads practice tasks (fixtures/tasks/*.yaml), checking everything before a practice starts: the
 * schema, the profile and walkthrough it names, the menu flows and states, the store conditions and
 * the set-up. Every problem is reported as file:line:col with the field and the fix.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { isMap } from 'yaml';
import { z } from 'zod';
import { PosSimError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { checkSchema, fieldPath } from '../json-source.js';
import { loadProfile } from '../profile/load-profile.js';
import { packageRoot } from '../package-root.js';
import { readUtf8 } from '../read-utf8.js';
import { shownPath } from '../shown-path.js';
import { readYaml, type YamlSource } from '../yaml-source.js';
import { flashDataSchema, seedFlash, type FlashData } from '../store/flash-data.js';
import { MENU_MACHINES } from '../walkthrough/coverage.js';
import { toStoreChecks, writeStorePath, type StoreCheck } from './store-checks.js';
import { isStateNamed, parseDuration, taskSchema, type Hint, type Task, type TaskFile } from './task.js';

/** A task file that cannot be used; the message lists every problem found. */
export class TaskError extends PosSimError {
  override readonly name = 'TaskError';
}

export const TASKS_DIR = join(packageRoot, 'fixtures', 'tasks');

type Path = readonly (string | number)[];

class Problems {
  readonly list: string[] = [];
  constructor(private readonly source: YamlSource) {}

  add(path: Path, message: string, pointAtKey = false): void {
    const node = pointAtKey ? this.source.keyAt(path) : this.source.nodeAt(path);
    this.list.push(this.source.problem(node, `${path.length > 0 ? `${fieldPath(path as PropertyKey[])}: ` : ''}${message}`));
  }
}

/** Every state of the menu machines as machineId.path (device.home, passwordPrompt.entering). */
const menuStateNames = (machines: readonly AnyStateMachine[]): string[] => {
  const names: string[] = [];
  const walk = (node: AnyStateMachine['root']) => {
    if (node.parent) names.push(`${node.machine.id}.${node.path.join('.')}`);
    for (const child of Object.values(node.states as Record<string, AnyStateMachine['root']>)) walk(child);
  };
  for (const machine of machines) walk(machine.root);
  return names;
};

const STORE_FIELDS = Object.keys(flashDataSchema.shape);

/** The fields the schema allows at a path (the task itself, a hint, done, a text). */
const fieldsAt = (path: Path): string[] => {
  let schema: z.ZodType = taskSchema;
  for (const key of path) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (schema instanceof z.ZodArray && typeof key === 'number') schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(key)] ?? schema;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
};

/** What each field of a task is for, as the schema describes it (in English) and the tool's language says it. */
export const FIELD_TEXTS: Readonly<Record<keyof typeof taskSchema.shape, MessageKey>> = {
  title: 'tasks.field.title',
  procedure: 'tasks.field.procedure',
  goal: 'tasks.field.goal',
  profile: 'tasks.field.profile',
  walkthrough: 'tasks.field.walkthrough',
  setup: 'tasks.field.setup',
  done: 'tasks.field.done',
  flows: 'tasks.field.flows',
  targetTime: 'tasks.field.targetTime',
  firstStep: 'tasks.field.firstStep',
  hints: 'tasks.field.hints',
};

const describeField = (key: string): string => {
  const text = (FIELD_TEXTS as Readonly<Record<string, MessageKey>>)[key];
  return text === undefined ? '' : toolText(text);
};

/** Parses task text; `file` names it in messages and anchors the relative paths in it. */
export const parseTask = (text: string, file: string, machines: readonly AnyStateMachine[] = MENU_MACHINES): Task => {
  const shown = shownPath(file);
  const read = readYaml(text, shown, (reason) => toolText('tasks.notYaml', { reason }));
  if ('problems' in read) throw new TaskError(read.problems.join('\n'));
  const problems = new Problems(read.source);
  if (!isMap(read.source.contents))
    throw new TaskError(`${shown}:1:1: ${toolText('tasks.notAMap', { fields: Object.keys(taskSchema.shape).join(', ') })}`);
  const parsed = checkSchema(taskSchema, read.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        const fields = fieldsAt(path);
        const message =
          path.length === 0
            ? toolText('tasks.unknownField', { fields: fields.join(', ') })
            : toolText('tasks.unknownFieldIn', { where: fieldPath(path), fields: fields.join(', ') });
        for (const key of issue.keys) problems.add([...path, key], message, true);
      } else if (issue.code === 'invalid_type' && issue.input === undefined) {
        const description = path.length === 1 ? describeField(String(path[0])) : '';
        problems.add(path, description ? toolText('tasks.missingWhat', { description }) : toolText('tasks.missing'));
      } else {
        problems.add(path, issue.message, false);
      }
    }
    throw new TaskError(problems.list.join('\n'));
  }
  return checkTask(parsed.data, file, problems, machines);
};

const compileChecks = (raw: Readonly<Record<string, unknown>>, at: Path, problems: Problems): StoreCheck[] => {
  const checks: StoreCheck[] = [];
  for (const [path, value] of Object.entries(raw)) {
    const field = path.split(/[.[]/)[0] ?? '';
    if (!STORE_FIELDS.includes(field)) {
      problems.add([...at, path], toolText('tasks.noStoreField', { field, fields: STORE_FIELDS.join(', ') }), true);
      continue;
    }
    const compiled = toStoreChecks({ [path]: value });
    if (typeof compiled === 'string') problems.add([...at, path], compiled.slice(path.length + 2));
    else checks.push(...compiled);
  }
  return checks;
};

const checkTask = (data: TaskFile, file: string, problems: Problems, machines: readonly AnyStateMachine[]): Task => {
  const dir = dirname(resolve(file));
  const machineIds = machines.map((machine) => machine.id);
  const states = menuStateNames(machines);
  const checkState = (name: string, at: Path) => {
    if (!states.some((state) => isStateNamed(state, name))) {
      problems.add(at, toolText('tasks.noState', { name }));
    }
  };

  const profile = data.profile.includes('/') || data.profile.endsWith('.json') ? resolve(dir, data.profile) : data.profile;
  let seed: FlashData | undefined;
  try {
    seed = seedFlash(loadProfile(profile));
  } catch (error) {
    if (!(error instanceof PosSimError)) throw error;
    problems.add(['profile'], error.message.split('\n')[0] ?? error.message);
  }
  const walkthrough = resolve(dir, data.walkthrough);
  if (!existsSync(walkthrough)) problems.add(['walkthrough'], toolText('tasks.noWalkthrough', { path: shownPath(walkthrough) }));

  data.flows.forEach((flow, index) => {
    if (!machineIds.includes(flow)) problems.add(['flows', index], toolText('tasks.noFlow', { flow, flows: machineIds.join(', ') }));
  });

  const store = compileChecks(data.done.store, ['done', 'store'], problems);
  if (Object.keys(data.done.store).length === 0) problems.add(['done', 'store'], toolText('tasks.needsGoal'));
  const doneStates = data.done.state ?? [];
  doneStates.forEach((state, index) => checkState(state, ['done', 'state', index]));

  const hints: Hint[] = data.hints.map((hint, index) => {
    checkState(hint.at, ['hints', index, 'at']);
    return {
      at: hint.at,
      when: hint.when ? compileChecks(hint.when, ['hints', index, 'when'], problems) : [],
      screen: hint.screen,
      text: { zh: hint.zh, en: hint.en },
    };
  });

  const setup = data.setup ?? {};
  if (seed) {
    let prepared: FlashData = seed;
    for (const [path, value] of Object.entries(setup)) {
      try {
        prepared = writeStorePath(prepared, path, value);
      } catch (error) {
        problems.add(['setup', path], (error as Error).message, true);
      }
    }
    const valid = checkSchema(flashDataSchema, prepared);
    if (!valid.success) {
      for (const issue of valid.error.issues)
        problems.add(['setup'], toolText('tasks.setupInvalid', { path: fieldPath(issue.path), reason: issue.message }));
    }
  }

  if (problems.list.length > 0) throw new TaskError(problems.list.join('\n'));
  return {
    id: basename(file, extname(file)),
    file,
    title: data.title,
    procedure: data.procedure,
    goal: data.goal,
    profile,
    walkthrough,
    setup,
    done: { store, state: doneStates },
    flows: data.flows,
    targetMs: parseDuration(data.targetTime),
    firstStep: data.firstStep,
    hints,
  };
};

/** The device data a task starts from: the profile's factory state with the task's set-up applied. */
export const taskFlash = (task: Task, seed: FlashData): FlashData =>
  Object.entries(task.setup).reduce((data, [path, value]) => writeStorePath(data, path, value), seed);

export const loadTask = (file: string): Task => {
  const text = readUtf8(file);
  if (typeof text !== 'string') throw new TaskError(text.problem);
  return parseTask(text, file);
};

/** The shipped tasks, in file-name order (the order the list numbers them). */
export const shippedTasks = (dir: string = TASKS_DIR): Task[] => {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  const tasks: Task[] = [];
  const problems: string[] = [];
  for (const name of files) {
    try {
      tasks.push(loadTask(join(dir, name)));
    } catch (error) {
      if (!(error instanceof TaskError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new TaskError(problems.join('\n'));
  return tasks;
};

/** A task by its id (file name), its number in the list (1, 2, ...), or the path to a task file. */
export const findTask = (choice: string, tasks: readonly Task[]): Task => {
  if (/\.ya?ml$/.test(choice) || choice.includes('/')) {
    const path = resolve(choice);
    if (!existsSync(path)) throw new TaskError(toolText('tasks.noTaskFile', { path: shownPath(path) }));
    return loadTask(path);
  }
  const byNumber = /^\d+$/.test(choice) ? tasks[Number(choice) - 1] : undefined;
  const task = byNumber ?? tasks.find((candidate) => candidate.id === choice);
  if (!task) {
    const list = tasks.map((candidate, index) => `${index + 1} ${candidate.id}`).join(', ');
    throw new TaskError(toolText('tasks.noTask', { choice, list }));
  }
  return task;
};
