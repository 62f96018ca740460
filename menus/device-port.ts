/**
 * What the menus need from the world outside them, by concern: the device's flash (what it is
 * bound to, settings, operators, the working day's journal, records), the acquirer (its host, the
 * texted codes, the card's PIN), the printer, and the clock. The machines call it; src/ plugs in
 * the real store, tests plug in the same store in memory.
 */
import type { PayerFacts, SignIn, TerminalFacts } from './acceptance.js';
import type {
  BackupResult,
  Binding,
  DeviceRecord,
  Operator,
  PasswordFreeSettings,
  PaymentMethod,
  ResponseCode,
  SaleRecord,
  UnbindApplication,
  UnbindReason,
} from './domain.js';
import type { JournalEntry, Settlement, TransactionKind } from './journal.js';

/** Why a verification code (验证码) is texted: closing or opening a payment service, 解绑 or 绑定 of an account. */
export type SmsPurpose = 'closeService' | 'unbind' | 'bind';

/** Where a texted code went (the merchant's phone number, unmasked) and until when it is good. */
export type SmsDelivery = { readonly phone: string; readonly expiresAt: number };

/** The acquirer's answer to a typed code; a code that is expired or used up must be sent again. */
export type SmsCheck =
  | { readonly result: 'accepted' }
  | { readonly result: 'wrong'; readonly attemptsLeft: number }
  | { readonly result: 'expired' }
  | { readonly result: 'exhausted' };

export type PasswordCheck =
  | { readonly result: 'accepted' }
  | { readonly result: 'wrong'; readonly attemptsLeft: number }
  | { readonly result: 'locked'; readonly lockedUntil: number };

/** A 撤销 or 退货 as it ends: approved (it enters the journal) or refused with a response code. */
export type TransactionOutcome = {
  readonly kind: Exclude<TransactionKind, 'sale'>;
  readonly amountFen: number;
  readonly method: PaymentMethod;
  readonly responseCode: ResponseCode;
  /** The sale it undoes. */
  readonly original: JournalEntry;
};

/** A 撤销 or 退货 refused before it reached the host: what was asked, and the answer shown. */
export type TransactionRefusal = {
  readonly kind: Exclude<TransactionKind, 'sale'>;
  /** [25]找不到原始交易, [12]无效交易, [61]超出金额限制. */
  readonly responseCode: ResponseCode;
  /** The 凭证号 or 参考号 (and date) typed, as the operator typed it. */
  readonly asked: string;
  readonly amountFen?: number;
};

/** What to print: the receipt (签购单) of a transaction, or a 结算单; `reprint` marks a copy printed again. */
export type PrintRequest =
  | { readonly kind: 'transaction'; readonly trace?: string; readonly reprint?: boolean }
  | { readonly kind: 'settlement'; readonly reprint?: boolean };

export interface ClockPort {
  /** Milliseconds since the epoch, from the device's clock (simulated in tests and scripts). */
  now(): number;
}

export interface FlashPort {
  isOnline(): boolean;
  setOnline(online: boolean): void;
  /** Checks an operator's password, counting wrong attempts and locking out after too many. */
  checkPassword(operatorId: string, password: string): PasswordCheck;
  /** When the operator's lockout ends, or undefined when not locked out. */
  lockedUntil(operatorId: string): number | undefined;
  /** The device's operators, in the profile's order. */
  operators(): readonly Operator[];
  /** Replaces an operator's password (stored as a new salted hash) and records it. */
  changePassword(operatorId: string, newPassword: string): void;

  bindings(): readonly Binding[];
  /** What decides what the terminal accepts now: bindings, 免密 in force, who is signed in. */
  facts(): TerminalFacts;
  /** Closes a payment service (removes the binding) and records who did it. */
  deregister(bindingId: string, operatorId: string): void;
  /**
   * After a verified code and 资金清算: removes the merchant account or settlement card, records it,
   * and files the 解绑 application the acquirer reviews (审核) until `reviewedAt`.
   */
  unbind(bindingId: string, operatorId: string, reason: UnbindReason, reviewedAt: number): void;
  /** The 解绑 applications filed, oldest first: under review, or with their funds moved. */
  unbindApplications(): readonly UnbindApplication[];
  /** Moves the funds of every application whose review is over (资金已划转), and records each. */
  transferUnbindFunds(): void;
  /** Opens a closed payment service again (the profile's binding of it), and records it. */
  reopenService(serviceId: string, operatorId: string): void;
  /** Binds a new settlement card or merchant account (taking the old one's place), and records it. */
  bindAccount(kind: 'merchant' | 'settlementCard', account: string, operatorId: string): void;

  activePasswordFree(): PasswordFreeSettings;
  pendingPasswordFree(): PasswordFreeSettings | undefined;
  /** Saves settings to apply at the next boot (clears the pending change if equal to the active one). */
  savePasswordFree(settings: PasswordFreeSettings, operatorId: string): void;
  /** At boot: makes pending settings active. Returns whether there was anything to apply. */
  applyPending(): boolean;

  /** The operation records, oldest first. */
  records(): readonly DeviceRecord[];
  /** Writes the device's records, bindings and settings (no passwords) to a backup, and records it. */
  backup(operatorId: string): BackupResult;

  /** Who is signed in for the day (签到), if anyone. */
  signedIn(): SignIn | undefined;
  /**
   * At boot: a terminal forgets its sign-in when it powers up; one set to sign in by itself
   * (scripts, the API) is signed in again as `autoOperator`, without a record.
   */
  startDay(autoOperator: string | undefined): void;
  signIn(operatorId: string): void;
  signOut(operatorId: string): void;
  /** The current batch's 批次号. */
  batch(): string;
  /** Every approved transaction, oldest first. */
  journal(): readonly JournalEntry[];
  /** Closed batches, oldest first. */
  settlements(): readonly Settlement[];
  /**
   * Records a finished sale (approved or declined) for the operator who took it; an approved one
   * enters the journal with its 凭证号, 参考号 and 授权码.
   */
  recordSale(sale: SaleRecord, operatorId: string): void;
  /** Records a finished 撤销 or 退货; an approved one enters the journal. */
  recordTransaction(outcome: TransactionOutcome, operatorId: string): void;
  /** Records a 撤销 or 退货 the terminal refused itself (no such sale, nothing left, over the limit). */
  recordRefusal(refusal: TransactionRefusal, operatorId: string): void;
  /** 结算: closes the current batch (its totals are kept) and opens the next one. */
  settle(operatorId: string): Settlement;
}

export interface AcquirerPort {
  /** Whether `pin` is the test card's PIN (收款); only its hash is kept. */
  checkCardPin(pin: string): boolean;
  /**
   * Has the acquirer text a new verification code to the merchant's phone (any earlier code is
   * void). The code itself never comes back to the device: the operator reads it on the phone.
   */
  sendSmsCode(purpose: SmsPurpose): SmsDelivery;
  /** Checks a typed code against the last one texted, counting wrong attempts. */
  checkSmsCode(code: string): SmsCheck;
  /**
   * For a QR payment: what the payer's wallet answers through the acquirer (its 小额免密 and limit,
   * whether it can pay); undefined for a card.
   */
  payerFacts(method: PaymentMethod): PayerFacts | undefined;
  /** Asks the payer to confirm a QR payment on the phone; the answer comes back as a PAYER_… event. */
  askPayer(method: PaymentMethod, amountFen: number): void;
  /** The terminal no longer waits for the payer (its operator cancelled, or it restarted). */
  withdrawPayerRequest(): void;
}

export interface PrinterPort {
  /** Whether the printer has paper (a trainer can take it out: 打印机缺纸). */
  hasPaper(): boolean;
  /** Prints what is asked for, if there is paper and something to print. */
  print(request: PrintRequest): void;
}

export type DevicePort = ClockPort & FlashPort & AcquirerPort & PrinterPort;
