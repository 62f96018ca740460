/**
 * The phone beside the terminal as its machines see it: the wallet apps on it (云闪付, 微信,
 * 支付宝), the payer's wallet accounts behind them (小额免密 and its limit, the bank cards bound,
 * the notices the wallet sends), a payment the terminal asks the payer to confirm, and the events
 * the phone hears. Plain types only; the accounts live in src/phone, outside the terminal's flash:
 * the phone is not the terminal.
 */
import type { KeyEvent } from '../device-events.js';
import type { LocalText, PaymentMethod } from '../domain.js';

/** The wallet apps a phone can have, each with the menus its guide describes. */
export const WALLET_IDS = ['unionpay', 'wechat', 'alipay'] as const;
export type WalletId = (typeof WALLET_IDS)[number];

/** The QR payment method each wallet's 付款码 is (扫码 on the terminal). */
export const WALLET_METHODS: Readonly<Record<WalletId, PaymentMethod>> = {
  unionpay: 'qr-unionpay',
  wechat: 'qr-wechat',
  alipay: 'qr-alipay',
};

/** The wallet whose 付款码 a payment method is, when it is one. */
export const walletOfMethod = (method: PaymentMethod): WalletId | undefined => WALLET_IDS.find((id) => WALLET_METHODS[id] === method);

/** What a leaf of a wallet app's menu opens: 免密支付, the bank cards, the wallet's messages. */
export const WALLET_FUNCTIONS = ['passwordFree', 'cards', 'notices'] as const;
export type WalletFunction = (typeof WALLET_FUNCTIONS)[number];

/**
 * A wallet app's menu: `label` names the item (its text is the catalog's phone.menu.<label>), a
 * leaf opens a function, a branch a sub-menu.
 */
export type AppMenuNode =
  { readonly label: string; readonly flow: WalletFunction } | { readonly label: string; readonly items: readonly AppMenuNode[] };

/** The payer's 小额免密 in one wallet: on or off, and the most one payment may be without a password (元). */
export type WalletPasswordFree = { readonly enabled: boolean; readonly limit: number };

/** A bank card bound in a wallet; `unionpayService`: the card may pay through 云闪付 (付款码, 手机闪付). */
export type WalletCard = {
  readonly id: string;
  readonly bank: LocalText;
  /** The card number; shown by its last four digits only. */
  readonly number: string;
  readonly kind: 'debit' | 'credit';
  readonly unionpayService: boolean;
};

/** One wallet account of the payer, as its provider keeps it. */
export type WalletAccount = {
  readonly passwordFree: WalletPasswordFree;
  readonly cards: readonly WalletCard[];
};

/** How the payer confirmed closing a card's 云闪付 service: 支付密码, 短信验证码 or 人脸识别. */
export const CARD_VERIFICATIONS = ['password', 'sms', 'face'] as const;
export type CardVerification = (typeof CARD_VERIFICATIONS)[number];

/** What a wallet tells its user afterwards (its 消息): a setting changed, a service closed, a payment made. */
export type WalletNotice =
  | { readonly kind: 'passwordFreeOff' | 'passwordFreeOn'; readonly wallet: WalletId; readonly at: number; readonly limit: number }
  | {
      readonly kind: 'serviceClosed';
      readonly wallet: WalletId;
      readonly at: number;
      readonly bank: LocalText;
      readonly last4: string;
      readonly how: CardVerification;
    }
  | {
      readonly kind: 'paid';
      readonly wallet: WalletId;
      readonly at: number;
      readonly amountFen: number;
      readonly merchant: LocalText;
      /** Paid without the password (小额免密). */
      readonly passwordFree: boolean;
    };

/** A QR payment the terminal waits for the payer to confirm on the phone. */
export type PaymentRequest = {
  readonly wallet: WalletId;
  readonly amountFen: number;
  /** Who is paid: the merchant the terminal belongs to. */
  readonly merchant: LocalText;
  /** The card the wallet pays from, as its bank and last four digits; none for a balance. */
  readonly card?: { readonly bank: LocalText; readonly last4: string } | undefined;
  readonly at: number;
};

/** How the payer answered: confirmed with the right password, cancelled, or the password locked by wrong tries. */
export type PayerAnswer = 'confirmed' | 'cancelled' | 'locked';

/** What a wallet's password is asked for: a payment, 免密支付 switched, a card's 云闪付 service closed. */
export type WalletPasswordPurpose = 'pay' | 'passwordFree' | 'closeService';

/** Digits in a wallet's payment password (支付密码). */
export const WALLET_PASSWORD_LENGTH = 6;

/** Things that happen to the phone rather than keys pressed on it: a payment to confirm arrives, or is withdrawn. */
export type PhoneSignal = { readonly type: 'PAYMENT_REQUEST' } | { readonly type: 'PAYMENT_WITHDRAWN' };

export type PhoneEvent = KeyEvent | PhoneSignal;

/** The last four digits of a card number, as wallets show a card: ****1234. */
export const lastFour = (number: string): string => number.slice(-4);
