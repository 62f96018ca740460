// 绑定 (设置 → 绑定管理 → F1 添加绑定): what the guides call 先关闭…然后重新绑定. A closed service is
// opened again, confirmed as closing it was (the 主管's password or a texted code); a new
// settlement card (Luhn-checked, shown masked) or a merchant account is typed and confirmed with a
// texted code. Offline, a wrong password or code, or 取消 before the end: nothing changes.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/index.js';
import {
  bindingIds,
  closeService,
  codeOnPhone,
  display,
  goHome,
  lastRecord,
  openBindings,
  records,
  rows,
  simulators,
  states,
  SUPERVISOR_PASSWORD,
  unbindAccount,
} from '../support/working-day.js';

const start = simulators();

/** A Luhn-valid card number the merchant binds as the new settlement card. */
const NEW_CARD = '6222020402019803';
const NEW_MERCHANT = '898310058120999';

/** Back to the 绑定管理 list from wherever 绑定 ended. */
const inList = (sim: Simulator) => states(sim).includes('bindingManagement.list');

/** 设置 → 绑定管理 → 支付宝 (closed with a texted code on the default profile) → 关闭服务, back to the list. */
const closeAlipay = (sim: Simulator) => {
  openBindings(sim);
  sim.select('支付宝');
  sim.press('确认', '确认');
  sim.type(codeOnPhone(sim));
  sim.press('确认');
  expect(display(sim)).toContain('支付宝服务已关闭');
  sim.press('确认');
};

/** A device whose settlement card was unbound (商户停业), at the 绑定管理 list. */
const withoutCard = () => {
  const sim = start();
  unbindAccount(sim, '结算卡', '2');
  sim.press('确认');
  expect(inList(sim)).toBe(true);
  return sim;
};

/** From the 绑定管理 list: F1 添加绑定, then the item named. */
const add = (sim: Simulator, item: string) => {
  sim.press('F1');
  expect(sim.title()).toBe('添加绑定');
  sim.select(item);
};

describe('添加绑定', () => {
  it('is not offered while everything the profile has is bound: no hint, F1 does nothing', () => {
    const sim = start();
    openBindings(sim);
    expect(display(sim)).not.toContain('添加绑定');
    sim.press('F1');
    expect(sim.title()).toBe('绑定管理');
    expect(inList(sim)).toBe(true);
  });

  it('offers the closed services again, then a settlement card; 上/下 and digits move; 取消 back to the list', () => {
    const sim = withoutCard();
    goHome(sim);
    closeService(sim, '云闪付');
    sim.press('确认');
    sim.select('微信支付');
    sim.press('确认', '确认');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认', '确认');
    expect(display(sim)).toContain('按[F1]键添加绑定');

    sim.press('F1');
    expect(sim.title()).toBe('添加绑定');
    expect(display(sim)).toContain('请选择要绑定的项目');
    expect(rows(sim).slice(3, 6)).toEqual(['> 1.开通 云闪付', '  2.开通 微信支付', '  3.绑定结算卡']);
    sim.press('上');
    expect(rows(sim)).toContain('> 3.绑定结算卡');
    sim.press('下', '下');
    expect(rows(sim)).toContain('> 2.开通 微信支付');
    sim.press('4');
    expect(sim.title()).toBe('添加绑定');
    sim.press('取消');
    expect(inList(sim)).toBe(true);
    expect(records(sim).map((record) => record.action)).toEqual(['unbind', 'deregister', 'deregister']);
  });
});

describe('开通 a closed service', () => {
  it('with the 主管’s password: 确认开通 … with its effect, the password, 云闪付服务已开通; bound, recorded, in the list', () => {
    const sim = start();
    closeService(sim, '云闪付');
    sim.press('确认');
    add(sim, '开通 云闪付');
    expect(sim.title()).toBe('开通服务');
    expect(display(sim)).toContain('确认开通 云闪付服务？');
    expect(display(sim)).toContain('开通后本机将重新受理云闪付付款。');
    expect(display(sim)).toContain('验证方式：密码');
    sim.press('确认');
    expect(sim.title()).toBe('请输入主管密码确认');
    expect(display(sim)).toContain('操作员 00 主管');
    sim.type(SUPERVISOR_PASSWORD);
    expect(sim.screen()).not.toContain(SUPERVISOR_PASSWORD);
    expect(bindingIds(sim)).not.toContain('unionpay-qr');
    sim.press('确认');

    expect(display(sim)).toContain('云闪付服务已开通');
    expect(display(sim)).toContain('本机重新受理云闪付付款');
    expect(bindingIds(sim)).toContain('unionpay-qr');
    const reopened = sim.store.snapshot().bindings.find((binding) => binding.id === 'unionpay-qr');
    expect(reopened).toMatchObject({
      kind: 'service',
      account: '898310058120134',
      boundAt: '2026-06-01',
      verification: 'password',
      methods: ['qr-unionpay'],
    });
    expect(lastRecord(sim)).toEqual({
      at: new Date(sim.store.now()).toISOString(),
      operator: '00',
      action: 'bind',
      subject: '云闪付 898310058120134',
    });

    sim.press('取消');
    expect(inList(sim)).toBe(true);
    expect(display(sim)).toContain('云闪付');
    expect(display(sim)).not.toContain('添加绑定');
  });

  it('what is bound again takes its own place in the list: 3 is 云闪付 again, as before it was closed', () => {
    const sim = start();
    /** The list's rows, the cursor left out. */
    const listed = () =>
      rows(sim)
        .filter((row) => /^[ >] \d\./.test(row))
        .map((row) => row.slice(2));
    openBindings(sim);
    const before = listed();
    expect(before).toEqual(['1.商户账号 898310058120134', '2.结算卡 6222 **** **** 1234', '3.云闪付', '4.微信支付', '5.支付宝']);
    goHome(sim);
    closeService(sim, '云闪付');
    sim.press('确认');
    add(sim, '开通 云闪付');
    sim.press('确认');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认', '确认');
    expect(inList(sim)).toBe(true);
    expect(listed()).toEqual(before);
    expect(bindingIds(sim)).toEqual(['merchant', 'settlement-card', 'unionpay-qr', 'wechat-pay', 'alipay']);
  });

  it('a wrong password opens nothing; 取消 at the password goes back to 确认开通; 取消 there back to the list', () => {
    const sim = start();
    closeService(sim, '微信支付');
    sim.press('确认');
    add(sim, '开通 微信支付');
    sim.press('确认');
    sim.type('000000');
    sim.press('确认');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(bindingIds(sim)).not.toContain('wechat-pay');
    sim.press('取消');
    expect(display(sim)).toContain('确认开通 微信支付服务？');
    sim.press('取消');
    expect(inList(sim)).toBe(true);
    expect(bindingIds(sim)).not.toContain('wechat-pay');
    expect(lastRecord(sim)?.action).toBe('deregister');
  });

  it('confirmed by a texted code where the profile says so (支付宝); 取消 at the code goes back to 确认开通', () => {
    const sim = start();
    closeAlipay(sim);
    add(sim, '开通 支付宝');
    expect(display(sim)).toContain('验证方式：短信验证码');
    sim.press('确认');
    expect(sim.title()).toBe('短信验证');
    expect(display(sim)).toContain('验证码已发送至 138****1234');
    sim.press('取消');
    expect(display(sim)).toContain('确认开通 支付宝服务？');
    sim.press('确认');
    const code = codeOnPhone(sim);
    expect(sim.screen()).not.toContain(code);
    sim.type(code);
    sim.press('确认');
    expect(display(sim)).toContain('支付宝服务已开通');
    expect(bindingIds(sim)).toContain('alipay');
  });

  describe('offline, nothing is opened', () => {
    it('password: 网络连接失败 before the password is asked; 确认 goes back to 确认开通', () => {
      const sim = start();
      closeService(sim, '云闪付');
      sim.press('确认');
      sim.networkDown();
      add(sim, '开通 云闪付');
      sim.press('确认');
      expect(sim.title()).toBe('网络连接失败');
      expect(display(sim)).toContain('网络连接失败，无法绑定。请检查网络后重试，未做任何修改。');
      sim.press('确认');
      expect(display(sim)).toContain('确认开通 云闪付服务？');
      expect(bindingIds(sim)).not.toContain('unionpay-qr');
    });

    it('the network dropping while the password is typed: refused at 确认; 取消 goes back to 确认开通', () => {
      const sim = start();
      closeService(sim, '云闪付');
      sim.press('确认');
      add(sim, '开通 云闪付');
      sim.press('确认');
      sim.type(SUPERVISOR_PASSWORD);
      sim.networkDown();
      sim.press('确认');
      expect(sim.title()).toBe('网络连接失败');
      expect(bindingIds(sim)).not.toContain('unionpay-qr');
      sim.press('取消');
      expect(display(sim)).toContain('确认开通 云闪付服务？');
    });

    it('texted code: no code is sent offline', () => {
      const sim = start();
      closeAlipay(sim);
      const texts = sim.sms();
      sim.networkDown();
      add(sim, '开通 支付宝');
      sim.press('确认');
      expect(sim.title()).toBe('网络连接失败');
      expect(sim.sms()).toEqual(texts);
      expect(bindingIds(sim)).not.toContain('alipay');
    });
  });
});

describe('a new settlement card', () => {
  it('typed (all but the last four digits masked), checked, reviewed, confirmed by a texted code: 结算卡绑定成功', () => {
    const sim = withoutCard();
    add(sim, '绑定结算卡');
    expect(sim.title()).toBe('绑定结算卡');
    expect(display(sim)).toContain('请输入新结算卡卡号');
    expect(rows(sim)).toContain('  _');
    sim.type('622');
    expect(rows(sim)).toContain('  622_');
    sim.type('20');
    expect(rows(sim)).toContain('  *222 0_');
    sim.type(NEW_CARD.slice(5));
    expect(rows(sim)).toContain('  **** **** **** 9803_');
    expect(sim.screen()).not.toContain(NEW_CARD.slice(0, 12));
    sim.press('确认');

    expect(sim.title()).toBe('绑定结算卡');
    expect(display(sim)).toContain('类型：结算卡');
    expect(display(sim)).toContain('账号：6222 **** **** 9803');
    expect(display(sim)).toContain('验证码将发送至 138****1234');
    expect(display(sim)).toContain('按[确认]提交绑定申请');
    // 取消 at the review goes back to the number, as typed.
    sim.press('取消');
    expect(rows(sim)).toContain('  **** **** **** 9803_');
    sim.press('确认', '确认');

    expect(sim.title()).toBe('短信验证');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(sim.title()).toBe('绑定成功');
    expect(display(sim)).toContain('结算卡绑定成功');
    expect(display(sim)).toContain('账号：6222 **** **** 9803');
    expect(display(sim)).toContain('本机可以重新交易');
    expect(sim.store.snapshot().bindings.find((binding) => binding.kind === 'settlementCard')).toEqual({
      id: 'settlement-card',
      kind: 'settlementCard',
      name: { zh: '结算卡', en: expect.any(String) },
      account: NEW_CARD,
      boundAt: '2026-06-01',
    });
    expect(lastRecord(sim)).toEqual({
      at: new Date(sim.store.now()).toISOString(),
      operator: '00',
      action: 'bind',
      subject: '结算卡 6222 **** **** 9803',
    });

    sim.press('确认');
    expect(inList(sim)).toBe(true);
    expect(rows(sim)).toContain('  2.结算卡 6222 **** **** 9803');
    expect(sim.screen()).not.toContain(NEW_CARD);
  });

  it.each([
    ['fails the Luhn check', '6222020402019804'],
    ['is too short (12 digits)', '622202040201'],
  ])('a number that %s: 卡号无效; the message goes with the next key', (_, number) => {
    const sim = withoutCard();
    add(sim, '绑定结算卡');
    sim.type(number);
    sim.press('确认');
    expect(sim.title()).toBe('绑定结算卡');
    expect(display(sim)).toContain('卡号无效，请核对后重新输入');
    sim.press('清除');
    expect(display(sim)).not.toContain('卡号无效');
  });

  it('13 to 19 digits: a 20th is not taken; 清除 deletes one', () => {
    const sim = withoutCard();
    add(sim, '绑定结算卡');
    sim.type('62284804025648900189');
    expect(rows(sim)).toContain('  **** **** **** ***0 018_');
    sim.press('确认');
    expect(display(sim)).toContain('账号：6228 **** **** 0018');
    sim.press('取消');
    for (let digit = 0; digit < 19; digit++) sim.press('清除');
    sim.type('1234567890128');
    sim.press('确认');
    expect(display(sim)).toContain('账号：1234 **** **** 0128');
  });

  it('取消 at the number binds nothing and goes back to the list', () => {
    const sim = withoutCard();
    add(sim, '绑定结算卡');
    sim.type(NEW_CARD);
    sim.press('取消');
    expect(inList(sim)).toBe(true);
    expect(sim.store.snapshot().bindings.some((binding) => binding.kind === 'settlementCard')).toBe(false);
  });

  it('a wrong code binds nothing; 取消 at the code goes back to the review', () => {
    const sim = withoutCard();
    add(sim, '绑定结算卡');
    sim.type(NEW_CARD);
    sim.press('确认', '确认');
    sim.type(codeOnPhone(sim) === '000000' ? '111111' : '000000');
    sim.press('确认');
    expect(display(sim)).toContain('验证码错误，还可尝试2次');
    sim.press('取消');
    expect(display(sim)).toContain('按[确认]提交绑定申请');
    expect(sim.store.snapshot().bindings.some((binding) => binding.kind === 'settlementCard')).toBe(false);
  });

  describe('offline, nothing is bound', () => {
    it('at the review: 网络连接失败, and 确认 or 取消 goes back to the review', () => {
      const sim = withoutCard();
      add(sim, '绑定结算卡');
      sim.type(NEW_CARD);
      sim.press('确认');
      sim.networkDown();
      sim.press('确认');
      expect(sim.title()).toBe('网络连接失败');
      sim.press('确认');
      expect(display(sim)).toContain('按[确认]提交绑定申请');
      sim.press('确认', '取消');
      expect(display(sim)).toContain('按[确认]提交绑定申请');
    });

    it('the network dropping while the code is typed', () => {
      const sim = withoutCard();
      add(sim, '绑定结算卡');
      sim.type(NEW_CARD);
      sim.press('确认', '确认');
      sim.type(codeOnPhone(sim));
      sim.networkDown();
      sim.press('确认');
      expect(sim.title()).toBe('网络连接失败');
      expect(sim.store.snapshot().bindings.some((binding) => binding.kind === 'settlementCard')).toBe(false);
    });
  });
});

describe('a merchant account', () => {
  it('15 digits, reviewed, a texted code: 商户账号绑定成功, 商户信息已更新; the home screen shows the new 商户号', () => {
    const sim = start();
    unbindAccount(sim, '商户账号', '2');
    sim.press('确认');
    add(sim, '绑定商户账号');
    expect(sim.title()).toBe('绑定商户账号');
    expect(display(sim)).toContain('请输入商户号（15位）');
    sim.type(NEW_MERCHANT.slice(0, 14));
    expect(rows(sim)).toContain(`  ${NEW_MERCHANT.slice(0, 14)}_`);
    sim.press('确认');
    expect(display(sim)).toContain('商户号应为15位数字');
    sim.type(`${NEW_MERCHANT.slice(14)}7`);
    expect(rows(sim)).toContain(`  ${NEW_MERCHANT}_`);
    sim.press('确认');
    expect(display(sim)).toContain('类型：商户账号');
    expect(display(sim)).toContain(`账号：${NEW_MERCHANT}`);
    sim.press('确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(display(sim)).toContain('商户账号绑定成功');
    expect(display(sim)).toContain('商户信息已更新');
    expect(lastRecord(sim)).toMatchObject({ operator: '00', action: 'bind', subject: `商户账号 ${NEW_MERCHANT}` });
    sim.press('确认');
    expect(rows(sim)).toContain(`  1.商户账号 ${NEW_MERCHANT}`);
    goHome(sim);
    expect(display(sim)).toContain(`商户号 ${NEW_MERCHANT}`);
  });

  it('a terminal with nothing bound is bound from nothing: 暂无绑定, then a merchant and a card', () => {
    const sim = start({ fixture: 'unbound' });
    openBindings(sim);
    expect(display(sim)).toContain('暂无绑定');
    expect(display(sim)).toContain('按[F1]键添加绑定');
    sim.press('F1');
    expect(rows(sim).slice(3, 5)).toEqual(['> 1.绑定结算卡', '  2.绑定商户账号']);
    sim.press('2');
    sim.type(NEW_MERCHANT);
    sim.press('确认', '确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认', '确认');
    add(sim, '绑定结算卡');
    sim.type(NEW_CARD);
    sim.press('确认', '确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认', '确认');
    expect(rows(sim).slice(2, 4)).toEqual(['> 1.商户账号 898310058120999', '  2.结算卡 6222 **** **** 9803']);
    expect(display(sim)).not.toContain('添加绑定');
  });
});

it('speaks English', () => {
  const sim = start({ fixture: 'unbound', lang: 'en' });
  sim.press('菜单');
  sim.type(SUPERVISOR_PASSWORD);
  sim.press('确认');
  sim.select('Bindings');
  expect(display(sim)).toContain('[F1]: add a binding');
  sim.press('F1');
  sim.select('Bind a settlement card');
  expect(display(sim)).toContain('New settlement card number');
  sim.type('6222020402019804');
  sim.press('确认');
  expect(display(sim)).toContain('Invalid card number');
});
