// pos-sim demo on the command line: its flags, finding a procedure by name or path, the list of
// demos, and the plan a shipped walkthrough makes (or the reason it cannot be played).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli-args.js';
import { DEMOS_DIR, demoNames, listColumns, listDemos, procedureDemos, resolveProcedure } from '../../src/commands/demo.js';
import { shippedTasks } from '../../src/practice/load-tasks.js';
import { DemoError, planDemo, withoutTexts } from '../../src/demo/demo-plan.js';
import { playingTimeMs } from '../../src/demo/player.js';
import { UsageError } from '../../src/errors.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { usageError as thrownUsageError } from '../support/usage-error.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import type { Step } from '../../src/walkthrough/walkthrough.js';

const usageError = (argv: string[]): string => thrownUsageError(argv).message;

/** Why resolveProcedure refuses a name (a UsageError's message). */
const refusal = (name: string): string => {
  try {
    resolveProcedure(name);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`resolveProcedure(${JSON.stringify(name)}) did not refuse`);
};

describe('pos-sim demo: flags', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('takes one procedure or none, --speed, --record and --lang', () => {
    expect(parseCli(['demo'])).toMatchObject({ command: 'demo', paths: [], speed: 1, record: undefined, langFlag: undefined });
    expect(parseCli(['demo', 'p1-deregister-unionpay', '--speed', '0.5', '--record', 'out/p1.cast', '--lang', 'en'])).toMatchObject({
      command: 'demo',
      paths: ['p1-deregister-unionpay'],
      speed: 0.5,
      record: 'out/p1.cast',
      langFlag: 'en',
      lang: 'en',
    });
  });

  it('refuses what makes no sense, saying the fix', () => {
    expect(usageError(['demo', '--speed', '0'])).toMatch(/--speed 0: give a number above 0/);
    expect(usageError(['demo', '--speed', 'fast'])).toMatch(/--speed fast: give a number above 0/);
    expect(usageError(['demo', '--speed', '1000'])).toMatch(/up to 100/);
    expect(usageError(['demo', 'p1', '--record', 'p1.mp4'])).toMatch(/--record p1\.mp4: an asciinema recording is a \.cast file/);
    expect(usageError(['demo', 'p1', 'p2'])).toMatch(/"demo" takes one walkthrough/);
    expect(usageError(['demo', '--fixture', 'offline'])).toMatch(/--fixture does not go with demo/);
    expect(usageError(['run', 'x.yaml', '--speed', '2'])).toMatch(/--speed does not go with run/);
  });
});

describe('pos-sim demo: finding the procedure', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('by its short name, or as a file', () => {
    expect(resolveProcedure('p1-deregister-unionpay')).toBe(join(DEMOS_DIR, 'p1-deregister-unionpay.yaml'));
    const dir = mkdtempSync(join(tmpdir(), 'pos-sim-demo-'));
    try {
      const file = join(dir, 'mine.yaml');
      writeFileSync(file, 'name: mine\nfixture: default\nsteps:\n  - press: 菜单\n');
      expect(resolveProcedure(file)).toBe(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('by the procedure, as the README and trainers call them (P1…P5, any case): the walkthrough its practice task plays', () => {
    const demo = (name: string) => resolveProcedure(name).replace(`${DEMOS_DIR}/`, '');
    expect(['P1', 'P2', 'P3', 'P4', 'P5'].map(demo)).toEqual([
      'p1-deregister-unionpay.yaml',
      'p2-password-free-off.yaml',
      'p3-close-unionpay-sms.yaml',
      'p4-unbind-settlement-card.yaml',
      'p5-sale-asks-pin-after-password-free-off.yaml',
    ]);
    for (const name of ['p2', ' P2 ', 'p 2']) expect(demo(name), name).toBe('p2-password-free-off.yaml');
    for (const task of shippedTasks())
      expect(resolveProcedure(task.procedure)).toBe(resolveProcedure(procedureDemos().get(task.procedure) ?? ''));
  });

  it('by its name in any case, with or without .yaml, or by a part of its name or title that only it has', () => {
    const demo = (name: string) => resolveProcedure(name).replace(`${DEMOS_DIR}/`, '');
    expect(demo('P1-Deregister-UnionPay')).toBe('p1-deregister-unionpay.yaml');
    expect(demo('lockout.yaml')).toBe('lockout.yaml');
    // lockout is a whole name, though other names contain it.
    expect(demo('lockout')).toBe('lockout.yaml');
    expect(demo('free-on')).toBe('p2-password-free-on-again.yaml');
    expect(demo('expired')).toBe('p4-expired-code.yaml');
    expect(demo('Change the supervisor')).toBe('operators-change-password.yaml');
  });

  it('a name that fits several demos: lists them, with their titles', () => {
    const message = refusal('unionpay');
    expect(message).toMatch(/^"unionpay" matches 5 demos; give more of the name:\n/);
    expect(message.split('\n').slice(1)).toEqual([
      '  p1-deregister-unionpay  P1 Deregister the UnionPay QuickPass app',
      '  p3-close-unionpay-password  P3 Close the UnionPay QuickPass app service (password)',
      '  p3-close-unionpay-sms  P3 Close the UnionPay QuickPass app service (SMS code)',
      "  p3-phone-close-cards  P3 Close the cards' UnionPay service on the phone",
      expect.stringMatching(/^ {2}p5-qr-wallets {2}P5 /),
    ]);
  });

  it('a name that fits none: says so and gives the choices', () => {
    expect(refusal('nothing-like-it')).toBe(
      'No demo "nothing-like-it": it is neither a walkthrough file nor the name, part of the name or title of a shipped demo. ' +
        'The procedures: P1 p1-deregister-unionpay, P2 p2-password-free-off, P3 p3-close-unionpay-sms, P4 p4-unbind-settlement-card, ' +
        'P5 p5-sale-asks-pin-after-password-free-off; or a name `pos-sim demo` lists.',
    );
    expect(() => resolveProcedure('P9')).toThrow(UsageError);
  });

  it('lists every shipped demo with its playing time, and the procedures', () => {
    const lines = listDemos(undefined);
    expect(lines[0]).toMatch(/^Demos/);
    expect(demoNames()).toContain('p1-deregister-unionpay');
    const p1 = lines.findIndex((line) => line.startsWith('  p1-deregister-unionpay '));
    // Its title (in the tool's language) is too long to fit beside it in 80 columns: on the next line.
    expect(lines[p1]).toMatch(/^ {2}p1-deregister-unionpay +\d+(\.\d)? s$/);
    expect(lines[p1 + 1]).toBe('    P1 Deregister the UnionPay QuickPass app');
    expect(lines).toContain('  lockout                          61 s  Wrong passwords and the lockout');
    for (const name of demoNames()) expect(lines.some((line) => line === `  ${name}` || line.startsWith(`  ${name} `))).toBe(true);
    expect(lines.join('\n')).not.toContain('does not play');
    const procedures = lines.indexOf('The procedures (e.g. pos-sim demo P2):');
    expect(lines.slice(procedures + 1, procedures + 6)).toEqual([
      '  P1  p1-deregister-unionpay',
      '  P2  p2-password-free-off',
      '  P3  p3-close-unionpay-sms',
      '  P4  p4-unbind-settlement-card',
      '  P5  p5-sale-asks-pin-after-password-free-off',
    ]);
  });

  it('fits the terminal: titles beside the demos when there is room, else on their own line, cut with …', () => {
    for (const columns of [200, 120, 80, 60]) {
      const lines = listDemos(undefined, columns);
      for (const line of lines) expect(stringWidth(line), `${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
      for (const line of lines) expect(line, `${columns} columns`).not.toMatch(/ $/);
    }
    expect(listDemos(undefined, 200).find((line) => line.startsWith('  p1-deregister-unionpay '))).toMatch(
      / {2}\d+ s {2}P1 Deregister the UnionPay QuickPass app$/,
    );
    // Too narrow for a title beside any name: each title on its own line, cut with … to the width.
    const narrow = listDemos(undefined, 40);
    const at = narrow.findIndex((line) => line.startsWith('  p1-deregister-unionpay '));
    expect(narrow.slice(at, at + 2)).toEqual([
      expect.stringMatching(/^ {2}p1-deregister-unionpay +\d+ s$/),
      '    P1 Deregister the UnionPay QuickPas…',
    ]);
    expect(stringWidth(narrow[at + 1] ?? '')).toBe(40);
    // Too narrow even for the name column: name, length and title on lines of their own.
    const narrower = listDemos(undefined, 30);
    const name = narrower.indexOf('  p1-deregister-unionpay');
    expect(narrower.slice(name, name + 3)).toEqual([
      '  p1-deregister-unionpay',
      expect.stringMatching(/^ {4}\d+ s$/),
      '    P1 Deregister the UnionPa…',
    ]);
    // Six lists, each timing every shipped demo by playing it: about 5 s on an idle machine, 20 on a loaded one.
  }, 60_000);

  it('is 80 columns wide when stdout is not a terminal, else as wide as the terminal', () => {
    expect(listColumns({ isTTY: false, columns: 200 })).toBe(80);
    expect(listColumns({})).toBe(80);
    expect(listColumns({ isTTY: true, columns: 132 })).toBe(132);
    expect(listColumns({ isTTY: true, columns: 0 })).toBe(80);
  });
});

describe('pos-sim demo in Chinese, the default', () => {
  it('lists the demos with their playing time, aligned in columns', () => {
    const lines = listDemos(undefined, 120);
    expect(lines[0]).toBe('可演示的操作脚本(pos-sim demo 名称、流程 P1…P5 或名称的一部分，或操作脚本文件)：');
    const p1 = lines.find((line) => line.startsWith('  p1-deregister-unionpay '));
    expect(p1).toMatch(/^ {2}p1-deregister-unionpay +\d+(\.\d)? 秒 {2}P1 注销云闪付$/);
    // The titles start in one column, though 秒 takes two columns.
    const beforeTitle = lines.map((line) => /^ {2}\S+ +[\d.]+ 秒 {2}/.exec(line)?.[0]).filter((start) => start !== undefined);
    expect(beforeTitle.length).toBe(demoNames().length);
    expect(new Set(beforeTitle.map((start) => stringWidth(start)))).toEqual(new Set([stringWidth(beforeTitle[0] ?? '')]));
    expect(lines.at(-1)).toBe('演示时的按键：空格 暂停/继续，右方向键 下一步(暂停时)，q 或 Ctrl+C 退出。');
  });

  it('fits 80 columns, counting a Chinese character as two, every demo on one line with its title', () => {
    for (const columns of [60, 44]) {
      for (const line of listDemos(undefined, columns))
        expect(stringWidth(line), `${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
    }
    // Cut by width, a Chinese character taking two columns.
    expect(listDemos(undefined, 36)).toContain('    P5 关闭免密：重启前免密，重启后…');
    const lines = listDemos(undefined, 80);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    for (const name of demoNames())
      expect(
        lines.filter((line) => line.startsWith(`  ${name} `)),
        name,
      ).toEqual([expect.stringMatching(/ 秒 {2}\S/)]);
    expect(lines.filter((line) => line.startsWith('    '))).toEqual([]);
    expect(lines).toContain('  p5-takes-effect-after-restart     53 秒  P5 关闭免密：重启前免密，重启后需密码');
    // The options wrap, no line starting with closing punctuation.
    expect(lines.slice(-3)).toEqual([
      '选项：--speed N(0.5 放慢，2 加快)，--lang zh|en，--record',
      'FILE.cast(asciinema 录像)。',
      '演示时的按键：空格 暂停/继续，右方向键 下一步(暂停时)，q 或 Ctrl+C 退出。',
    ]);
  });

  it('says what it could have meant', () => {
    expect(() => resolveProcedure('p9')).toThrow(
      '没有演示 "p9"：它既不是操作脚本文件，也不是自带演示的名称、名称的一部分或标题。可以用流程的演示 P1 p1-deregister-unionpay，' +
        'P2 p2-password-free-off，P3 p3-close-unionpay-sms，P4 p4-unbind-settlement-card，P5 p5-sale-asks-pin-after-password-free-off，或 `pos-sim demo` 列出的名称。',
    );
    // Titles match in the tool's language.
    expect(resolveProcedure('注销云闪付')).toBe(join(DEMOS_DIR, 'p1-deregister-unionpay.yaml'));
  });
});

describe('pos-sim demo: the plan', () => {
  it('shows P1 in 15 steps of about 30 s, the checks kept out of the count', () => {
    const [p1] = loadWalkthroughs([resolveProcedure('p1-deregister-unionpay')]);
    const plan = planDemo(p1 as NonNullable<typeof p1>);
    expect(plan.steps).toHaveLength(15);
    expect(plan.steps.every((step) => step.step.kind !== 'expect')).toBe(true);
    expect(plan.firstChecks).toHaveLength(0);
    // Every expect step is a check, those of the pieces P1 calls and of the suite's after: too.
    const expects = (steps: readonly Step[]): number =>
      steps.reduce((count, step) => count + (step.kind === 'run' ? expects(step.steps) : step.kind === 'expect' ? 1 : 0), 0);
    const walkthrough = p1 as NonNullable<typeof p1>;
    expect(plan.steps.flatMap((step) => step.checks).length).toBe(
      expects([...walkthrough.before, ...walkthrough.steps, ...walkthrough.after]),
    );
    // The script's own captions (the login piece's), in both languages.
    expect(plan.steps[0]?.caption).toMatch(/^按\[菜单\]键进入设置/);
    // A step inside a call says which: the call's caption, else the piece's name.
    expect(plan.steps.map((step) => step.calledAs)).toEqual([
      ...Array(3).fill('以主管身份进入设置'),
      '打开绑定管理',
      ...Array(7).fill(undefined),
      ...Array(4).fill('重启完成，再次进入绑定管理'),
    ]);
    expect(planDemo(p1 as NonNullable<typeof p1>, { lang: 'en' }).steps[0]?.caption).toMatch(/^Press MENU/);
    const seconds = playingTimeMs(plan) / 1000;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThan(60);
    expect(playingTimeMs(plan, 20) / 1000).toBeLessThan(3);
  });

  it('shows the control characters of a name and captions written out: the demo and its recording cannot retitle the terminal', () => {
    const hostile = parseWalkthrough(
      [
        'name: "demo \\e[31m red \\e]0;retitled\\a"',
        'steps:',
        '  - run: { steps: [{ press: 菜单 }] }',
        '    caption: "the call \\x9b2J"',
        '  - press: 取消',
        '    caption: "clear \\e[2J screen"',
      ].join('\n'),
      'hostile.yaml',
      {},
    );
    const plan = planDemo(hostile);
    const shown = [plan.walkthrough.name, ...plan.steps.flatMap((step) => [step.caption, step.calledAs ?? ''])];
    expect(shown.join('\n')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u);
    expect(plan.walkthrough.name).toBe('demo \\x1B[31m red \\x1B]0;retitled\\x07');
    expect(plan.steps.map((step) => [step.calledAs, step.caption])).toEqual([
      ['the call \\x9B2J', expect.stringContaining('菜单')],
      [undefined, 'clear \\x1B[2J screen'],
    ]);
  });

  it('refuses a walkthrough that fails headless, naming the step', () => {
    const failing = parseWalkthrough(
      'name: broken\nfixture: default\nsteps:\n  - press: 菜单\n  - expect: 这段文字不存在\n',
      'broken.yaml',
      {},
    );
    expect(() => planDemo(failing)).toThrow(DemoError);
    expect(() => planDemo(failing)).toThrow(
      /^broken 无界面回放时失败，无法演示\(试试：pos-sim run broken\.yaml\)：\nbroken\.yaml:5:5 {2}expect: 这段文字不存在\n {2}期望屏幕显示 "这段文字不存在"，但屏幕上没有\n {2}屏幕：/,
    );
    setToolLang('en');
    try {
      expect(() => planDemo(failing)).toThrow(
        /broken fails when run headless.*\n.*broken\.yaml:5:5 {2}expect: 这段文字不存在\n {2}expected the screen to show "这段文字不存在"\n {2}screen:/,
      );
    } finally {
      setToolLang('zh');
    }
  });

  it('plays steps on the phone on the phone: its keys in the key line, captions that say so, its password as stars', () => {
    const [walkthrough] = loadWalkthroughs([resolveProcedure('p2-phone-wechat-off')]);
    const plan = planDemo(walkthrough as NonNullable<typeof walkthrough>);
    const onPhone = plan.steps.filter((step) => step.step.kind === 'phone');
    expect(onPhone.length).toBeGreaterThan(5);
    expect(onPhone.every((step) => step.actions.every((action) => action.kind === 'phoneKey'))).toBe(true);
    expect(
      plan.steps.filter((step) => step.step.kind !== 'phone').every((step) => step.actions.every((action) => action.kind !== 'phoneKey')),
    ).toBe(true);
    const password = onPhone.find((step) => step.step.source.includes('112233'));
    expect(password?.actions.map((action) => (action.kind === 'phoneKey' ? action.shown : ''))).toEqual(Array(6).fill('手机[*]'));
    expect(plan.steps.some((step) => step.caption.includes('112233'))).toBe(false);
    // Made from the step where the script has no caption of its own.
    const bare = parseWalkthrough(
      'name: t\nfixture: default\nsteps:\n  - phone: { select: 微信 }\n  - phone: { press: 取消 }\n  - phone: { press: 2 }\n',
      't.yaml',
      {},
    );
    expect(planDemo(bare).steps.map((step) => step.caption)).toEqual(['手机上：选择「微信」', '手机上：按[取消]键', '手机上：按[2]键']);
    expect(planDemo(bare, { lang: 'en' }).steps.map((step) => step.caption)).toEqual([
      'On the phone: Select "WeChat"',
      'On the phone: Press [Cancel]',
      'On the phone: Press [2]',
    ]);
    expect(planDemo(bare).steps[1]?.actions).toMatchObject([{ kind: 'phoneKey', shown: '手机[取消]' }]);
    // Played in English, the phone's texts were checked headless; its states are checked live.
    expect(planDemo(walkthrough as NonNullable<typeof walkthrough>, { lang: 'en' }).steps.length).toBe(plan.steps.length);
  });

  it('checks in another language only what does not depend on it', () => {
    const [step] = parseWalkthrough(
      'name: t\nfixture: default\nsteps:\n  - expect: { screen: 设置, title: 设置, not: 错误, state: home, store: { bindings.length: 5 } }\n',
      't.yaml',
      {},
    ).steps as [Step];
    const stripped = withoutTexts(step);
    expect(stripped.kind === 'expect' && stripped.expectation).toMatchObject({
      screen: [],
      not: [],
      state: ['home'],
      store: [{ path: 'bindings.length' }],
    });
    const [phoneStep] = parseWalkthrough(
      'name: t\nfixture: default\nsteps:\n  - expect: { phone: { screen: 微信, title: 微信, not: 错误, state: phone.home } }\n',
      't.yaml',
      {},
    ).steps as [Step];
    const phoneStripped = withoutTexts(phoneStep);
    expect(phoneStripped.kind === 'expect' && phoneStripped.expectation.phone).toEqual({ screen: [], not: [], state: ['phone.home'] });
    expect(stripped.kind === 'expect' && stripped.expectation.title).toBeUndefined();
  });
});
