// On a classic LCD 上/下 turn the pages of a text longer than the display, and go to the screen
// itself at the first or last page (or on a list, whose cursor they move). A new screen opens at
// its own page. A smart display never pages.
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';

let sim: Simulator | undefined;
afterEach(() => sim?.stop());

const classic = (): Simulator => (sim = createSimulator({ fixture: 'classic-s80' }));
/** The title line of the LCD (under the icon strip). */
const titleLine = (device: Simulator): string => device.screen().split('\n')[1]?.trim().replace(/\s+/g, ' ') ?? '';

describe('paging on a classic LCD', () => {
  it('上/下 turn the pages of a long text and leave the device where it is', () => {
    const device = classic();
    device.press('菜单');
    device.type('123456');
    device.press('确认');
    device.select('绑定管理');
    device.select('云闪付');
    expect(titleLine(device)).toBe('云闪付 1/3');
    device.press('下');
    expect(titleLine(device)).toBe('云闪付 2/3');
    expect(device.screen()).toContain('按[确认]关闭服务');
    device.press('下');
    expect(titleLine(device)).toBe('云闪付 3/3');
    expect(device.screen()).toContain('也可致电客服');
    device.press('下');
    expect(titleLine(device)).toBe('云闪付 3/3');
    device.press('上', '上');
    expect(titleLine(device)).toBe('云闪付 1/3');
    expect(device.session.activeStates()).toContain('bindingManagement.detail');
    // The next screen opens at its first page.
    device.press('下', '确认');
    expect(titleLine(device)).toBe('关闭服务 1/3');
  });

  it('past the last page 下 goes to the screen: 结算 then shows its totals by payment method', () => {
    const device = classic();
    device.press('F1');
    device.select('结算');
    expect(titleLine(device)).toBe('结算 1/3');
    device.press('下', '下');
    expect(titleLine(device)).toBe('结算 3/3');
    device.press('下');
    expect(titleLine(device)).toBe('结算 1/2');
    expect(device.screen()).toContain('本批次暂无交易');
  });

  it('a screen that asks for input opens at its input line; typing brings it back there', () => {
    const device = classic();
    device.press('菜单');
    device.type('111111');
    device.press('确认');
    expect(device.screen().split('\n').slice(1)).toEqual(['  请输入密码 2/2', '_', '密码错误 余2次', '上下键换操作员']);
    device.press('上');
    expect(titleLine(device)).toBe('请输入密码 1/2');
    device.type('1');
    expect(device.screen().split('\n').slice(1, 3)).toEqual(['  请输入密码 2/2', '*_']);
  });

  it('on a list 上/下 move the cursor, never a page', () => {
    const device = classic();
    device.press('F1', '下', '下');
    expect(device.screen()).toContain('>3.退货 4.预授权');
    expect(device.session.turnedPage()).toBeUndefined();
  });

  it('a smart display gives every 上/下 to the device', () => {
    const device = (sim = createSimulator({ fixture: 'default' }));
    device.press('F1', '下');
    expect(device.screen()).toContain('> 2.撤销');
    expect(device.session.turnedPage()).toBeUndefined();
  });
});
