/**
 * What an operator (or a trainer) can do to the device in model-based paths: press a key, type
 * something the situation calls for, let time pass, take the network or the paper away. Each
 * action is performed on a headless device; the ones that type a number only the device knows at
 * that moment (the sale's 凭证号, 参考号 and date, what is left to refund) say what they typed, so
 * a written path can type it literally: on the simulated clock a fresh device gets the same
 * numbers every time. The payer's actions on the phone beside the terminal are actions too: its
 * keys (`phone:确认` …), the wallet's payment password right or wrong, a code a wallet texted.
 */
import { refundableFen, type JournalEntry } from '../../menus/journal.js';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { deviceDateTime } from '../device/device-time.js';
import { BOOT_MS, type Simulator } from '../device/simulator.js';
import { FACTORY_WALLET_PASSWORD } from '../phone/phone-profile.js';

export const MODEL_ACTIONS = [
  { type: '菜单' },
  { type: '确认' },
  { type: '取消' },
  { type: '上' },
  { type: '下' },
  { type: 'F1' },
  { type: '1' },
  { type: '2' },
  { type: '3' },
  { type: '4' },
  { type: '5' },
  { type: '6' },
  { type: '7' },
  { type: '8' },
  { type: 'password' },
  { type: 'wrongPassword' },
  { type: 'operatorPassword' },
  { type: 'cashierId' },
  { type: 'trace' },
  { type: 'wrongTrace' },
  { type: 'reference' },
  { type: 'saleDate' },
  { type: 'wrongDate' },
  { type: 'refundLeft' },
  { type: 'refundOver' },
  { type: 'cardNumber' },
  { type: 'merchantNumber' },
  { type: 'smsCode' },
  { type: 'waitRestart' },
  { type: 'waitLockout' },
  { type: 'waitHost' },
  { type: 'waitCode' },
  { type: 'waitSettlement' },
  { type: 'networkDown' },
  { type: 'networkUp' },
  { type: 'paperOut' },
  { type: 'paperIn' },
  { type: 'powerCycle' },
  { type: 'phone:确认' },
  { type: 'phone:取消' },
  { type: 'phone:下' },
  { type: 'phone:1' },
  { type: 'phone:2' },
  { type: 'phone:3' },
  { type: 'phone:4' },
  { type: 'walletPassword' },
  { type: 'wrongWalletPassword' },
  { type: 'walletCode' },
  { type: 'wrongWalletCode' },
] as const;
export type ModelAction = (typeof MODEL_ACTIONS)[number];
export type ModelActionType = ModelAction['type'];

/** An action as a path took it, with the digits it typed when they depend on the device (a 凭证号, a 参考号 …). */
export type ModelStep = { readonly type: ModelActionType; readonly digits?: string | undefined };

export const WRONG_PASSWORD = '000000';
/** The factory password of ordinary operators (01…): enough to show that they may not open 设置, and to sign in. */
export const OPERATOR_PASSWORD = '0000';
export const RESTART_WAIT_MS = 3000;
/** A 凭证号 no transaction of the model ever has: it makes a handful of transactions at most. */
export const UNKNOWN_TRACE = '999999';
/** A settlement card number that passes the Luhn check, and a 15-digit merchant number, to bind. */
export const NEW_CARD_NUMBER = '6228480076543211';
export const NEW_MERCHANT_NUMBER = '898310058120134';
/** A payment password no shipped wallet has, and a code no wallet texts (the wallets' codes never repeat a wrong one). */
export const WRONG_WALLET_PASSWORD = '111111';
export const WRONG_WALLET_CODE = '000000';

/** The key a phone action presses (`phone:确认` → 确认), or undefined for another action. */
export const phoneKeyOf = (type: ModelActionType): string | undefined =>
  type.startsWith('phone:') ? type.slice('phone:'.length) : undefined;

/** What the model knows that the device does not tell: the settings password and the profile's timings. */
export type ActionEnv = {
  readonly password: string;
  readonly lockoutMs: number;
  readonly codeValidMs: number;
};

/** The last approved sale in the journal: what 撤销 and 退货 are tried on. */
export const lastSale = (sim: Simulator): JournalEntry | undefined => sim.store.journal().findLast((entry) => entry.kind === 'sale');

/** MMDD of a device date (2026-06-01 → 0601). */
const monthDay = (date: string): string => date.slice(5).replace('-', '');

/** A day the sale was not made on: the day after it. */
const otherDay = (date: string): string => monthDay(deviceDateTime(Date.parse(`${date}T12:00:00+08:00`) + 24 * 3600 * 1000).date);

/** What is left to refund of the last sale (in fen). */
const leftToRefund = (sim: Simulator): number => {
  const sale = lastSale(sim);
  return sale ? refundableFen(sim.store.journal(), sale) : 0;
};

/** The digits an action types on this device now, for the actions whose digits the device decides. */
const digitsFor = (sim: Simulator, type: ModelActionType): string | undefined => {
  const sale = lastSale(sim);
  switch (type) {
    case 'cashierId':
      return sim.profile.sale.operator;
    case 'trace':
      return sale?.trace ?? '';
    case 'wrongTrace':
      return UNKNOWN_TRACE;
    case 'reference':
      return sale?.reference ?? '';
    case 'saleDate':
      return sale ? monthDay(sale.date) : '';
    case 'wrongDate':
      return sale ? otherDay(sale.date) : '';
    case 'refundLeft':
      return String(leftToRefund(sim));
    case 'refundOver':
      return String(leftToRefund(sim) + 1);
    case 'cardNumber':
      return NEW_CARD_NUMBER;
    case 'merchantNumber':
      return NEW_MERCHANT_NUMBER;
    default:
      return undefined;
  }
};

/** Does the action on the device; returns the digits it typed when the device decided them. */
export const performAction = (sim: Simulator, action: ModelAction, env: ActionEnv): string | undefined => {
  const digits = digitsFor(sim, action.type);
  if (digits !== undefined) {
    sim.type(digits);
    return digits;
  }
  switch (action.type) {
    case 'password':
      sim.type(env.password);
      break;
    case 'wrongPassword':
      sim.type(WRONG_PASSWORD);
      break;
    case 'operatorPassword':
      sim.type(OPERATOR_PASSWORD);
      break;
    case 'smsCode':
      // What an operator reads off the phone.
      sim.type(sim.sms()?.code ?? '');
      break;
    case 'waitRestart':
      sim.advance(RESTART_WAIT_MS);
      break;
    case 'waitLockout':
      sim.advance(env.lockoutMs);
      break;
    case 'waitHost':
      sim.advance(HOST_REPLY_MS);
      break;
    case 'waitCode':
      sim.advance(env.codeValidMs);
      break;
    case 'waitSettlement':
      sim.advance(SETTLEMENT_MS);
      break;
    case 'networkDown':
      sim.networkDown();
      break;
    case 'networkUp':
      sim.networkUp();
      break;
    case 'paperOut':
      sim.setPaper(false);
      break;
    case 'paperIn':
      sim.setPaper(true);
      break;
    case 'powerCycle':
      sim.powerCycle();
      sim.advance(BOOT_MS);
      break;
    case 'walletPassword':
      // The model knows the shipped wallets' factory password.
      sim.phone.type(FACTORY_WALLET_PASSWORD);
      break;
    case 'wrongWalletPassword':
      sim.phone.type(WRONG_WALLET_PASSWORD);
      break;
    case 'walletCode':
      // What the payer reads off the phone.
      sim.phone.type(sim.sms()?.code ?? '');
      break;
    case 'wrongWalletCode':
      sim.phone.type(WRONG_WALLET_CODE);
      break;
    default: {
      const phoneKey = phoneKeyOf(action.type);
      if (phoneKey !== undefined) sim.phone.press(phoneKey);
      else sim.press(action.type);
    }
  }
  return undefined;
};
