// What the terminal accepts, the one answer every flow asks: from the bindings and the 免密 settings
// in force — and, for a QR payment, what the payer's wallet answers — to a refusal with its response
// code ([03]无效商户, [58]不允许终端进行的交易, [05]不予承兑), or 免密免签, or the card's PIN, or the
// payer's password on the phone. Pure, so played as a table over the default profile's own rules.
import { describe, expect, it } from 'vitest';
import {
  channelApplies,
  closedServiceFor,
  decidePasswordFree,
  decidePayment,
  merchantOf,
  methodRefusal,
  settlementCardOf,
  terminalRefusal,
  type AcceptanceRules,
  type PayerFacts,
  type TerminalFacts,
} from '../../menus/acceptance.js';
import { PAYMENT_METHODS, type Binding, type PasswordFreeSettings, type PaymentMethod } from '../../menus/domain.js';
import { deviceConfig } from '../../src/device/device-session.js';
import { loadProfile } from '../../src/index.js';

const profile = loadProfile('default');
/** The default profile's rules: 云闪付 governs qr-unionpay, 微信支付 qr-wechat, 支付宝 qr-alipay; 银联闪付 covers taps and qr-unionpay. */
const rules: AcceptanceRules = deviceConfig(profile, { autoSignIn: true }).rules;
const inForce: PasswordFreeSettings = {
  enabled: true,
  channels: [
    { id: 'unionpay', smallAmountEnabled: true, limit: 1000 },
    { id: 'wechat', smallAmountEnabled: true, limit: 500 },
    { id: 'alipay', smallAmountEnabled: true, limit: 500 },
  ],
};

/** The default profile's terminal with the bindings `without` removed. */
const facts = (...without: readonly string[]): TerminalFacts => ({
  bindings: profile.bindings.filter((binding) => !without.includes(binding.id)),
  passwordFree: inForce,
  signedIn: { operator: '01', at: '2026-06-01T01:00:00.000Z' },
});

describe('the rules come from the profile', () => {
  it('each payment service governs the QR code of its wallet; taps and chip cards belong to no service', () => {
    expect(rules.services.map((service) => [service.id, service.name.zh, service.methods])).toEqual([
      ['unionpay-qr', '云闪付', ['qr-unionpay']],
      ['wechat-pay', '微信支付', ['qr-wechat']],
      ['alipay', '支付宝', ['qr-alipay']],
    ]);
    expect(rules.channels).toEqual([
      { id: 'unionpay', covers: ['contactless', 'qr-unionpay'] },
      { id: 'wechat', covers: ['qr-wechat'] },
      { id: 'alipay', covers: ['qr-alipay'] },
    ]);
  });

  it('each wallet on the payer’s phone pays its own QR code, and its own 小额免密 decides it too', () => {
    expect(rules.wallets.map((wallet) => [wallet.id, wallet.name.zh, wallet.method, wallet.decides])).toEqual([
      ['unionpay', '云闪付', 'qr-unionpay', true],
      ['wechat', '微信', 'qr-wechat', true],
      ['alipay', '支付宝', 'qr-alipay', true],
    ]);
  });
});

describe('refusals of the whole terminal', () => {
  it('a terminal bound to a merchant and a settlement card may transact', () => {
    expect(terminalRefusal(facts())).toBeUndefined();
    expect(merchantOf(facts())?.account).toBe('898310058120134');
    expect(settlementCardOf(facts())?.account).toBe('6222020402071234');
  });

  it('without a merchant account every transaction is [03]无效商户, even without a settlement card too', () => {
    expect(terminalRefusal(facts('merchant'))).toEqual({ code: '03', reason: 'noMerchant' });
    expect(terminalRefusal(facts('merchant', 'settlement-card'))).toEqual({ code: '03', reason: 'noMerchant' });
    expect(merchantOf(facts('merchant'))).toBeUndefined();
  });

  it('without a settlement card there is nowhere to settle to: [58]', () => {
    expect(terminalRefusal(facts('settlement-card'))).toEqual({ code: '58', reason: 'noSettlementCard' });
    expect(settlementCardOf(facts('settlement-card'))).toBeUndefined();
  });

  it('a terminal with nothing bound refuses every method with [03]', () => {
    const bare: TerminalFacts = { bindings: [], passwordFree: inForce, signedIn: undefined };
    for (const method of PAYMENT_METHODS) expect(methodRefusal(bare, rules, method), method).toEqual({ code: '03', reason: 'noMerchant' });
  });
});

describe('a closed payment service', () => {
  it('refuses exactly the methods it governs with [58], naming the service', () => {
    const closed = facts('unionpay-qr');
    expect(closedServiceFor(closed, rules, 'qr-unionpay')?.id).toBe('unionpay-qr');
    expect(methodRefusal(closed, rules, 'qr-unionpay')).toEqual({
      code: '58',
      reason: 'serviceClosed',
      service: { zh: '云闪付', en: expect.any(String) },
    });
    for (const method of ['contactless', 'chip', 'qr-wechat', 'qr-alipay'] as const) {
      expect(methodRefusal(closed, rules, method), method).toBeUndefined();
    }
  });

  it('a refusal of the whole terminal comes before the closed service', () => {
    expect(methodRefusal(facts('unionpay-qr', 'merchant'), rules, 'qr-unionpay')).toMatchObject({ code: '03', reason: 'noMerchant' });
    expect(methodRefusal(facts('unionpay-qr', 'settlement-card'), rules, 'qr-unionpay')).toMatchObject({
      code: '58',
      reason: 'noSettlementCard',
    });
  });

  it('a method two services may carry stays accepted while either is open', () => {
    const twoWays: AcceptanceRules = {
      ...rules,
      services: [...rules.services, { id: 'aggregator', name: { zh: '聚合支付', en: 'Aggregator' }, methods: ['qr-wechat'] }],
    };
    const aggregator: Binding = {
      id: 'aggregator',
      kind: 'service',
      name: { zh: '聚合支付', en: 'Aggregator' },
      account: '1',
      boundAt: '2024-01-01',
    };
    const withAggregator = { ...facts('wechat-pay'), bindings: [...facts('wechat-pay').bindings, aggregator] };
    expect(methodRefusal(withAggregator, twoWays, 'qr-wechat')).toBeUndefined();
    expect(methodRefusal(facts('wechat-pay'), twoWays, 'qr-wechat')).toMatchObject({
      reason: 'serviceClosed',
      service: { zh: '微信支付' },
    });
  });
});

describe('the 免密 decision', () => {
  it('at or under the covering channel’s limit without a PIN, a fen above with it; chip always with it', () => {
    expect(decidePasswordFree(inForce, rules.channels, 'contactless', 100_000)).toEqual({
      channel: 'unionpay',
      limit: 1000,
      passwordFree: true,
    });
    expect(decidePasswordFree(inForce, rules.channels, 'contactless', 100_001)).toEqual({
      channel: 'unionpay',
      limit: 1000,
      passwordFree: false,
    });
    expect(decidePasswordFree(inForce, rules.channels, 'qr-alipay', 50_000)).toEqual({ channel: 'alipay', limit: 500, passwordFree: true });
    expect(decidePasswordFree(inForce, rules.channels, 'chip', 1)).toEqual({ channel: undefined, limit: undefined, passwordFree: false });
  });
});

describe('decidePayment: the whole answer for one payment', () => {
  it('accepted: 免密免签 under the limit, the PIN above it', () => {
    const decidedBy = { terminal: true, wallet: false };
    expect(decidePayment(facts(), rules, 'contactless', 100)).toEqual({
      accepted: true,
      channel: 'unionpay',
      limit: 1000,
      passwordFree: true,
      confirm: 'none',
      decidedBy,
    });
    expect(decidePayment(facts(), rules, 'contactless', 100_001)).toEqual({
      accepted: true,
      channel: 'unionpay',
      limit: 1000,
      passwordFree: false,
      confirm: 'cardPin',
      decidedBy,
    });
    expect(decidePayment(facts(), rules, 'chip', 1)).toMatchObject({
      passwordFree: false,
      confirm: 'cardPin',
      decidedBy: { terminal: false, wallet: false },
    });
  });

  it('a closed service is refused however small the amount and whatever its 免密 switch says', () => {
    const refused = decidePayment(facts('unionpay-qr'), rules, 'qr-unionpay', 1);
    expect(refused).toEqual({
      accepted: false,
      channel: 'unionpay',
      refusal: { code: '58', reason: 'serviceClosed', service: expect.objectContaining({ zh: '云闪付' }) },
    });
    // The same channel still decides a tap: the card's 闪付 is no 云闪付 service.
    expect(decidePayment(facts('unionpay-qr'), rules, 'contactless', 1)).toMatchObject({ accepted: true, passwordFree: true });
  });

  it('every method of every refused terminal is refused with the terminal’s code', () => {
    const cases: [TerminalFacts, string][] = [
      [facts('merchant'), '03'],
      [facts('settlement-card'), '58'],
    ];
    for (const [terminal, code] of cases) {
      for (const method of PAYMENT_METHODS as readonly PaymentMethod[]) {
        const decision = decidePayment(terminal, rules, method, 1);
        expect(decision.accepted, method).toBe(false);
        expect(decision.accepted === false && decision.refusal.code, method).toBe(code);
      }
    }
  });

  it('a change saved but not applied does not count: only the settings passed in (those in force) decide', () => {
    const off: TerminalFacts = { ...facts(), passwordFree: { ...inForce, enabled: false } };
    expect(decidePayment(off, rules, 'contactless', 1)).toMatchObject({ accepted: true, passwordFree: false });
  });
});

describe('decidePayment for a QR payment: the payer’s wallet decides too, and the payer confirms on the phone', () => {
  const wallet = (enabled: boolean, limit = 500, canPay = true): PayerFacts => ({
    wallet: 'wechat',
    passwordFree: { enabled, limit },
    canPay,
  });

  it('免密 only when the terminal’s channel and the wallet both allow it; the limit said is the smaller', () => {
    const both = { terminal: true, wallet: true };
    expect(decidePayment(facts(), rules, 'qr-wechat', 100, wallet(true))).toEqual({
      accepted: true,
      channel: 'wechat',
      limit: 500,
      passwordFree: true,
      confirm: 'none',
      decidedBy: both,
    });
    expect(decidePayment(facts(), rules, 'qr-wechat', 20_001, wallet(true, 200))).toMatchObject({
      passwordFree: false,
      confirm: 'payerPhone',
      limit: 200,
    });
    expect(decidePayment(facts(), rules, 'qr-wechat', 50_001, wallet(true, 1000))).toMatchObject({
      passwordFree: false,
      confirm: 'payerPhone',
      limit: 500,
    });
  });

  it('the wallet’s 免密 off asks for the password on the phone whatever the terminal’s settings say', () => {
    expect(decidePayment(facts(), rules, 'qr-wechat', 1, wallet(false))).toMatchObject({
      accepted: true,
      passwordFree: false,
      confirm: 'payerPhone',
    });
    // The terminal's own rows keep deciding card payments: the wallet has no say in a tap.
    expect(decidePayment(facts(), rules, 'contactless', 1, wallet(false))).toMatchObject({ passwordFree: true, confirm: 'none' });
  });

  it('the terminal’s 微信 row off asks for it on the phone too: never on the keypad', () => {
    const wechatOff: TerminalFacts = {
      ...facts(),
      passwordFree: {
        ...inForce,
        channels: inForce.channels.map((channel) => ({ ...channel, smallAmountEnabled: channel.id !== 'wechat' })),
      },
    };
    expect(decidePayment(wechatOff, rules, 'qr-wechat', 1, wallet(true))).toMatchObject({ passwordFree: false, confirm: 'payerPhone' });
  });

  it('which side decides is profile data: a wallet that does not decide leaves it to the terminal, a channel that does not cover it to the wallet', () => {
    const walletOnly: AcceptanceRules = {
      ...rules,
      channels: rules.channels.map((channel) => (channel.id === 'wechat' ? { ...channel, covers: [] } : channel)),
    };
    expect(decidePayment(facts(), walletOnly, 'qr-wechat', 60_000, wallet(true, 1000))).toMatchObject({
      passwordFree: true,
      limit: 1000,
      decidedBy: { terminal: false, wallet: true },
    });
    const terminalOnly: AcceptanceRules = { ...rules, wallets: rules.wallets.map((rule) => ({ ...rule, decides: false })) };
    expect(decidePayment(facts(), terminalOnly, 'qr-wechat', 1, wallet(false))).toMatchObject({
      passwordFree: true,
      confirm: 'none',
      decidedBy: { terminal: true, wallet: false },
    });
    const nobody: AcceptanceRules = { ...walletOnly, wallets: terminalOnly.wallets };
    expect(decidePayment(facts(), nobody, 'qr-wechat', 1, wallet(true))).toMatchObject({ passwordFree: false, confirm: 'payerPhone' });
  });

  it('a wallet that cannot pay (no card with its 云闪付 service open) is refused with [05], after the terminal’s own refusals', () => {
    expect(
      decidePayment(facts(), rules, 'qr-unionpay', 1, { wallet: 'unionpay', passwordFree: { enabled: true, limit: 1000 }, canPay: false }),
    ).toEqual({
      accepted: false,
      channel: 'unionpay',
      refusal: { code: '05', reason: 'payerCannotPay', service: expect.objectContaining({ zh: '云闪付' }) },
    });
    expect(
      decidePayment(facts('unionpay-qr'), rules, 'qr-unionpay', 1, {
        wallet: 'unionpay',
        passwordFree: { enabled: true, limit: 1000 },
        canPay: false,
      }),
    ).toMatchObject({
      refusal: { code: '58', reason: 'serviceClosed' },
    });
  });
});

describe('channelApplies: whether a 免密 row still decides anything', () => {
  it('a channel whose every method has its service closed does not apply', () => {
    expect(channelApplies(facts(), rules, 'wechat')).toBe(true);
    expect(channelApplies(facts('wechat-pay'), rules, 'wechat')).toBe(false);
    expect(channelApplies(facts('alipay'), rules, 'alipay')).toBe(false);
    expect(channelApplies(facts('alipay'), rules, 'wechat')).toBe(true);
  });

  it('银联闪付 still applies with 云闪付 closed: it decides taps too', () => {
    expect(channelApplies(facts('unionpay-qr'), rules, 'unionpay')).toBe(true);
    const qrOnly: AcceptanceRules = { ...rules, channels: [{ id: 'unionpay', covers: ['qr-unionpay'] }] };
    expect(channelApplies(facts('unionpay-qr'), qrOnly, 'unionpay')).toBe(false);
  });

  it('a channel the rules do not know, or one covering nothing, is not marked', () => {
    expect(channelApplies(facts('wechat-pay'), rules, 'nosuch')).toBe(true);
    expect(channelApplies(facts('wechat-pay'), { ...rules, channels: [{ id: 'wechat', covers: [] }] }, 'wechat')).toBe(true);
  });
});
