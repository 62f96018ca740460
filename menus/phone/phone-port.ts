/**
 * What the phone's machines need from the world outside them: the clock, the texts it received,
 * and the payer's wallet accounts at their providers (settings, cards, the payment password's
 * check, notices, the payment the terminal asks to confirm). src/phone plugs in the accounts; the
 * machines never see a password or a code, only the provider's answer.
 */
import type { PasswordCheck, SmsCheck, SmsDelivery } from '../device-port.js';
import type { LocalText } from '../domain.js';
import type { CardVerification, PayerAnswer, PaymentRequest, WalletAccount, WalletId, WalletNotice } from './phone-domain.js';

/** A text message on the phone (短信): a texted verification code, from the terminal's acquirer or a wallet. */
export type PhoneText = {
  /** Who sent it, e.g. 95534. */
  readonly from: string;
  /** The signature it starts with, e.g. 银联商务. */
  readonly signature: LocalText;
  readonly code: string;
  /** How long the code is good, in whole minutes, as the text says. */
  readonly validMinutes: number;
  /** When it arrived, on the device clock. */
  readonly at: number;
};

/** What the phone holds that has not been looked at yet: the newest unread text or wallet notice. */
export type PhoneNotification =
  { readonly kind: 'text'; readonly text: PhoneText } | { readonly kind: 'notice'; readonly notice: WalletNotice };

export interface PhonePort {
  /** Milliseconds since the epoch, on the same clock as the terminal's. */
  now(): number;
  /** The texts the phone received, oldest first. */
  texts(): readonly PhoneText[];
  /** The payer's account in a wallet: 小额免密 and the cards bound. */
  account(wallet: WalletId): WalletAccount;
  /** A wallet's messages to its user, oldest first. */
  notices(wallet: WalletId): readonly WalletNotice[];
  /** The newest text or notice not looked at yet (opening 短信 or the wallet's 消息 reads them). */
  unread(): PhoneNotification | undefined;
  /** Marks the texts (sms) or a wallet's notices as read. */
  markRead(app: 'sms' | WalletId): void;
  /** When the wallet's payment password may be tried again, or undefined when it is not locked. */
  walletLockedUntil(wallet: WalletId): number | undefined;
  /** Checks the wallet's payment password, counting wrong tries and locking it after too many. */
  checkWalletPassword(wallet: WalletId, password: string): PasswordCheck;
  /** Switches the wallet's 小额免密 on or off at once (it is the wallet's setting, no restart), and notices it. */
  setWalletPasswordFree(wallet: WalletId, enabled: boolean): void;
  /** Closes a card's 云闪付 service, confirmed as `how`, and notices it. */
  closeCardService(wallet: WalletId, cardId: string, how: CardVerification): void;
  /** The wallet texts a verification code to this phone (any earlier one is void). */
  sendWalletCode(wallet: WalletId): SmsDelivery;
  /** Checks a typed code against the last one a wallet texted. */
  checkWalletCode(code: string): SmsCheck;
  /** The payment the terminal waits for the payer to confirm, if any. */
  paymentRequest(): PaymentRequest | undefined;
  /** The payer's answer to that payment, for the terminal. */
  answerPayment(answer: PayerAnswer): void;
}

/** What the phone knows from the profile: its number and the wallet apps on it, in home-screen order. */
export type PhoneConfig = {
  /** The phone's number (shown masked, 138****1234). */
  readonly number: string;
  readonly wallets: readonly WalletId[];
};
