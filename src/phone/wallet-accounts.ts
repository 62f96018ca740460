/**
 * The payer's wallet accounts at their providers (云闪付, 微信, 支付宝), simulated: 小额免密 and
 * its limit, the bank cards bound and their 云闪付 service, the payment password's wrong tries and
 * lock, the notices each wallet sends, the codes it texts to the phone, and the QR payment the
 * terminal waits for the payer to confirm. Seeded from the profile's `phone` section; none of it
 * is in the terminal's flash (the phone and the wallets are not the terminal), so it lasts as long
 * as the session. The payment passwords are checked against the profile's salted hashes only.
 */
import type { PayerFacts } from '../../menus/acceptance.js';
import type { PasswordCheck, SmsCheck, SmsDelivery } from '../../menus/device-port.js';
import type { LocalText, PaymentMethod } from '../../menus/domain.js';
import {
  lastFour,
  walletOfMethod,
  WALLET_IDS,
  type CardVerification,
  type PayerAnswer,
  type PaymentRequest,
  type WalletAccount,
  type WalletCard,
  type WalletId,
  type WalletNotice,
} from '../../menus/phone/phone-domain.js';
import type { PhoneText } from '../../menus/phone/phone-port.js';
import type { Profile } from '../profile/profile-schema.js';
import { verifyPassword } from '../store/password-hash.js';
import { smsCode } from '../store/sms-gateway.js';

/** Who texts a wallet's verification code, and the signature the text starts with. */
export const WALLET_SENDERS: Readonly<Record<WalletId, { readonly from: string; readonly signature: LocalText }>> = {
  unionpay: { from: '95516', signature: { zh: '云闪付', en: 'UnionPay' } },
  wechat: { from: '95017', signature: { zh: '微信支付', en: 'WeChat Pay' } },
  alipay: { from: '95188', signature: { zh: '支付宝', en: 'Alipay' } },
};

/** How long a wallet's texted code is good, and how many wrong tries it takes. */
const CODE_VALID_MS = 5 * 60_000;
const CODE_TRIES = 3;

type AccountData = WalletAccount & { readonly failedAttempts: number; readonly lockedUntil?: number | undefined };

/** Everything the wallets hold, as plain data (a forked simulator goes on from a copy). */
export type WalletsData = {
  readonly accounts: Readonly<Record<WalletId, AccountData>>;
  readonly notices: readonly WalletNotice[];
  /** The codes the wallets texted to the phone, oldest first. */
  readonly texts: readonly PhoneText[];
  readonly code?: { readonly code: string; readonly expiresAt: number; readonly attemptsLeft: number } | undefined;
  /** How many codes were texted so far (the next code's seed). */
  readonly sent: number;
  readonly request?: PaymentRequest | undefined;
  /** How many of the phone's texts (sms), and of each wallet's notices, have been looked at. */
  readonly read: Readonly<Record<'sms' | WalletId, number>>;
};

/** What the wallets tell whoever listens (the session): a payment asked, withdrawn or answered, or anything else changed. */
export type WalletEvent =
  | { readonly type: 'requested' }
  | { readonly type: 'withdrawn' }
  | { readonly type: 'answered'; readonly answer: PayerAnswer }
  | { readonly type: 'changed' };

const seed = (profile: Profile): WalletsData => {
  const accounts = Object.fromEntries(
    profile.phone.wallets.map((wallet) => [
      wallet.id,
      { passwordFree: { ...wallet.passwordFree }, cards: wallet.cards.map((card) => ({ ...card })), failedAttempts: 0 },
    ]),
  ) as unknown as Record<WalletId, AccountData>;
  return { accounts, notices: [], texts: [], sent: 0, read: { sms: 0, unionpay: 0, wechat: 0, alipay: 0 } };
};

/** Whether a card may pay from this wallet: in 云闪付 only a card whose 云闪付 service is open. */
const paysFrom = (wallet: WalletId, card: WalletCard): boolean => wallet !== 'unionpay' || card.unionpayService;

export class WalletAccounts {
  private data: WalletsData;
  private readonly listeners = new Set<(event: WalletEvent) => void>();

  constructor(
    private readonly profile: Profile,
    private readonly now: () => number,
    data?: WalletsData,
  ) {
    // Every change makes new data and none edits it in place, so data given to go on from can be shared.
    this.data = data ?? seed(profile);
  }

  /** A copy of everything the wallets hold. */
  snapshot(): WalletsData {
    return structuredClone(this.data);
  }

  /** Everything the wallets hold, as held: to read or to go on from, never to change. */
  held(): Readonly<WalletsData> {
    return this.data;
  }

  /** Back to the profile's wallets: settings, cards, no notices, no texts, nothing asked. */
  reset(): void {
    this.data = seed(this.profile);
    this.emit({ type: 'changed' });
  }

  /** Hears what happens; returns the unsubscribe function. */
  subscribe(listener: (event: WalletEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  account(wallet: WalletId): WalletAccount {
    const { passwordFree, cards } = this.data.accounts[wallet];
    return { passwordFree, cards };
  }

  notices(wallet: WalletId): readonly WalletNotice[] {
    return this.data.notices.filter((notice) => notice.wallet === wallet);
  }

  /** Every notice of every wallet, oldest first. */
  allNotices(): readonly WalletNotice[] {
    return this.data.notices;
  }

  texts(): readonly PhoneText[] {
    return this.data.texts;
  }

  /** How many texts (sms) or notices of a wallet have been looked at. */
  readCount(app: 'sms' | WalletId): number {
    return this.data.read[app];
  }

  /** `count` texts (sms), or all of a wallet's notices, are looked at. */
  markRead(app: 'sms' | WalletId, count: number = app === 'sms' ? 0 : this.notices(app).length): void {
    this.update({ read: { ...this.data.read, [app]: count } });
  }

  // The payer's side, as the terminal's acquirer reaches it.

  /** What the wallet whose 付款码 `method` is answers for a payment: its 小额免密, and whether it can pay. */
  payerFacts(method: PaymentMethod): PayerFacts | undefined {
    const wallet = walletOfMethod(method);
    if (!wallet) return undefined;
    const { passwordFree, cards } = this.data.accounts[wallet];
    // 微信 and 支付宝 also pay from the balance (零钱, 余额); 云闪付 only from a card.
    const canPay = wallet !== 'unionpay' || cards.some((card) => paysFrom(wallet, card));
    return { wallet, passwordFree, canPay };
  }

  /** The terminal asks the payer to confirm a QR payment on the phone. */
  ask(method: PaymentMethod, amountFen: number, merchant: LocalText): void {
    const wallet = walletOfMethod(method);
    if (!wallet) return;
    const card = this.data.accounts[wallet].cards.find((candidate) => paysFrom(wallet, candidate));
    const request: PaymentRequest = {
      wallet,
      amountFen,
      merchant,
      at: this.now(),
      ...(card ? { card: { bank: card.bank, last4: lastFour(card.number) } } : {}),
    };
    this.update({ request });
    this.emit({ type: 'requested' });
  }

  /** The terminal no longer waits (its operator cancelled, or it restarted). */
  withdraw(): void {
    if (!this.data.request) return;
    this.update({ request: undefined });
    this.emit({ type: 'withdrawn' });
  }

  paymentRequest(): PaymentRequest | undefined {
    return this.data.request;
  }

  /** The payer answered on the phone: the terminal hears it. */
  answerPayment(answer: PayerAnswer): void {
    if (!this.data.request) return;
    this.update({ request: undefined });
    this.emit({ type: 'answered', answer });
  }

  /** A QR payment went through: the wallet tells its user (付款成功, and whether it was 免密). */
  notePaid(method: PaymentMethod, amountFen: number, merchant: LocalText, passwordFree: boolean): void {
    const wallet = walletOfMethod(method);
    if (wallet) this.notice({ kind: 'paid', wallet, at: this.now(), amountFen, merchant, passwordFree });
  }

  // The phone's side: the wallet apps.

  walletLockedUntil(wallet: WalletId): number | undefined {
    const until = this.data.accounts[wallet].lockedUntil;
    return until !== undefined && until > this.now() ? until : undefined;
  }

  checkWalletPassword(wallet: WalletId, password: string): PasswordCheck {
    const lockedUntil = this.walletLockedUntil(wallet);
    if (lockedUntil !== undefined) return { result: 'locked', lockedUntil };
    const hash = this.profile.phone.wallets.find((candidate) => candidate.id === wallet)?.paymentPasswordHash ?? '';
    const account = this.data.accounts[wallet];
    if (verifyPassword(password, hash)) {
      this.setAccount(wallet, { ...account, failedAttempts: 0, lockedUntil: undefined });
      return { result: 'accepted' };
    }
    const { maxAttempts, lockoutMinutes } = this.profile.phone.security;
    const failedAttempts = account.failedAttempts + 1;
    if (failedAttempts < maxAttempts) {
      this.setAccount(wallet, { ...account, failedAttempts });
      return { result: 'wrong', attemptsLeft: maxAttempts - failedAttempts };
    }
    const until = this.now() + lockoutMinutes * 60_000;
    this.setAccount(wallet, { ...account, failedAttempts: 0, lockedUntil: until });
    return { result: 'locked', lockedUntil: until };
  }

  setWalletPasswordFree(wallet: WalletId, enabled: boolean): void {
    const account = this.data.accounts[wallet];
    this.setAccount(wallet, { ...account, passwordFree: { ...account.passwordFree, enabled } });
    this.notice({ kind: enabled ? 'passwordFreeOn' : 'passwordFreeOff', wallet, at: this.now(), limit: account.passwordFree.limit });
  }

  closeCardService(wallet: WalletId, cardId: string, how: CardVerification): void {
    const account = this.data.accounts[wallet];
    const card = account.cards.find((candidate) => candidate.id === cardId);
    if (!card) return;
    this.setAccount(wallet, {
      ...account,
      cards: account.cards.map((candidate) => (candidate === card ? { ...card, unionpayService: false } : candidate)),
    });
    this.notice({ kind: 'serviceClosed', wallet, at: this.now(), bank: card.bank, last4: lastFour(card.number), how });
  }

  sendWalletCode(wallet: WalletId): SmsDelivery {
    const at = this.now();
    let sent = this.data.sent;
    let code = smsCode(at, sent);
    // A new code always differs from the last one, so that typing the old one is a wrong code.
    while (code === this.data.code?.code) code = smsCode(at, ++sent);
    const expiresAt = at + CODE_VALID_MS;
    const { from, signature } = WALLET_SENDERS[wallet];
    this.update({
      sent: sent + 1,
      code: { code, expiresAt, attemptsLeft: CODE_TRIES },
      texts: [...this.data.texts, { from, signature, code, validMinutes: CODE_VALID_MS / 60_000, at }],
    });
    return { phone: this.profile.sms.phone, expiresAt };
  }

  checkWalletCode(code: string): SmsCheck {
    const pending = this.data.code;
    if (!pending || pending.attemptsLeft <= 0) return { result: 'exhausted' };
    if (this.now() >= pending.expiresAt) return { result: 'expired' };
    if (code === pending.code) {
      this.update({ code: undefined });
      return { result: 'accepted' };
    }
    const attemptsLeft = pending.attemptsLeft - 1;
    this.update({ code: { ...pending, attemptsLeft } });
    return attemptsLeft > 0 ? { result: 'wrong', attemptsLeft } : { result: 'exhausted' };
  }

  private notice(notice: WalletNotice): void {
    this.update({ notices: [...this.data.notices, notice] });
  }

  private setAccount(wallet: WalletId, account: AccountData): void {
    this.update({ accounts: { ...this.data.accounts, [wallet]: account } });
  }

  private update(change: Partial<WalletsData>): void {
    this.data = { ...this.data, ...change };
    this.emit({ type: 'changed' });
  }

  private emit(event: WalletEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The wallets the profile's phone has, in home-screen order. */
export const phoneWallets = (profile: Profile): WalletId[] =>
  WALLET_IDS.filter((id) => profile.phone.wallets.some((wallet) => wallet.id === id));
