// What a QA engineer reads about walkthroughs — problems in a script, why a step failed, the
// reports and the coverage — is in Chinese by default and in English with --lang en; locations,
// YAML keys, state names and the machine formats' own keywords stay as they are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWalkthroughsCommand } from '../../src/commands/run-walkthroughs.js';
import { createSimulator, toKeyEvent } from '../../src/device/simulator.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { formatCoverage, type CoverageReport } from '../../src/walkthrough/coverage.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { formatResults } from '../../src/walkthrough/reporters/index.js';
import { runWalkthrough, type WalkthroughResult } from '../../src/walkthrough/run-walkthrough.js';
import { thrownMessage } from '../support/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-tool-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD_STEPS = `name: 坏脚本
fixture: default
steps:
  - press: 确定
  - jump: 1
  - type: 1234
`;

/** Opens 设置 and stops at the password prompt, then expects what is not there. */
const FAILING = `name: 打开设置
fixture: default
steps:
  - press: 菜单
  - expect: { screen: 请输入密码, title: 设置, state: settings.menu, store: { passwordFree.active.enabled: false } }
`;

const PASSING = `name: 开机
fixture: default
steps:
  - expect: 商户号
`;

/** A passing and a failing result, to format. */
const results = (): WalkthroughResult[] => [
  runWalkthrough(parseWalkthrough(PASSING, 'boot.yaml', {})),
  runWalkthrough(parseWalkthrough(FAILING, 'settings.yaml', {})),
];

const COVERAGE: CoverageReport = {
  states: { total: 4, reached: 3, missed: ['unbind.offline'] },
  transitions: {
    total: 8,
    reached: 6,
    missed: ['unbind.review --NETWORK_DOWN--> unbind.offline', 'unbind.offline --ENTER--> unbind.done'],
  },
};

describe('walkthrough messages in Chinese (the default)', () => {
  it('list every problem of a script at file:line:col', () => {
    expect(thrownMessage(() => parseWalkthrough(BAD_STEPS, 'bad.yaml', {})).split('\n')).toEqual([
      'bad.yaml:4:12: 设备没有 "确定" 键；按键有 0-9, 确认/ENTER, 取消/CANCEL, 清除/CLEAR, 上/UP, 下/DOWN, 菜单/MENU, F1, F2, F3, F4',
      'bad.yaml:5:5: 没有 "jump" 这种步骤；步骤有 press, type, select, expect, wait, network, power, paper, snapshot, phone, run',
      'bad.yaml:6:11: type 要写加引号的数字，如 type: "123456"(不加引号时 YAML 会把 0000 读成数字 0)',
    ]);
    expect(thrownMessage(() => parseWalkthrough('name: x\nsteps: [\n', 'broken.yaml', {}))).toMatch(
      /^broken\.yaml:\d+:\d+: 不是有效的 YAML：.+；含 \[ \] \{ \} : 或 # 的文字请加引号$/,
    );
    expect(thrownMessage(() => loadWalkthroughs([join(dir, 'nowhere')]))).toBe(`${join(dir, 'nowhere')}：没有这个文件或目录`);
  });

  it('say what a failing step expected and what the device had instead', () => {
    const failure = results()[1]?.failure;
    expect(failure?.message.split('\n')).toEqual([
      '期望标题为 "设置"，实际标题是 "请输入密码"',
      '期望处于状态 settings.menu，但不在该状态',
      '期望设备数据 passwordFree.active.enabled 为 false，实际是 true',
    ]);
    const sms = runWalkthrough(parseWalkthrough('name: x\nfixture: default\nsteps:\n  - type: $SMS_CODE\n', 'sms.yaml', {}));
    expect(sms.failure?.message).toBe('type: $SMS_CODE，但手机还没有收到短信');
  });

  it('name the device’s keys and the menu items on screen when a key or an item does not exist', () => {
    expect(thrownMessage(() => toKeyEvent('确定'))).toBe(
      '设备没有 "确定" 键。按键有：0-9, 确认/ENTER, 取消/CANCEL, 清除/CLEAR, 上/UP, 下/DOWN, 菜单/MENU, F1, F2, F3, F4。',
    );
    const sim = createSimulator();
    try {
      sim.press('菜单');
      sim.type('123456');
      sim.press('确认');
      expect(thrownMessage(() => sim.select('打印'))).toMatch(/^没有菜单项与 "打印" 相符；屏幕上有："绑定管理", "支付方式管理", /);
      expect(thrownMessage(() => sim.select('管理'))).toMatch(/^不止一个菜单项与 "管理" 相符；屏幕上有：/);
    } finally {
      sim.stop();
    }
  });

  it('report each walkthrough, the failing step with the screen and states, and the tally', () => {
    const lines = formatResults('pretty', results()).split('\n');
    expect(lines[0]).toMatch(/^✓ 开机 {2}\(1 步，\d+\.\d ms\)$/);
    expect(lines[1]).toMatch(/^✗ 打开设置 {2}\(第 2 步失败，共 2 步，\d+\.\d ms\)$/);
    expect(lines[2]).toBe(
      '  settings.yaml:5:5  expect: { screen: 请输入密码, title: 设置, state: settings.menu, store: { passwordFree.active.enabled: false } }',
    );
    expect(lines[3]).toBe('  期望标题为 "设置"，实际标题是 "请输入密码"');
    expect(lines[6]).toBe('  屏幕：');
    expect(lines[8]).toBe('  | 请输入密码');
    expect(lines).toContain('  状态：device.settings, settings.authenticating, passwordPrompt.entering');
    expect(lines.at(-1)).toBe('1 个通过，1 个失败');
  });

  it('keep TAP, JUnit and JSON structure as is, with the human text in Chinese', () => {
    const tap = formatResults('tap', results()).split('\n');
    expect(tap.slice(0, 4)).toEqual(['TAP version 13', '1..2', 'ok 1 - 开机', 'not ok 2 - 打开设置']);
    expect(tap).toContain(
      '  message: "期望标题为 \\"设置\\"，实际标题是 \\"请输入密码\\"\\n期望处于状态 settings.menu，但不在该状态\\n期望设备数据 passwordFree.active.enabled 为 false，实际是 true"',
    );
    expect(tap.at(-1)).toBe('# 1 个通过，1 个失败');
    const junit = formatResults('junit', results());
    expect(junit).toContain(
      '<failure message="期望标题为 &quot;设置&quot;，实际标题是 &quot;请输入密码&quot;" type="expect">settings.yaml:5:5  expect: {',
    );
    expect(junit).toContain('\n\n屏幕：\n');
    expect(junit).toContain('\n\n状态：device.settings, settings.authenticating, passwordPrompt.entering</failure>');
    const json = JSON.parse(formatResults('json', results())) as {
      failed: number;
      walkthroughs: { failure?: { at: string; message: string } }[];
    };
    expect(json.failed).toBe(1);
    expect(json.walkthroughs[1]?.failure).toMatchObject({ at: 'settings.yaml:5:5', message: expect.stringMatching(/^期望标题为 "设置"/) });
  });

  it('sum up coverage with what was never reached', () => {
    expect(formatCoverage(COVERAGE).split('\n')).toEqual([
      '覆盖率：状态 3/4 (75.0%)，转换 6/8 (75.0%)',
      '从未到达的状态：',
      '  unbind.offline',
      '从未经过的转换：',
      '  unbind.review --NETWORK_DOWN--> unbind.offline',
      '  unbind.offline --ENTER--> unbind.done',
    ]);
  });

  it('pos-sim run prints the report and the coverage in Chinese', async () => {
    const suite = mkdtempSync(join(dir, 'suite-'));
    writeFileSync(join(suite, 'boot.yaml'), PASSING);
    const out: string[] = [];
    const code = await runWalkthroughsCommand(
      { paths: [suite], reporter: 'pretty', bail: false, coverage: true, snapshotDir: undefined },
      (text) => out.push(text),
    );
    expect(code).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines).toContain('1 个通过，0 个失败');
    expect(lines.find((line) => line.startsWith('覆盖率：'))).toMatch(/^覆盖率：状态 \d+\/\d+ \(\d+\.\d%\)，转换 \d+\/\d+ \(\d+\.\d%\)$/);
    expect(lines).toContain('从未到达的状态：');
  });
});

describe('walkthrough messages with --lang en', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('are the English ones', () => {
    expect(thrownMessage(() => parseWalkthrough(BAD_STEPS, 'bad.yaml', {})).split('\n')[1]).toBe(
      'bad.yaml:5:5: unknown step "jump"; steps are press, type, select, expect, wait, network, power, paper, snapshot, phone, run',
    );
    expect(thrownMessage(() => parseWalkthrough('name: t\nsteps:\n\t- press: 菜单\n', 'tab.yaml', {}))).toBe(
      'tab.yaml:3:1: not valid YAML: indent with spaces, not tabs',
    );
    expect(thrownMessage(() => parseWalkthrough('name: empty\nsteps: []\n', 'empty.yaml', {}))).toContain(
      'empty.yaml:2:8: steps: a list of one step or more (press, type,',
    );
    const lines = formatResults('pretty', results()).split('\n');
    expect(lines[1]).toMatch(/^✗ 打开设置 {2}\(step 2 of 2 failed, \d+\.\d ms\)$/);
    expect(lines[3]).toBe('  expected the title "设置", the title is "请输入密码"');
    expect(lines[6]).toBe('  screen:');
    expect(lines).toContain('  state: device.settings, settings.authenticating, passwordPrompt.entering');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
    expect(formatCoverage(COVERAGE).split('\n')[0]).toBe('Coverage: states 3/4 (75.0%), transitions 6/8 (75.0%)');
  });
});
