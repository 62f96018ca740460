/**
 * The fuzzer's own account of the terminal's rules, written from the procedures rather than taken
 * from menus/, so that a bug there cannot agree with itself: what the terminal accepts (a merchant
 * account, a settlement card, the service of the method open), what may still be voided or
 * refunded, a batch's totals, how an amount reads, and the numbers the device shows on purpose.
 */
import type { Binding, PaymentMethod } from '../../menus/domain.js';
import type { JournalEntry } from '../../menus/journal.js';
import type { FlashData } from '../../src/store/flash-data.js';

/** Why the terminal must refuse a payment by a method, with the response code it shows. */
export type Refusal = { readonly code: '03' | '58'; readonly why: string };

/**
 * [03] without a merchant account, [58] without a settlement card, [58] when every service that
 * governs the method (`servicesOf`, from the profile) is closed; undefined when it must accept.
 */
export const refusalOf = (bindings: readonly Binding[], servicesOf: readonly string[], method: PaymentMethod): Refusal | undefined => {
  if (!bindings.some((binding) => binding.kind === 'merchant')) return { code: '03', why: 'no merchant account is bound' };
  if (!bindings.some((binding) => binding.kind === 'settlementCard')) return { code: '58', why: 'no settlement card is bound' };
  return serviceClosed(bindings, servicesOf) ? { code: '58', why: `the service of ${method} is closed` } : undefined;
};

/** Whether some service governs a method (`servicesOf`) and none of them is bound. */
export const serviceClosed = (bindings: readonly Binding[], servicesOf: readonly string[]): boolean =>
  servicesOf.length > 0 && !bindings.some((binding) => binding.kind === 'service' && servicesOf.includes(binding.id));

/** 6-digit numbers as the terminal prints them. */
export const sixDigits = (value: number): string => String(value).padStart(6, '0');

/** The next 批次号 or 凭证号 after `value` (999999 is followed by 000001). */
export const nextNumber = (value: number): number => (value % 999_999) + 1;

const undoes = (entry: JournalEntry, sale: JournalEntry) =>
  entry.original?.trace === sale.trace && entry.original.reference === sale.reference;

export const voidedIn = (journal: readonly JournalEntry[], sale: JournalEntry): boolean =>
  journal.some((entry) => entry.kind === 'void' && undoes(entry, sale));

export const refundedIn = (journal: readonly JournalEntry[], sale: JournalEntry): number =>
  journal.filter((entry) => entry.kind === 'refund' && undoes(entry, sale)).reduce((sum, entry) => sum + entry.amountFen, 0);

/** What is wrong with undoing `sale` by `entry` (a 撤销 or 退货) given the journal before it, if anything. */
export const undoProblem = (journal: readonly JournalEntry[], currentBatch: string, entry: JournalEntry): string | undefined => {
  const sale = journal.find((candidate) => candidate.kind === 'sale' && entry.original && undoes(entry, candidate));
  if (!sale) return `its original ${JSON.stringify(entry.original)} is no sale in the journal`;
  if (entry.method !== sale.method) return `it gave back by ${entry.method} a sale paid by ${sale.method}`;
  if (voidedIn(journal, sale)) return `sale ${sale.trace} was voided already`;
  const refunded = refundedIn(journal, sale);
  if (entry.kind === 'void') {
    if (sale.batch !== currentBatch) return `sale ${sale.trace} is of batch ${sale.batch}, not of the current batch ${currentBatch}`;
    if (refunded > 0) return `sale ${sale.trace} was refunded already (${refunded} fen)`;
    if (entry.amountFen !== sale.amountFen) return `it gave back ${entry.amountFen} fen of a sale of ${sale.amountFen}`;
    return undefined;
  }
  return refunded + entry.amountFen > sale.amountFen
    ? `refunds of sale ${sale.trace} come to ${refunded + entry.amountFen} fen, above its ${sale.amountFen}`
    : undefined;
};

export const TALLY_KINDS = ['sale', 'void', 'refund'] as const;
/** How the 结算单 groups payments: bank cards together, each wallet on its own. */
export const GROUPS = ['card', 'qr-unionpay', 'qr-wechat', 'qr-alipay'] as const;
export type Group = (typeof GROUPS)[number];
const groupOf = (method: PaymentMethod): Group => (method === 'contactless' || method === 'chip' ? 'card' : method);

export type Tally = { readonly count: number; readonly amountFen: number };
export type Totals = {
  readonly kinds: Readonly<Record<(typeof TALLY_KINDS)[number], Tally>>;
  /** 消费 less 撤销 and 退货. */
  readonly netFen: number;
  /** Groups that have transactions, in 结算单 order, with their net amount. */
  readonly groups: readonly ({ readonly group: Group } & Tally)[];
};

const signed = (entry: JournalEntry) => (entry.kind === 'sale' ? entry.amountFen : -entry.amountFen);
const sum = (entries: readonly JournalEntry[], amount: (entry: JournalEntry) => number) =>
  entries.reduce((total, entry) => total + amount(entry), 0);

/** A batch's totals, summed from the journal entries of that batch. */
export const totalsOf = (journal: readonly JournalEntry[], batch: string): Totals => {
  const entries = journal.filter((entry) => entry.batch === batch);
  const tally = (of: readonly JournalEntry[], amount: (entry: JournalEntry) => number): Tally => ({
    count: of.length,
    amountFen: sum(of, amount),
  });
  return {
    kinds: {
      sale: tally(
        entries.filter((entry) => entry.kind === 'sale'),
        (entry) => entry.amountFen,
      ),
      void: tally(
        entries.filter((entry) => entry.kind === 'void'),
        (entry) => entry.amountFen,
      ),
      refund: tally(
        entries.filter((entry) => entry.kind === 'refund'),
        (entry) => entry.amountFen,
      ),
    },
    netFen: sum(entries, signed),
    groups: GROUPS.flatMap((group) => {
      const inGroup = entries.filter((entry) => groupOf(entry.method) === group);
      return inGroup.length === 0 ? [] : [{ group, ...tally(inGroup, signed) }];
    }),
  };
};

/** An amount as a person reads it: 12.34, 0.05, -12.34. */
export const money = (fen: number): string => {
  const size = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}`;
};

/** The whole 元 of an amount, as a run of digits on screen: 10000 for 10000.00. */
export const yuan = (fen: number): string => String(Math.floor(Math.abs(fen) / 100));

const publicByFlash = new WeakMap<FlashData, ReadonlySet<string>>();

/**
 * Digit runs the device shows on purpose from what its flash holds: accounts, 批次号, 凭证号, 参考号,
 * 授权码, and the 元 of every amount (the transactions', what is refunded and left of each sale, the
 * batch totals). Remembered per flash, which is never changed in place.
 */
export const flashNumbers = (flash: FlashData): ReadonlySet<string> => {
  const known = publicByFlash.get(flash);
  if (known) return known;
  const numbers = new Set<string>([sixDigits(flash.day.batch), ...flash.bindings.map((binding) => binding.account)]);
  const batches = new Set<string>();
  for (const entry of flash.journal) {
    for (const number of [entry.trace, entry.batch, entry.reference, entry.authCode, entry.original?.trace, yuan(entry.amountFen)]) {
      if (number !== undefined) numbers.add(number);
    }
    batches.add(entry.batch);
    if (entry.kind === 'sale') {
      const refunded = refundedIn(flash.journal, entry);
      numbers.add(yuan(refunded)).add(yuan(entry.amountFen - refunded));
    }
  }
  const addTotals = (totals: Totals) => {
    for (const tally of [...Object.values(totals.kinds), ...totals.groups]) numbers.add(yuan(tally.amountFen));
    numbers.add(yuan(totals.netFen));
  };
  for (const batch of batches) addTotals(totalsOf(flash.journal, batch));
  // What an operator typed to find a sale the terminal refused (凭证号000009, 参考号… 日期0601) is
  // recorded as typed, and shown again in 操作记录.
  for (const record of flash.records) {
    if (record.transaction?.asked !== undefined) for (const run of record.transaction.asked.match(/\d+/g) ?? []) numbers.add(run);
    if (record.transaction?.amountFen !== undefined) numbers.add(yuan(record.transaction.amountFen));
  }
  for (const settlement of flash.settlements) {
    numbers.add(settlement.batch);
    addTotals(settlement.totals);
  }
  publicByFlash.set(flash, numbers);
  return numbers;
};
