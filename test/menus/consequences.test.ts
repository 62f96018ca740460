// One terminal, one truth: a change on one screen has its consequences on every other. A closed
// service is refused at 收款 ([58]), shown 未开通 in the method list, its 免密 row 不适用, and
// accepted again once opened; without a merchant account the home screen has no 商户号 and every
// transaction is [03]; without a settlement card every transaction is refused until a new card is
// bound, and 解绑 for 更换结算账户 leads straight into binding it. Refusals are recorded as
// declined, never approved, and nothing enters the journal or the printer.
import { describe, expect, it } from 'vitest';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { BOOT_MS, type Simulator } from '../../src/index.js';
import {
  closeService,
  codeOnPhone,
  completeSale,
  display,
  goHome,
  isHome,
  journal,
  lastRecord,
  mainMenu,
  openBindings,
  records,
  rows,
  sell,
  signIn,
  simulators,
  waitForHost,
  states,
  SUPERVISOR_PASSWORD,
  unbindAccount,
  type Paid,
} from '../support/working-day.js';

const start = simulators();

const NEW_CARD = '6222020402019803';

/** 设置 → 支付方式管理 → 免密支付: its rows, each as one line however the display wrapped it. */
const passwordFreeRows = (sim: Simulator): string[] => {
  sim.press('菜单');
  sim.type(SUPERVISOR_PASSWORD);
  sim.press('确认');
  sim.select('免密支付');
  const shown = display(sim)
    .split('\n')
    .filter((row) => /^[ >] \d\./.test(row));
  goHome(sim);
  return shown;
};

/** A sale that must be refused: the screen says so with `code`, nothing is charged, journal or printer untouched, a declined record. */
const expectRefused = (sim: Simulator, digits: string, paid: Paid, code: string, why: string, leaveWith = '确认') => {
  const before = { journal: journal(sim).length, printed: sim.receipts().length, records: records(sim).length };
  sell(sim, digits, paid);
  expect(sim.title(), paid).toBe('交易失败');
  expect(display(sim), paid).toContain(`[${code}]`);
  expect(display(sim), paid).toContain(why);
  expect(display(sim), paid).toContain('交易未完成，未扣款');
  expect(journal(sim)).toHaveLength(before.journal);
  expect(sim.receipts()).toHaveLength(before.printed);
  expect(records(sim)).toHaveLength(before.records + 1);
  expect(lastRecord(sim)).toMatchObject({ action: 'sale', sale: { approved: false, responseCode: code, passwordFree: false } });
  sim.press(leaveWith);
  expect(isHome(sim)).toBe(true);
};

describe('a closed payment service', () => {
  it('关闭云闪付: the wallet list says 未开通; a 云闪付 QR sale is [58], recorded declined; taps and other wallets go on', () => {
    const sim = start();
    closeService(sim, '云闪付');
    goHome(sim);

    sim.press('确认');
    sim.type('100');
    sim.press('确认', '3');
    expect(rows(sim).slice(4, 7)).toEqual(['> 1.云闪付（未开通）', '  2.微信', '  3.支付宝']);
    sim.press('取消');

    expectRefused(sim, '100', 'qr-unionpay', '58', '本机已关闭云闪付服务，不受理该支付方式');
    expect(display(sim)).not.toContain('未开通');
    expect(lastRecord(sim)?.subject).toBe('1.00元 扫码(云闪付) 银联闪付 [58]交易失败');

    // The card's 闪付 is no 云闪付 service: still 免密免签 under the 银联闪付 limit.
    sell(sim, '100', 'tap');
    expect(display(sim)).toContain('交易金额未超过1000元，免密免签');
    sim.press('确认');
    sell(sim, '100', 'qr-wechat');
    expect(sim.title()).toBe('交易成功');
    sim.press('确认');
    // 银联闪付 still decides taps, so its 免密 row is not marked.
    expect(passwordFreeRows(sim).join('\n')).not.toContain('不适用');
  });

  it('关闭微信支付: its 免密 row says 不适用, the wallet 未开通, a 微信 sale [58] whatever its 免密 limit', () => {
    const sim = start();
    closeService(sim, '微信支付');
    goHome(sim);
    expect(passwordFreeRows(sim)).toEqual([
      '> 1.[x] 开启免密支付',
      '  2.[x] 银联闪付 小额免密',
      '  3.    免密限额 1000元',
      '  4.[x] 微信 小额免密 （服务已关闭，不适用）',
      '  5.    免密限额 500元',
      '  6.[x] 支付宝 小额免密',
      '  7.    免密限额 500元',
      '  8.保存设置',
    ]);
    sim.press('确认');
    sim.type('1');
    sim.press('确认', '3');
    expect(rows(sim)).toContain('  2.微信（未开通）');
    sim.press('取消');
    expectRefused(sim, '1', 'qr-wechat', '58', '本机已关闭微信支付服务，不受理该支付方式');
    expectRefused(sim, '60000', 'qr-wechat', '58', '本机已关闭微信支付服务');
  });

  it('opened again (添加绑定 → 开通): accepted again, 免密免签 again, the marks gone', () => {
    const sim = start();
    closeService(sim, '云闪付');
    goHome(sim);
    expectRefused(sim, '100', 'qr-unionpay', '58', '云闪付');

    openBindings(sim);
    sim.press('F1');
    sim.select('开通 云闪付');
    sim.press('确认');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认');
    expect(display(sim)).toContain('云闪付服务已开通');
    goHome(sim);

    sim.press('确认');
    sim.type('100');
    sim.press('确认', '3');
    expect(rows(sim)).toContain('> 1.云闪付');
    sim.press('取消');
    sell(sim, '100', 'qr-unionpay');
    expect(sim.title()).toBe('交易成功');
    expect(display(sim)).toContain('交易金额未超过1000元，免密免签');
    expect(lastRecord(sim)).toMatchObject({ sale: { approved: true, method: 'qr-unionpay', passwordFree: true } });
    expect(journal(sim)).toHaveLength(1);
  });

  it('closed stays closed after a restart', () => {
    const sim = start();
    closeService(sim, '微信支付');
    goHome(sim);
    sim.powerCycle();
    sim.advance(BOOT_MS);
    expectRefused(sim, '100', 'qr-wechat', '58', '微信支付', '取消');
  });
});

describe('the merchant account unbound', () => {
  it('the home screen has no 商户号 and says why; every transaction is [03]无效商户, recorded as declined', () => {
    const sim = start();
    const sale = completeSale(sim, '5000', 'chip');
    unbindAccount(sim, '商户账号', '2');
    goHome(sim);
    expect(display(sim)).not.toContain('商户号');
    expect(display(sim)).not.toContain('898310058120134');
    expect(display(sim)).toContain('本机未绑定商户，不能交易');

    sim.press('确认');
    sim.type('100');
    sim.press('确认');
    expect(display(sim)).toContain('本机未绑定商户，不能交易');
    sim.press('取消');

    for (const paid of ['tap', 'chip', 'qr-unionpay', 'qr-wechat', 'qr-alipay'] as const) {
      expectRefused(sim, '100', paid, '03', '本机未绑定商户，不能交易');
    }
    // 插卡 is refused before any PIN is asked.
    expect(records(sim).filter((record) => record.action === 'sale' && record.sale?.responseCode === '03')).toHaveLength(5);

    mainMenu(sim, '退货');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认');
    sim.type(sale.reference);
    sim.press('确认');
    sim.type('0601');
    sim.press('确认');
    sim.type('100');
    sim.press('确认');
    sim.select('插卡');
    waitForHost(sim);
    expect(display(sim)).toContain('[03]无效商户');
    expect(lastRecord(sim)).toMatchObject({ action: 'refund', transaction: { approved: false, responseCode: '03' } });
  });

  it('bound again: the home screen shows the new 商户号 and sales go through', () => {
    const sim = start();
    unbindAccount(sim, '商户账号', '3');
    sim.press('确认', 'F1');
    sim.select('绑定商户账号');
    sim.type('898310058120999');
    sim.press('确认', '确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    goHome(sim);
    expect(display(sim)).toContain('商户号 898310058120999');
    expect(display(sim)).not.toContain('不能交易');
    const sale = completeSale(sim, '100', 'tap');
    expect(sale.trace).toBe('000001');
    expect(sim.receipt()).toContain('商户编号：898310058120999');
  });

  it('a device powered on without a merchant cannot sign in: [03]', () => {
    const sim = start({ signedIn: false });
    sim.press('取消');
    unbindAccount(sim, '商户账号', '2');
    goHome(sim);
    sim.press('确认');
    signIn(sim);
    expect(display(sim)).toContain('[03]无效商户');
  });
});

describe('the settlement card unbound', () => {
  it('every transaction is refused ([58], no settlement account) until a new card is bound', () => {
    const sim = start();
    unbindAccount(sim, '结算卡', '2');
    expect(sim.screen()).not.toContain('绑定结算卡');
    goHome(sim);
    expect(display(sim)).toContain('商户号 898310058120134');
    expect(display(sim)).toContain('本机未绑定结算卡，不能交易');
    for (const paid of ['tap', 'chip', 'qr-wechat'] as const) expectRefused(sim, '100', paid, '58', '本机未绑定结算卡，不能交易');

    openBindings(sim);
    sim.press('F1');
    sim.select('绑定结算卡');
    sim.type(NEW_CARD);
    sim.press('确认', '确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(display(sim)).toContain('结算卡绑定成功');
    goHome(sim);
    expect(display(sim)).not.toContain('不能交易');
    completeSale(sim, '100', 'tap');
  });

  it('解绑 for 更换结算账户 leads straight into binding the new card; once bound the terminal transacts again', () => {
    const sim = start();
    openBindings(sim);
    sim.select('结算卡');
    sim.press('确认', '1', '确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    sim.advance(SETTLEMENT_MS);
    expect(sim.title()).toBe('解绑成功');
    sim.press('确认');

    expect(sim.title()).toBe('绑定结算卡');
    expect(display(sim)).toContain('请输入新结算卡卡号');
    sim.type(NEW_CARD);
    sim.press('确认', '确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(display(sim)).toContain('结算卡绑定成功');
    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.list');
    expect(rows(sim)).toContain('  2.结算卡 6222 **** **** 9803');
    expect(records(sim).map((record) => [record.action, record.subject])).toEqual([
      ['unbind', '结算卡 6222 **** **** 1234 解绑原因：更换结算账户'],
      ['bind', '结算卡 6222 **** **** 9803'],
    ]);
    goHome(sim);
    completeSale(sim, '100', 'chip');
  });

  it('解绑 for another reason goes back to the list, and the terminal stays without a card', () => {
    const sim = start();
    unbindAccount(sim, '结算卡', '3');
    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.list');
    expect(display(sim)).toContain('按[F1]键添加绑定');
  });
});

it('with both the merchant and the card unbound the merchant is the reason given: [03]', () => {
  const sim = start();
  unbindAccount(sim, '结算卡', '2');
  goHome(sim);
  unbindAccount(sim, '商户账号', '2');
  goHome(sim);
  expect(display(sim)).toContain('本机未绑定商户，不能交易');
  expect(display(sim)).not.toContain('结算卡');
  expectRefused(sim, '100', 'tap', '03', '本机未绑定商户');
});

it('speaks English', () => {
  const sim = start({ lang: 'en' });
  // Closed as P1 closes it (tested in Chinese above): the store's own 注销.
  sim.store.deregister('unionpay-qr', '00');
  sim.press('确认');
  sim.type('100');
  sim.press('确认', '3');
  expect(display(sim)).toContain('(closed)');
  sim.press('1');
  expect(display(sim)).toContain('[58]Not permitted on this terminal');
  expect(display(sim)).toContain('is closed on this terminal: not accepted');
});
