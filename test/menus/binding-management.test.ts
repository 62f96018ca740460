// P1 · 绑定管理 → 注销 (关闭服务 of a payment service with the password, P3), played key by key on the headless simulator: what the screen says, which
// states the machines are in, and what the device's flash holds after each step.
import { describe, expect, it } from 'vitest';
import { BOOT_MS, createSimulator, type Simulator } from '../../src/index.js';

const PASSWORD = '123456';

/** The display with wrapped lines joined, so a sentence is found however the display broke it. */
const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
const bindingIds = (sim: Simulator) => sim.store.snapshot().bindings.map((binding) => binding.id);

const openBindings = (sim: Simulator) => {
  sim.press('菜单');
  sim.type(PASSWORD);
  sim.press('确认');
  sim.select('绑定管理');
};

/** 设置 → 绑定管理 → the entry named `name`: its detail screen. */
const openDetail = (sim: Simulator, name: string) => {
  openBindings(sim);
  sim.select(name);
};

describe('绑定管理 → 注销 (P1)', () => {
  it('deregisters 云闪付: list, detail, confirmation with backup reminder, password, 云闪付服务已关闭, gone from the list, recorded', () => {
    const sim = createSimulator();
    openBindings(sim);
    expect(sim.title()).toBe('绑定管理');
    expect(states(sim)).toContain('bindingManagement.list');
    const list = sim.screen().split('\n');
    expect(list).toContain('> 1.商户账号 898310058120134');
    expect(list).toContain('  2.结算卡 6222 **** **** 1234');
    expect(list).toContain('  3.云闪付');
    expect(list).toContain('  4.微信支付');
    expect(list).toContain('  5.支付宝');
    expect(sim.screen()).not.toContain('6222020402071234');

    sim.select('云闪付');
    expect(sim.title()).toBe('云闪付');
    expect(states(sim)).toContain('bindingManagement.detail');
    expect(display(sim)).toContain('类型：支付服务');
    expect(display(sim)).toContain('账号：898310058120134');
    expect(display(sim)).toContain('绑定日期：2024-05-02');
    expect(display(sim)).toContain('验证方式：密码');
    expect(display(sim)).toContain('按[确认]关闭服务');

    sim.press('确认');
    expect(sim.title()).toBe('关闭服务');
    expect(states(sim)).toContain('bindingManagement.confirming');
    expect(display(sim)).toContain('确认关闭 云闪付服务？');
    expect(display(sim)).toContain('关闭后本机将不能再受理云闪付付款；已完成的交易不受影响。');
    expect(display(sim)).toContain('注销前请确认已备份POS机上的数据');
    expect(bindingIds(sim)).toContain('unionpay-qr');

    sim.press('确认');
    expect(sim.title()).toBe('请输入密码确认注销');
    expect(states(sim)).toEqual(expect.arrayContaining(['bindingManagement.authorising', 'passwordPrompt.entering']));
    sim.type(PASSWORD);
    expect(sim.screen()).toContain('******_');
    expect(sim.screen()).not.toContain(PASSWORD);
    expect(bindingIds(sim)).toContain('unionpay-qr');

    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.deregistered');
    expect(display(sim)).toContain('云闪付服务已关闭');
    expect(display(sim)).toContain('本机不再受理云闪付付款');
    const stored = sim.store.snapshot();
    expect(stored.bindings.map((binding) => binding.id)).toEqual(['merchant', 'settlement-card', 'wechat-pay', 'alipay']);
    expect(stored.records).toEqual([
      { at: new Date(sim.store.now()).toISOString(), operator: '00', action: 'deregister', subject: '云闪付 898310058120134' },
    ]);

    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.list');
    expect(sim.screen()).not.toContain('云闪付');
    expect(sim.screen()).toContain('3.微信支付');

    // Stays gone after a restart: it was removed from the flash, not just from the screen.
    sim.powerCycle();
    sim.advance(BOOT_MS);
    openBindings(sim);
    expect(sim.screen()).toContain('4.支付宝');
    expect(sim.screen()).not.toContain('云闪付');
  });

  describe('取消 anywhere changes nothing', () => {
    it.each([
      { at: 'the detail screen', keys: [], backTo: 'bindingManagement.list', title: '绑定管理' },
      { at: 'the confirmation', keys: ['确认'], backTo: 'bindingManagement.detail', title: '微信支付' },
      { at: 'the password prompt', keys: ['确认', '确认', '1', '2'], backTo: 'bindingManagement.confirming', title: '关闭服务' },
    ])('取消 at $at goes back one step and leaves the store as it was', ({ keys, backTo, title }) => {
      const sim = createSimulator();
      openDetail(sim, '微信支付');
      const before = sim.store.snapshot();
      expect(before.bindings).toHaveLength(5);
      sim.press(...keys);
      sim.press('取消');
      expect(states(sim)).toContain(backTo);
      expect(sim.title()).toBe(title);
      expect(sim.store.snapshot()).toEqual(before);

      // Backing all the way out to the home screen changes nothing either.
      while (!states(sim).includes('device.home')) sim.press('取消');
      expect(sim.store.snapshot()).toEqual(before);
    });
  });

  it('a wrong password at the confirmation removes nothing and says how many attempts are left', () => {
    const sim = createSimulator();
    openDetail(sim, '云闪付');
    sim.press('确认', '确认');
    sim.type('000000');
    sim.press('确认');
    expect(states(sim)).toEqual(expect.arrayContaining(['bindingManagement.authorising', 'passwordPrompt.entering']));
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(bindingIds(sim)).toContain('unionpay-qr');
    expect(sim.store.snapshot().records).toEqual([]);
    expect(sim.store.snapshot().lockouts['00']).toEqual({ failedAttempts: 1 });

    // 取消 after the wrong password: back one step, to the confirmation; still bound.
    sim.press('取消');
    expect(states(sim)).toContain('bindingManagement.confirming');
    expect(bindingIds(sim)).toContain('unionpay-qr');

    // The right password afterwards still works.
    sim.press('确认', '确认');
    sim.type(PASSWORD);
    sim.press('确认');
    expect(display(sim)).toContain('云闪付服务已关闭');
    expect(bindingIds(sim)).not.toContain('unionpay-qr');
  });

  it('too many wrong passwords at the confirmation lock the operator out and remove nothing', () => {
    const sim = createSimulator();
    openDetail(sim, '云闪付');
    sim.press('确认', '确认');
    for (const wrong of ['111111', '222222', '333333']) {
      sim.type(wrong);
      sim.press('确认');
    }
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('密码错误次数过多，已锁定');
    sim.press('取消');
    expect(states(sim)).toContain('bindingManagement.confirming');
    expect(bindingIds(sim)).toContain('unionpay-qr');
    expect(sim.store.snapshot().records.map((record) => record.action)).toEqual(['lockout']);
  });

  describe('offline, 注销 is refused and nothing changes', () => {
    it('network down: 网络连接失败 before any password is asked', () => {
      const sim = createSimulator();
      sim.networkDown();
      openDetail(sim, '云闪付');
      const before = sim.store.snapshot();
      sim.press('确认', '确认');
      expect(states(sim)).toContain('bindingManagement.offline');
      expect(states(sim)).not.toContain('passwordPrompt.entering');
      expect(sim.title()).toBe('网络连接失败');
      expect(display(sim)).toContain('网络连接失败，无法注销。请检查网络后重试，未做任何修改。');
      expect(sim.screen().split('\n')[0]).toMatch(/^离线/);
      expect(sim.store.snapshot()).toEqual(before);

      sim.press('确认');
      expect(states(sim)).toContain('bindingManagement.detail');
      expect(bindingIds(sim)).toContain('unionpay-qr');
    });

    it('the network drops while the password is typed: still refused at 确认', () => {
      const sim = createSimulator();
      openDetail(sim, '微信支付');
      sim.press('确认', '确认');
      sim.type(PASSWORD);
      sim.networkDown();
      sim.press('确认');
      expect(states(sim)).toContain('bindingManagement.offline');
      expect(display(sim)).toContain('网络连接失败，无法注销');
      expect(bindingIds(sim)).toContain('wechat-pay');
      expect(sim.store.snapshot().records).toEqual([]);
    });

    it('the offline profile refuses too', () => {
      const sim = createSimulator({ fixture: 'offline' });
      openDetail(sim, '支付宝');
      sim.press('确认', '确认');
      expect(sim.title()).toBe('网络连接失败');
      expect(bindingIds(sim)).toHaveLength(5);
      expect(sim.store.snapshot().records).toEqual([]);
    });
  });

  it('a terminal with nothing bound says 暂无绑定, and 确认 or a digit picks nothing', () => {
    const sim = createSimulator({ fixture: 'unbound' });
    openBindings(sim);
    expect(sim.title()).toBe('绑定管理');
    expect(display(sim)).toContain('暂无绑定');
    sim.press('确认');
    sim.press('1');
    expect(states(sim)).toContain('bindingManagement.list');
    expect(display(sim)).toContain('暂无绑定');
    sim.press('取消');
    expect(sim.title()).toBe('设置');
    expect(states(sim)).toContain('settings.menu');
  });
});
