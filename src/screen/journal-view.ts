/**
 * The journal on screen: 交易查询 (the batch's transactions and one in full), 结算 (the batch's
 * totals, by type and by how customers paid), and 重打印.
 */
import type { SnapshotFrom } from 'xstate';
import { formatFen } from '../../menus/domain.js';
import { batchEntries, batchTotals, isVoided, refundedFen, sixDigits, type JournalEntry } from '../../menus/journal.js';
import type { printJobMachine } from '../../menus/print-job.js';
import { REPRINT_ITEMS, type reprintMachine } from '../../menus/reprint.js';
import type { settlementMachine } from '../../menus/settlement.js';
import type { transactionQueryMachine } from '../../menus/transaction-query.js';
import { deviceDateTime } from '../device/device-time.js';
import type { Translate } from '../i18n/messages.js';
import type { Screen, ScreenLine } from './screen.js';
import { methodName, refusalLines, responseText } from './transaction-words.js';
import { numbered, type ViewContext } from './view-context.js';

/** 000003 消费 12.34: one transaction as a list shows it. */
export const journalLine = (entry: JournalEntry, t: Translate): string =>
  `${entry.trace} ${t(`journal.kind.${entry.kind}`)} ${formatFen(entry.amountFen)}`;

export const transactionQueryScreen = (snapshot: SnapshotFrom<typeof transactionQueryMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { entries, cursor, port } = snapshot.context;
  const entry = entries[cursor];
  if (snapshot.matches('detail') && entry) {
    const journal = port.journal();
    const { date, time } = deviceDateTime(entry.at);
    const refunded = entry.kind === 'sale' ? refundedFen(journal, entry) : 0;
    const status: ScreenLine[] =
      entry.kind === 'sale' && isVoided(journal, entry)
        ? [{ text: t('journal.status.voided'), tone: 'warning' }]
        : refunded > 0
          ? [{ text: t('journal.status.refunded', { amount: formatFen(refunded) }), tone: 'warning' }]
          : [];
    return {
      title: t('journal.queryDetailTitle', { index: cursor + 1, count: entries.length }),
      lines: [
        { text: `${t('journal.trace', { trace: entry.trace })} ${t(`journal.kind.${entry.kind}`)}` },
        { text: t('sale.amountLine', { amount: formatFen(entry.amountFen) }) },
        { text: t('journal.method', { method: methodName(entry.method, t) }) },
        { text: t('journal.reference', { reference: entry.reference }) },
        { text: t('journal.authCode', { code: entry.authCode }) },
        { text: t('records.time', { date, time }) },
        ...(entry.original ? [{ text: t('journal.original', { trace: entry.original.trace }) }] : []),
        ...status,
      ],
      hints: { confirm: t('hint.back'), cancel: t('hint.back') },
    };
  }
  return {
    title: t('journal.queryTitle', { batch: port.batch() }),
    lines:
      entries.length === 0
        ? [{ text: t('journal.empty'), tone: 'muted' }]
        : entries.map((item, index) => ({ text: journalLine(item, t), selected: index === cursor, item: true })),
    hints: entries.length === 0 ? { cancel: t('hint.back') } : { confirm: t('hint.view'), cancel: t('hint.back') },
  };
};

/** 消费  3笔  112.34元: a kind's tally as one line. */
const tallyLine = (label: string, count: number, amountFen: number, t: Translate): ScreenLine => ({
  text: t('settle.tally', { label, count, amount: formatFen(amountFen) }),
});

export const settlementScreen = (snapshot: SnapshotFrom<typeof settlementMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { port, page } = snapshot.context;
  if (snapshot.matches('settling')) return { title: t('settle.title'), lines: [{ text: t('settle.settling') }], hints: {} };
  if (snapshot.matches('commsError')) {
    return { title: t('sale.commsError'), lines: [{ text: t('settle.commsError'), tone: 'error' }], hints: { confirm: t('hint.confirm') } };
  }
  if (snapshot.matches('refused') && snapshot.context.refusal) {
    return {
      title: t('settle.failedTitle'),
      lines: refusalLines(snapshot.context.refusal, t, view.lang),
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('settled')) {
    const last = port.settlements().at(-1);
    return {
      title: t('settle.doneTitle'),
      lines: [
        { text: t('settle.balanced'), tone: 'success' },
        ...(last ? [{ text: t('settle.closedBatch', { batch: last.batch, net: formatFen(last.totals.netFen) }) }] : []),
        { text: t('settle.newBatch', { batch: port.batch() }) },
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  const totals = batchTotals(batchEntries(port.journal(), port.batch()));
  const body: ScreenLine[] =
    page === 0
      ? [
          tallyLine(t('journal.kind.sale'), totals.kinds.sale.count, totals.kinds.sale.amountFen, t),
          tallyLine(t('journal.kind.void'), totals.kinds.void.count, totals.kinds.void.amountFen, t),
          tallyLine(t('journal.kind.refund'), totals.kinds.refund.count, totals.kinds.refund.amountFen, t),
          { text: t('settle.net', { amount: formatFen(totals.netFen) }) },
        ]
      : totals.groups.length === 0
        ? [{ text: t('journal.empty'), tone: 'muted' }]
        : totals.groups.map((group) => tallyLine(t(`settle.group.${group.group}`), group.count, group.amountFen, t));
  return {
    title: t('settle.title'),
    lines: [
      { text: t('settle.batch', { batch: port.batch() }), tone: 'muted' },
      ...body,
      { text: t(page === 0 ? 'settle.morePages' : 'settle.backPage'), tone: 'muted' },
      { text: t('settle.pressToSettle') },
    ],
    hints: { confirm: t('hint.settle'), cancel: t('hint.back') },
  };
};

export const reprintScreen = (snapshot: SnapshotFrom<typeof reprintMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  if (snapshot.matches('trace')) {
    return {
      title: t('reprint.title'),
      lines: [{ text: t('reprint.tracePrompt') }, { text: `${context.entered}_`, field: true }],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('notFound')) {
    return {
      title: t('reprint.title'),
      lines: [
        { text: responseText('25', t), tone: 'error' },
        { text: t('journal.noSuchTrace', { trace: sixDigits(Number(context.entered)) }) },
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('nothing')) {
    return { title: t('reprint.title'), lines: [{ text: t('reprint.nothing'), tone: 'muted' }], hints: { confirm: t('hint.confirm') } };
  }
  return {
    title: t('reprint.title'),
    lines: numbered(
      REPRINT_ITEMS.map((item) => t(`reprint.item.${item}`)),
      context.cursor,
    ),
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};

/** 打印机缺纸: the only moment printing shows a screen of its own. */
export const printJobScreen = (_snapshot: SnapshotFrom<typeof printJobMachine>, view: ViewContext): Screen => {
  const { t } = view;
  return {
    title: t('print.paperOutTitle'),
    lines: [
      { text: t('print.paperOut'), tone: 'error' },
      { text: t('print.doneAnyway') },
      { text: '' },
      { text: t('print.loadAndConfirm') },
    ],
    hints: { confirm: t('hint.print'), cancel: t('hint.skip') },
  };
};
