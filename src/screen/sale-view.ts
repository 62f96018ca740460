/**
 * What the device shows during 收款: the amount being keyed, the payment method menus, the PIN
 * prompt (one * per digit, the PIN itself never), 交易处理中, and the answer (免密免签, declined,
 * 通讯错误). A pure function of the sale machine's snapshot.
 */
import type { SnapshotFrom } from 'xstate';
import { closedServiceFor, terminalRefusal } from '../../menus/acceptance.js';
import { formatFen, type PaymentMethod } from '../../menus/domain.js';
import { CARD_PIN_TRIES, METHOD_ITEMS, WALLET_ITEMS, type saleMachine } from '../../menus/sale.js';
import type { Lang, Translate } from '../i18n/messages.js';
import type { Screen, ScreenLine } from './screen.js';
import { refusalLines } from './transaction-words.js';
import { numbered } from './view-context.js';

type SaleSnapshot = SnapshotFrom<typeof saleMachine>;

const amountLine = (snapshot: SaleSnapshot, t: Translate): ScreenLine => ({
  text: t('sale.amountLine', { amount: formatFen(snapshot.context.amountFen) }),
});

/** A method's label, marked 未开通 when its service is closed (the terminal refuses it). */
const methodLabel = (snapshot: SaleSnapshot, method: PaymentMethod, label: string, t: Translate): string =>
  closedServiceFor(snapshot.context.port.facts(), snapshot.context.rules, method) ? t('sale.unavailable', { method: label }) : label;

/** Above a method list: why no method can go through, when the terminal refuses every transaction. */
const terminalWarning = (snapshot: SaleSnapshot, t: Translate, lang: Lang): ScreenLine[] => {
  const refusal = terminalRefusal(snapshot.context.port.facts());
  return refusal ? [{ ...(refusalLines(refusal, t, lang)[1] as ScreenLine), tone: 'warning' }] : [];
};

/** The screen of a running sale. */
export const saleScreen = (snapshot: SaleSnapshot, t: Translate, lang: Lang): Screen => {
  const { context } = snapshot;
  const back = { confirm: t('hint.confirm'), cancel: t('hint.cancel') };
  if (snapshot.matches('method')) {
    return {
      title: t('sale.title'),
      lines: [
        amountLine(snapshot, t),
        ...terminalWarning(snapshot, t, lang),
        { text: t('sale.chooseMethod'), tone: 'muted' },
        ...numbered(
          METHOD_ITEMS.map((item) => {
            const label = t(`sale.method.${item}`);
            return item === 'qr' ? label : methodLabel(snapshot, item, label, t);
          }),
          context.cursor,
        ),
      ],
      hints: back,
    };
  }
  if (snapshot.matches('wallet')) {
    return {
      title: t('sale.method.qr'),
      lines: [
        amountLine(snapshot, t),
        { text: t('sale.chooseWallet'), tone: 'muted' },
        ...numbered(
          WALLET_ITEMS.map((item) => methodLabel(snapshot, item, t(`sale.wallet.${item}`), t)),
          context.cursor,
        ),
      ],
      hints: back,
    };
  }
  if (snapshot.matches('refused') && context.decision?.accepted === false) {
    return {
      title: t('sale.declined'),
      lines: [...refusalLines(context.decision.refusal, t, lang), amountLine(snapshot, t), { text: t('sale.notCharged') }],
      hints: back,
    };
  }
  if (snapshot.matches('awaitingPayer')) {
    return {
      title: t('sale.awaitingPayer'),
      lines: [
        amountLine(snapshot, t),
        { text: t(`sale.paidBy.${context.method ?? 'chip'}`) },
        { text: t('sale.awaitingPayerMessage'), tone: 'muted' },
      ],
      hints: { cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('payerCancelled')) {
    return {
      title: t('sale.declined'),
      lines: [{ text: t('sale.payerCancelled'), tone: 'error' }, amountLine(snapshot, t), { text: t('sale.notCharged') }],
      hints: back,
    };
  }
  if (snapshot.matches('pin')) {
    return {
      title: t('sale.pin.card'),
      lines: [
        amountLine(snapshot, t),
        { text: `${'*'.repeat(context.pin.length)}_`, field: true },
        ...(context.wrongPins > 0
          ? [
              { text: t('sale.pin.wrong'), tone: 'error' as const },
              { text: t('sale.pin.triesLeft', { left: CARD_PIN_TRIES - context.wrongPins }), tone: 'error' as const },
            ]
          : []),
      ],
      hints: back,
    };
  }
  if (snapshot.matches('processing')) {
    return {
      title: t('sale.processing'),
      lines: [amountLine(snapshot, t), { text: t('sale.processingMessage') }],
      hints: { cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('approved')) {
    const { decision } = context;
    return {
      title: t('sale.approved'),
      lines: [
        { text: t('sale.approvedCode'), tone: 'success' },
        amountLine(snapshot, t),
        { text: t(`sale.paidBy.${context.method ?? 'chip'}`) },
        decision?.accepted === true && decision.passwordFree
          ? { text: t('sale.passwordFree', { limit: decision.limit ?? 0 }), tone: 'success' }
          : { text: t(decision?.accepted === true && decision.confirm === 'payerPhone' ? 'sale.confirmedOnPhone' : 'sale.pinVerified') },
      ],
      hints: back,
    };
  }
  if (snapshot.matches('declined')) {
    return {
      title: t('sale.declined'),
      lines: [{ text: t('sale.declinedPinTries'), tone: 'error' }, amountLine(snapshot, t)],
      hints: back,
    };
  }
  if (snapshot.matches('commsError')) {
    return {
      title: t('sale.commsError'),
      lines: [{ text: t('sale.commsErrorMessage'), tone: 'error' }, amountLine(snapshot, t)],
      hints: back,
    };
  }
  return {
    title: t('sale.title'),
    lines: [
      { text: t('sale.enterAmount'), tone: 'muted' },
      { text: '' },
      { text: t('sale.amount', { amount: formatFen(context.amountFen) }), field: true },
    ],
    hints: context.amountFen > 0 ? back : { cancel: t('hint.cancel') },
  };
};
