// The classic LCD words prompts short, but keeps the sentences the procedures quote as what the
// device shows: an acceptance walkthrough written from the guide expects them on every terminal.
// Its pages hold them (a walkthrough reads every page of a paged text).
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';

let sim: Simulator | undefined;
afterEach(() => sim?.stop());

const classic = (): Simulator => (sim = createSimulator({ fixture: 'classic-s80' }));
/** Every page of the screen, wrapped lines joined, as a walkthrough's expectation reads it. */
const shows = (device: Simulator): string => device.session.matchText();

const openSettings = (device: Simulator): void => {
  device.press('菜单');
  device.type('123456');
  device.press('确认');
};

describe('the guide’s own sentences on a classic LCD', () => {
  it('P1: the 注销 confirmation reminds to back up first, and offers it with [1]', () => {
    const device = classic();
    openSettings(device);
    device.select('绑定管理');
    device.select('云闪付');
    device.press('确认');
    expect(shows(device)).toContain('注销前请确认已备份POS机上的数据');
    expect(shows(device)).toContain('按[1]先备份数据');
  });

  it('P2: after 保存设置 it advises the restart in the guide’s words', () => {
    const device = classic();
    openSettings(device);
    device.select('免密支付');
    device.select('开启免密支付');
    device.select('保存设置');
    device.type('123456');
    device.press('确认');
    expect(shows(device)).toContain('保存设置并重启POS机，以确保新的设置生效');
    expect(device.session.activeStates()).toContain('passwordFree.saved');
  });

  it('P5: the third wrong PIN ends with UnionPay’s response text [75]密码错误次数超限', () => {
    const device = classic();
    device.press('确认');
    device.type('200000');
    device.press('确认', '2');
    for (let attempt = 0; attempt < 3; attempt++) {
      device.type('111111');
      device.press('确认');
      device.advance(3000);
    }
    expect(shows(device)).toContain('[75]密码错误次数超限');
  });
});
