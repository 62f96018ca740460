/**
 * 撤销 and 退货: the number that finds the sale (凭证号; 参考号 and date), the sale found, the
 * amount to refund, how the customer presents the card or code, and the host's answer.
 */
import type { SnapshotFrom } from 'xstate';
import { formatFen, PAYMENT_METHODS, type PaymentMethod } from '../../menus/domain.js';
import { refundableFen, sixDigits, type JournalEntry } from '../../menus/journal.js';
import { DATE_LENGTH, REFERENCE_LENGTH, type refundMachine } from '../../menus/refund.js';
import { TRACE_LENGTH, type voidSaleMachine } from '../../menus/void-sale.js';
import type { Translate } from '../i18n/messages.js';
import type { Screen, ScreenLine } from './screen.js';
import { methodName, refusalLines, responseText } from './transaction-words.js';
import { numbered, type ViewContext } from './view-context.js';

const typed = (entered: string, length: number): ScreenLine => ({
  text: `${entered}${'_'.repeat(Math.max(0, length - entered.length))}`,
  field: true,
});

const saleLines = (sale: JournalEntry, t: Translate): ScreenLine[] => [
  { text: t('journal.trace', { trace: sale.trace }) },
  { text: t('sale.amountLine', { amount: formatFen(sale.amountFen) }) },
  { text: t('journal.method', { method: methodName(sale.method, t) }) },
];

const presentScreen = (title: string, cursor: number, amountFen: number, t: Translate): Screen => ({
  title,
  lines: [
    { text: t('sale.amountLine', { amount: formatFen(amountFen) }) },
    { text: t('journal.present'), tone: 'muted' },
    ...numbered(
      PAYMENT_METHODS.map((method) => methodName(method, t)),
      cursor,
    ),
  ],
  hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
});

/** The screens both share once the sale is found: mismatch, processing, the answers. */
const outcomeScreen = (
  state: (name: 'mismatch' | 'processing' | 'approved' | 'refused' | 'commsError') => boolean,
  context: {
    sale: JournalEntry | undefined;
    presented: PaymentMethod | undefined;
    refusal: Parameters<typeof refusalLines>[0] | undefined;
  },
  amountFen: number,
  kind: 'void' | 'refund',
  view: ViewContext,
): Screen | undefined => {
  const { t, lang } = view;
  const amount = { text: t('sale.amountLine', { amount: formatFen(amountFen) }) };
  if (state('mismatch')) {
    return {
      title: t('journal.failedTitle'),
      lines: [
        { text: responseText('12', t), tone: 'error' },
        { text: t('journal.notSameMethod', { method: methodName(context.sale?.method ?? 'chip', t) }) },
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (state('processing')) return { title: t('sale.processing'), lines: [amount, { text: t('sale.processingMessage') }], hints: {} };
  if (state('approved')) {
    return {
      title: t(`journal.${kind}.done`),
      lines: [
        { text: responseText('00', t), tone: 'success' },
        amount,
        { text: t('journal.givenBack') },
        ...(context.sale ? [{ text: t('journal.original', { trace: context.sale.trace }) }] : []),
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (state('refused') && context.refusal) {
    return {
      title: t('journal.failedTitle'),
      lines: [...refusalLines(context.refusal, t, lang), amount],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (state('commsError')) {
    return {
      title: t('sale.commsError'),
      lines: [{ text: t(`journal.${kind}.commsError`), tone: 'error' }, amount],
      hints: { confirm: t('hint.confirm') },
    };
  }
  return undefined;
};

export const voidScreen = (snapshot: SnapshotFrom<typeof voidSaleMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const title = t('journal.void.title');
  const outcome = outcomeScreen((name) => snapshot.matches(name), context, context.sale?.amountFen ?? 0, 'void', view);
  if (outcome) return outcome;
  if (snapshot.matches('notFound')) {
    return {
      title: t('journal.failedTitle'),
      lines: [
        { text: responseText('25', t), tone: 'error' },
        { text: t('journal.noSuchTrace', { trace: sixDigits(Number(context.entered)) }) },
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('notVoidable')) {
    return {
      title: t('journal.failedTitle'),
      lines: [{ text: responseText('12', t), tone: 'error' }, { text: t('journal.void.notVoidable') }],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('review') && context.sale) {
    return {
      title,
      lines: [
        ...saleLines(context.sale, t),
        { text: '' },
        { text: t('journal.void.question'), tone: 'warning' },
        { text: t('hint.yesNo'), tone: 'muted' },
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('present')) return presentScreen(title, context.cursor, context.sale?.amountFen ?? 0, t);
  return {
    title,
    lines: [
      { text: t('journal.void.tracePrompt') },
      typed(context.entered, TRACE_LENGTH),
      { text: t('journal.void.batchOnly', { batch: context.port.batch() }), tone: 'muted' },
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};

export const refundScreen = (snapshot: SnapshotFrom<typeof refundMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const title = t('journal.refund.title');
  const outcome = outcomeScreen((name) => snapshot.matches(name), context, context.amountFen, 'refund', view);
  if (outcome) return outcome;
  const failed = (code: string, text: string): Screen => ({
    title: t('journal.failedTitle'),
    lines: [{ text: responseText(code, t), tone: 'error' }, { text }],
    hints: { confirm: t('hint.confirm') },
  });
  if (snapshot.matches('notFound')) return failed('25', t('journal.refund.notFound'));
  if (snapshot.matches('nothingLeft')) return failed('12', t('journal.refund.nothingLeft'));
  const left = context.sale ? refundableFen(context.port.journal(), context.sale) : 0;
  if (snapshot.matches('overLimit')) return failed('61', t('journal.refund.left', { amount: formatFen(left) }));
  if (snapshot.matches('amount') && context.sale) {
    return {
      title,
      lines: [
        { text: t('journal.refund.original', { amount: formatFen(context.sale.amountFen), trace: context.sale.trace }), tone: 'muted' },
        { text: t('journal.refund.left', { amount: formatFen(left) }), tone: 'muted' },
        { text: t('journal.refund.amountPrompt') },
        { text: t('sale.amount', { amount: formatFen(context.amountFen) }), field: true },
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('present')) return presentScreen(title, context.cursor, context.amountFen, t);
  if (snapshot.matches('date')) {
    return {
      title,
      lines: [
        { text: t('journal.refund.reference', { reference: context.reference }), tone: 'muted' },
        { text: t('journal.refund.datePrompt') },
        typed(context.date, DATE_LENGTH),
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  return {
    title,
    lines: [{ text: t('journal.refund.referencePrompt') }, typed(context.reference, REFERENCE_LENGTH)],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};
