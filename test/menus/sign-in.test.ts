// 签到 and 签退: after power-on an operator signs in (操作员号, password) before the first
// transaction and the host answers 签到成功 with the batch number; 签退 ends it. Played key by key:
// what the device shows, what the flash keeps, what is recorded; wrong numbers and passwords,
// offline, a terminal without a merchant, 取消 at every step, and a restart forgetting the sign-in.
import { describe, expect, it } from 'vitest';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import { BOOT_MS, type Simulator } from '../../src/index.js';
import {
  CASHIER_PASSWORD,
  display,
  goHome,
  isHome,
  lastRecord,
  mainMenu,
  records,
  rows,
  signIn,
  simulators,
  SUPERVISOR_PASSWORD,
  unbindAccount,
  waitForHost,
} from '../support/working-day.js';

const start = simulators();
/** A device just powered on: nobody signed in. */
const poweredOn = (fixture = 'default') => start({ fixture, signedIn: false });
const signedIn = (sim: Simulator) => sim.store.snapshot().day.signedIn;

describe('签到 after power-on', () => {
  it('the device asks for the operator before anything else, and names who may sign in', () => {
    const sim = poweredOn();
    expect(sim.title()).toBe('签到');
    expect(display(sim)).toContain('请输入操作员号');
    expect(rows(sim)).toContain('  __');
    expect(display(sim)).toContain('可签到：01 收银员');
    expect(signedIn(sim)).toBeUndefined();
  });

  it('01 and the password: 签到中, then the host answers 签到成功 with the batch number; the home screen says who is signed in', () => {
    const sim = poweredOn();
    sim.type('0');
    expect(rows(sim)).toContain('  0_');
    sim.type('1');
    expect(rows(sim)).toContain('  01');
    // A third digit does not fit.
    sim.type('5');
    expect(rows(sim)).toContain('  01');
    sim.press('确认');
    expect(sim.title()).toBe('请输入操作员密码');
    expect(display(sim)).toContain('操作员 01 收银员');
    sim.type(CASHIER_PASSWORD);
    expect(sim.screen()).toContain('****_');
    expect(sim.screen()).not.toContain(CASHIER_PASSWORD);

    sim.press('确认');
    expect(sim.title()).toBe('签到');
    expect(display(sim)).toContain('签到中，请稍候...');
    sim.advance(HOST_REPLY_MS - 1);
    expect(display(sim)).toContain('签到中，请稍候...');
    expect(signedIn(sim)).toBeUndefined();
    sim.advance(1);

    expect(sim.title()).toBe('签到成功');
    expect(display(sim)).toContain('[00]签到成功');
    expect(display(sim)).toContain('操作员 01 收银员');
    expect(display(sim)).toContain('批次号 000001');
    const at = new Date(sim.store.now()).toISOString();
    expect(signedIn(sim)).toEqual({ operator: '01', at });
    expect(records(sim)).toEqual([{ at, operator: '01', action: 'signIn', subject: '批次号000001' }]);

    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(display(sim)).toContain('操作员 01 收银员 批次号 000001');
    expect(display(sim)).toContain('按[确认]键收款');
    expect(display(sim)).not.toContain('未签到');
  });

  it('取消 on 签到成功 goes home signed in too', () => {
    const sim = poweredOn();
    signIn(sim);
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
    expect(signedIn(sim)?.operator).toBe('01');
  });

  it('确认 with one digit does nothing; 清除 deletes the last digit', () => {
    const sim = poweredOn();
    sim.type('0');
    sim.press('确认');
    expect(display(sim)).toContain('请输入操作员号');
    sim.press('清除');
    expect(rows(sim)).toContain('  __');
    sim.press('清除');
    expect(rows(sim)).toContain('  __');
  });

  it('an operator the device does not have: 操作员不存在, and the number is cleared for another', () => {
    const sim = poweredOn();
    sim.type('05');
    sim.press('确认');
    expect(sim.title()).toBe('签到');
    expect(display(sim)).toContain('操作员不存在');
    expect(rows(sim)).toContain('  __');
    // The message goes with the next digit.
    sim.type('0');
    expect(display(sim)).not.toContain('操作员不存在');
  });

  it.each([
    ['00', '主管'],
    ['99', '系统管理员'],
  ])('%s %s may not sign in to transact', (id) => {
    const sim = poweredOn();
    sim.type(id);
    sim.press('确认');
    expect(display(sim)).toContain('主管和系统管理员不能签到交易');
    expect(sim.title()).toBe('签到');
    expect(signedIn(sim)).toBeUndefined();
  });

  it('a wrong password says the attempts left; three lock the operator out, recorded; nobody is signed in', () => {
    const sim = poweredOn();
    sim.type('01');
    sim.press('确认');
    sim.type('1111');
    sim.press('确认');
    expect(sim.title()).toBe('请输入操作员密码');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    sim.type('2222');
    sim.press('确认');
    sim.type('3333');
    sim.press('确认');
    expect(display(sim)).toContain('密码错误次数过多');
    expect(records(sim).map((record) => [record.operator, record.action])).toEqual([['01', 'lockout']]);
    // 取消 goes back to the operator's number; the 主管's lockout count is untouched.
    sim.press('取消');
    expect(display(sim)).toContain('请输入操作员号');
    expect(sim.store.snapshot().lockouts['00']).toBeUndefined();
    expect(signedIn(sim)).toBeUndefined();
  });

  it('取消 at the password goes back one step, to the operator’s number as typed', () => {
    const sim = poweredOn();
    sim.type('01');
    sim.press('确认');
    sim.type('00');
    sim.press('取消');
    expect(sim.title()).toBe('签到');
    expect(rows(sim)).toContain('  01');
    sim.press('清除', '清除');
    expect(rows(sim)).toContain('  __');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it('取消 at the operator’s number goes home unsigned: 未签到, and 确认 asks for 签到 again', () => {
    const sim = poweredOn();
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
    expect(display(sim)).toContain('未签到');
    expect(display(sim)).toContain('按[确认]键签到');
    expect(display(sim)).not.toContain('按[确认]键收款');
    expect(display(sim)).not.toContain('批次号');
    sim.press('确认');
    expect(sim.title()).toBe('签到');
    signIn(sim);
    expect(display(sim)).toContain('签到成功');
  });

  it('设置 opens without signing in: it is no transaction', () => {
    const sim = poweredOn();
    sim.press('菜单');
    expect(sim.title()).toBe('请输入密码');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认');
    expect(sim.title()).toBe('设置');
    goHome(sim);
    expect(display(sim)).toContain('未签到');
  });

  it('F1 at the operator’s number does nothing', () => {
    const sim = poweredOn();
    sim.press('F1');
    expect(sim.title()).toBe('签到');
    expect(display(sim)).toContain('请输入操作员号');
  });

  describe('offline', () => {
    it('the host never answers: 通讯错误, not signed in; 确认 tries again from the operator’s number', () => {
      const sim = start({ fixture: 'offline', signedIn: false });
      signIn(sim);
      expect(sim.title()).toBe('通讯错误');
      expect(display(sim)).toContain('网络连接失败，未签到。请检查网络后重试。');
      expect(signedIn(sim)).toBeUndefined();
      expect(records(sim)).toEqual([]);
      sim.press('确认');
      expect(sim.title()).toBe('签到');
      expect(rows(sim)).toContain('  01');
      sim.networkUp();
      sim.press('确认');
      sim.type(CASHIER_PASSWORD);
      sim.press('确认');
      waitForHost(sim);
      expect(sim.title()).toBe('签到成功');
    });

    it('the network dropping while the host is asked; 取消 then goes home unsigned', () => {
      const sim = poweredOn();
      sim.type('01');
      sim.press('确认');
      sim.type(CASHIER_PASSWORD);
      sim.press('确认');
      sim.networkDown();
      waitForHost(sim);
      expect(sim.title()).toBe('通讯错误');
      sim.press('取消');
      expect(isHome(sim)).toBe(true);
      expect(display(sim)).toContain('未签到');
    });
  });

  describe('a terminal the host knows no merchant of', () => {
    it('answers [03]无效商户 and nobody is signed in', () => {
      const sim = start({ fixture: 'unbound', signedIn: false });
      signIn(sim);
      expect(sim.title()).toBe('签到失败');
      expect(display(sim)).toContain('[03]无效商户');
      expect(display(sim)).toContain('本机未绑定商户，不能交易');
      expect(signedIn(sim)).toBeUndefined();
      expect(records(sim)).toEqual([]);
      sim.press('确认');
      expect(isHome(sim)).toBe(true);
      expect(display(sim)).toContain('未签到');
    });

    it('after 解绑 of the merchant account, 签到 is refused the same way; 取消 goes home', () => {
      const sim = start();
      unbindAccount(sim, '商户账号', '2');
      goHome(sim);
      mainMenu(sim, '管理', '签到');
      signIn(sim);
      expect(display(sim)).toContain('[03]无效商户');
      sim.press('取消');
      expect(isHome(sim)).toBe(true);
    });

    it('without a settlement card 签到 still goes through (only transactions are refused)', () => {
      const sim = start();
      unbindAccount(sim, '结算卡', '2');
      goHome(sim);
      mainMenu(sim, '管理', '签到');
      signIn(sim);
      expect(sim.title()).toBe('签到成功');
    });
  });

  describe('a restart forgets the sign-in', () => {
    it('the power key: the device boots into 签到 again; the batch stays', () => {
      const sim = poweredOn();
      signIn(sim);
      sim.press('确认');
      sim.powerCycle();
      sim.advance(BOOT_MS);
      expect(sim.title()).toBe('签到');
      expect(signedIn(sim)).toBeUndefined();
      expect(sim.store.snapshot().day.batch).toBe(1);
    });

    it('a power cut the same', () => {
      const sim = poweredOn();
      signIn(sim);
      sim.powerCut();
      sim.advance(BOOT_MS);
      expect(sim.title()).toBe('签到');
      expect(signedIn(sim)).toBeUndefined();
    });

    it('a device signed in for the day (scripts, the API) is signed in again by itself, without a record', () => {
      const sim = start();
      expect(signedIn(sim)?.operator).toBe('01');
      sim.powerCycle();
      sim.advance(BOOT_MS);
      expect(isHome(sim)).toBe(true);
      expect(signedIn(sim)).toEqual({ operator: '01', at: new Date(sim.store.now() - BOOT_MS).toISOString() });
      expect(records(sim)).toEqual([]);
    });
  });

  it('speaks English', () => {
    const sim = start({ signedIn: false, lang: 'en' });
    expect(display(sim)).toContain('Operator number');
    expect(display(sim)).toContain('May sign in: 01');
    signIn(sim);
    expect(sim.title()).toBe('Signed in');
    expect(display(sim)).toContain('[00] Signed in');
    expect(display(sim)).toContain('Batch 000001');
  });
});

describe('签退', () => {
  it('主菜单 → 管理 → 签退: 确认签退？ names the operator; 确认 signs out, recorded; the next sale asks for 签到', () => {
    const sim = start();
    mainMenu(sim, '管理', '签退');
    expect(sim.title()).toBe('签退');
    expect(display(sim)).toContain('确认签退？');
    expect(display(sim)).toContain('操作员 01 收银员');
    sim.press('确认');
    expect(display(sim)).toContain('签退成功');
    expect(display(sim)).toContain('下次交易前请重新签到');
    expect(signedIn(sim)).toBeUndefined();
    expect(lastRecord(sim)).toEqual({
      at: new Date(sim.store.now()).toISOString(),
      operator: '01',
      action: 'signOut',
      subject: '批次号000001',
    });
    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(display(sim)).toContain('未签到');
    sim.press('确认');
    expect(sim.title()).toBe('签到');
  });

  it('取消 at 确认签退？ keeps the operator signed in', () => {
    const sim = start();
    mainMenu(sim, '管理', '签退');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
    expect(signedIn(sim)?.operator).toBe('01');
    expect(records(sim)).toEqual([]);
  });

  it('取消 on 签退成功 goes home signed out', () => {
    const sim = start();
    mainMenu(sim, '管理', '签退');
    sim.press('确认', '取消');
    expect(isHome(sim)).toBe(true);
    expect(signedIn(sim)).toBeUndefined();
  });

  it.each(['确认', '取消'])('with nobody signed in it says 本机未签到; %s goes home', (key) => {
    const sim = poweredOn();
    sim.press('取消');
    mainMenu(sim, '管理', '签退');
    expect(sim.title()).toBe('签退');
    expect(display(sim)).toContain('本机未签到');
    sim.press(key);
    expect(isHome(sim)).toBe(true);
    expect(records(sim)).toEqual([]);
  });

  it('signing in from 主菜单 → 管理 → 签到 after a 签退', () => {
    const sim = start();
    mainMenu(sim, '管理', '签退');
    sim.press('确认', '确认');
    mainMenu(sim, '管理', '签到');
    expect(sim.title()).toBe('签到');
    signIn(sim);
    sim.press('确认');
    expect(display(sim)).toContain('操作员 01 收银员 批次号 000001');
    expect(records(sim).map((record) => record.action)).toEqual(['signOut', 'signIn']);
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    sim.press('F1');
    sim.select('Management');
    sim.select('Sign out');
    expect(display(sim)).toContain('Sign out?');
    sim.press('确认');
    expect(display(sim)).toContain('Signed out');
    expect(display(sim)).toContain('Sign in again before the next transaction');
  });
});
