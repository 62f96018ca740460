// The main menu (主菜单) on the device key F1: the working day as the profile lays it out (消费 撤销
// 退货 重打印 管理 on the default profile, 签到 签退 交易查询 结算 under 管理), moving and picking,
// 请先签到 before a transaction, and every flow going home when it ends.
import { describe, expect, it } from 'vitest';
import { loadProfile, parseProfile } from '../../src/index.js';
import { completeSale, display, goHome, isHome, mainMenu, rows, signIn, simulators, states, waitForHost } from '../support/working-day.js';

const start = simulators();

describe('主菜单', () => {
  it('F1 at home opens it; 管理 opens its sub-menu; 取消 goes back up with the cursor on 管理, then home', () => {
    const sim = start();
    expect(display(sim)).toContain('按[F1]键进入主菜单');
    sim.press('F1');
    expect(sim.title()).toBe('主菜单');
    expect(rows(sim).slice(2, 7)).toEqual(['> 1.消费', '  2.撤销', '  3.退货', '  4.重打印', '  5.管理']);

    sim.press('5');
    expect(sim.title()).toBe('管理');
    expect(rows(sim).slice(2, 6)).toEqual(['> 1.签到', '  2.签退', '  3.交易查询', '  4.结算']);
    sim.press('取消');
    expect(sim.title()).toBe('主菜单');
    expect(rows(sim)).toContain('> 5.管理');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it('上/下 move and wrap; a digit picks its item; a digit with no item does nothing', () => {
    const sim = start();
    sim.press('F1');
    sim.press('上');
    expect(rows(sim)).toContain('> 5.管理');
    sim.press('下');
    expect(rows(sim)).toContain('> 1.消费');
    sim.press('下', '下');
    expect(rows(sim)).toContain('> 3.退货');
    sim.press('9');
    sim.press('0');
    expect(sim.title()).toBe('主菜单');
    expect(rows(sim)).toContain('> 3.退货');
    sim.press('4');
    expect(sim.title()).toBe('重打印');
  });

  it('消费 from the main menu is the same sale as 确认 on the home screen, and ends at home', () => {
    const sim = start();
    mainMenu(sim, '消费');
    expect(sim.title()).toBe('收款');
    expect(display(sim)).toContain('请输入金额');
    sim.type('1234');
    sim.press('确认', '1');
    waitForHost(sim);
    expect(sim.title()).toBe('交易成功');
    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(sim.store.snapshot().journal).toHaveLength(1);
  });

  it.each([
    ['消费', ['消费']],
    ['撤销', ['撤销']],
    ['退货', ['退货']],
    ['结算', ['管理', '结算']],
  ])('%s needs an operator signed in: 请先签到; 取消 goes back to the menu', (_, path) => {
    const sim = start({ signedIn: false });
    sim.press('取消');
    mainMenu(sim, ...path);
    expect(sim.title()).toBe('请先签到');
    expect(display(sim)).toContain('交易前需要操作员签到');
    expect(display(sim)).toContain('按[确认]键签到');
    sim.press('取消');
    expect(states(sim)).toContain('mainMenu.menu');
    expect(sim.title()).toBe(path.length > 1 ? '管理' : '主菜单');
  });

  it('请先签到 → 确认 signs in, then the device goes home signed in', () => {
    const sim = start({ signedIn: false });
    sim.press('取消');
    mainMenu(sim, '撤销');
    sim.press('确认');
    expect(sim.title()).toBe('签到');
    signIn(sim);
    expect(sim.title()).toBe('签到成功');
    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(display(sim)).toContain('操作员 01 收银员 批次号 000001');
  });

  it.each([
    ['交易查询', ['管理', '交易查询'], '交易查询 批次000001'],
    ['重打印', ['重打印'], '重打印'],
    ['签退', ['管理', '签退'], '签退'],
    ['签到', ['管理', '签到'], '签到'],
  ])('%s needs no sign-in', (_, path, title) => {
    const sim = start({ signedIn: false });
    sim.press('取消');
    mainMenu(sim, ...path);
    expect(sim.title()).toBe(title);
    goHome(sim);
  });

  it('a transaction started from the main menu goes home when it ends, not back to the menu', () => {
    const sim = start();
    completeSale(sim, '100', 'tap');
    mainMenu(sim, '管理', '交易查询');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    expect(display(sim)).toContain('Press [F1] for the main menu');
    sim.press('F1');
    expect(sim.title()).toBe('Main menu');
    expect(rows(sim)).toContain('> 1.Sale');
    sim.select('Management');
    expect(rows(sim)).toContain('  4.Settlement');
  });
});

describe('the profile lays the main menu out', () => {
  it('pax-a920: one flat list of eight', () => {
    const sim = start({ fixture: 'pax-a920' });
    sim.press('F1');
    expect(
      rows(sim)
        .slice(2, 10)
        .map((row) => row.slice(2)),
    ).toEqual(['1.消费', '2.撤销', '3.退货', '4.交易查询', '5.结算', '6.重打印', '7.签到', '8.签退']);
    sim.select('结算');
    expect(sim.title()).toBe('结算');
  });

  it('landi-a8: 重打印 under 打印, 签退 last under 管理', () => {
    const sim = start({ fixture: 'landi-a8' });
    mainMenu(sim, '打印');
    expect(rows(sim)).toContain('> 1.重打印');
    sim.press('取消');
    sim.select('管理');
    expect(rows(sim)).toContain('  4.签退');
  });

  it.each(['default', 'landi-a8', 'newland-n910', 'pax-a920'])(
    '%s: select finds every item of the main menu, opening the sub-menus that lead there',
    (fixture) => {
      for (const [item, title] of [
        ['结算', '结算'],
        ['重打印', '重打印'],
        ['交易查询', '交易查询 批次000001'],
        ['签退', '签退'],
        ['撤销', '请输入主管密码'],
      ]) {
        const sim = start({ fixture });
        sim.press('F1');
        sim.select(item as string);
        expect(sim.title(), `${fixture}: ${item}`).toBe(title);
      }
    },
  );

  it('a profile that lays none out gets the classic one', () => {
    const profile = structuredClone(loadProfile('default')) as unknown as Record<string, unknown>;
    delete profile.mainMenu;
    const parsed = parseProfile(JSON.stringify(profile), 'no-main-menu.json');
    expect(parsed.mainMenu.map((node) => node.label.zh)).toEqual(['消费', '撤销', '退货', '重打印', '管理']);
  });
});
