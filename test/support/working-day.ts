// The working day played as a technician plays it on the headless simulator: 签到, sales paid in
// each way, the main menu, 设置 → 绑定管理, and what the screen, the flash and the printer hold.
// Shared by the tests of test/menus, test/store and test/printer on the working day.
import { afterEach, expect } from 'vitest';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import type { JournalEntry } from '../../menus/journal.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/index.js';
import { FACTORY_WALLET_PASSWORD } from '../../src/phone/phone-profile.js';

/** The shipped profiles' factory passwords: 00 主管, 01 收银员. */
export const SUPERVISOR_PASSWORD = '123456';
export const CASHIER_PASSWORD = '0000';
/** The test card's PIN (sale.cardPinHash in the shipped profiles). */
export const CARD_PIN = '147258';

/** The display with wrapped lines joined, so a sentence is found however the display broke it. */
export const display = (sim: Simulator): string => sim.session.matchText();
export const states = (sim: Simulator): string[] => sim.session.activeStates();
export const isHome = (sim: Simulator): boolean => states(sim).includes('device.home');
export const records = (sim: Simulator) => sim.store.snapshot().records;
export const lastRecord = (sim: Simulator) => records(sim).at(-1);
export const journal = (sim: Simulator): JournalEntry[] => sim.store.snapshot().journal;
export const lastEntry = (sim: Simulator): JournalEntry | undefined => journal(sim).at(-1);
export const bindingIds = (sim: Simulator): string[] => sim.store.snapshot().bindings.map((binding) => binding.id);
/** The screen's rows as a list, to find a row exactly (the selected one starts with "> "). */
export const rows = (sim: Simulator): string[] => sim.screen().split('\n');

/** The host's answer (签到, 消费, 撤销, 退货, 结算) arrives after this long on the device clock. */
export const waitForHost = (sim: Simulator): void => sim.advance(HOST_REPLY_MS);

/** Simulators made by the test, stopped after it. Call once at the top of a test file. */
export const simulators = (): ((options?: SimulatorOptions) => Simulator) => {
  const made: Simulator[] = [];
  afterEach(() => {
    for (const sim of made.splice(0)) sim.stop();
  });
  return (options = {}) => {
    const sim = createSimulator(options);
    made.push(sim);
    return sim;
  };
};

/** 取消 until the home screen (at most `presses` times). */
export const goHome = (sim: Simulator, presses = 8): void => {
  for (let pressed = 0; pressed < presses && !isHome(sim); pressed++) sim.press('取消');
  expect(states(sim)).toEqual(['device.home']);
};

/** At 签到's 请输入操作员号: the operator's number and password; the host answers. */
export const signIn = (sim: Simulator, operator = '01', password = CASHIER_PASSWORD): void => {
  sim.type(operator);
  sim.press('确认');
  sim.type(password);
  sim.press('确认');
  waitForHost(sim);
};

/** How the customer pays, as the sale's menus ask: 挥卡/闪付, 插卡, or 扫码 then a wallet. */
export type Paid = 'tap' | 'chip' | 'qr-unionpay' | 'qr-wechat' | 'qr-alipay';
const PAID_KEYS: Readonly<Record<Paid, readonly string[]>> = {
  tap: ['1'],
  chip: ['2'],
  'qr-unionpay': ['3', '1'],
  'qr-wechat': ['3', '2'],
  'qr-alipay': ['3', '3'],
};

/** From home: 确认, the amount (fen), 确认, and how the customer pays; up to the host's answer or the PIN. */
export const startSale = (sim: Simulator, digits: string, paid: Paid): void => {
  sim.press('确认');
  sim.type(digits);
  sim.press('确认', ...PAID_KEYS[paid]);
  if (states(sim).includes('sale.processing')) waitForHost(sim);
};

/**
 * A sale from home to its answer: the PIN typed when asked, the payer's password on the phone; the device shows 交易成功 (or the
 * refusal). Returns the journal entry it made, if it was approved.
 */
export const sell = (sim: Simulator, digits: string, paid: Paid): JournalEntry | undefined => {
  const before = journal(sim).length;
  startSale(sim, digits, paid);
  if (states(sim).includes('sale.pin')) {
    sim.type(CARD_PIN);
    sim.press('确认');
    waitForHost(sim);
  }
  // A QR payment over the wallet's 小额免密 limit: the payer confirms on the phone.
  if (states(sim).includes('sale.awaitingPayer')) {
    sim.phone.type(FACTORY_WALLET_PASSWORD);
    waitForHost(sim);
  }
  return journal(sim).length > before ? lastEntry(sim) : undefined;
};

/** A sale from home and back home: 确认 on its answer. Returns its journal entry. */
export const completeSale = (sim: Simulator, digits: string, paid: Paid): JournalEntry => {
  const entry = sell(sim, digits, paid);
  expect(states(sim), `the sale of ${digits} by ${paid}`).toContain('sale.approved');
  sim.press('确认');
  expect(isHome(sim)).toBe(true);
  if (!entry) throw new Error('an approved sale made no journal entry');
  return entry;
};

/** F1 on the home screen, then the items named, in turn (管理 opens its sub-menu). */
export const mainMenu = (sim: Simulator, ...items: readonly string[]): void => {
  sim.press('F1');
  for (const item of items) sim.select(item);
};

/** 主菜单 → 撤销 or 退货: asks for the 主管 password; typed and confirmed. */
export const authorised = (sim: Simulator, item: '撤销' | '退货'): void => {
  mainMenu(sim, item);
  expect(sim.title()).toBe('请输入主管密码');
  sim.type(SUPERVISOR_PASSWORD);
  sim.press('确认');
};

/** 主菜单 → 退货, authorised, the sale looked up by its 参考号 and 原交易日期 (MMDD). */
export const lookUpRefund = (sim: Simulator, reference: string, date = '0601'): void => {
  authorised(sim, '退货');
  sim.type(reference);
  sim.press('确认');
  sim.type(date);
  sim.press('确认');
};

/** 主菜单 → 撤销 of the sale with `trace`, presented `present` (the sale's own way unless told), to the host's answer. */
export const voidSale = (sim: Simulator, trace: string, present: string): void => {
  authorised(sim, '撤销');
  sim.type(trace);
  sim.press('确认', '确认');
  sim.select(present);
  waitForHost(sim);
};

/** 主菜单 → 退货 of `amount` (fen) of the sale `sale`, presented as it was paid, to the host's answer. */
export const refund = (sim: Simulator, sale: Pick<JournalEntry, 'reference' | 'date'>, amount: string, present: string): void => {
  authorised(sim, '退货');
  sim.type(sale.reference);
  sim.press('确认');
  sim.type(sale.date.slice(5).replace('-', ''));
  sim.press('确认');
  sim.type(amount);
  sim.press('确认');
  sim.select(present);
  waitForHost(sim);
};

/** 设置 (the 主管's password) → 绑定管理: the list. */
export const openBindings = (sim: Simulator): void => {
  sim.press('菜单');
  sim.type(SUPERVISOR_PASSWORD);
  sim.press('确认');
  sim.select('绑定管理');
};

/** 设置 → 绑定管理 → a password-confirmed service → 关闭服务; the device says it is closed. Stays there. */
export const closeService = (sim: Simulator, name: string): void => {
  openBindings(sim);
  sim.select(name);
  sim.press('确认', '确认');
  sim.type(SUPERVISOR_PASSWORD);
  sim.press('确认');
  expect(display(sim)).toContain(`${name}服务已关闭`);
};

/** The code the merchant's phone received; fails the test when there is none. */
export const codeOnPhone = (sim: Simulator): string => {
  const sms = sim.sms();
  if (!sms) throw new Error('the phone has received no SMS');
  return sms.code;
};

/** 设置 → 绑定管理 → the account `name` → 解绑 for the reason picked by `reasonDigit`, the code, 资金清算: 解绑成功. */
export const unbindAccount = (sim: Simulator, name: '商户账号' | '结算卡', reasonDigit: '1' | '2' | '3'): void => {
  openBindings(sim);
  sim.select(name);
  sim.press('确认', reasonDigit, '确认');
  sim.type(codeOnPhone(sim));
  sim.press('确认');
  sim.advance(SETTLEMENT_MS);
  expect(sim.title()).toBe('解绑成功');
};
