// Task files: what a valid one loads as, and the errors for broken ones, each naming file:line:col,
// the field and the fix; every problem of a file is listed at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { translator } from '../../src/i18n/messages.js';
import { FIELD_TEXTS, findTask, parseTask, shippedTasks, TaskError } from '../../src/practice/load-tasks.js';
import { taskSchema } from '../../src/practice/task.js';

/** A task file as it would sit in fixtures/tasks (the relative walkthrough path resolves from there). */
const FILE = 'fixtures/tasks/my-task.yaml';

const VALID = `# yaml-language-server: $schema=../task.schema.json
title: { zh: 注销云闪付, en: Deregister UnionPay QuickPass }
procedure: P1
goal: { zh: 不再绑定云闪付, en: No longer bound to UnionPay QuickPass }
profile: default
walkthrough: ../walkthroughs/p1-deregister-unionpay.yaml
done:
  store:
    "bindings[*].id": { excludes: unionpay-qr }
flows: [settings, passwordPrompt, bindingManagement]
targetTime: 90s
firstStep: { zh: "按[菜单]键", en: Press MENU }
hints:
  - at: home
    zh: 按[菜单]键
    en: Press MENU
`;

/** VALID with one line replaced (by its start) or lines added after it. */
const edit = (start: string, replacement: string): string => {
  const lines = VALID.split('\n');
  const index = lines.findIndex((line) => line.startsWith(start));
  if (index < 0) throw new Error(`no line ${start}`);
  lines.splice(index, 1, ...replacement.split('\n'));
  return lines.join('\n');
};

const problems = (text: string): string => {
  try {
    parseTask(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(TaskError);
    return (error as TaskError).message;
  }
  throw new Error('the task loaded');
};

describe('a valid task', () => {
  it('loads with its id, resolved paths, compiled conditions and target time', () => {
    const task = parseTask(VALID, FILE);
    expect(task).toMatchObject({
      id: 'my-task',
      procedure: 'P1',
      profile: 'default',
      walkthrough: resolve('fixtures/walkthroughs/p1-deregister-unionpay.yaml'),
      done: { store: [{ path: 'bindings[*].id', condition: { kind: 'excludes', value: 'unionpay-qr' } }], state: [] },
      flows: ['settings', 'passwordPrompt', 'bindingManagement'],
      targetMs: 90_000,
      hints: [{ at: 'home', when: [], screen: undefined, text: { zh: '按[菜单]键', en: 'Press MENU' } }],
      setup: {},
    });
  });

  it('every shipped task loads', () => {
    expect(shippedTasks().map((task) => task.id)).toEqual([
      'p1-deregister-unionpay',
      'p2-password-free-off',
      'p2-password-free-on',
      'p2-phone-wechat-off',
      'p3-close-unionpay-sms',
      'p3-phone-close-cards',
      'p4-unbind-settlement-card',
      'p5-prove-password-free-off',
    ]);
  });
});

describe('task file errors name file:line:col and the field', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('an unknown field, with the fields there are', () => {
    expect(problems(edit('procedure:', 'procedure: P1\ncolour: red'))).toBe(
      `${FILE}:4:1: colour: unknown field; a task has title, procedure, goal, profile, walkthrough, setup, done, flows, targetTime, firstStep, hints`,
    );
  });

  it('a missing field, with what it is for', () => {
    expect(problems(edit('goal:', ''))).toBe(`${FILE}:2:1: goal: missing: what must be true at the end, in plain words (not the steps)`);
  });

  it('a value of the wrong form, at its own line', () => {
    expect(problems(edit('targetTime:', 'targetTime: soon'))).toBe(`${FILE}:11:13: targetTime: give a time like 90s or 2m`);
    expect(problems(edit('procedure:', 'procedure: 1'))).toMatch(new RegExp(`^${FILE}:3:12: procedure: `));
  });

  it('a missing text in a hint names the hint', () => {
    expect(problems(edit('    en: Press MENU', ''))).toBe(`${FILE}:14:5: hints[0].en: missing`);
  });

  it('a flow the device does not have, with the flows there are', () => {
    expect(problems(edit('flows:', 'flows: [settings, bindings]'))).toMatch(
      new RegExp(`^${FILE}:10:19: flows\\[1\\]: no menu flow "bindings"; flows are device, settings, passwordPrompt, bindingManagement, `),
    );
  });

  it('a state the device does not have', () => {
    expect(problems(edit('  - at: home', '  - at: hom'))).toBe(
      `${FILE}:14:9: hints[0].at: no device state "hom"; states look like home, settings.menu, bindingManagement.detail, passwordPrompt.entering`,
    );
    expect(problems(edit('  store:', '  state: [bindingManagement.gone]\n  store:'))).toMatch(
      new RegExp(`^${FILE}:8:11: done.state\\[0\\]: no device state`),
    );
  });

  it('a store path outside the store', () => {
    expect(problems(edit('    "bindings[*].id"', '    "binding[*].id": { excludes: unionpay-qr }'))).toMatch(
      new RegExp(
        `^${FILE}:9:5: done\\.store\\.binding\\[\\*\\]\\.id: the store has no "binding"; a store path starts with .*bindings, passwordFree, records`,
      ),
    );
  });

  it('an unknown field inside a hint names the hint fields', () => {
    expect(problems(edit('    en: Press MENU', '    en: Press MENU\n    colour: red'))).toBe(
      `${FILE}:17:5: hints[0].colour: unknown field; hints[0] has at, when, screen, zh, en`,
    );
  });

  it('a condition that cannot be used says how to write it', () => {
    expect(problems(edit('    "bindings[*].id"', '    bindings.length: { atMost: few }'))).toBe(
      `${FILE}:9:22: done.store.bindings.length: atMost takes a number, e.g. { atMost: 100000 }`,
    );
  });

  it('a profile or walkthrough that is not there', () => {
    const text = edit('profile:', 'profile: nope').replace('p1-deregister-unionpay.yaml', 'p9-gone.yaml');
    const message = problems(text);
    expect(message).toContain(`${FILE}:5:10: profile: No device profile named "nope"`);
    expect(message).toContain(`${FILE}:6:14: walkthrough: no walkthrough at fixtures/walkthroughs/p9-gone.yaml`);
  });

  it('a set-up that leaves the device data invalid', () => {
    expect(problems(edit('done:', 'setup:\n  passwordFree.active.enabled: "yes"\ndone:'))).toBe(
      `${FILE}:8:3: setup: leaves passwordFree.active.enabled invalid: Invalid input: expected boolean, received string`,
    );
  });

  it('not YAML at all', () => {
    expect(problems(edit('flows:', 'flows: [settings'))).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: not valid YAML: `));
  });

  it('lists every problem of the file at once', () => {
    const message = problems(edit('flows:', 'flows: [nowhere]').replace('targetTime: 90s', 'targetTime: 90'));
    expect(message.split('\n')).toHaveLength(1);
    const later = problems(edit('flows:', 'flows: [nowhere]').replace('at: home', 'at: nowhere'));
    expect(later.split('\n')).toEqual([expect.stringContaining('flows[0]'), expect.stringContaining('hints[0].at')]);
  });
});

describe('task file errors in Chinese, the default', () => {
  it('an unknown field, a missing one, a wrong value and a state the device does not have', () => {
    expect(problems(edit('procedure:', 'procedure: P1\ncolour: red'))).toBe(
      `${FILE}:4:1: colour: 没有这个字段；任务的字段有 title, procedure, goal, profile, walkthrough, setup, done, flows, targetTime, firstStep, hints`,
    );
    expect(problems(edit('goal:', ''))).toBe(`${FILE}:2:1: goal: 缺少此项：结束时必须达到的状态，用平实的话写(不是步骤)`);
    expect(problems(edit('targetTime:', 'targetTime: soon'))).toBe(`${FILE}:11:13: targetTime: 请写一个时间，如 90s 或 2m`);
    expect(problems(edit('    en: Press MENU', '    en: Press MENU\n    colour: red'))).toBe(
      `${FILE}:17:5: hints[0].colour: 没有这个字段；hints[0] 的字段有 at, when, screen, zh, en`,
    );
    expect(problems(edit('  - at: home', '  - at: hom'))).toMatch(
      new RegExp(`^${FILE}:14:9: hints\\[0\\]\\.at: 设备没有状态 "hom"；状态的写法如 home、`),
    );
  });

  it('a condition that cannot be used, and a file that is not YAML', () => {
    expect(problems(edit('    "bindings[*].id"', '    bindings.length: { atMost: few }'))).toBe(
      `${FILE}:9:22: done.store.bindings.length: atMost 要写一个数，如 { atMost: 100000 }`,
    );
    expect(problems(edit('flows:', 'flows: [settings'))).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: 不是有效的 YAML：`));
  });

  it('zod’s own words come from its Chinese locale', () => {
    expect(problems(edit('done:', 'setup:\n  passwordFree.active.enabled: "yes"\ndone:'))).toMatch(
      new RegExp(`^${FILE}:8:3: setup: .*passwordFree.active.enabled.*无效输入：期望 boolean`),
    );
  });

  it('says what each field is for in English as the JSON Schema does', () => {
    const en = translator('en');
    for (const [field, key] of Object.entries(FIELD_TEXTS)) {
      const schema = (taskSchema.shape as Record<string, { meta(): { description?: string } | undefined }>)[field];
      expect(en(key), field).toBe(schema?.meta()?.description);
    }
    expect(Object.keys(FIELD_TEXTS)).toEqual(Object.keys(taskSchema.shape));
  });
});

describe('choosing a task', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-tasks-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  afterEach(() => setToolLang('zh'));
  const tasks = shippedTasks();

  it('by its number in the list or its name', () => {
    expect(findTask('2', tasks).id).toBe('p2-password-free-off');
    expect(findTask('p1-deregister-unionpay', tasks).id).toBe('p1-deregister-unionpay');
  });

  it('by a path to a task file of one’s own, relative paths in it from its folder', () => {
    const file = join(scratch, 'mine.yaml');
    writeFileSync(file, VALID.replace('../walkthroughs/', `${resolve('fixtures/walkthroughs')}/`));
    expect(findTask(file, tasks)).toMatchObject({ id: 'mine', file });
  });

  it('an unknown one lists the tasks there are', () => {
    setToolLang('en');
    expect(() => findTask('9', tasks)).toThrow(/No practice task "9"\. Tasks: 1 p1-deregister-unionpay, 2 p2-password-free-off, /);
    expect(() => findTask('nope.yaml', tasks)).toThrow(/No task file at nope\.yaml/);
    setToolLang('zh');
    expect(() => findTask('9', tasks)).toThrow(
      /^没有练习任务 "9"。任务有：1 p1-deregister-unionpay, 2 p2-password-free-off, .*；也可以给出任务 \.yaml 文件的路径。$/,
    );
    expect(() => findTask('nope.yaml', tasks)).toThrow('nope.yaml 处没有任务文件。');
  });
});
