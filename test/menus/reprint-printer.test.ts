// The receipt printer and 重打印: every approved transaction prints its 签购单 and 结算 its 结算单;
// out of paper (打印机缺纸, a trainer's fault) the device says so, the transaction stands, and 确认
// with paper prints it or 取消 goes on without; 重打印 prints the last receipt, one by 凭证号 or the
// last 结算单 again, marked 重打印凭证.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../menus/journal.js';
import { loadProfile, parseProfile, type Simulator } from '../../src/index.js';
import { hashPassword } from '../../src/store/password-hash.js';
import {
  authorised,
  CASHIER_PASSWORD,
  completeSale,
  display,
  isHome,
  journal,
  mainMenu,
  refund,
  rows,
  sell,
  signIn,
  simulators,
  states,
  voidSale,
  waitForHost,
} from '../support/working-day.js';

const start = simulators();

/** 打印机缺纸 on screen, with what it says. */
const expectPaperOut = (sim: Simulator) => {
  expect(sim.title()).toBe('打印机缺纸');
  expect(display(sim)).toContain('打印机缺纸，凭证未打印');
  expect(display(sim)).toContain('交易已完成');
  expect(display(sim)).toContain('装纸后按[确认]键打印');
};

const openReprint = (sim: Simulator) => mainMenu(sim, '重打印');

describe('printing as the day goes', () => {
  it('each approved sale, 撤销 and 退货 prints one 签购单, 结算 a 结算单; a refusal prints nothing', () => {
    const sim = start();
    const sale = completeSale(sim, '1234', 'tap');
    expect(sim.receipts().map((printout) => printout.kind)).toEqual(['transaction']);
    expect(sim.receipts()[0]?.at).toBe(Date.parse(sale.at));
    expect(sim.receipt()).toContain('凭证号：000001');

    sell(sim, '1', 'chip');
    sim.press('确认');
    voidSale(sim, '2', '插卡');
    sim.press('确认');
    refund(sim, sale, '100', '挥卡/闪付');
    sim.press('确认');
    // A payment refused prints nothing.
    sim.store.deregister('wechat-pay', '00');
    expect(sell(sim, '100', 'qr-wechat')).toBeUndefined();
    sim.press('确认');
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    expect(sim.receipts().map((printout) => printout.kind)).toEqual([
      'transaction',
      'transaction',
      'transaction',
      'transaction',
      'settlement',
    ]);
    expect(sim.receipts().map((printout) => /凭证号：(\d+)/.exec(printout.text)?.[1])).toEqual([
      '000001',
      '000002',
      '000003',
      '000004',
      undefined,
    ]);
  });

  it('a sale declined for the PIN prints nothing', () => {
    const sim = start();
    sim.press('确认');
    sim.type('100');
    sim.press('确认', '2');
    for (let tries = 0; tries < 3; tries++) {
      sim.type('975319');
      sim.press('确认');
      waitForHost(sim);
    }
    expect(display(sim)).toContain('[75]密码错误次数超限');
    expect(sim.receipts()).toEqual([]);
  });
});

describe('打印机缺纸', () => {
  it('after the host approves: the sale stands; 确认 without paper asks again; with paper it prints, then 交易成功', () => {
    const sim = start();
    sim.setPaper(false);
    sell(sim, '1234', 'tap');
    expectPaperOut(sim);
    expect(journal(sim)).toHaveLength(1);
    expect(sim.receipts()).toEqual([]);
    sim.press('确认');
    expectPaperOut(sim);
    sim.setPaper(true);
    sim.press('确认');
    expect(sim.title()).toBe('交易成功');
    expect(sim.receipts()).toHaveLength(1);
    expect(sim.receipt()).not.toContain('重打印');
  });

  it('取消 goes on without the paper: 交易成功, nothing printed; 重打印 prints it later, marked', () => {
    const sim = start();
    sim.setPaper(false);
    sell(sim, '1234', 'tap');
    sim.press('取消');
    expect(sim.title()).toBe('交易成功');
    expect(sim.receipts()).toEqual([]);
    sim.press('确认');
    sim.setPaper(true);
    openReprint(sim);
    sim.press('1');
    expect(isHome(sim)).toBe(true);
    expect(sim.receipts()).toHaveLength(1);
    expect(sim.receipt()).toContain('重打印凭证');
    expect(sim.receipt()).toContain('凭证号：000001');
  });

  it.each([
    ['撤销', (sim: Simulator) => voidSale(sim, '1', '挥卡/闪付'), '撤销成功'],
    ['退货', (sim: Simulator) => refund(sim, journal(sim)[0] as JournalEntry, '100', '挥卡/闪付'), '退货成功'],
  ])('%s waits for paper the same way', (_, undo, done) => {
    const sim = start();
    completeSale(sim, '1234', 'tap');
    sim.setPaper(false);
    undo(sim);
    expectPaperOut(sim);
    expect(journal(sim)).toHaveLength(2);
    sim.setPaper(true);
    sim.press('确认');
    expect(sim.title()).toBe(done);
    expect(sim.receipts()).toHaveLength(2);
  });

  it('结算 is done even without paper; 取消 skips the 结算单 and 重打印结算单 prints it', () => {
    const sim = start();
    completeSale(sim, '1234', 'tap');
    sim.setPaper(false);
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    expectPaperOut(sim);
    expect(sim.store.snapshot().day.batch).toBe(2);
    sim.press('取消');
    expect(sim.title()).toBe('结算成功');
    expect(sim.receipts().map((printout) => printout.kind)).toEqual(['transaction']);
    sim.press('确认');
    sim.setPaper(true);
    openReprint(sim);
    sim.press('3');
    expect(sim.receipts().at(-1)?.kind).toBe('settlement');
    expect(sim.receipt()).toContain('重打印凭证');
  });

  it('重打印 out of paper: 取消 prints nothing and goes home', () => {
    const sim = start();
    completeSale(sim, '1234', 'tap');
    sim.setPaper(false);
    openReprint(sim);
    sim.press('1');
    expectPaperOut(sim);
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
    expect(sim.receipts()).toHaveLength(1);
  });
});

describe('重打印', () => {
  it('offers the last receipt, one by 凭证号, the last 结算单; 上/下 move, digits pick; 取消 goes home', () => {
    const sim = start();
    openReprint(sim);
    expect(sim.title()).toBe('重打印');
    expect(rows(sim).slice(2, 5)).toEqual(['> 1.重打印最后一笔', '  2.重打印任意一笔', '  3.重打印结算单']);
    sim.press('上');
    expect(rows(sim)).toContain('> 3.重打印结算单');
    sim.press('下');
    expect(rows(sim)).toContain('> 1.重打印最后一笔');
    sim.press('4');
    expect(rows(sim)).toContain('> 1.重打印最后一笔');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it.each([
    ['1', '重打印最后一笔'],
    ['3', '重打印结算单'],
  ])('nothing printed yet: %s says 无可打印的凭证; 确认 and 取消 go back to the choice', (digit, label) => {
    const sim = start();
    openReprint(sim);
    sim.press(digit);
    expect(display(sim)).toContain('无可打印的凭证');
    sim.press('确认');
    expect(sim.title()).toBe('重打印');
    expect(rows(sim).find((row) => row.startsWith('>'))).toBe(`> ${digit}.${label}`);
    sim.press(digit, '取消');
    expect(sim.title()).toBe('重打印');
    expect(sim.receipts()).toEqual([]);
  });

  it('the last receipt is the last transaction’s, both copies, marked 重打印凭证; the device goes home', () => {
    const sim = start();
    completeSale(sim, '1234', 'tap');
    completeSale(sim, '5000', 'qr-wechat');
    openReprint(sim);
    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(sim.receipts()).toHaveLength(3);
    const copy = sim.receipt() ?? '';
    expect(copy).toContain('凭证号：000002');
    expect(copy.match(/重打印凭证/g)).toHaveLength(2);
    expect(copy.replaceAll(/\s*重打印凭证 REPRINT\n/g, '\n')).toBe(sim.receipts()[1]?.text.replaceAll(/\n\s*\n/g, '\n\n'));
  });

  it('by 凭证号: an unknown one is [25]; 确认 asks again; a known one (any batch) prints; 取消 at the number goes back to the choice', () => {
    const sim = start();
    completeSale(sim, '1234', 'tap');
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    sim.press('确认');
    completeSale(sim, '5000', 'qr-wechat');

    openReprint(sim);
    sim.press('2');
    expect(display(sim)).toContain('请输入凭证号');
    expect(rows(sim)).toContain('  _');
    sim.press('确认');
    expect(display(sim)).toContain('请输入凭证号');
    sim.type('9');
    sim.press('确认');
    expect(display(sim)).toContain('[25]找不到原始交易');
    expect(display(sim)).toContain('没有凭证号为 000009 的交易');
    sim.press('取消');
    expect(rows(sim)).toContain('  _');
    sim.type('99');
    sim.press('确认', '确认');
    expect(rows(sim)).toContain('  _');
    sim.type('12');
    sim.press('清除');
    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(sim.receipt()).toContain('凭证号：000001');
    expect(sim.receipt()).toContain('批次号：000001');
    expect(sim.receipt()).toContain('重打印凭证');

    openReprint(sim);
    sim.press('2');
    sim.press('取消');
    expect(sim.title()).toBe('重打印');
    expect(rows(sim)).toContain('> 2.重打印任意一笔');
  });

  it('needs no operator signed in, and reprints after a restart (the journal is in the flash)', () => {
    const sim = start({ signedIn: false });
    signIn(sim);
    sim.press('确认');
    completeSale(sim, '1234', 'tap');
    sim.powerCycle();
    sim.advance(2000);
    expect(sim.title()).toBe('签到');
    sim.press('取消');
    openReprint(sim);
    sim.press('1');
    expect(sim.receipt()).toContain('重打印凭证');
    expect(sim.receipt()).toContain('金额：RMB 12.34');
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    sim.setPaper(false);
    sell(sim, '1234', 'tap');
    expect(sim.title()).toBe('Out of paper');
    expect(display(sim)).toContain('Load paper, press [ENTER] to print');
    sim.setPaper(true);
    sim.press('确认', '确认');
    sim.press('F1');
    sim.select('Reprint');
    expect(rows(sim)).toContain('> 1.Last receipt');
    sim.press('1');
    expect(sim.receipt()).toContain('REPRINT');
    expect(sim.receipt()).toContain('SALES SLIP');
  });
});

describe('who the receipt names', () => {
  /** The default profile with a second 收银员, 02. */
  const twoCashiers = () => {
    const profile = structuredClone(loadProfile('default')) as unknown as { operators: unknown[] };
    profile.operators.push({
      id: '02',
      role: 'operator',
      name: { zh: '收银员二', en: 'Cashier 2' },
      passwordHash: hashPassword(CASHIER_PASSWORD),
    });
    return parseProfile(JSON.stringify(profile), 'two-cashiers.json');
  };

  it('a reprint names the operator who made the transaction, not who is signed in now', () => {
    const sim = start({ fixture: twoCashiers(), signedIn: false });
    signIn(sim, '01');
    sim.press('确认');
    completeSale(sim, '1234', 'tap');
    expect(sim.receipt()).toContain('操作员号：01');
    mainMenu(sim, '管理', '签到');
    signIn(sim, '02');
    sim.press('确认');
    expect(display(sim)).toContain('操作员 02 收银员二');

    openReprint(sim);
    sim.press('1');
    expect(sim.receipt()).toContain('重打印凭证');
    expect(sim.receipt()).toContain('操作员号：01');
    expect(sim.receipt()).not.toContain('操作员号：02');
  });

  it('a reprinted 结算单 names the operator who settled', () => {
    const sim = start({ fixture: twoCashiers(), signedIn: false });
    signIn(sim, '01');
    sim.press('确认');
    mainMenu(sim, '管理', '结算');
    sim.press('确认');
    waitForHost(sim);
    sim.press('确认');
    mainMenu(sim, '管理', '签到');
    signIn(sim, '02');
    sim.press('确认');
    openReprint(sim);
    sim.press('3');
    expect(sim.receipt()).toContain('操作员号：01');
  });

  it('a void by the operator signed in now names them', () => {
    const sim = start({ fixture: twoCashiers(), signedIn: false });
    signIn(sim, '01');
    sim.press('确认');
    completeSale(sim, '1234', 'tap');
    mainMenu(sim, '管理', '签到');
    signIn(sim, '02');
    sim.press('确认');
    authorised(sim, '撤销');
    sim.type('1');
    sim.press('确认', '确认', '1');
    waitForHost(sim);
    expect(states(sim)).toContain('voidSale.approved');
    expect(sim.receipt()).toContain('操作员号：02');
  });
});
