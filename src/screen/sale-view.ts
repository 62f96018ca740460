/**
 * What the device shows during 收款: the amount being keyed, the payment method menus, the PIN
 * prompt (one * per digit, the PIN itself never), 交易处理中, and the answer (免密免签, declined,
 * 通讯错误). A pure function of the sale machine's snapshot.
 */
import type { SnapshotFrom } from 'xstate';
import { formatFen } from '../../menus/domain.js';
import { CARD_PIN_TRIES, METHOD_ITEMS, WALLET_ITEMS, type saleMachine } from '../../menus/sale.js';
import type { Translate } from '../i18n/messages.js';
import type { Screen, ScreenLine } from './screen.js';

type SaleSnapshot = SnapshotFrom<typeof saleMachine>;

const numbered = (labels: readonly string[], cursor: number): ScreenLine[] =>
  labels.map((label, index) => ({ text: `${index + 1}.${label}`, selected: index === cursor }));

const amountLine = (snapshot: SaleSnapshot, t: Translate): ScreenLine => ({
  text: t('sale.amountLine', { amount: formatFen(snapshot.context.amountFen) }),
});

/** The screen of a running sale. */
export const saleScreen = (snapshot: SaleSnapshot, t: Translate): Screen => {
  const { context } = snapshot;
  const back = { confirm: t('hint.confirm'), cancel: t('hint.cancel') };
  if (snapshot.matches('method')) {
    return {
      title: t('sale.title'),
      lines: [amountLine(snapshot, t), { text: t('sale.chooseMethod'), tone: 'muted' }, ...numbered(METHOD_ITEMS.map((item) => t(`sale.method.${item}`)), context.cursor)],
      hints: back,
    };
  }
  if (snapshot.matches('wallet')) {
    return {
      title: t('sale.method.qr'),
      lines: [amountLine(snapshot, t), { text: t('sale.chooseWallet'), tone: 'muted' }, ...numbered(WALLET_ITEMS.map((item) => t(`sale.wallet.${item}`)), context.cursor)],
      hints: back,
    };
  }
  if (snapshot.matches('pin')) {
    const isCard = context.method === 'contactless' || context.method === 'chip';
    return {
      title: t(isCard ? 'sale.pin.card' : 'sale.pin.qr'),
      lines: [
        amountLine(snapshot, t),
        { text: `${'*'.repeat(context.pin.length)}_` },
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
    return { title: t('sale.processing'), lines: [amountLine(snapshot, t), { text: t('sale.processingMessage') }], hints: { cancel: t('hint.cancel') } };
  }
  if (snapshot.matches('approved')) {
    const { decision } = context;
    return {
      title: t('sale.approved'),
      lines: [
        { text: t('sale.approvedCode'), tone: 'success' },
        amountLine(snapshot, t),
        { text: t(`sale.paidBy.${context.method ?? 'chip'}`) },
        decision?.passwordFree
          ? { text: t('sale.passwordFree', { limit: decision.limit ?? 0 }), tone: 'success' }
          : { text: t('sale.pinVerified') },
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
    lines: [{ text: t('sale.enterAmount'), tone: 'muted' }, { text: '' }, { text: t('sale.amount', { amount: formatFen(context.amountFen) }) }],
    hints: context.amountFen > 0 ? back : { cancel: t('hint.cancel') },
  };
};
