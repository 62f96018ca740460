// Demo captions: made from the step when the script has none, the script's own `caption:` when it
// has one, and never a password (typed digits, or digits pressed while the device asks for a secret).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyEvent } from '../../menus/device-events.js';
import { keyCap, MASK, NO_CONTEXT, shownKey, stepCaption, type StepContext } from '../../src/demo/captions.js';
import { planDemo } from '../../src/demo/demo-plan.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { parseDeviceKey } from '../../src/keys/device-keys.js';
import { parseWalkthrough, WalkthroughError } from '../../src/walkthrough/parse-walkthrough.js';
import type { Step } from '../../src/walkthrough/walkthrough.js';

const script = (steps: string, lang = 'zh') =>
  parseWalkthrough(`name: t\nfixture: default\nlang: ${lang}\nsteps:\n${steps}`, 'test.yaml', {});
const stepOf = (yaml: string, lang = 'zh'): Step => script(`  - ${yaml}`, lang).steps[0] as Step;
const keys = (...names: string[]): KeyEvent[] => names.map((name) => parseDeviceKey(name) as KeyEvent);
const secret: StepContext = { ...NO_CONTEXT, secretEntry: true };

describe('generated captions', () => {
  it('say which key is pressed, by its cap', () => {
    expect(stepCaption(stepOf('press: 菜单'), keys('菜单'), NO_CONTEXT, 'zh')).toBe('按[菜单]键');
    expect(stepCaption(stepOf('press: 确认'), keys('确认'), NO_CONTEXT, 'en')).toBe('Press [OK]');
    expect(stepCaption(stepOf('press: [下, 下]'), keys('下', '下'), NO_CONTEXT, 'zh')).toBe('按[下]键 2 次');
    expect(stepCaption(stepOf('press: [下, 确认]'), keys('下', '确认'), NO_CONTEXT, 'zh')).toBe('依次按 [下] [确认]');
    expect(stepCaption(stepOf('press: 3'), keys('3'), NO_CONTEXT, 'zh')).toBe('按[3]键');
  });

  it("use the model's own key names from the profile", () => {
    const labels = { MENU: { zh: '功能', en: 'FN' } };
    expect(stepCaption(stepOf('press: 菜单'), keys('菜单'), NO_CONTEXT, 'zh', labels)).toBe('按[功能]键');
    expect(keyCap({ type: 'MENU' }, 'en', labels)).toBe('FN');
    expect(keyCap({ type: 'CANCEL' }, 'en')).toBe('Cancel');
    expect(keyCap({ type: 'CANCEL' }, 'zh')).toBe('取消');
  });

  it('show typed digits only as the device shows them: otherwise stars, whatever the screen', () => {
    const typed = stepOf('type: "123456"');
    for (const context of [secret, NO_CONTEXT]) {
      for (const lang of ['zh', 'en'] as const) {
        const caption = stepCaption(typed, keys(...'123456'), context, lang);
        expect(caption).toContain(MASK);
        expect(caption).not.toMatch(/\d/);
      }
    }
    expect(stepCaption(typed, keys(...'123456'), secret, 'zh')).toBe('输入密码 ********');
    expect(stepCaption(typed, keys(...'123456'), secret, 'en')).toBe('Enter the password ********');
    expect(stepCaption(stepOf('type: "1000"'), keys(...'1000'), { ...NO_CONTEXT, typedInClear: '1000' }, 'zh')).toBe('输入 1000');
    expect(stepCaption(stepOf('type: "1000"'), keys(...'1000'), { ...NO_CONTEXT, typedInClear: '1000' }, 'en')).toBe('Type 1000');
  });

  it('mask digits pressed while the device asks for a secret', () => {
    const pressed = stepOf('press: [1, 2, 3, 4, 5, 6]');
    expect(stepCaption(pressed, keys(...'123456'), secret, 'zh')).toBe('输入密码 ********');
    expect(shownKey(parseDeviceKey('7') as KeyEvent, true, 'zh')).toBe('[*]');
    expect(shownKey(parseDeviceKey('7') as KeyEvent, false, 'zh')).toBe('[7]');
    expect(shownKey(parseDeviceKey('确认') as KeyEvent, true, 'zh')).toBe('[确认]');
  });

  it('name the item selected as the device shows it, else as the script wrote it', () => {
    expect(stepCaption(stepOf('select: 绑定'), keys('下', '确认'), { ...NO_CONTEXT, selectedLabel: '绑定管理' }, 'zh')).toBe(
      '选择「绑定管理」',
    );
    expect(stepCaption(stepOf('select: 绑定管理'), keys('确认'), { ...NO_CONTEXT, selectedLabel: 'Bindings' }, 'en')).toBe(
      'Select "Bindings"',
    );
    expect(stepCaption(stepOf('select: 绑定管理'), keys('确认'), NO_CONTEXT, 'zh')).toBe('选择「绑定管理」');
  });

  it('say what a wait is for', () => {
    expect(stepCaption(stepOf('wait: 3s'), [], { ...NO_CONTEXT, restarting: true }, 'zh')).toBe('等待设备重启...');
    expect(stepCaption(stepOf('wait: 3s'), [], { ...NO_CONTEXT, restarting: true }, 'en')).toBe('Wait for the restart...');
    expect(stepCaption(stepOf('wait: 5m'), [], { ...NO_CONTEXT, lockedOut: true }, 'zh')).toBe('等待锁定结束(5 分钟)... (快进)');
    expect(stepCaption(stepOf('wait: 1.5s'), [], NO_CONTEXT, 'zh')).toBe('等待 1.5 秒...');
    expect(stepCaption(stepOf('wait: 500ms'), [], NO_CONTEXT, 'en')).toBe('Wait 0.5 s...');
  });

  it('say what happens to the power and the network', () => {
    expect(stepCaption(stepOf('power: cycle'), [], NO_CONTEXT, 'zh')).toBe('按电源键重启设备...');
    expect(stepCaption(stepOf('power: cut'), [], NO_CONTEXT, 'zh')).toMatch(/^断电/);
    expect(stepCaption(stepOf('network: down'), [], NO_CONTEXT, 'zh')).toBe('断网...');
    expect(stepCaption(stepOf('network: up'), [], NO_CONTEXT, 'en')).toBe('The network comes back...');
  });
});

describe('caption: in scripts', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('a text is in the walkthrough language; a map gives one per language', () => {
    const zh = stepOf('press: 菜单\n    caption: 打开设置菜单');
    expect(zh.caption).toEqual({ zh: '打开设置菜单' });
    expect(stepCaption(zh, keys('菜单'), NO_CONTEXT, 'zh')).toBe('打开设置菜单');
    // Played in English with only a Chinese caption: the generated English one.
    expect(stepCaption(zh, keys('菜单'), NO_CONTEXT, 'en')).toBe('Press [MENU]');
    const both = stepOf('{ press: 菜单, caption: { zh: 打开设置, en: Open the settings } }');
    expect(stepCaption(both, keys('菜单'), NO_CONTEXT, 'en')).toBe('Open the settings');
    expect(stepCaption(both, keys('菜单'), NO_CONTEXT, 'zh')).toBe('打开设置');
    expect(stepOf('press: MENU\n    caption: Open the settings', 'en').caption).toEqual({ en: 'Open the settings' });
  });

  it('leave the step as written (for reports) without the caption', () => {
    expect(stepOf('press: 菜单\n    caption: 打开设置菜单').source).toBe('press: 菜单');
    expect(stepOf('caption: 先输入密码\n    type: "123456"').source).toBe('type: "123456"');
    expect(stepOf('press: 菜单').source).toBe('press: 菜单');
  });

  it('are checked with file:line and what is allowed', () => {
    expect(() => script('  - press: 菜单\n    caption: { fr: Ouvrir }')).toThrow(
      new WalkthroughError('test.yaml:6:16: caption has no "fr"; use zh, en'),
    );
    expect(() => script('  - press: 菜单\n    caption: [a, b]')).toThrow(
      /test\.yaml:6:14: caption takes text, or one per language: \{ zh: …, en: … \}/,
    );
    expect(() => script('  - caption: 只有说明')).toThrow(/test\.yaml:5:5: each step is one of press: …/);
    expect(() => script('  - press: 菜单\n    type: "1"\n    caption: x')).toThrow(/each step is one of/);
  });
});

describe('the shipped P1 demo', () => {
  it('shows every typed password as stars, in captions and on the key line', () => {
    const plan = planDemo(parseWalkthrough(P1, 'p1.yaml', {}), { startTime: Date.parse('2026-06-01T09:00:00+08:00') });
    const typed = plan.steps.filter((step) => step.step.kind === 'type');
    expect(typed.length).toBeGreaterThanOrEqual(2);
    for (const step of typed) {
      expect(step.caption).toBe('输入密码 ********');
      expect(step.actions.map((action) => (action.kind === 'key' ? action.shown : action.kind))).toEqual(Array(6).fill('[*]'));
    }
    const everything = JSON.stringify(
      plan.steps.map((step) => [step.caption, step.actions.map((action) => (action.kind === 'key' ? action.shown : ''))]),
    );
    expect(everything).not.toMatch(/\[\d\]|123456/);
  });
});

describe('a demo of a sale', () => {
  /** The typing steps of a demo of a chip sale: each caption, and the keys as the key line shows them. */
  const typed = (amount: string, given: Record<string, string> = {}) => {
    const steps = ['  - press: 确认', `  - type: "${amount}"`, '  - press: [确认, 2]', '  - type: "147258"', '  - press: 确认'];
    const walkthrough = parseWalkthrough(['name: sale', 'fixture: default', 'steps:', ...steps, ''].join('\n'), 'sale.yaml', {}, { given });
    return planDemo(walkthrough, { startTime: Date.parse('2026-06-01T09:00:00+08:00') })
      .steps.filter((step) => step.step.kind === 'type')
      .map((step) => [step.caption, step.actions.map((action) => (action.kind === 'key' ? action.shown : action.kind)).join('')]);
  };

  it('shows the amount as typed, since the device shows it (10.00), and the card PIN as stars', () => {
    expect(typed('1000')).toEqual([
      ['输入 1000', '[1][0][0][0]'],
      ['输入密码 ********', '[*][*][*][*][*][*]'],
    ]);
  });

  it('shows no value from outside the files (--env), even where the device shows it', () => {
    expect(typed('${AMOUNT}', { AMOUNT: '1000' })[0]).toEqual(['输入 ********', '[*][*][*][*]']);
  });
});

describe('a demo of rows and each:', () => {
  it('shows each row’s steps with their captions, checks its expectation silently, and plays a run: once per row', () => {
    const plan = planDemo(
      script(
        [
          '  - [[菜单, { type: "111111" }, 确认], "密码错误,还可尝试2次"]',
          '  - run: { steps: [{ type: "${WRONG}" }, { press: 确认 }], each: [{ WRONG: "222222" }, { WRONG: "333333" }] }',
          '  - [取消, { state: home }]',
        ].join('\n'),
      ),
      { startTime: Date.parse('2026-06-01T09:00:00+08:00') },
    );
    expect(plan.steps.map((step) => step.caption)).toEqual([
      '按[菜单]键',
      '输入密码 ********',
      '按[确认]键',
      '输入密码 ********',
      '按[确认]键',
      '输入密码 ********',
      '按[确认]键',
      '按[取消]键',
    ]);
    expect(plan.steps[2]?.checks.map((check) => check.source)).toEqual(['[[菜单, { type: "111111" }, 确认], "密码错误,还可尝试2次"]']);
    expect(plan.steps[7]?.checks).toHaveLength(1);
  });
});

const P1 = `name: P1
fixture: default
steps:
  - press: 菜单
  - type: "123456"
  - press: 确认
  - select: 绑定管理
  - select: 云闪付
  - press: 确认
  - press: 确认
  - type: "123456"
  - press: 确认
`;
