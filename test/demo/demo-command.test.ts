// pos-sim demo on the command line: its flags, finding a procedure by name or path, the list of
// demos, and the plan a shipped walkthrough makes (or the reason it cannot be played).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli-args.js';
import { DEMOS_DIR, demoNames, listColumns, listDemos, resolveProcedure } from '../../src/commands/demo.js';
import { DemoError, planDemo, withoutTexts } from '../../src/demo/demo-plan.js';
import { playingTimeMs } from '../../src/demo/player.js';
import { UsageError } from '../../src/errors.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { usageError as thrownUsageError } from '../support/usage-error.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import type { Step } from '../../src/walkthrough/walkthrough.js';

const usageError = (argv: string[]): string => thrownUsageError(argv).message;


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
    const file = join(mkdtempSync(join(tmpdir(), 'pos-sim-demo-')), 'mine.yaml');
    writeFileSync(file, 'name: mine\nfixture: default\nsteps:\n  - press: 菜单\n');
    expect(resolveProcedure(file)).toBe(file);
  });

  it('says what it could have meant', () => {
    expect(() => resolveProcedure('p1')).toThrow(/No demo "p1".*Did you mean p1-deregister-unionpay\?.*pos-sim demo/);
    expect(() => resolveProcedure('nothing-like-it')).toThrow(UsageError);
  });

  it('lists every shipped demo with its steps and playing time', () => {
    const lines = listDemos(undefined);
    expect(lines[0]).toMatch(/^Demos/);
    expect(demoNames()).toContain('p1-deregister-unionpay');
    const p1 = lines.findIndex((line) => line.includes('p1-deregister-unionpay'));
    // Its name (in the tool's language) is too long to fit beside it in 80 columns: on the next line.
    expect(lines[p1]).toMatch(/^ {2}p1-deregister-unionpay +15 steps, \d+(\.\d)? s$/);
    expect(lines[p1 + 1]).toBe('    P1 Deregister the UnionPay QuickPass app');
    for (const name of demoNames()) expect(lines.some((line) => line === `  ${name}` || line.startsWith(`  ${name} `))).toBe(true);
    expect(lines.join('\n')).not.toContain('does not play');
  });

  it('fits the terminal: titles beside the demos when there is room, else on their own line, cut with …', () => {
    for (const columns of [200, 120, 80, 60]) {
      const lines = listDemos(undefined, columns);
      for (const line of lines) expect(stringWidth(line), `${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
      for (const line of lines) expect(line, `${columns} columns`).not.toMatch(/ $/);
    }
    expect(listDemos(undefined, 200).find((line) => line.includes('p1-deregister-unionpay'))).toMatch(/ {2}15 steps, \d+ s {2}P1 Deregister the UnionPay QuickPass app$/);
    // Too narrow even for the name column: name, length and title on lines of their own.
    const narrow = listDemos(undefined, 40);
    const at = narrow.indexOf('  p1-deregister-unionpay');
    expect(narrow.slice(at, at + 3)).toEqual(['  p1-deregister-unionpay', expect.stringMatching(/^ {4}15 steps, \d+ s$/), '    P1 Deregister the UnionPay QuickPas…']);
    expect(stringWidth(narrow[at + 2] ?? '')).toBe(40);
  });

  it('is 80 columns wide when stdout is not a terminal, else as wide as the terminal', () => {
    expect(listColumns({ isTTY: false, columns: 200 })).toBe(80);
    expect(listColumns({})).toBe(80);
    expect(listColumns({ isTTY: true, columns: 132 })).toBe(132);
    expect(listColumns({ isTTY: true, columns: 0 })).toBe(80);
  });
});

describe('pos-sim demo in Chinese, the default', () => {
  it('lists the demos with their steps and playing time, aligned in columns', () => {
    const lines = listDemos(undefined, 120);
    expect(lines[0]).toBe('可演示的操作脚本(pos-sim demo 名称，或操作脚本文件)：');
    const p1 = lines.find((line) => line.includes('p1-deregister-unionpay'));
    expect(p1).toMatch(/^ {2}p1-deregister-unionpay +15 步，\d+(\.\d)? 秒 {2}P1 注销云闪付$/);
    // The titles start in one column, though 步 and 秒 take two columns each.
    const beforeTitle = lines.map((line) => /^ {2}\S+ +\d+ 步，[\d.]+ 秒 +/.exec(line)?.[0]).filter((start) => start !== undefined);
    expect(beforeTitle.length).toBe(demoNames().length);
    expect(new Set(beforeTitle.map((start) => stringWidth(start)))).toEqual(new Set([stringWidth(beforeTitle[0] ?? '')]));
    expect(lines.at(-1)).toBe('演示时的按键：空格 暂停/继续，右方向键 下一步(暂停时)，q 或 Ctrl+C 退出。');
  });

  it('fits 80 columns, counting a Chinese character as two: long titles on their own line', () => {
    for (const columns of [60, 44]) {
      for (const line of listDemos(undefined, columns)) expect(stringWidth(line), `${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
    }
    // Cut by width, a Chinese character taking two columns.
    expect(listDemos(undefined, 36)).toContain('    P5 关闭免密后重启前仍免密,重启…');
    const lines = listDemos(undefined, 80);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const at = lines.findIndex((line) => line.startsWith('  p5-takes-effect-after-restart '));
    expect(lines[at]).toMatch(/^ {2}p5-takes-effect-after-restart +20 步，\d+ 秒$/);
    expect(lines[at + 1]).toBe('    P5 关闭免密后重启前仍免密,重启后需密码');
    // The options wrap, no line starting with closing punctuation.
    expect(lines.slice(-3)).toEqual([
      '选项：--speed N(0.5 放慢，2 加快)，--lang zh|en，--record',
      'FILE.cast(asciinema 录像)。',
      '演示时的按键：空格 暂停/继续，右方向键 下一步(暂停时)，q 或 Ctrl+C 退出。',
    ]);
  });

  it('says what it could have meant', () => {
    expect(() => resolveProcedure('p1')).toThrow(
      '没有演示 "p1"：它既不是操作脚本文件，也不是自带的演示。是不是要找 p1-deregister-unionpay？运行 `pos-sim demo` 查看列表。',
    );
  });
});

describe('pos-sim demo: the plan', () => {
  it('shows P1 in 15 steps of about 30 s, the checks kept out of the count', () => {
    const [p1] = loadWalkthroughs([resolveProcedure('p1-deregister-unionpay')]);
    const plan = planDemo(p1 as NonNullable<typeof p1>);
    expect(plan.steps).toHaveLength(15);
    expect(plan.steps.every((step) => step.step.kind !== 'expect')).toBe(true);
    expect(plan.firstChecks).toHaveLength(0);
    expect(plan.steps.flatMap((step) => step.checks).length).toBe(p1?.steps.filter((step) => step.kind === 'expect').length);
    // The script's own captions, in both languages.
    expect(plan.steps[0]?.caption).toMatch(/^按\[菜单\]键进入设置/);
    expect(planDemo(p1 as NonNullable<typeof p1>, { lang: 'en' }).steps[0]?.caption).toMatch(/^Press MENU/);
    const seconds = playingTimeMs(plan) / 1000;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThan(60);
    expect(playingTimeMs(plan, 20) / 1000).toBeLessThan(3);
  });

  it('refuses a walkthrough that fails headless, naming the step', () => {
    const failing = parseWalkthrough('name: broken\nfixture: default\nsteps:\n  - press: 菜单\n  - expect: 这段文字不存在\n', 'broken.yaml', {});
    expect(() => planDemo(failing)).toThrow(DemoError);
    expect(() => planDemo(failing)).toThrow(
      /^broken 无界面回放时失败，无法演示\(试试：pos-sim run broken\.yaml\)：\nbroken\.yaml:5:5 {2}expect: 这段文字不存在\n {2}期望屏幕显示 "这段文字不存在"，但屏幕上没有\n {2}屏幕：/,
    );
    setToolLang('en');
    try {
      expect(() => planDemo(failing)).toThrow(/broken fails when run headless.*\n.*broken\.yaml:5:5 {2}expect: 这段文字不存在\n {2}expected the screen to show "这段文字不存在"\n {2}screen:/);
    } finally {
      setToolLang('zh');
    }
  });

  it('checks in another language only what does not depend on it', () => {
    const [step] = parseWalkthrough('name: t\nfixture: default\nsteps:\n  - expect: { screen: 设置, title: 设置, not: 错误, state: home, store: { bindings.length: 5 } }\n', 't.yaml', {}).steps as [Step];
    const stripped = withoutTexts(step);
    expect(stripped.kind === 'expect' && stripped.expectation).toMatchObject({ screen: [], not: [], state: ['home'], store: [{ path: 'bindings.length' }] });
    expect(stripped.kind === 'expect' && stripped.expectation.title).toBeUndefined();
  });
});
