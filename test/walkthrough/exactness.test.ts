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
    expect(message).toBe('期望设备数据 bindings[*].verification 为 [null,null,"sms","password","sms"]，实际是 [null,null,"password","password","sms"]');
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

describe('wait', () => {
  it('refuses a duration longer than the device clock takes, at its line:col', () => {
    for (const duration of ['1e300ms', '100000000000000000000000000000000000ms', '99999999999m']) {
      expect(thrownMessage(() => parseWalkthrough(`name: t\nsteps:\n  - wait: ${duration}\n`, 't.yaml', {}))).toMatch(/^t\.yaml:3:11: /);
    }
  });
});
