// pos-sim/vitest: expect(sim).toShow / toHaveTitle / toBeIn / toHaveStored read the device as
// walkthrough expectations do, and a failure shows the screen and the states.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../src/device/simulator.js';
import { setToolLang } from '../src/i18n/tool-lang.js';
import '../src/vitest.js';
import { thrownMessage } from './support/thrown.js';

let sim: Simulator;
beforeEach(() => {
  setToolLang('en');
  sim = createSimulator({ fixture: 'default' });
  sim.press('菜单');
});
afterEach(() => {
  sim.stop();
  setToolLang('zh');
});

describe('pos-sim/vitest matchers', () => {
  it('pass on what the device shows, is in and holds', () => {
    expect(sim).toShow('请输入密码', /操作员 \d{2}/);
    expect(sim).not.toShow('设置成功');
    expect(sim).toHaveTitle('请输入密码');
    expect(sim).toBeIn('passwordPrompt.entering');
    expect(sim).not.toBeIn('home');
    expect(sim).toHaveStored('bindings.length', 5);
    expect(sim).toHaveStored('bindings[*].verification', [null, null, 'password', 'password', 'sms']);
    expect(sim).toHaveStored('bindings[*].id', expect.arrayContaining(['unionpay-qr']));
    expect(sim).toHaveStored('passwordFree.pending', null);
  });

  it('match full-width punctuation in texts and regexes alike', () => {
    sim.type('123456');
    sim.press('确认');
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认');
    expect(sim).toShow('确认关闭 云闪付服务?', /确认关闭 云闪付服务？/);
  });

  it('fail saying what was expected, with the screen and the states', () => {
    const message = thrownMessage(() => expect(sim).toShow('设置成功'));
    expect(message.split('\n').slice(0, 3)).toEqual([
      'expected the screen to show "设置成功"',
      'screen:',
      '  | 在线  10086021                 09:00',
    ]);
    expect(message).toContain('  | 请输入密码');
    expect(message).toMatch(/\nstate: device\.settings, settings\.authenticating, passwordPrompt\.entering$/);
    expect(thrownMessage(() => expect(sim).toHaveTitle('设置'))).toMatch(/^expected the title "设置", the title is "请输入密码"\nscreen:/);
    expect(thrownMessage(() => expect(sim).toBeIn('home'))).toMatch(/^expected state home\nscreen:/);
    expect(thrownMessage(() => expect(sim).toHaveStored('bindings.length', 4))).toMatch(
      /^expected store bindings\.length 4, it is 5\nscreen:/,
    );
    expect(thrownMessage(() => expect(sim).not.toShow('请输入密码'))).toMatch(/^expected the screen not to show "请输入密码"\nscreen:/);
  });
});
