// 结算: the batch's totals by type and by how customers paid, always equal to the journal; 确认
// settles (结算中, the host's 对账平), prints the 结算单 and opens the next batch; 交易查询 lists the
// batch and shows one transaction in full. Offline the batch stays open; 取消 changes nothing.
import { describe, expect, it } from 'vitest';
import { formatFen } from '../../menus/domain.js';
import { batchTotals } from '../../menus/journal.js';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import type { Simulator } from '../../src/index.js';
import {
  completeSale,
  display,
  goHome,
  isHome,
  journal,
  lastRecord,
  mainMenu,
  refund,
  rows,
  signIn,
  simulators,
  states,
  unbindAccount,
  voidSale,
  waitForHost,
} from '../support/working-day.js';

const start = simulators();

/**
 * A batch of 消费 12.34 挥卡, 50.00 微信, 20.00 插卡, 8.00 支付宝; 撤销 of the 微信 sale; 退货 of 2.00
 * of the 挥卡 sale. Totals: 消费 4笔 90.34, 撤销 1笔 50.00, 退货 1笔 2.00, net 38.34.
 */
const busyBatch = () => {
  const sim = start();
  const tap = completeSale(sim, '1234', 'tap');
  completeSale(sim, '5000', 'qr-wechat');
  completeSale(sim, '2000', 'chip');
  completeSale(sim, '800', 'qr-alipay');
  voidSale(sim, '2', '微信');
  sim.press('确认');
  refund(sim, tap, '200', '挥卡/闪付');
  sim.press('确认');
  expect(isHome(sim)).toBe(true);
  return sim;
};

const openSettlement = (sim: Simulator) => mainMenu(sim, '管理', '结算');

describe('结算', () => {
  it('shows the totals by type, then by how customers paid; 上/下 turn the page', () => {
    const sim = busyBatch();
    openSettlement(sim);
    expect(sim.title()).toBe('结算');
    expect(display(sim)).toContain('批次号 000001');
    expect(rows(sim).slice(3, 7)).toEqual(['  消费 4笔 90.34元', '  撤销 1笔 50.00元', '  退货 1笔 2.00元', '  净额 38.34元']);
    expect(display(sim)).toContain('按[下]键看按支付方式的合计');
    expect(display(sim)).toContain('按[确认]键结算');

    sim.press('下');
    // Bank cards together (12.34 − 2.00 + 20.00), each wallet on its own (50.00 − 50.00, 8.00).
    expect(rows(sim).slice(3, 6)).toEqual(['  银行卡 3笔 30.34元', '  微信 2笔 0.00元', '  支付宝 1笔 8.00元']);
    expect(display(sim)).toContain('按[上]键看按交易类型的合计');
    sim.press('上');
    expect(display(sim)).toContain('净额 38.34元');
    sim.press('上');
    expect(display(sim)).toContain('银行卡 3笔 30.34元');
  });

  it('the totals shown are the journal’s, whatever was done', () => {
    const sim = busyBatch();
    const totals = batchTotals(journal(sim));
    openSettlement(sim);
    for (const [label, tally] of [
      ['消费', totals.kinds.sale],
      ['撤销', totals.kinds.void],
      ['退货', totals.kinds.refund],
    ] as const) {
      expect(display(sim)).toContain(`${label} ${tally.count}笔 ${formatFen(tally.amountFen)}元`);
    }
    expect(display(sim)).toContain(`净额 ${formatFen(totals.netFen)}元`);
  });

  it('确认 settles: 结算中, then 结算成功 对账平 with the closed batch and the new one; the 结算单 is printed; recorded', () => {
    const sim = busyBatch();
    const printed = sim.receipts().length;
    openSettlement(sim);
    sim.press('确认');
    expect(sim.title()).toBe('结算');
    expect(display(sim)).toContain('结算中，请稍候...');
    sim.advance(HOST_REPLY_MS - 1);
    expect(sim.store.snapshot().day.batch).toBe(1);
    sim.advance(1);

    expect(sim.title()).toBe('结算成功');
    expect(display(sim)).toContain('对账平');
    expect(display(sim)).toContain('批次000001 净额 38.34元');
    expect(display(sim)).toContain('新批次号 000002');
    const stored = sim.store.snapshot();
    expect(stored.day.batch).toBe(2);
    expect(stored.settlements).toHaveLength(1);
    expect(stored.settlements[0]).toMatchObject({
      batch: '000001',
      operator: '01',
      at: new Date(sim.store.now()).toISOString(),
      totals: {
        kinds: { sale: { count: 4, amountFen: 9034 }, void: { count: 1, amountFen: 5000 }, refund: { count: 1, amountFen: 200 } },
        netFen: 3834,
        groups: [
          { group: 'card', count: 3, amountFen: 3034 },
          { group: 'qr-wechat', count: 2, amountFen: 0 },
          { group: 'qr-alipay', count: 1, amountFen: 800 },
        ],
      },
    });
    expect(lastRecord(sim)).toEqual({
      at: new Date(sim.store.now()).toISOString(),
      operator: '01',
      action: 'settle',
      subject: '批次号000001 6笔 净额38.34元',
    });
    expect(sim.receipts()).toHaveLength(printed + 1);
    expect(sim.receipts().at(-1)?.kind).toBe('settlement');
    expect(sim.receipt()).toContain('结算单');

    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(display(sim)).toContain('批次号 000002');
  });

  it('after 结算 the new batch is empty; 凭证号 run on; a new sale belongs to the new batch', () => {
    const sim = busyBatch();
    openSettlement(sim);
    sim.press('确认');
    waitForHost(sim);
    sim.press('取消');
    expect(isHome(sim)).toBe(true);

    openSettlement(sim);
    expect(rows(sim).slice(3, 7)).toEqual(['  消费 0笔 0.00元', '  撤销 0笔 0.00元', '  退货 0笔 0.00元', '  净额 0.00元']);
    sim.press('下');
    expect(display(sim)).toContain('本批次暂无交易');
    sim.press('取消');

    const sale = completeSale(sim, '100', 'tap');
    expect(sale).toMatchObject({ batch: '000002', trace: '000007' });
  });

  it('an empty batch settles too, and the next batch opens', () => {
    const sim = start();
    openSettlement(sim);
    sim.press('确认');
    waitForHost(sim);
    expect(display(sim)).toContain('批次000001 净额 0.00元');
    expect(display(sim)).toContain('新批次号 000002');
    expect(sim.store.snapshot().settlements[0]?.totals).toEqual({
      kinds: { sale: { count: 0, amountFen: 0 }, void: { count: 0, amountFen: 0 }, refund: { count: 0, amountFen: 0 } },
      netFen: 0,
      groups: [],
    });
  });

  it('a batch of only a 退货 (of an earlier batch’s sale) nets below zero: shown, recorded and printed with the sign', () => {
    const sim = start();
    const sale = completeSale(sim, '1234', 'tap');
    openSettlement(sim);
    sim.press('确认');
    waitForHost(sim);
    sim.press('确认');
    refund(sim, sale, '1234', '挥卡/闪付');
    sim.press('确认');
    openSettlement(sim);
    expect(display(sim)).toContain('退货 1笔 12.34元');
    expect(display(sim)).toContain('净额 -12.34元');
    sim.press('下');
    expect(display(sim)).toContain('银行卡 1笔 -12.34元');
    sim.press('确认');
    waitForHost(sim);
    expect(display(sim)).toContain('批次000002 净额 -12.34元');
    expect(lastRecord(sim)?.subject).toBe('批次号000002 1笔 净额-12.34元');
    expect(sim.receipt()).toContain('-12.34');
    expect(sim.receipt()).not.toContain('-.');
  });

  it.each([
    ['商户账号', '[03]无效商户', '本机未绑定商户，不能交易'],
    ['结算卡', '[58]不允许终端进行的交易', '本机未绑定结算卡，不能交易'],
  ] as const)('with the %s unbound: 结算失败 %s, not settled, the batch stays open, nothing printed', (unbound, code, why) => {
    const sim = busyBatch();
    unbindAccount(sim, unbound, '2');
    goHome(sim);
    const printed = sim.receipts().length;
    const before = sim.store.snapshot();
    openSettlement(sim);
    sim.press('确认');
    waitForHost(sim);
    expect(sim.title()).toBe('结算失败');
    expect(display(sim)).toContain(code);
    expect(display(sim)).toContain(why);
    expect(sim.store.snapshot()).toEqual(before);
    expect(sim.receipts()).toHaveLength(printed);
    sim.press('确认');
    expect(isHome(sim)).toBe(true);
    expect(display(sim)).toContain('批次号 000001');
  });

  it('取消 at the totals changes nothing', () => {
    const sim = busyBatch();
    openSettlement(sim);
    sim.press('下');
    const before = sim.store.snapshot();
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
    expect(sim.store.snapshot()).toEqual(before);
  });

  it.each(['确认', '取消'])('offline: 通讯错误, not settled, the batch stays open, nothing printed; %s goes home', (key) => {
    const sim = busyBatch();
    const printed = sim.receipts().length;
    sim.networkDown();
    const before = sim.store.snapshot();
    openSettlement(sim);
    sim.press('确认');
    waitForHost(sim);
    expect(sim.title()).toBe('通讯错误');
    expect(display(sim)).toContain('网络连接失败，未结算，批次不变。');
    expect(sim.store.snapshot()).toEqual(before);
    expect(sim.receipts()).toHaveLength(printed);
    sim.press(key);
    expect(isHome(sim)).toBe(true);
  });

  it('the network dropping while the host reconciles: not settled', () => {
    const sim = busyBatch();
    openSettlement(sim);
    sim.press('确认');
    sim.networkDown();
    waitForHost(sim);
    expect(sim.title()).toBe('通讯错误');
    expect(sim.store.snapshot().day.batch).toBe(1);
  });

  it('needs an operator signed in', () => {
    const sim = start({ signedIn: false });
    sim.press('取消');
    openSettlement(sim);
    expect(sim.title()).toBe('请先签到');
    sim.press('确认');
    signIn(sim);
    sim.press('确认');
    openSettlement(sim);
    expect(sim.title()).toBe('结算');
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    completeSale(sim, '1234', 'tap');
    sim.press('F1');
    sim.select('Management');
    sim.select('Settlement');
    expect(display(sim)).toContain('Sale 1 12.34 yuan');
    expect(display(sim)).toContain('Net 12.34 yuan');
    sim.press('下');
    expect(display(sim)).toContain('Bank card 1 12.34 yuan');
    sim.press('确认');
    waitForHost(sim);
    expect(sim.title()).toBe('Settled');
    expect(display(sim)).toContain('Totals agree');
    expect(display(sim)).toContain('New batch 000002');
  });
});

describe('交易查询', () => {
  it('lists the batch newest first; 确认 shows one in full; 上/下 step through; 确认 or 取消 back to the list, 取消 home', () => {
    const sim = busyBatch();
    const [tap, , , , voided, refunded] = journal(sim);
    mainMenu(sim, '管理', '交易查询');
    expect(sim.title()).toBe('交易查询 批次000001');
    expect(rows(sim).slice(2, 8)).toEqual([
      '> 000006 退货 2.00',
      '  000005 撤销 50.00',
      '  000004 消费 8.00',
      '  000003 消费 20.00',
      '  000002 消费 50.00',
      '  000001 消费 12.34',
    ]);
    sim.press('确认');
    expect(sim.title()).toBe('交易明细 1/6');
    expect(display(sim)).toContain('凭证号 000006 退货');
    expect(display(sim)).toContain('金额：2.00元');
    expect(display(sim)).toContain('支付方式：挥卡/闪付');
    expect(display(sim)).toContain(`参考号 ${refunded?.reference}`);
    expect(display(sim)).toContain(`授权码 ${refunded?.authCode}`);
    expect(display(sim)).toContain('时间：2026-06-01 09:00');
    expect(display(sim)).toContain('原凭证号 000001');

    sim.press('上');
    expect(sim.title()).toBe('交易明细 6/6');
    expect(display(sim)).toContain('凭证号 000001 消费');
    expect(display(sim)).toContain(`参考号 ${tap?.reference}`);
    expect(display(sim)).toContain('已退货 2.00元');

    sim.press('上', '上', '上', '上');
    expect(sim.title()).toBe('交易明细 2/6');
    expect(display(sim)).toContain(`凭证号 ${voided?.trace} 撤销`);
    sim.press('下', '下', '下');
    expect(sim.title()).toBe('交易明细 5/6');
    expect(display(sim)).toContain('凭证号 000002 消费');
    expect(display(sim)).toContain('已撤销');

    sim.press('确认');
    expect(sim.title()).toBe('交易查询 批次000001');
    expect(rows(sim)).toContain('> 000002 消费 50.00');
    sim.press('下');
    expect(rows(sim)).toContain('> 000001 消费 12.34');
    sim.press('确认', '取消');
    expect(sim.title()).toBe('交易查询 批次000001');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it('an empty batch: 本批次暂无交易, and 确认 opens nothing', () => {
    const sim = start();
    mainMenu(sim, '管理', '交易查询');
    expect(display(sim)).toContain('本批次暂无交易');
    sim.press('确认', '上', '下');
    expect(states(sim)).toContain('transactionQuery.list');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    completeSale(sim, '1234', 'tap');
    sim.press('F1');
    sim.select('Management');
    sim.select('Transactions');
    expect(sim.title()).toBe('Transactions batch 000001');
    expect(rows(sim)).toContain('> 000001 Sale 12.34');
    sim.press('确认');
    expect(sim.title()).toBe('Transaction 1/1');
  });
});
