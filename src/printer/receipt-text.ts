/**
 * What the receipt printer puts on paper, as lines of a 58 mm roll (32 columns, 16 Chinese
 * characters): the 签购单 of a transaction in two copies (商户存根, 持卡人存根) with either the
 * 免密免签 note or the 持卡人签名 line, and the 结算单 of a batch. A pure function of a print job.
 */
import { formatFen, maskCardNumber } from '../../menus/domain.js';
import { SETTLEMENT_GROUPS, TRANSACTION_KINDS } from '../../menus/journal.js';
import { deviceDateTime } from '../device/device-time.js';
import { translator, type Lang, type Translate } from '../i18n/messages.js';
import { wrapToWidth } from '../line-breaks.js';
import { methodName } from '../screen/transaction-words.js';
import type { PrintJob } from '../store/printer.js';
import { padEnd, padStart } from '../text-width.js';
import stringWidth from 'string-width';

/** Columns on the paper. */
export const PAPER_COLUMNS = 32;

const RULE = '-'.repeat(PAPER_COLUMNS);
const TEAR = '- '.repeat(PAPER_COLUMNS / 2).trimEnd();

const centred = (text: string): string => padStart(text, Math.floor((PAPER_COLUMNS + stringWidth(text)) / 2));

/** label：value, and a value too long for the line continued on the next, right-aligned. */
const field = (label: string, value: string): string[] => {
  const line = `${label}${value}`;
  return stringWidth(line) <= PAPER_COLUMNS ? [line] : [label, padStart(value, PAPER_COLUMNS)];
};

/** 2026/06/01 09:00:03 */
const printedTime = (moment: number | string): string => {
  const { date, time } = deviceDateTime(moment);
  return `${date.replaceAll('-', '/')} ${time}`;
};

const header = (job: PrintJob, t: Translate, lang: Lang, title: string, copy?: string): string[] => [
  centred(title),
  ...(copy === undefined ? [] : [centred(copy)]),
  ...(job.reprint ? [centred(t('receipt.reprint'))] : []),
  RULE,
  ...field(t('receipt.merchantName'), job.merchantName[lang]),
  ...field(t('receipt.merchantId'), job.merchantId ?? t('receipt.noMerchant')),
  ...field(t('receipt.terminalId'), `${job.terminalId} ${t('receipt.operator')}${job.operator}`),
];

const transactionCopy = (
  job: Extract<PrintJob, { kind: 'transaction' }>,
  copy: 'merchant' | 'cardholder',
  t: Translate,
  lang: Lang,
): string[] => {
  const { entry } = job;
  const how =
    job.cardNumber === undefined
      ? field(t('receipt.paidBy'), t('receipt.qr', { wallet: methodName(entry.method, t) }))
      : field(
          t('receipt.card'),
          `${maskCardNumber(job.cardNumber)} ${t(`receipt.entry.${entry.method === 'chip' ? 'chip' : 'contactless'}`)}`,
        );
  const signature =
    entry.kind === 'sale' && entry.passwordFree
      ? [t('receipt.passwordFreeShort'), t('receipt.passwordFree', { limit: entry.passwordFreeLimit ?? 0 })]
      : job.cardNumber === undefined
        ? [t('receipt.confirmedOnPhone')]
        : [t('receipt.signature'), '', '', t('receipt.agree')];
  return [
    ...header(job, t, lang, t('receipt.title'), t(`receipt.copy.${copy}`)),
    ...field(t('receipt.acquirer'), job.acquirer[lang]),
    ...how,
    ...field(t('receipt.type'), t(`journal.kind.${entry.kind}`)),
    ...field(t('receipt.batch'), `${entry.batch} ${t('receipt.trace')}${entry.trace}`),
    ...field(t('receipt.authCode'), entry.authCode),
    ...field(t('receipt.reference'), entry.reference),
    ...(entry.original ? field(t('receipt.original'), entry.original.trace) : []),
    ...field(t('receipt.time'), printedTime(entry.at)),
    ...field(t('receipt.amount'), `RMB ${entry.kind === 'sale' ? '' : '-'}${formatFen(entry.amountFen)}`),
    t('receipt.remark'),
    RULE,
    ...signature,
  ];
};

const settlementLines = (job: Extract<PrintJob, { kind: 'settlement' }>, t: Translate, lang: Lang): string[] => {
  const { settlement } = job;
  const row = (label: string, count: number | string, amount: string) =>
    `${padEnd(label, 12)}${padStart(String(count), 6)}${padStart(amount, PAPER_COLUMNS - 18)}`;
  return [
    ...header(job, t, lang, t('receipt.settlementTitle')),
    ...field(t('receipt.batch'), settlement.batch),
    ...field(t('receipt.time'), printedTime(settlement.at)),
    RULE,
    row(t('receipt.column.type'), t('receipt.column.count'), t('receipt.column.amount')),
    ...TRANSACTION_KINDS.map((kind) =>
      row(t(`journal.kind.${kind}`), settlement.totals.kinds[kind].count, formatFen(settlement.totals.kinds[kind].amountFen)),
    ),
    RULE,
    ...SETTLEMENT_GROUPS.flatMap((group) => {
      const tally = settlement.totals.groups.find((candidate) => candidate.group === group);
      return tally ? [row(t(`settle.group.${group}`), tally.count, formatFen(tally.amountFen))] : [];
    }),
    RULE,
    row(t('receipt.net'), '', formatFen(settlement.totals.netFen)),
    t('settle.balanced'),
  ];
};

/** The lines as the paper takes them: a line wider than the roll goes on to the next, broken as the display breaks text. */
const onPaper = (lines: readonly string[]): string[] =>
  lines.flatMap((line) => (stringWidth(line) <= PAPER_COLUMNS ? [line] : wrapToWidth(line, PAPER_COLUMNS)));

/** Every line the job put on paper, top to bottom, in the device's language. */
export const printedLines = (job: PrintJob, lang: Lang): string[] => {
  const t = translator(lang);
  if (job.kind === 'settlement') return onPaper(settlementLines(job, t, lang));
  return onPaper([...transactionCopy(job, 'merchant', t, lang), '', TEAR, '', ...transactionCopy(job, 'cardholder', t, lang)]);
};

/** The job's paper as one text. */
export const printedText = (job: PrintJob, lang: Lang): string => printedLines(job, lang).join('\n');
