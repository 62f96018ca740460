/**
 * The transaction journal (流水) the terminal keeps in its flash: every approved 消费, 撤销 and
 * 退货 with its 凭证号, 批次号, 参考号 and 授权码. 撤销 and 退货 point at the sale they undo, 结算
 * totals a batch from it, 交易查询 lists it and the printer prints from it. Pure helpers only.
 */
import type { PaymentMethod } from './domain.js';

export const TRANSACTION_KINDS = ['sale', 'void', 'refund'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** One approved transaction. */
export type JournalEntry = {
  /** 凭证号: the terminal's running number, 6 digits. */
  readonly trace: string;
  /** 批次号: the batch it belongs to, 6 digits. */
  readonly batch: string;
  readonly kind: TransactionKind;
  /** Amount in fen (分), always positive: a 撤销 or 退货 gives this much back. */
  readonly amountFen: number;
  readonly method: PaymentMethod;
  /** The 免密 channel that covered the method, if one did. */
  readonly channel?: string | undefined;
  /** Whether it went through without a PIN (免密免签). */
  readonly passwordFree: boolean;
  /** The 免密限额 (元) it went through under, for the receipt's 交易金额未超过X元，免密免签. */
  readonly passwordFreeLimit?: number | undefined;
  /** 参考号: the host's reference, 12 digits. */
  readonly reference: string;
  /** 授权码: the issuer's authorisation code, 6 digits. */
  readonly authCode: string;
  /** ISO time on the device clock. */
  readonly at: string;
  /** Device date (2026-06-01) in the terminal's time zone, for 退货's 原交易日期. */
  readonly date: string;
  /** The operator signed in when it was made. */
  readonly operator: string;
  /** 商户编号 the terminal was bound to then: a receipt printed again later says the same. */
  readonly merchantId?: string | undefined;
  /** For 撤销 and 退货: the sale undone. */
  readonly original?: { readonly trace: string; readonly reference: string } | undefined;
};

/** 6-digit numbers as terminals print them: 1 → 000001. */
export const sixDigits = (value: number): string => String(value % 1_000_000).padStart(6, '0');

export const batchEntries = (journal: readonly JournalEntry[], batch: string): JournalEntry[] =>
  journal.filter((entry) => entry.batch === batch);

/** The sale with this 凭证号 in the batch, if any (凭证号 typed with or without leading zeros). */
export const findByTrace = (journal: readonly JournalEntry[], batch: string, trace: string): JournalEntry | undefined => {
  const wanted = sixDigits(Number(trace));
  return journal.find((entry) => entry.batch === batch && entry.trace === wanted);
};

/** The sale with this 参考号 made on the day `monthDay` (MMDD), in any batch. */
export const findSaleByReference = (journal: readonly JournalEntry[], reference: string, monthDay: string): JournalEntry | undefined =>
  journal.find((entry) => entry.kind === 'sale' && entry.reference === reference && entry.date.slice(5).replace('-', '') === monthDay);

/** Whether a sale was voided (撤销). */
export const isVoided = (journal: readonly JournalEntry[], sale: JournalEntry): boolean =>
  journal.some((entry) => entry.kind === 'void' && entry.original?.trace === sale.trace && entry.original.reference === sale.reference);

/** How much of a sale has been refunded so far (退货 may come in parts). */
export const refundedFen = (journal: readonly JournalEntry[], sale: JournalEntry): number =>
  journal
    .filter((entry) => entry.kind === 'refund' && entry.original?.reference === sale.reference)
    .reduce((sum, entry) => sum + entry.amountFen, 0);

/** How much of a sale can still be refunded: none once voided, else the amount less earlier refunds. */
export const refundableFen = (journal: readonly JournalEntry[], sale: JournalEntry): number =>
  isVoided(journal, sale) ? 0 : Math.max(0, sale.amountFen - refundedFen(journal, sale));

/** How a payment is grouped on the 结算单: bank cards together, each wallet on its own. */
export const SETTLEMENT_GROUPS = ['card', 'qr-unionpay', 'qr-wechat', 'qr-alipay'] as const;
export type SettlementGroup = (typeof SETTLEMENT_GROUPS)[number];

export const settlementGroup = (method: PaymentMethod): SettlementGroup =>
  method === 'contactless' || method === 'chip' ? 'card' : method;

export type Tally = { readonly count: number; readonly amountFen: number };

/** A batch's totals as 结算 shows and prints them. */
export type BatchTotals = {
  readonly kinds: Readonly<Record<TransactionKind, Tally>>;
  /** 消费 less 撤销 and 退货. */
  readonly netFen: number;
  /** Per group: how many transactions and their net amount; groups without any are left out. */
  readonly groups: readonly ({ readonly group: SettlementGroup } & Tally)[];
};

const signed = (entry: JournalEntry) => (entry.kind === 'sale' ? entry.amountFen : -entry.amountFen);

export const batchTotals = (entries: readonly JournalEntry[]): BatchTotals => {
  const tally = (kind: TransactionKind): Tally => {
    const ofKind = entries.filter((entry) => entry.kind === kind);
    return { count: ofKind.length, amountFen: ofKind.reduce((sum, entry) => sum + entry.amountFen, 0) };
  };
  const groups = SETTLEMENT_GROUPS.flatMap((group) => {
    const inGroup = entries.filter((entry) => settlementGroup(entry.method) === group);
    return inGroup.length === 0
      ? []
      : [{ group, count: inGroup.length, amountFen: inGroup.reduce((sum, entry) => sum + signed(entry), 0) }];
  });
  return {
    kinds: { sale: tally('sale'), void: tally('void'), refund: tally('refund') },
    netFen: entries.reduce((sum, entry) => sum + signed(entry), 0),
    groups,
  };
};

/** A closed batch: what 结算 reported and printed. */
export type Settlement = {
  readonly batch: string;
  /** ISO time on the device clock. */
  readonly at: string;
  readonly operator: string;
  readonly totals: BatchTotals;
};
