// 撤销 (void a sale of this batch by its 凭证号) and 退货 (refund by 参考号 and the original date, at
// most what is left, in parts), played key by key: the 主管's password, the number that finds the
// sale, the card or code presented, the host's answer, the journal entry, the record and the
// receipt; every refusal with its response code ([25], [12], [61], [58], [03]), offline, and 取消 at
// every step leaving everything as it was.
import { describe, expect, it } from 'vitest';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import type { JournalEntry } from '../../menus/journal.js';
import { type Simulator } from '../../src/index.js';
import {
  authorised,
  lookUpRefund,
  closeService,
  completeSale,
  display,
  goHome,
  isHome,
  journal,
  lastEntry,
  lastRecord,
  mainMenu,
  records,
  refund,
  rows,
  simulators,
  states,
  SUPERVISOR_PASSWORD,
  unbindAccount,
  voidSale,
  waitForHost,
} from '../support/working-day.js';

const start = simulators();

/** A device with three sales: 000001 12.34元 挥卡, 000002 50.00元 微信, 000003 20.00元 插卡. */
const dayWithSales = () => {
  const sim = start();
  const tap = completeSale(sim, '1234', 'tap');
  const wechat = completeSale(sim, '5000', 'qr-wechat');
  const chip = completeSale(sim, '2000', 'chip');
  expect([tap.trace, wechat.trace, chip.trace]).toEqual(['000001', '000002', '000003']);
  return { sim, tap, wechat, chip };
};

/** 结算 from the main menu, to 结算成功, and home. */
const settle = (sim: Simulator) => {
  mainMenu(sim, '管理', '结算');
  sim.press('确认');
  waitForHost(sim);
  expect(sim.title()).toBe('结算成功');
  sim.press('确认');
};

describe('撤销', () => {
  it('the 主管 authorises, 凭证号 finds the sale, the same code is presented: 撤销成功, journal, record, receipt', () => {
    const { sim, wechat } = dayWithSales();
    const printed = sim.receipts().length;
    mainMenu(sim, '撤销');
    expect(sim.title()).toBe('请输入主管密码');
    expect(display(sim)).toContain('操作员 00 主管');
    sim.type(SUPERVISOR_PASSWORD);
    expect(sim.screen()).not.toContain(SUPERVISOR_PASSWORD);
    sim.press('确认');

    expect(sim.title()).toBe('撤销');
    expect(display(sim)).toContain('请输入原凭证号');
    expect(rows(sim)).toContain('  ______');
    expect(display(sim)).toContain('只能撤销本批次（000001）的消费');
    sim.type('2');
    expect(rows(sim)).toContain('  2_____');
    sim.press('确认');

    expect(sim.title()).toBe('撤销');
    expect(display(sim)).toContain('凭证号 000002');
    expect(display(sim)).toContain('金额：50.00元');
    expect(display(sim)).toContain('支付方式：微信');
    expect(display(sim)).toContain('确认撤销这笔消费？');
    sim.press('确认');

    expect(display(sim)).toContain('请出示原交易的卡或付款码');
    expect(rows(sim).slice(4, 9)).toEqual(['> 1.挥卡/闪付', '  2.插卡', '  3.云闪付', '  4.微信', '  5.支付宝']);
    sim.press('4');
    expect(sim.title()).toBe('交易处理中');
    expect(display(sim)).toContain('交易处理中，请稍候...');
    sim.advance(HOST_REPLY_MS - 1);
    expect(journal(sim)).toHaveLength(3);
    sim.advance(1);

    expect(sim.title()).toBe('撤销成功');
    expect(display(sim)).toContain('[00]交易成功');
    expect(display(sim)).toContain('金额：50.00元');
    expect(display(sim)).toContain('款项已退回原支付账户');
    expect(display(sim)).toContain('原凭证号 000002');
    expect(lastEntry(sim)).toMatchObject({
      trace: '000004',
      batch: '000001',
      kind: 'void',
      amountFen: 5000,
      method: 'qr-wechat',
      channel: 'wechat',
      passwordFree: false,
      operator: '01',
      original: { trace: '000002', reference: wechat.reference },
    });
    expect(lastRecord(sim)).toEqual({
      at: new Date(sim.store.now()).toISOString(),
      operator: '01',
      action: 'void',
      subject: '50.00元 扫码(微信) 原凭证号000002 [00]交易成功',
      transaction: {
        kind: 'void',
        amountFen: 5000,
        method: 'qr-wechat',
        approved: true,
        responseCode: '00',
        trace: '000004',
        originalTrace: '000002',
      },
    });
    expect(sim.receipts()).toHaveLength(printed + 1);
    expect(sim.receipt()).toContain('交易类型：撤销');
    expect(sim.receipt()).toContain('原凭证号：000002');

    sim.press('确认');
    expect(isHome(sim)).toBe(true);
  });

  it('上/下 and 确认 present the card too; 取消 on 撤销成功 goes home', () => {
    const { sim } = dayWithSales();
    authorised(sim, '撤销');
    sim.type('000003');
    sim.press('确认', '确认');
    sim.press('上');
    expect(rows(sim)).toContain('> 5.支付宝');
    sim.press('下', '下');
    expect(rows(sim)).toContain('> 2.插卡');
    sim.press('6');
    expect(rows(sim)).toContain('> 2.插卡');
    sim.press('确认');
    waitForHost(sim);
    expect(sim.title()).toBe('撤销成功');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
    expect(lastEntry(sim)).toMatchObject({ kind: 'void', method: 'chip', original: { trace: '000003' } });
  });

  describe('the 主管’s password', () => {
    it('a wrong one says the attempts left and counts against the 主管; 取消 goes home with nothing voided', () => {
      const { sim } = dayWithSales();
      mainMenu(sim, '撤销');
      sim.type('0000');
      sim.press('确认');
      expect(display(sim)).toContain('密码错误，还可尝试2次');
      expect(sim.store.snapshot().lockouts['00']).toEqual({ failedAttempts: 1 });
      sim.press('取消');
      expect(isHome(sim)).toBe(true);
      expect(journal(sim)).toHaveLength(3);
    });
  });

  describe('the 凭证号', () => {
    it('确认 with nothing typed does nothing; at most six digits; 清除 deletes one; leading zeros are not needed', () => {
      const { sim } = dayWithSales();
      authorised(sim, '撤销');
      sim.press('确认');
      expect(display(sim)).toContain('请输入原凭证号');
      sim.type('1234567');
      expect(rows(sim)).toContain('  123456');
      sim.press('清除');
      expect(rows(sim)).toContain('  12345_');
      sim.press('清除', '清除', '清除', '清除', '清除');
      sim.type('0001');
      sim.press('确认');
      expect(display(sim)).toContain('凭证号 000001');
      expect(display(sim)).toContain('支付方式：挥卡/闪付');
    });

    it.each(['确认', '取消'])('no such sale in this batch: [25]找不到原始交易; %s asks for the number again', (key) => {
      const { sim } = dayWithSales();
      authorised(sim, '撤销');
      sim.type('9');
      sim.press('确认');
      expect(sim.title()).toBe('交易失败');
      expect(display(sim)).toContain('[25]找不到原始交易');
      expect(display(sim)).toContain('没有凭证号为 000009 的交易');
      sim.press(key);
      expect(display(sim)).toContain('请输入原凭证号');
      expect(rows(sim)).toContain('  ______');
    });

    it('the 凭证号 of a 撤销 is no sale: [25]', () => {
      const { sim } = dayWithSales();
      voidSale(sim, '1', '挥卡/闪付');
      sim.press('确认');
      authorised(sim, '撤销');
      sim.type('4');
      sim.press('确认');
      expect(display(sim)).toContain('[25]找不到原始交易');
    });

    it('a sale of a batch already settled cannot be voided: [25] (a 退货 is the way)', () => {
      const { sim } = dayWithSales();
      settle(sim);
      authorised(sim, '撤销');
      expect(display(sim)).toContain('只能撤销本批次（000002）的消费');
      sim.type('1');
      sim.press('确认');
      expect(display(sim)).toContain('[25]找不到原始交易');
    });

    it.each([
      ['voided', (sim: Simulator) => voidSale(sim, '2', '微信'), '确认'],
      ['partly refunded', (sim: Simulator) => refund(sim, journal(sim)[1] as JournalEntry, '100', '微信'), '取消'],
    ])('a sale already %s: [12]无效交易; %s asks for the number again', (_, undo, key) => {
      const { sim } = dayWithSales();
      undo(sim);
      sim.press('确认');
      const before = sim.store.snapshot();
      authorised(sim, '撤销');
      sim.type('2');
      sim.press('确认');
      expect(sim.title()).toBe('交易失败');
      expect(display(sim)).toContain('[12]无效交易');
      expect(display(sim)).toContain('原交易已撤销或已退货，不能撤销');
      sim.press(key);
      expect(display(sim)).toContain('请输入原凭证号');
      expect(rows(sim)).toContain('  ______');
      goHome(sim);
      expect(sim.store.snapshot().journal).toEqual(before.journal);
    });
  });

  it('not the card or code of the sale: [12]无效交易 naming how it was paid; 确认 or 取消 lets the customer present again', () => {
    const { sim } = dayWithSales();
    authorised(sim, '撤销');
    sim.type('2');
    sim.press('确认', '确认', '3');
    expect(sim.title()).toBe('交易失败');
    expect(display(sim)).toContain('[12]无效交易');
    expect(display(sim)).toContain('与原交易的支付方式（微信）不一致');
    sim.press('确认');
    expect(display(sim)).toContain('请出示原交易的卡或付款码');
    sim.press('1');
    sim.press('取消');
    expect(display(sim)).toContain('请出示原交易的卡或付款码');
    expect(journal(sim)).toHaveLength(3);
  });

  describe('取消 changes nothing', () => {
    it.each([
      ['the number', (sim: Simulator) => sim.type('2')],
      ['the sale found', (sim: Simulator) => (sim.type('2'), sim.press('确认'))],
      ['presenting the card', (sim: Simulator) => (sim.type('2'), sim.press('确认', '确认'))],
    ])('at %s: home, the store as it was', (_, reach) => {
      const { sim } = dayWithSales();
      authorised(sim, '撤销');
      reach(sim);
      const before = sim.store.snapshot();
      const printed = sim.receipts().length;
      sim.press('取消');
      expect(isHome(sim)).toBe(true);
      expect(sim.store.snapshot()).toEqual(before);
      expect(sim.receipts()).toHaveLength(printed);
    });
  });

  describe('offline', () => {
    it.each(['确认', '取消'])('the host never answers: 通讯错误, the sale stands, nothing recorded or printed; %s goes home', (key) => {
      const { sim } = dayWithSales();
      const printed = sim.receipts().length;
      sim.networkDown();
      const before = sim.store.snapshot();
      voidSale(sim, '1', '挥卡/闪付');
      expect(sim.title()).toBe('通讯错误');
      expect(display(sim)).toContain('网络连接失败，撤销未完成，原交易不变。');
      expect(display(sim)).toContain('金额：12.34元');
      expect(sim.store.snapshot().journal).toEqual(before.journal);
      expect(sim.store.snapshot().records).toEqual(before.records);
      expect(sim.receipts()).toHaveLength(printed);
      sim.press(key);
      expect(isHome(sim)).toBe(true);
    });

    it('the network dropping while the host is asked', () => {
      const { sim } = dayWithSales();
      authorised(sim, '撤销');
      sim.type('1');
      sim.press('确认', '确认', '1');
      sim.networkDown();
      waitForHost(sim);
      expect(sim.title()).toBe('通讯错误');
      expect(journal(sim)).toHaveLength(3);
    });
  });

  describe('refused by what the terminal accepts now, and recorded as declined', () => {
    it('the merchant account unbound since the sale: [03]无效商户', () => {
      const { sim } = dayWithSales();
      unbindAccount(sim, '商户账号', '2');
      goHome(sim);
      voidSale(sim, '3', '插卡');
      expect(sim.title()).toBe('交易失败');
      expect(display(sim)).toContain('[03]无效商户');
      expect(display(sim)).toContain('本机未绑定商户，不能交易');
      expect(display(sim)).toContain('金额：20.00元');
      expect(journal(sim)).toHaveLength(3);
      expect(lastRecord(sim)).toMatchObject({
        action: 'void',
        subject: '20.00元 插卡 原凭证号000003 [03]交易失败',
        transaction: { kind: 'void', approved: false, responseCode: '03', originalTrace: '000003' },
      });
      expect(lastRecord(sim)?.transaction).not.toHaveProperty('trace');
      sim.press('取消');
      expect(isHome(sim)).toBe(true);
    });

    it('the sale’s service closed since: [58]', () => {
      const { sim } = dayWithSales();
      closeService(sim, '微信支付');
      goHome(sim);
      voidSale(sim, '2', '微信');
      expect(display(sim)).toContain('[58]不允许终端进行的交易');
      expect(display(sim)).toContain('本机已关闭微信支付服务，不受理该支付方式');
      expect(lastRecord(sim)?.transaction).toMatchObject({ approved: false, responseCode: '58' });
      sim.press('确认');
      expect(isHome(sim)).toBe(true);
    });
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    completeSale(sim, '1234', 'tap');
    sim.press('F1');
    sim.select('Void');
    expect(sim.title()).toBe('Supervisor password');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认');
    expect(display(sim)).toContain('Original trace number');
    sim.type('1');
    sim.press('确认');
    expect(display(sim)).toContain('Void this sale?');
    sim.press('确认', '1');
    waitForHost(sim);
    expect(sim.title()).toBe('Voided');
    expect(display(sim)).toContain('Returned to the payer');
  });
});

describe('退货', () => {
  it('by 参考号 and date, in parts: at most what is left ([61]), then nothing is left ([12])', () => {
    const { sim, tap } = dayWithSales();
    const sale = tap;
    mainMenu(sim, '退货');
    expect(sim.title()).toBe('请输入主管密码');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认');

    expect(sim.title()).toBe('退货');
    expect(display(sim)).toContain('请输入原交易参考号');
    expect(rows(sim)).toContain(`  ${'_'.repeat(12)}`);
    sim.type(sale.reference.slice(0, 11));
    sim.press('确认');
    expect(display(sim)).toContain('请输入原交易参考号');
    sim.type(`${sale.reference.slice(11)}9`);
    expect(rows(sim)).toContain(`  ${sale.reference}`);
    sim.press('确认');

    expect(display(sim)).toContain(`原参考号 ${sale.reference}`);
    expect(display(sim)).toContain('请输入原交易日期（月日，如0601）');
    sim.type('060');
    sim.press('确认');
    expect(rows(sim)).toContain('  060_');
    sim.type('1');
    sim.press('确认');

    expect(display(sim)).toContain('原交易 12.34元 凭证号000001');
    expect(display(sim)).toContain('可退金额 12.34元');
    expect(display(sim)).toContain('请输入退货金额');
    expect(display(sim)).toContain('0.00元');
    sim.press('确认');
    expect(display(sim)).toContain('请输入退货金额');
    sim.type('200');
    expect(display(sim)).toContain('2.00元');
    sim.press('确认');

    expect(display(sim)).toContain('金额：2.00元');
    expect(display(sim)).toContain('请出示原交易的卡或付款码');
    sim.press('1');
    expect(sim.title()).toBe('交易处理中');
    waitForHost(sim);
    expect(sim.title()).toBe('退货成功');
    expect(display(sim)).toContain('[00]交易成功');
    expect(display(sim)).toContain('金额：2.00元');
    expect(display(sim)).toContain('款项已退回原支付账户');
    expect(display(sim)).toContain('原凭证号 000001');
    expect(lastEntry(sim)).toMatchObject({
      trace: '000004',
      kind: 'refund',
      amountFen: 200,
      method: 'contactless',
      original: { trace: '000001', reference: sale.reference },
    });
    expect(lastRecord(sim)).toMatchObject({
      operator: '01',
      action: 'refund',
      subject: '2.00元 挥卡/闪付 原凭证号000001 [00]交易成功',
      transaction: { kind: 'refund', amountFen: 200, approved: true, responseCode: '00', trace: '000004', originalTrace: '000001' },
    });
    expect(sim.receipt()).toContain('交易类型：退货');
    sim.press('确认');

    // 10.35 is a fen more than is left: [61]; 确认 goes back to the amount as typed.
    lookUpRefund(sim, sale.reference);
    sim.type('1035');
    sim.press('确认');
    expect(sim.title()).toBe('交易失败');
    expect(display(sim)).toContain('[61]超出金额限制');
    expect(display(sim)).toContain('可退金额 10.34元');
    sim.press('确认');
    expect(display(sim)).toContain('可退金额 10.34元');
    expect(display(sim)).toContain('10.35元');
    sim.press('清除');
    sim.type('4');
    sim.press('确认');
    sim.select('挥卡/闪付');
    waitForHost(sim);
    expect(sim.title()).toBe('退货成功');
    sim.press('确认');

    lookUpRefund(sim, sale.reference);
    expect(sim.title()).toBe('交易失败');
    expect(display(sim)).toContain('[12]无效交易');
    expect(display(sim)).toContain('原交易已撤销或已全额退货');
    sim.press('确认');
    expect(display(sim)).toContain('请输入原交易参考号');
    expect(
      journal(sim)
        .filter((entry) => entry.kind === 'refund')
        .map((entry) => entry.amountFen),
    ).toEqual([200, 1034]);
  });

  it('取消 at the overLimit message also goes back to the amount', () => {
    const { sim, chip } = dayWithSales();
    lookUpRefund(sim, chip.reference);
    sim.type('2001');
    sim.press('确认');
    expect(display(sim)).toContain('[61]超出金额限制');
    sim.press('取消');
    expect(display(sim)).toContain('请输入退货金额');
  });

  it('a voided sale cannot be refunded: [12]; 取消 asks for the reference again', () => {
    const { sim, wechat } = dayWithSales();
    voidSale(sim, '2', '微信');
    sim.press('确认');
    lookUpRefund(sim, wechat.reference);
    expect(display(sim)).toContain('[12]无效交易');
    expect(display(sim)).toContain('原交易已撤销或已全额退货');
    sim.press('取消');
    expect(display(sim)).toContain('请输入原交易参考号');
    expect(rows(sim)).toContain(`  ${'_'.repeat(12)}`);
  });

  describe('finding the sale', () => {
    it.each([
      ['a reference no sale has', () => '999999999999', '0601'],
      ['the right reference on another day', (sale: { reference: string }) => sale.reference, '0602'],
    ])('%s: [25]找不到原始交易; 确认 asks for the reference again, empty', (_, reference, date) => {
      const { sim, tap } = dayWithSales();
      lookUpRefund(sim, reference(tap), date);
      expect(sim.title()).toBe('交易失败');
      expect(display(sim)).toContain('[25]找不到原始交易');
      expect(display(sim)).toContain('没有这个参考号和日期的消费');
      sim.press('确认');
      expect(rows(sim)).toContain(`  ${'_'.repeat(12)}`);
    });

    it('the reference of a 撤销 is no sale: [25]; 取消 asks again too', () => {
      const { sim } = dayWithSales();
      voidSale(sim, '1', '挥卡/闪付');
      sim.press('确认');
      lookUpRefund(sim, lastEntry(sim)?.reference ?? '');
      expect(display(sim)).toContain('[25]找不到原始交易');
      sim.press('取消');
      expect(display(sim)).toContain('请输入原交易参考号');
    });

    it('取消 at the date goes back to the reference as typed; 清除 works on both', () => {
      const { sim, tap } = dayWithSales();
      authorised(sim, '退货');
      sim.type(tap.reference);
      sim.press('确认');
      sim.type('06');
      sim.press('清除');
      expect(rows(sim)).toContain('  0___');
      sim.press('取消');
      expect(display(sim)).toContain('请输入原交易参考号');
      expect(rows(sim)).toContain(`  ${tap.reference}`);
      sim.press('清除');
      expect(rows(sim)).toContain(`  ${tap.reference.slice(0, 11)}_`);
    });

    it('a sale of a batch already settled can be refunded; the refund belongs to the new batch', () => {
      const { sim, chip } = dayWithSales();
      settle(sim);
      refund(sim, chip, '500', '插卡');
      expect(sim.title()).toBe('退货成功');
      expect(lastEntry(sim)).toMatchObject({ kind: 'refund', batch: '000002', trace: '000004', original: { trace: '000003' } });
    });
  });

  it('the amount stops at 99999.99元', () => {
    const { sim, tap } = dayWithSales();
    lookUpRefund(sim, tap.reference);
    sim.type('99999999');
    expect(display(sim)).toContain('99999.99元');
  });

  it('not the card or code of the sale: [12]; 确认 presents again', () => {
    const { sim, wechat } = dayWithSales();
    refund(sim, wechat, '100', '支付宝');
    expect(display(sim)).toContain('[12]无效交易');
    expect(display(sim)).toContain('与原交易的支付方式（微信）不一致');
    sim.press('确认');
    sim.press('下', '确认');
    expect(display(sim)).toContain('与原交易的支付方式（微信）不一致');
    sim.press('取消');
    expect(rows(sim)).toContain('> 1.挥卡/闪付');
    sim.press('上');
    expect(rows(sim)).toContain('> 5.支付宝');
    sim.press('上', '确认');
    waitForHost(sim);
    expect(sim.title()).toBe('退货成功');
  });

  describe('取消 changes nothing', () => {
    it.each([
      ['the 主管’s password', (sim: Simulator) => mainMenu(sim, '退货')],
      ['the reference', (sim: Simulator) => authorised(sim, '退货')],
      [
        'the amount',
        (sim: Simulator, reference: string) => (
          authorised(sim, '退货'),
          sim.type(reference),
          sim.press('确认'),
          sim.type('0601'),
          sim.press('确认')
        ),
      ],
      [
        'presenting the card',
        (sim: Simulator, reference: string) => (
          authorised(sim, '退货'),
          sim.type(reference),
          sim.press('确认'),
          sim.type('0601'),
          sim.press('确认'),
          sim.type('1'),
          sim.press('确认')
        ),
      ],
    ])('at %s: home, the store as it was', (_, reach) => {
      const { sim, tap } = dayWithSales();
      reach(sim, tap.reference);
      expect(states(sim).some((state) => state.startsWith('refund.'))).toBe(true);
      const before = sim.store.snapshot();
      const printed = sim.receipts().length;
      sim.press('取消');
      expect(isHome(sim)).toBe(true);
      expect(sim.store.snapshot()).toEqual(before);
      expect(sim.receipts()).toHaveLength(printed);
    });
  });

  it.each(['确认', '取消'])('offline: 通讯错误, nothing refunded, recorded or printed; %s goes home', (key) => {
    const { sim, tap } = dayWithSales();
    sim.networkDown();
    const before = sim.store.snapshot();
    refund(sim, tap, '100', '挥卡/闪付');
    expect(sim.title()).toBe('通讯错误');
    expect(display(sim)).toContain('网络连接失败，退货未完成，未退款。');
    expect(sim.store.snapshot().journal).toEqual(before.journal);
    expect(records(sim)).toEqual(before.records);
    sim.press(key);
    expect(isHome(sim)).toBe(true);
  });

  it.each(['确认', '取消'])('refused when the terminal has no settlement card now: [58], recorded as declined; %s goes home', (key) => {
    const { sim, tap } = dayWithSales();
    unbindAccount(sim, '结算卡', '2');
    goHome(sim);
    refund(sim, tap, '100', '挥卡/闪付');
    expect(display(sim)).toContain('[58]不允许终端进行的交易');
    expect(display(sim)).toContain('本机未绑定结算卡，不能交易');
    expect(lastRecord(sim)).toMatchObject({ action: 'refund', transaction: { approved: false, responseCode: '58' } });
    expect(journal(sim)).toHaveLength(3);
    sim.press(key);
    expect(isHome(sim)).toBe(true);
  });

  it('取消 on 退货成功 goes home', () => {
    const { sim, tap } = dayWithSales();
    refund(sim, tap, '100', '挥卡/闪付');
    sim.press('取消');
    expect(isHome(sim)).toBe(true);
  });

  it('speaks English', () => {
    const sim = start({ lang: 'en' });
    const sale = completeSale(sim, '1234', 'tap');
    sim.press('F1');
    sim.select('Refund');
    sim.type(SUPERVISOR_PASSWORD);
    sim.press('确认');
    expect(display(sim)).toContain('Original reference number');
    sim.type(sale.reference);
    sim.press('确认');
    expect(display(sim)).toContain('Original date (MMDD, e.g. 0601)');
    sim.type('0601');
    sim.press('确认');
    expect(display(sim)).toContain('Refundable 12.34 yuan');
    sim.type('9999');
    sim.press('确认');
    expect(display(sim)).toContain('Exceeds amount limit');
  });
});

describe('refusals before the host are recorded too', () => {
  it('[25] no such 凭证号, [12] voided already or another card, [61] over what is left: one declined record each, nothing in the journal', () => {
    const sim = start();
    const sale = completeSale(sim, '1234', 'tap');
    const inJournal = journal(sim).length;
    authorised(sim, '撤销');
    sim.type('9');
    sim.press('确认');
    expect(lastRecord(sim)).toMatchObject({
      action: 'void',
      subject: '凭证号000009 [25]交易失败',
      transaction: { kind: 'void', approved: false, responseCode: '25', asked: '凭证号000009' },
    });
    sim.press('确认');
    sim.type('1');
    sim.press('确认', '确认', '2');
    expect(lastRecord(sim)).toMatchObject({ action: 'void', transaction: { responseCode: '12', amountFen: 1234, approved: false } });
    goHome(sim);
    lookUpRefund(sim, sale.reference);
    sim.type('99999');
    sim.press('确认');
    expect(lastRecord(sim)).toMatchObject({
      action: 'refund',
      subject: `参考号${sale.reference} 日期0601 999.99元 [61]交易失败`,
      transaction: { kind: 'refund', responseCode: '61', amountFen: 99_999, approved: false },
    });
    goHome(sim);
    expect(journal(sim)).toHaveLength(inJournal);
  });
});
