// Hint selection: the innermost active state with a matching hint wins, `when` and `screen` narrow a
// hint down, the procedure's first step is the fallback; and the shipped tasks have a hint for every
// place their procedure passes through.
import { afterEach, describe, expect, it } from 'vitest';
import { hintFor, matchingHint, type DevicePosition } from '../../src/practice/hints.js';
import { shippedTasks } from '../../src/practice/load-tasks.js';
import { practicePosition } from '../../src/practice/tracker.js';
import type { Hint, Task } from '../../src/practice/task.js';
import { playStep, startPractice, walkthroughSteps, type Practice } from '../support/practice.js';

const hint = (at: string, zh: string, extra: Partial<Hint> = {}): Hint => ({
  at,
  when: [],
  screen: undefined,
  text: { zh, en: `en ${zh}` },
  ...extra,
});

const TASK: Pick<Task, 'hints' | 'firstStep'> = {
  firstStep: { zh: '第一步', en: 'first step' },
  hints: [
    hint('home', '有待重启的设置', { when: [{ path: 'passwordFree.pending', condition: { kind: 'not', value: null } }] }),
    hint('home', '进入设置'),
    hint('settings.authenticating', '登录设置'),
    hint('passwordPrompt.entering', '确认保存的密码', { screen: '确认保存?' }),
    hint('passwordPrompt.entering', '输入密码'),
  ],
};

const at = (states: readonly string[], store: unknown = {}, screen = ''): DevicePosition => ({ states, store, screen });

describe('hint selection', () => {
  it('takes the hint for the innermost active state', () => {
    const position = at(['device.settings', 'settings.authenticating', 'passwordPrompt.entering']);
    expect(hintFor(TASK, position, 'zh')).toBe('输入密码');
    expect(hintFor(TASK, at(['device.settings', 'settings.authenticating']), 'zh')).toBe('登录设置');
  });

  it('matches a state by its full name or the end of it', () => {
    expect(hintFor(TASK, at(['device.home']), 'zh')).toBe('进入设置');
    expect(matchingHint(TASK, at(['device.homecoming']))).toBeUndefined();
  });

  it('narrows by what the store holds and what the screen shows (punctuation matched loosely)', () => {
    expect(hintFor(TASK, at(['device.home'], { passwordFree: { pending: { enabled: false } } }), 'zh')).toBe('有待重启的设置');
    expect(hintFor(TASK, at(['device.home'], { passwordFree: {} }), 'zh')).toBe('进入设置');
    expect(hintFor(TASK, at(['passwordPrompt.entering'], {}, '请输入密码确认保存？'), 'zh')).toBe('确认保存的密码');
    expect(hintFor(TASK, at(['passwordPrompt.entering'], {}, '请输入密码'), 'zh')).toBe('输入密码');
  });

  it("falls back to the procedure's first step, in the language asked for", () => {
    expect(matchingHint(TASK, at(['device.booting.loading']))).toBeUndefined();
    expect(hintFor(TASK, at(['device.booting.loading']), 'zh')).toBe('第一步');
    expect(hintFor(TASK, at(['device.booting.loading']), 'en')).toBe('first step');
    expect(hintFor(TASK, at(['device.home']), 'en')).toBe('en 进入设置');
  });
});

describe('the shipped tasks', () => {
  let practice: Practice | undefined;
  afterEach(() => {
    practice?.stop();
    practice = undefined;
  });

  it.each(shippedTasks().map((task) => task.id))('%s: a hint of its own at every place its walkthrough passes', (id) => {
    const task = shippedTasks().find((candidate) => candidate.id === id) as Task;
    practice = startPractice(task);
    const run = practice;
    const missing: string[] = [];
    const look = () => {
      const position = practicePosition(run.sim.session);
      if (!matchingHint(task, position)) missing.push(position.states.join(' > '));
    };
    look();
    for (const step of walkthroughSteps(run)) {
      playStep(run, step);
      if (run.tracker.result()) break;
      look();
    }
    expect(run.tracker.result()?.goalReached).toBe(true);
    expect(missing).toEqual([]);
  });

  it('P1: the hint follows the procedure step by step', () => {
    const task = shippedTasks().find((candidate) => candidate.id === 'p1-deregister-unionpay') as Task;
    practice = startPractice(task);
    const run = practice;
    const next = () => run.tracker.showHint();
    expect(next()).toContain('按[菜单]键');
    run.press('菜单');
    expect(next()).toContain('输入主管密码');
    run.type('123456');
    run.press('确认');
    expect(next()).toContain('选择 绑定管理');
    run.sim.select('绑定管理');
    expect(next()).toContain('选择 云闪付');
    run.sim.select('微信支付');
    expect(next()).toContain('这不是云闪付');
    run.press('取消');
    run.sim.select('云闪付');
    expect(next()).toContain('这就是云闪付');
    run.press('确认');
    expect(next()).toContain('先备份数据');
    run.press('确认');
    expect(next()).toContain('完成注销');
  });
});
