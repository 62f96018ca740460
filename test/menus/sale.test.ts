// P5 · 收款: the technician's check that a 免密 setting took effect. Keying the amount, choosing how
// the customer pays, the decision from the settings IN FORCE (免密免签 or the PIN), wrong PINs,
// offline, 取消 at every step, the record, and the proof that a saved change only counts after the
// restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { SHUTDOWN_MS } from '../../menus/device.js';
import type { DevicePort } from '../../menus/device-port.js';
import type { ChannelCoverage, PasswordFreeSettings, SaleRecord } from '../../menus/domain.js';
import { decidePasswordFree as decidePayment } from '../../menus/acceptance.js';
import { CARD_PIN_TRIES, MAX_AMOUNT_FEN, SALE_PROCESSING_MS, saleMachine } from '../../menus/sale.js';
import { BOOT_MS, confMedium, createSimulator, loadProfile, parseProfile, type Simulator } from '../../src/index.js';
import { verifyPassword } from '../../src/store/password-hash.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';

/** The test card's PIN in the shipped profiles (sale.cardPinHash). */
const CARD_PIN = '147258';
const WRONG_PIN = '975319';
/** The factory payment password of the default profile's wallets. */
const WALLET_PASSWORD = '112233';
const SETTINGS_PASSWORD = '123456';

const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
const records = (sim: Simulator) => sim.store.snapshot().records;
const sales = (sim: Simulator) => records(sim).filter((record) => record.action === 'sale');

const simulators: Simulator[] = [];
const start = (fixture = 'default'): Simulator => {
  const sim = createSimulator({ fixture });
  simulators.push(sim);
  return sim;
};
afterEach(() => {
  for (const sim of simulators.splice(0)) sim.stop();
});

/** From home: 确认, then the amount's digits (fen) and 确认: the device asks how the customer pays. */
const startSale = (sim: Simulator, digits: string) => {
  sim.press('确认');
  sim.type(digits);
  sim.press('确认');
};

/** The host's answer arrives after 交易处理中. */
const waitForHost = (sim: Simulator) => sim.advance(SALE_PROCESSING_MS);

/** A sale by 挥卡/闪付 from home, up to the host's answer or the PIN prompt. */
const tapCard = (sim: Simulator, digits: string) => {
  startSale(sim, digits);
  sim.select('挥卡/闪付');
  if (states(sim).includes('sale.processing')) waitForHost(sim);
};

describe('the 免密 decision', () => {
  const channels: ChannelCoverage[] = [
    { id: 'unionpay', covers: ['contactless', 'qr-unionpay'] },
    { id: 'wechat', covers: ['qr-wechat'] },
  ];
  const settings: PasswordFreeSettings = {
    enabled: true,
    channels: [
      { id: 'unionpay', smallAmountEnabled: true, limit: 1000 },
      { id: 'wechat', smallAmountEnabled: true, limit: 500 },
    ],
  };

  it('goes through without a PIN at or under the covering channel’s limit, and asks for it above', () => {
    expect(decidePayment(settings, channels, 'contactless', 100_000)).toEqual({ channel: 'unionpay', limit: 1000, passwordFree: true });
    expect(decidePayment(settings, channels, 'contactless', 100_001)).toEqual({ channel: 'unionpay', limit: 1000, passwordFree: false });
    expect(decidePayment(settings, channels, 'qr-unionpay', 1)).toMatchObject({ channel: 'unionpay', passwordFree: true });
    expect(decidePayment(settings, channels, 'qr-wechat', 50_000)).toEqual({ channel: 'wechat', limit: 500, passwordFree: true });
    expect(decidePayment(settings, channels, 'qr-wechat', 50_001)).toMatchObject({ passwordFree: false });
  });

  it('asks for the PIN when 免密支付 is off, the channel’s 小额免密 is off, the card is inserted, or no channel covers the method', () => {
    expect(decidePayment({ ...settings, enabled: false }, channels, 'contactless', 1).passwordFree).toBe(false);
    const unionpayOff = {
      ...settings,
      channels: settings.channels.map((channel) => ({ ...channel, smallAmountEnabled: channel.id !== 'unionpay' })),
    };
    expect(decidePayment(unionpayOff, channels, 'contactless', 1).passwordFree).toBe(false);
    expect(decidePayment(unionpayOff, channels, 'qr-wechat', 1).passwordFree).toBe(true);
    expect(decidePayment(settings, channels, 'chip', 1)).toEqual({ channel: undefined, limit: undefined, passwordFree: false });
    expect(decidePayment(settings, channels, 'qr-alipay', 1)).toEqual({ channel: undefined, limit: undefined, passwordFree: false });
    // A channel the settings do not list (a profile edited after the device was seeded) decides nothing.
    expect(decidePayment({ enabled: true, channels: [] }, channels, 'contactless', 1)).toMatchObject({
      channel: 'unionpay',
      passwordFree: false,
    });
  });
});

describe('the sale machine on its own', () => {
  /** A port whose settings in force allow 免密 and whose pending change would not. */
  const fakePort = (online = true) => {
    const recorded: SaleRecord[] = [];
    const active: PasswordFreeSettings = { enabled: true, channels: [{ id: 'unionpay', smallAmountEnabled: true, limit: 300 }] };
    const bound = [
      { id: 'merchant', kind: 'merchant', name: { zh: '商户账号', en: 'Merchant' }, account: '898310058120134', boundAt: '2024-03-18' },
      { id: 'card', kind: 'settlementCard', name: { zh: '结算卡', en: 'Card' }, account: '6222020402071234', boundAt: '2024-03-18' },
    ] as const;
    const port = {
      now: () => 0,
      isOnline: () => online,
      facts: () => ({ bindings: bound, passwordFree: active, signedIn: { operator: '01', at: '' } }),
      hasPaper: () => true,
      print: () => undefined,
      activePasswordFree: () => active,
      pendingPasswordFree: () => ({ ...active, enabled: false }),
      checkCardPin: (pin: string) => pin === CARD_PIN,
      recordSale: (sale: SaleRecord) => recorded.push(sale),
    } as Partial<DevicePort> as DevicePort;
    return { port, recorded };
  };

  const run = (online = true) => {
    const { port, recorded } = fakePort(online);
    const clock = new SimulatedClock();
    const actor = createActor(saleMachine, {
      input: { port, operatorId: '01', rules: { services: [], channels: [{ id: 'unionpay', covers: ['contactless'] }], wallets: [] } },
      clock,
    });
    actor.start();
    const press = (...events: Parameters<typeof actor.send>[0][]) => events.forEach((event) => actor.send(event));
    const digits = (text: string) => [...text].forEach((digit) => actor.send({ type: 'DIGIT', digit: digit as '0' }));
    return { actor, clock, press, digits, recorded };
  };

  it('decides from the settings in force, not the pending change, and records the sale when the host approves', () => {
    const { actor, clock, press, digits, recorded } = run();
    digits('30000');
    press({ type: 'ENTER' }, { type: 'DIGIT', digit: '1' });
    expect(actor.getSnapshot().value).toBe('processing');
    expect(actor.getSnapshot().context.decision).toMatchObject({
      accepted: true,
      channel: 'unionpay',
      limit: 300,
      passwordFree: true,
      confirm: 'none',
    });
    clock.increment(SALE_PROCESSING_MS - 1);
    expect(actor.getSnapshot().value).toBe('processing');
    expect(recorded).toEqual([]);
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('approved');
    expect(recorded).toEqual([{ amountFen: 30_000, method: 'contactless', channel: 'unionpay', responseCode: '00', passwordFree: true }]);
    press({ type: 'ENTER' });
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('keeps the PIN in context only until it is sent, and never more than 12 digits', () => {
    const { actor, press, digits } = run();
    digits('30001');
    press({ type: 'ENTER' }, { type: 'DIGIT', digit: '1' });
    expect(actor.getSnapshot().value).toBe('pin');
    digits('1234567890123');
    expect(actor.getSnapshot().context.pin).toHaveLength(12);
    press({ type: 'ENTER' });
    expect(actor.getSnapshot().value).toBe('processing');
    expect(actor.getSnapshot().context).toMatchObject({ pin: '', pinRight: false });
  });

  it('offline, the host never answers: 通讯错误, nothing recorded, a wrong PIN not counted', () => {
    const { actor, clock, press, digits, recorded } = run(false);
    digits('99999');
    press({ type: 'ENTER' }, { type: 'DIGIT', digit: '2' });
    digits(WRONG_PIN);
    press({ type: 'ENTER' });
    clock.increment(SALE_PROCESSING_MS);
    expect(actor.getSnapshot().value).toBe('commsError');
    expect(actor.getSnapshot().context.wrongPins).toBe(0);
    expect(recorded).toEqual([]);
  });
});

describe('收款 (P5)', () => {
  it('the home screen says how to take a payment; 确认 starts a sale asking for the amount', () => {
    const sim = start();
    expect(display(sim)).toContain('按[确认]键收款');
    expect(display(sim)).toContain('按[菜单]键进入设置');
    sim.press('确认');
    expect(states(sim)).toEqual(['device.sale', 'sale.amount']);
    expect(sim.title()).toBe('收款');
    expect(display(sim)).toContain('请输入金额');
    expect(display(sim)).toContain('0.00元');
  });

  describe('keying the amount', () => {
    const amountShown = (sim: Simulator) => /(\d+\.\d\d)元/.exec(display(sim))?.[1];

    it('builds it in fen like a real terminal: 1,2,3,4 shows 0.01, 0.12, 1.23, 12.34元', () => {
      const sim = start();
      sim.press('确认');
      const shown = [...'1234'].map((digit) => {
        sim.press(digit);
        return amountShown(sim);
      });
      expect(shown).toEqual(['0.01', '0.12', '1.23', '12.34']);
      sim.press('清除');
      expect(amountShown(sim)).toBe('1.23');
    });

    it('ignores leading zeros, 清除 at 0.00 and 确认 at 0.00', () => {
      const sim = start();
      sim.press('确认');
      sim.type('00');
      sim.press('清除');
      expect(amountShown(sim)).toBe('0.00');
      sim.press('确认');
      expect(states(sim)).toContain('sale.amount');
      expect(sim.screen()).not.toContain('[确认]');
      sim.type('05');
      expect(amountShown(sim)).toBe('0.05');
      sim.press('确认');
      expect(states(sim)).toContain('sale.method');
    });

    it('stops at 99999.99元: a digit that would go over is ignored', () => {
      const sim = start();
      sim.press('确认');
      sim.type(String(MAX_AMOUNT_FEN));
      expect(amountShown(sim)).toBe('99999.99');
      sim.type('9');
      expect(amountShown(sim)).toBe('99999.99');
      sim.press('清除');
      sim.type('0');
      expect(amountShown(sim)).toBe('99999.90');
    });
  });

  it('a small contactless payment goes through without a PIN on the default profile: 交易金额未超过1000元，免密免签', () => {
    const sim = start();
    startSale(sim, '1234');
    expect(display(sim)).toContain('金额：12.34元');
    expect(display(sim)).toContain('请选择支付方式');
    expect(sim.screen()).toContain('> 1.挥卡/闪付');
    expect(sim.screen()).toContain('2.插卡');
    expect(sim.screen()).toContain('3.扫码');

    sim.press('1');
    expect(states(sim)).toContain('sale.processing');
    expect(sim.title()).toBe('交易处理中');
    expect(display(sim)).toContain('交易处理中，请稍候...');
    expect(sales(sim)).toEqual([]);

    waitForHost(sim);
    expect(states(sim)).toContain('sale.approved');
    expect(sim.title()).toBe('交易成功');
    expect(display(sim)).toContain('[00]交易成功');
    expect(display(sim)).toContain('支付方式：挥卡/闪付');
    expect(display(sim)).toContain('交易金额未超过1000元，免密免签');
    expect(sales(sim)).toEqual([
      {
        at: '2026-06-01T01:00:03.100Z',
        operator: '01',
        action: 'sale',
        subject: '12.34元 挥卡/闪付 银联闪付 免密免签 [00]交易成功',
        sale: { amountFen: 1234, method: 'contactless', channel: 'unionpay', approved: true, responseCode: '00', passwordFree: true },
      },
    ]);

    sim.press('确认');
    expect(states(sim)).toEqual(['device.home']);
  });

  it('over the limit the device asks for the PIN, masked, then completes', () => {
    const sim = start();
    tapCard(sim, '100001');
    expect(states(sim)).toContain('sale.pin');
    expect(sim.title()).toBe('请持卡人输入密码');
    expect(display(sim)).toContain('金额：1000.01元');
    sim.type(CARD_PIN.slice(0, 3));
    expect(sim.screen().split('\n')).toContain('  ***_');
    // Fewer than 4 digits is not a PIN yet.
    sim.press('确认');
    expect(states(sim)).toContain('sale.pin');
    sim.press('清除');
    expect(sim.screen().split('\n')).toContain('  **_');
    sim.type(CARD_PIN.slice(2));
    expect(sim.screen().split('\n')).toContain('  ******_');
    expect(sim.screen()).not.toMatch(/147|258|1472/);
    sim.press('确认');
    expect(states(sim)).toContain('sale.processing');
    waitForHost(sim);
    expect(sim.title()).toBe('交易成功');
    expect(display(sim)).toContain('已验证持卡人密码');
    expect(display(sim)).not.toContain('免密');
    expect(sales(sim).at(-1)).toMatchObject({ subject: '1000.01元 挥卡/闪付 银联闪付 凭密码 [00]交易成功', sale: { passwordFree: false } });
  });

  it('at exactly the limit it still goes through without a PIN', () => {
    const sim = start();
    tapCard(sim, '100000');
    expect(display(sim)).toContain('交易金额未超过1000元，免密免签');
  });

  it('插卡 always asks for the PIN, however small the amount', () => {
    const sim = start();
    startSale(sim, '1');
    sim.select('插卡');
    expect(sim.title()).toBe('请持卡人输入密码');
    sim.type(CARD_PIN);
    sim.press('确认');
    waitForHost(sim);
    expect(display(sim)).toContain('支付方式：插卡');
    expect(sales(sim).at(-1)?.sale).toEqual({ amountFen: 1, method: 'chip', approved: true, responseCode: '00', passwordFree: false });
    expect(sales(sim).at(-1)?.subject).toBe('0.01元 插卡 凭密码 [00]交易成功');
  });

  describe('扫码', () => {
    it('微信 up to its own 500元 limit goes through without a password; above, the payer confirms on the phone', () => {
      const sim = start();
      startSale(sim, '50000');
      sim.select('扫码');
      expect(states(sim)).toContain('sale.wallet');
      expect(sim.title()).toBe('扫码');
      expect(display(sim)).toContain('请选择付款码');
      expect(sim.screen()).toContain('> 1.云闪付');
      sim.select('微信');
      waitForHost(sim);
      expect(display(sim)).toContain('支付方式：扫码（微信）');
      expect(display(sim)).toContain('交易金额未超过500元，免密免签');
      expect(sales(sim).at(-1)?.sale).toMatchObject({ method: 'qr-wechat', channel: 'wechat', passwordFree: true });

      sim.press('确认');
      startSale(sim, '50001');
      sim.press('3');
      sim.press('2');
      // The terminal waits; the payer's wallet asks on the phone, and the keypad takes no password.
      expect(sim.title()).toBe('请付款人在手机上确认');
      expect(states(sim)).toContain('sale.awaitingPayer');
      expect(sim.phone.title()).toBe('微信付款');
      expect(sim.phone.screen()).toContain('¥500.01');
      sim.type(WALLET_PASSWORD);
      expect(states(sim)).toContain('sale.awaitingPayer');
      sim.phone.type(WALLET_PASSWORD);
      expect(states(sim)).toContain('sale.processing');
      waitForHost(sim);
      expect(display(sim)).toContain('交易成功');
      expect(display(sim)).toContain('付款人已在手机上确认');
      expect(display(sim)).not.toContain('已验证持卡人密码');
      expect(sales(sim).at(-1)?.sale).toMatchObject({ method: 'qr-wechat', passwordFree: false });
    });

    it('云闪付 follows the UnionPay channel and 支付宝 its own', () => {
      const sim = start();
      startSale(sim, '80000');
      sim.press('3', '1');
      waitForHost(sim);
      expect(display(sim)).toContain('交易金额未超过1000元，免密免签');
      expect(sales(sim).at(-1)?.sale).toMatchObject({ method: 'qr-unionpay', channel: 'unionpay' });
      sim.press('取消');
      startSale(sim, '80000');
      sim.press('3', '下', '下', '确认');
      expect(sim.title()).toBe('请付款人在手机上确认');
      expect(display(sim)).toContain('金额：800.00元');
      expect(sim.phone.title()).toBe('支付宝付款');
      sim.press('取消');
      expect(states(sim)).toEqual(['device.home']);
      // The payer's phone hears that the terminal no longer waits.
      expect(sim.phone.title()).toBe('付款已取消');
      expect(sim.phone.wallets().request).toBeUndefined();
    });

    it('the payer cancels on the phone: 交易失败, nothing charged, nothing recorded', () => {
      const sim = start();
      startSale(sim, '80000');
      sim.press('3', '3');
      sim.phone.press('取消');
      expect(states(sim)).toContain('sale.payerCancelled');
      expect(display(sim)).toContain('付款人已取消支付');
      expect(display(sim)).toContain('交易未完成，未扣款');
      expect(sim.phone.title()).toBe('已取消付款');
      expect(sales(sim)).toHaveLength(0);
    });

    it('wrong payment passwords on the phone: the tries left there, then the wallet locks it and the terminal declines with [75]', () => {
      const sim = start();
      startSale(sim, '80000');
      sim.press('3', '2');
      sim.phone.type('000000');
      expect(sim.phone.screen()).toContain('支付密码错误，还可输入2次');
      expect(states(sim)).toContain('sale.awaitingPayer');
      sim.phone.type('000000');
      sim.phone.type('000000');
      expect(sim.phone.title()).toBe('支付密码已锁定');
      expect(sim.phone.screen()).toContain('请180分0秒后再试');
      sim.phone.press('确认');
      expect(sim.phone.title()).toBe('付款失败');
      expect(states(sim)).toContain('sale.declined');
      expect(display(sim)).toContain('[75]密码错误次数超限');
      expect(sales(sim).at(-1)?.sale).toMatchObject({ method: 'qr-wechat', approved: false, responseCode: '75' });
      expect(sim.phone.screen()).not.toContain('000000');
      expect(sim.screen()).not.toContain('000000');
    });
  });

  it('three wrong PINs: [55]密码错 with the tries left, then [75]密码错误次数超限 and the sale is declined', () => {
    const sim = start();
    startSale(sim, '2');
    sim.select('插卡');
    for (let left = CARD_PIN_TRIES - 1; left > 0; left--) {
      sim.type(WRONG_PIN);
      sim.press('确认');
      waitForHost(sim);
      expect(states(sim)).toContain('sale.pin');
      expect(display(sim)).toContain('[55]密码错');
      expect(display(sim)).toContain(`请重新输入（还可输入${left}次）`);
      expect(sim.screen().split('\n')).toContain('  _');
    }
    sim.type(WRONG_PIN);
    sim.press('确认');
    waitForHost(sim);
    expect(states(sim)).toContain('sale.declined');
    expect(sim.title()).toBe('交易失败');
    expect(display(sim)).toContain('[75]密码错误次数超限');
    expect(sales(sim)).toHaveLength(1);
    expect(sales(sim)[0]).toMatchObject({
      operator: '01',
      subject: '0.02元 插卡 凭密码 [75]交易失败',
      sale: { approved: false, responseCode: '75', passwordFree: false },
    });
    // The settings operator's lockout is not touched by a card's PIN.
    expect(sim.store.snapshot().lockouts).toEqual({});
    sim.press('取消');
    expect(states(sim)).toEqual(['device.home']);
  });

  it('a right PIN after a wrong one goes through', () => {
    const sim = start();
    startSale(sim, '2');
    sim.select('插卡');
    sim.type(WRONG_PIN);
    sim.press('确认');
    waitForHost(sim);
    sim.type(CARD_PIN);
    sim.press('确认');
    waitForHost(sim);
    expect(sim.title()).toBe('交易成功');
    expect(sales(sim)).toHaveLength(1);
  });

  describe('offline', () => {
    it('the sale is refused with 通讯错误 and nothing is recorded', () => {
      const sim = start('offline');
      tapCard(sim, '100');
      expect(states(sim)).toContain('sale.commsError');
      expect(sim.title()).toBe('通讯错误');
      expect(display(sim)).toContain('网络连接失败，交易未完成，未扣款');
      expect(sales(sim)).toEqual([]);
      sim.press('确认');
      expect(states(sim)).toEqual(['device.home']);
    });

    it('the network dropping while the host is asked refuses it too', () => {
      const sim = start();
      startSale(sim, '100');
      sim.press('1');
      sim.networkDown();
      waitForHost(sim);
      expect(states(sim)).toContain('sale.commsError');
      expect(sales(sim)).toEqual([]);
    });
  });

  describe('取消 at any step goes home without a sale', () => {
    const steps: readonly [string, (sim: Simulator) => void][] = [
      ['amount', (sim) => sim.press('确认', '5')],
      ['method', (sim) => startSale(sim, '5')],
      ['wallet', (sim) => (startSale(sim, '5'), sim.press('3'))],
      ['pin', (sim) => (startSale(sim, '5'), sim.press('2'), sim.type('14'))],
      ['processing', (sim) => (startSale(sim, '5'), sim.press('1'))],
      ['approved', (sim) => tapCard(sim, '5')],
      [
        'declined',
        (sim) => {
          startSale(sim, '5');
          sim.press('2');
          for (let tries = 0; tries < CARD_PIN_TRIES; tries++) {
            sim.type(WRONG_PIN);
            sim.press('确认');
            waitForHost(sim);
          }
        },
      ],
      ['commsError', (sim) => (sim.networkDown(), tapCard(sim, '5'))],
    ];

    it.each(steps)('from %s', (state, reach) => {
      const sim = start();
      reach(sim);
      expect(states(sim)).toContain(`sale.${state}`);
      const salesBefore = sales(sim).length;
      sim.press('取消');
      expect(states(sim)).toEqual(['device.home']);
      expect(sales(sim)).toHaveLength(salesBefore);
      // Nothing goes on after the sale was left: the host's answer does not come back later.
      sim.advance(SALE_PROCESSING_MS * 2);
      expect(states(sim)).toEqual(['device.home']);
      expect(sales(sim)).toHaveLength(salesBefore);
      if (state !== 'approved' && state !== 'declined') expect(sales(sim)).toEqual([]);
    });
  });

  it('a sale changes no binding, setting, network or lockout; only a sale record and its journal entry are added', () => {
    const sim = start();
    const before = sim.store.snapshot();
    tapCard(sim, '1234');
    sim.press('确认');
    startSale(sim, '1');
    sim.press('2');
    for (let tries = 0; tries < CARD_PIN_TRIES; tries++) {
      sim.type(WRONG_PIN);
      sim.press('确认');
      waitForHost(sim);
    }
    const after = sim.store.snapshot();
    expect({ ...after, records: [], journal: [], day: before.day }).toEqual({ ...before, records: [] });
    expect(after.records.map((record) => record.action)).toEqual(['sale', 'sale']);
    // Only the approved sale enters the journal, with the next 凭证号.
    expect(after.journal.map((entry) => [entry.kind, entry.amountFen, entry.trace])).toEqual([['sale', 1234, '000001']]);
    expect(after.day.nextTrace).toBe(before.day.nextTrace + 1);
  });

  it('a power cut in the middle of a sale leaves nothing recorded', () => {
    const sim = start();
    startSale(sim, '1234');
    sim.press('1');
    sim.powerCut();
    sim.advance(BOOT_MS + SALE_PROCESSING_MS);
    expect(states(sim)).toEqual(['device.home']);
    expect(sales(sim)).toEqual([]);
  });

  it('a sale record survives on disk and loads again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-sim-sale-'));
    try {
      const first = createSimulator({ medium: confMedium(dir, 'default') });
      tapCard(first, '1234');
      const written = first.store.snapshot().records;
      first.stop();
      const second = createSimulator({ medium: confMedium(dir, 'default') });
      expect(second.store.snapshot().records).toEqual(written);
      second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the check of P2: a saved change only counts after the restart', () => {
    /** 设置 → 支付方式管理 → 免密支付 → untick `row` → 保存设置 → password; 是否立即重启: 取消 (later). */
    const saveUnticked = (sim: Simulator, row: string) => {
      sim.press('菜单');
      sim.type(SETTINGS_PASSWORD);
      sim.press('确认');
      sim.select('支付方式管理');
      sim.select('免密支付');
      sim.select(row);
      sim.select('保存设置');
      sim.type(SETTINGS_PASSWORD);
      sim.press('确认');
      expect(display(sim)).toContain('设置已保存，重启后生效');
    };
    const goHome = (sim: Simulator) => {
      for (let presses = 0; presses < 6 && !states(sim).includes('device.home'); presses++) sim.press('取消');
      expect(states(sim)).toEqual(['device.home']);
    };

    it('免密支付 off: before the restart a small tap still goes through without a PIN, after it the device asks', () => {
      const sim = start();
      saveUnticked(sim, '开启免密支付');
      goHome(sim);
      expect(display(sim)).toContain('有设置待重启生效');

      tapCard(sim, '1000');
      expect(display(sim)).toContain('交易金额未超过1000元，免密免签');
      sim.press('确认');

      sim.powerCycle();
      sim.advance(BOOT_MS);
      expect(sim.store.snapshot().passwordFree.active.enabled).toBe(false);
      tapCard(sim, '1000');
      expect(states(sim)).toContain('sale.pin');
      expect(sim.title()).toBe('请持卡人输入密码');
      sim.type(CARD_PIN);
      sim.press('确认');
      waitForHost(sim);
      expect(display(sim)).toContain('已验证持卡人密码');
      expect(sales(sim).map((record) => record.sale?.passwordFree)).toEqual([true, false]);
    });

    it('银联闪付 小额免密 off after 重启: taps need the PIN, 微信 still goes through without one', () => {
      const sim = start();
      saveUnticked(sim, '银联闪付');
      sim.press('确认');
      sim.advance(SHUTDOWN_MS + BOOT_MS);
      expect(states(sim)).toEqual(['device.home']);
      tapCard(sim, '1000');
      expect(states(sim)).toContain('sale.pin');
      sim.press('取消');
      startSale(sim, '1000');
      sim.press('3');
      sim.select('微信');
      waitForHost(sim);
      expect(display(sim)).toContain('交易金额未超过500元，免密免签');
    });
  });

  it('speaks English when the device does', () => {
    const sim = createSimulator({ lang: 'en' });
    simulators.push(sim);
    expect(display(sim)).toContain('Press [OK] to take a payment');
    startSale(sim, '1234');
    expect(display(sim)).toContain('Amount: CNY 12.34');
    sim.select('Tap');
    waitForHost(sim);
    expect(sim.title()).toBe('Approved');
    expect(display(sim)).toContain('Amount not over CNY 1000: no PIN, no signature');
  });
});

describe('the profile’s sale fields', () => {
  // The profile's messages, read in English (the tool speaks Chinese unless told otherwise).
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  // Tests break the profile in ways its type forbids, so it is handled untyped here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const defaultProfile = () => structuredClone(loadProfile('default')) as unknown as Record<string, any>;
  const problems = (profile: unknown): string => {
    try {
      parseProfile(JSON.stringify(profile), 'test.json');
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };

  it('the shipped test card PIN is 147258', () => {
    for (const name of ['default', 'offline', 'unbound']) {
      expect(verifyPassword(CARD_PIN, loadProfile(name).sale.cardPinHash), name).toBe(true);
    }
  });

  it('say what to add when sale or a channel’s covers is missing', () => {
    const profile = defaultProfile();
    delete profile.sale;
    delete profile.passwordFree.channels[0].covers;
    const message = problems(profile);
    expect(message).toContain('sale: add "sale": { "operator": "01"');
    expect(message).toContain('passwordFree.channels[0].covers: say which payment methods this channel decides');
  });

  it('refuse chip in covers and a clear-text PIN', () => {
    const profile = defaultProfile();
    profile.passwordFree.channels[0].covers = ['contactless', 'chip'];
    profile.sale.cardPinHash = CARD_PIN;
    const message = problems(profile);
    expect(message).toContain(
      'passwordFree.channels[0].covers[1]: use contactless, qr-unionpay, qr-wechat, qr-alipay (a chip payment always needs the PIN',
    );
    expect(message).toContain('sale.cardPinHash: store a hash of the test card PIN, never the PIN');
    expect(message).not.toContain(CARD_PIN);
  });

  it('refuse a method covered by two channels and a sale operator the device does not have', () => {
    const profile = defaultProfile();
    profile.passwordFree.channels[1].covers = ['qr-wechat', 'contactless'];
    profile.sale.operator = '07';
    const message = problems(profile);
    expect(message).toContain('passwordFree.channels[1].covers[1]: "contactless" is already covered by channel "unionpay"');
    expect(message).toContain('sale.operator: no operator "07"; use one of 00, 01, 99');
  });
});
