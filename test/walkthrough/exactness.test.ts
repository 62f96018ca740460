// Walkthroughs that are right pass and walkthroughs that are wrong fail, whatever the punctuation,
// missing fields or YAML spelling: each case here failed before its fix.
import { describe, expect, it } from 'vitest';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';
import { thrownMessage } from '../support/thrown.js';

const run = (steps: string) => runWalkthrough(parseWalkthrough(`name: t\nsteps:\n${steps}`, 't.yaml', {}));

describe('store paths with [*]', () => {
  it('read a field missing inside a list as null, as a field missing anywhere else', () => {
    const result = run('  - expect: { store: { "bindings[*].verification": [null, null, password, password, sms] } }\n');
    expect(result.failure?.message).toBeUndefined();
    expect(run('  - expect: { store: { "bindings[*].verification": { includes: null } } }\n').failure?.message).toBeUndefined();
  });

  it('never show identical expected and actual values in a failure', () => {
    const message = run('  - expect: { store: { "bindings[*].verification": [null, null, sms, password, sms] } }\n').failure?.message ?? '';
    expect(message).toBe(
      '期望设备数据 bindings[*].verification 为 [null,null,"sms","password","sms"]，实际是 [null,null,"password","password","sms"]',
    );
  });
});

describe('a /regex/ expectation', () => {
  it('matches full-width punctuation as the screen shows it, like a text expectation', () => {
    const steps = '  - press: 菜单\n  - type: "123456"\n  - press: 确认\n  - select: 绑定管理\n  - select: 云闪付\n  - press: 确认\n';
    expect(run(`${steps}  - expect: 确认关闭 云闪付服务？\n`).failure?.message).toBeUndefined();
    expect(run(`${steps}  - expect: /确认关闭 云闪付服务？/\n`).failure?.message).toBeUndefined();
    expect(run(`${steps}  - expect: /确认关闭 (云闪付|微信支付)服务？/\n`).failure?.message).toBeUndefined();
    // ASCII punctuation keeps its regex meaning; full-width punctuation is always literal.
    expect(run(`${steps}  - expect: /关闭后本机将不能再受理云闪付付款；已完成/\n`).failure?.message).toBeUndefined();
    expect(run(`${steps}  - expect: /（云闪付）/\n`).failure?.message).toBe('期望屏幕显示 /（云闪付）/，但屏幕上没有');
  });
});

describe('the failed step count', () => {
  it('says how many of the steps ran', () => {
    const result = run('  - press: 菜单\n  - expect: 不存在的文字\n  - press: 取消\n  - press: 取消\n');
    expect(result.status).toBe('failed');
    expect(result.stepsRun).toBe(2);
    expect(result.steps).toBe(4);
  });
});

describe('the step a report shows', () => {
  it('is the step as written, without the comment after it', () => {
    const steps = [
      '  - expect: 不存在    # a note',
      '  - expect:',
      '      screen: 不存在   # another',
      '  - expect: { title: 不存在 }  # a third',
    ];
    expect(run(`${steps[0]}\n`).failure?.step).toBe('expect: 不存在');
    expect(run(`${steps[1]}\n${steps[2]}\n`).failure?.step).toBe('expect:\n      screen: 不存在');
    expect(run(`${steps[3]}\n`).failure?.step).toBe('expect: { title: 不存在 }');
  });
});

describe('wait', () => {
  it('refuses a duration longer than the device clock takes, at its line:col', () => {
    for (const duration of ['1e300ms', '100000000000000000000000000000000000ms', '99999999999m']) {
      expect(thrownMessage(() => parseWalkthrough(`name: t\nsteps:\n  - wait: ${duration}\n`, 't.yaml', {}))).toMatch(/^t\.yaml:3:11: /);
    }
  });
});

describe('a YAML problem', () => {
  const problem = (text: string) => thrownMessage(() => parseWalkthrough(text, 't.yaml', {}));

  it('points where it starts: the opening of a quote or bracket left open', () => {
    expect(problem('name: t\nsteps:\n  - expect: "abc\n  - press: 1\n')).toMatch(/^t\.yaml:3:13: 不是有效的 YAML：/);
    expect(problem('name: t\nsteps: [\n')).toMatch(/^t\.yaml:2:8: 不是有效的 YAML：/);
    expect(
      problem('name: t\nsteps:\n  - expect: { screen: [a, b }\n')
        .split('\n')
        .map((line) => line.slice(0, 12)),
    ).toEqual(['t.yaml:3:23:', 't.yaml:3:13:']);
    expect(problem('name: t\nname: u\nsteps:\n  - press: 1\n')).toMatch(/^t\.yaml:2:1: /);
  });

  it('says a file nested thousands deep is nested too deeply, at its line, in flow and in block lists', () => {
    const depth = 50_000;
    const flow = problem(`name: t\nsteps:\n  - expect: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`);
    expect(flow).toMatch(/^t\.yaml:3:\d+: 嵌套太深/);
    const block = problem(`name: t\nsteps:\n  - expect:\n      ${'- '.repeat(depth)}x\n`);
    expect(block).toMatch(/^t\.yaml:4:\d+: 嵌套太深/);
    expect(`${flow}\n${block}`).not.toMatch(/Maximum call stack|加引号/);
    // At depths the parsers take, refused all the same (what reads the value later would recurse as deep).
    for (const shallower of [65, 5_000]) {
      expect(problem(`name: t\nsteps:\n  - expect: ${'['.repeat(shallower)}x${']'.repeat(shallower)}\n`)).toMatch(
        /^t\.yaml:3:\d+: 嵌套太深/,
      );
    }
    expect(problem(`name: t\nsteps:\n  - expect: ${'['.repeat(60)}x${']'.repeat(60)}\n`)).not.toMatch(/嵌套太深/);
  });
});

describe('YAML anchors and aliases', () => {
  it('are resolved: an aliased value or step runs as its anchor, placed where the alias is', () => {
    const text =
      'name: t\nsteps:\n  - &open { press: 菜单 }\n  - expect: &prompt 请输入密码\n  - press: 取消\n  - *open\n  - expect: *prompt\n  - expect: { title: *prompt, state: passwordPrompt.entering }\n';
    const walkthrough = parseWalkthrough(text, 't.yaml', {});
    expect(walkthrough.steps.map((step) => step.kind)).toEqual(['press', 'expect', 'press', 'press', 'expect', 'expect']);
    expect(walkthrough.steps[3]).toMatchObject({ kind: 'press', keys: ['菜单'], at: { line: 6, column: 5 }, source: '{ press: 菜单 }' });
    expect(runWalkthrough(walkthrough).failure?.message).toBeUndefined();
  });

  it('are refused at the alias when no anchor comes before it, and when they expand without end', () => {
    expect(thrownMessage(() => parseWalkthrough('name: t\nsteps:\n  - press: *key\n', 't.yaml', {}))).toBe(
      't.yaml:3:12: 别名 *key 前面没有同名的锚点 &key',
    );
    const bomb = [
      'name: t',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[index]}`).join(', ')}]`),
      'steps:\n  - press: 1\n',
    ].join('\n');
    expect(thrownMessage(() => parseWalkthrough(bomb, 't.yaml', {}))).toMatch(/^t\.yaml:3:\d+: 别名展开得太多/);
  });
});
