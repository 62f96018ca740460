/**
 * What the phone's screen shows: the screen of the innermost phone machine running (the payment
 * password inside the payment sheet draws the password), each machine drawn by its one view, in
 * the same Screen shape as the terminal's. A pure function of the machines' snapshots; passwords
 * and codes being typed show only as stars.
 */
import type { AnyMachineSnapshot, SnapshotFrom } from 'xstate';
import { formatFen } from '../../menus/domain.js';
import type { payerConfirmMachine } from '../../menus/phone/payer-confirm.js';
import {
  CARD_VERIFICATIONS,
  lastFour,
  type WalletCard,
  type WalletId,
  type WalletNotice,
  type WalletPasswordPurpose,
} from '../../menus/phone/phone-domain.js';
import { phoneApps, type phoneMachine } from '../../menus/phone/phone.js';
import type { PaymentRequest } from '../../menus/phone/phone-domain.js';
import type { PhonePort, PhoneText } from '../../menus/phone/phone-port.js';
import { currentMenuItems } from '../../menus/menu-tree.js';
import type { walletAppMachine } from '../../menus/phone/wallet-app.js';
import type { walletCardsMachine } from '../../menus/phone/wallet-cards.js';
import { closesUnionpayService } from '../../menus/phone/wallet-menus.js';
import type { walletPasswordFreeMachine } from '../../menus/phone/wallet-password-free.js';
import type { walletPasswordMachine } from '../../menus/phone/wallet-password.js';
import { deviceDateTime } from '../device/device-time.js';
import type { Translate } from '../i18n/messages.js';
import type { Screen, ScreenLine } from '../screen/screen.js';
import { formatDuration, numbered, type ViewContext } from '../screen/view-context.js';
import { maskPhone } from '../store/sms-gateway.js';

const hhmm = (at: number): string => deviceDateTime(at).time.slice(0, 5);
const mmddHhmm = (at: number): { date: string; time: string } => ({ date: deviceDateTime(at).date.slice(5), time: hhmm(at) });

const walletName = (wallet: WalletId, t: Translate): string => t(`phone.app.${wallet}`);

/** A text as the phone shows it: 【银联商务】您的验证码为482913，5分钟内有效，请勿泄露。 */
export const phoneTextBody = (text: PhoneText, view: ViewContext): string =>
  view.t('sms.text', { signature: text.signature[view.lang], code: text.code, minutes: text.validMinutes });

const noticeTitle = (notice: WalletNotice, t: Translate): string => t(`phone.notice.${notice.kind}`);

const verificationName = (how: (typeof CARD_VERIFICATIONS)[number], t: Translate): string => t(`phone.card.verification.${how}`);

/** A wallet's notice in full: 你已关闭微信小额免密支付，之后付款需输入支付密码。 */
export const noticeText = (notice: WalletNotice, view: ViewContext): string => {
  const { t, lang } = view;
  const wallet = walletName(notice.wallet, t);
  switch (notice.kind) {
    case 'passwordFreeOff':
      return t('phone.notice.passwordFreeOffText', { wallet });
    case 'passwordFreeOn':
      return t('phone.notice.passwordFreeOnText', { wallet, limit: notice.limit });
    case 'serviceClosed':
      return t('phone.notice.serviceClosedText', { bank: notice.bank[lang], last4: notice.last4, how: verificationName(notice.how, t) });
    case 'paid':
      return t('phone.notice.paidText', {
        merchant: notice.merchant[lang],
        amount: formatFen(notice.amountFen),
        how: t(notice.passwordFree ? 'phone.notice.paidFree' : 'phone.notice.paidPassword'),
      });
  }
};

const cardKind = (card: Pick<WalletCard, 'kind'>, t: Translate): string => t(`phone.card.${card.kind}`);

const homeScreen = (snapshot: SnapshotFrom<typeof phoneMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  if (snapshot.matches('sms') || snapshot.matches('reading')) return smsScreen(snapshot, view);
  const unread = context.port.unread();
  const notification: ScreenLine[] =
    unread === undefined
      ? []
      : unread.kind === 'text'
        ? [
            { text: t('phone.new', { from: unread.text.from, time: hhmm(unread.text.at) }), tone: 'warning' },
            { text: phoneTextBody(unread.text, view) },
            { text: '' },
          ]
        : [
            { text: t('phone.new', { from: walletName(unread.notice.wallet, t), time: hhmm(unread.notice.at) }), tone: 'warning' },
            { text: noticeText(unread.notice, view) },
            { text: '' },
          ];
  return {
    title: t('phone.home'),
    lines: [
      ...notification,
      ...numbered(
        phoneApps(context.config).map((app) => t(`phone.app.${app}`)),
        context.cursor,
      ),
    ],
    hints: { confirm: t('phone.hint.open') },
  };
};

const newestFirst = <T>(items: readonly T[]): T[] => [...items].reverse();

const smsScreen = (snapshot: SnapshotFrom<typeof phoneMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const texts = newestFirst(context.port.texts());
  const chosen = texts[context.textCursor];
  if (snapshot.matches('reading') && chosen) {
    const { date, time } = mmddHhmm(chosen.at);
    return {
      title: chosen.from,
      lines: [{ text: t('phone.sms.received', { date, time }), tone: 'muted' }, { text: phoneTextBody(chosen, view) }],
      hints: { cancel: t('hint.back') },
    };
  }
  return {
    title: t('phone.app.sms'),
    lines:
      texts.length === 0
        ? [{ text: t('phone.sms.none'), tone: 'muted' }]
        : texts.map((text, index) => ({
            text: t('phone.sms.item', { from: text.from, time: hhmm(text.at), signature: text.signature[view.lang] }),
            selected: index === context.textCursor,
          })),
    hints: { ...(texts.length > 0 ? { confirm: t('phone.hint.view') } : {}), cancel: t('hint.back') },
  };
};

const walletAppScreen = (snapshot: SnapshotFrom<typeof walletAppMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const notices = newestFirst(context.port.notices(context.wallet));
  if (snapshot.matches('notices') || snapshot.matches('notice')) {
    const chosen = notices[context.noticeCursor];
    const title = t(context.wallet === 'wechat' ? 'phone.menu.payNotices' : 'phone.menu.messages');
    if (snapshot.matches('notice') && chosen) {
      const { date, time } = mmddHhmm(chosen.at);
      return {
        title: noticeTitle(chosen, t),
        lines: [{ text: t('phone.sms.received', { date, time }), tone: 'muted' }, { text: noticeText(chosen, view) }],
        hints: { cancel: t('hint.back') },
      };
    }
    return {
      title,
      lines:
        notices.length === 0
          ? [{ text: t('phone.notices.none'), tone: 'muted' }]
          : notices.map((notice, index) => ({
              text: t('phone.notice.item', { ...mmddHhmm(notice.at), title: noticeTitle(notice, t) }),
              selected: index === context.noticeCursor,
            })),
      hints: { ...(notices.length > 0 ? { confirm: t('phone.hint.view') } : {}), cancel: t('hint.back') },
    };
  }
  // The page's title: the app at its top, else the item that opened the sub-page.
  const parent = context.path.length > 0 ? currentMenuItems(context.menu, context.path.slice(0, -1))[context.path.at(-1) ?? 0] : undefined;
  return {
    title: parent ? t(`phone.menu.${parent.label}` as Parameters<Translate>[0]) : walletName(context.wallet, t),
    lines: numbered(
      currentMenuItems(context.menu, context.path).map((node) => t(`phone.menu.${node.label}` as Parameters<Translate>[0])),
      context.cursor,
    ),
    hints: { confirm: t('phone.hint.enter'), cancel: t('hint.back') },
  };
};

const passwordFreeScreen = (snapshot: SnapshotFrom<typeof walletPasswordFreeMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const { enabled, limit } = context.port.account(context.wallet).passwordFree;
  if (snapshot.matches('changed')) {
    return {
      title: t('phone.passwordFree.title'),
      lines: [
        { text: t(enabled ? 'phone.passwordFree.changedOn' : 'phone.passwordFree.changedOff'), tone: 'success' },
        { text: t(enabled ? 'phone.passwordFree.nowOn' : 'phone.passwordFree.nowOff', { limit }) },
      ],
      hints: { confirm: t('phone.hint.done') },
    };
  }
  return {
    title: t('phone.passwordFree.title'),
    lines: [
      { text: t('phone.passwordFree.name') },
      { text: t(enabled ? 'phone.passwordFree.on' : 'phone.passwordFree.off'), tone: enabled ? 'success' : 'warning' },
      { text: t('phone.passwordFree.limit', { limit }) },
      { text: '' },
      { text: t(enabled ? 'phone.passwordFree.pressOff' : 'phone.passwordFree.pressOn') },
      { text: t('phone.passwordFree.whose', { wallet: walletName(context.wallet, t) }), tone: 'muted' },
    ],
    hints: { confirm: t(enabled ? 'phone.hint.close' : 'phone.hint.open.on'), cancel: t('hint.back') },
  };
};

/** What a payment is paid from: a card (bank, kind, last four), or the wallet's balance. */
const paidFrom = (request: PaymentRequest, port: PhonePort, view: ViewContext): string => {
  const { t, lang } = view;
  const card = request.card && port.account(request.wallet).cards.find((candidate) => lastFour(candidate.number) === request.card?.last4);
  return request.card
    ? t('phone.pay.from', { bank: request.card.bank[lang], kind: card ? cardKind(card, t) : '', last4: request.card.last4 })
    : t(`phone.pay.balance.${request.wallet}`);
};

const paymentLines = (request: PaymentRequest | undefined, port: PhonePort, view: ViewContext): ScreenLine[] =>
  request
    ? [
        { text: view.t('phone.password.pay', { merchant: request.merchant[view.lang] }) },
        { text: view.t('phone.pay.amount', { amount: formatFen(request.amountFen) }), tone: 'success' },
        { text: paidFrom(request, port, view), tone: 'muted' },
      ]
    : [];

/** What the password confirms, above the entry. */
const purposeLines = (purpose: WalletPasswordPurpose, port: PhonePort, wallet: WalletId, view: ViewContext): ScreenLine[] => {
  switch (purpose) {
    case 'pay':
      return paymentLines(port.paymentRequest(), port, view);
    case 'passwordFree':
      return [
        { text: view.t(port.account(wallet).passwordFree.enabled ? 'phone.password.passwordFreeOff' : 'phone.password.passwordFreeOn') },
      ];
    case 'closeService':
      return [{ text: view.t('phone.password.closeService') }];
  }
};

/** Six boxes, a star in each digit typed: [*][*][ ][ ][ ][ ]. */
const passwordBoxes = (typed: number): string => Array.from({ length: 6 }, (_, index) => (index < typed ? '[*]' : '[ ]')).join('');

const walletPasswordScreen = (snapshot: SnapshotFrom<typeof walletPasswordMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const title = context.purpose === 'pay' ? t('phone.pay.title', { wallet: walletName(context.wallet, t) }) : t('phone.password.title');
  if (snapshot.matches('locked')) {
    const until = context.port.walletLockedUntil(context.wallet) ?? view.now;
    return {
      title: t('phone.password.lockedTitle'),
      lines: [
        { text: t('phone.password.locked'), tone: 'error' },
        { text: t('phone.password.lockedFor', { time: formatDuration(until - view.now, t) }), tone: 'error' },
      ],
      hints: { confirm: t('phone.hint.done') },
    };
  }
  const { lastCheck } = context;
  return {
    title,
    lines: [
      ...purposeLines(context.purpose, context.port, context.wallet, view),
      ...(context.purpose === 'pay' ? [{ text: t('phone.password.title') }] : []),
      { text: passwordBoxes(context.entered.length) },
      ...(lastCheck?.result === 'wrong'
        ? [{ text: t('phone.password.wrong', { left: lastCheck.attemptsLeft }), tone: 'error' as const }]
        : []),
    ],
    hints: { cancel: t('hint.cancel') },
  };
};

const payerConfirmScreen = (snapshot: SnapshotFrom<typeof payerConfirmMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const { request, outcome } = context;
  const merchant = request?.merchant[view.lang] ?? '';
  const amount = { text: t('phone.pay.amount', { amount: formatFen(request?.amountFen ?? 0) }), tone: 'success' as const };
  switch (outcome) {
    case 'confirmed':
      return {
        title: t('phone.pay.confirmed'),
        lines: [amount, { text: t('phone.pay.paidTo', { merchant }) }],
        hints: { confirm: t('phone.hint.done') },
      };
    case 'cancelled':
      return { title: t('phone.pay.cancelled'), lines: [{ text: t('phone.pay.cancelledText') }], hints: { confirm: t('phone.hint.done') } };
    case 'locked':
      return {
        title: t('phone.pay.locked'),
        lines: [{ text: t('phone.pay.lockedText'), tone: 'error' }],
        hints: { confirm: t('phone.hint.done') },
      };
    case 'withdrawn':
      return { title: t('phone.pay.withdrawn'), lines: [{ text: t('phone.pay.withdrawnText') }], hints: { confirm: t('phone.hint.done') } };
  }
};

const cardLine = (card: WalletCard, wallet: WalletId, t: Translate, lang: ViewContext['lang']): string => {
  const item = { bank: card.bank[lang], kind: cardKind(card, t), last4: lastFour(card.number) };
  return wallet === 'unionpay'
    ? t('phone.card.itemService', { ...item, service: t(card.unionpayService ? 'phone.card.serviceOpen' : 'phone.card.serviceClosed') })
    : t('phone.card.item', item);
};

const walletCardsScreen = (snapshot: SnapshotFrom<typeof walletCardsMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const { context } = snapshot;
  const cards = context.port.account(context.wallet).cards;
  const card = cards[context.cursor];
  const back = { confirm: t('hint.confirm'), cancel: t('hint.cancel') };
  const listTitle = t(context.wallet === 'unionpay' ? 'phone.menu.cardManagement' : 'phone.menu.bankCards');
  if (snapshot.matches('list') || !card) {
    return {
      title: listTitle,
      lines:
        cards.length === 0
          ? [{ text: t('phone.card.none'), tone: 'muted' }]
          : numbered(
              cards.map((each) => cardLine(each, context.wallet, t, lang)),
              context.cursor,
            ),
      hints: { ...(cards.length > 0 ? { confirm: t('phone.hint.view') } : {}), cancel: t('hint.back') },
    };
  }
  const which = {
    text: t('phone.card.item', { bank: card.bank[lang], kind: cardKind(card, t), last4: lastFour(card.number) }),
    tone: 'muted' as const,
  };
  if (snapshot.matches('detail')) {
    const canClose = closesUnionpayService(context.wallet) && card.unionpayService;
    return {
      title: card.bank[lang],
      lines: [
        { text: t('phone.card.number', { last4: lastFour(card.number) }) },
        { text: t('phone.card.kind', { kind: cardKind(card, t) }) },
        ...(context.wallet === 'unionpay'
          ? [{ text: t('phone.card.service', { state: t(card.unionpayService ? 'phone.card.serviceOpen' : 'phone.card.serviceClosed') }) }]
          : []),
        ...(canClose ? [{ text: '' }, { text: t('phone.card.pressClose') }] : []),
      ],
      hints: { ...(canClose ? { confirm: t('hint.closeService') } : {}), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('confirming')) {
    return {
      title: t('phone.card.closeTitle'),
      lines: [
        which,
        { text: t('phone.card.closeQuestion'), tone: 'warning' },
        { text: t('phone.card.closeEffect') },
        { text: t('phone.card.closeNotAffected'), tone: 'muted' },
      ],
      hints: back,
    };
  }
  if (snapshot.matches('choosing')) {
    return {
      title: t('phone.card.verifyTitle'),
      lines: [
        { text: t('phone.card.chooseVerification'), tone: 'muted' },
        ...numbered(
          CARD_VERIFICATIONS.map((how) => verificationName(how, t)),
          context.method,
        ),
      ],
      hints: back,
    };
  }
  if (snapshot.matches({ byCode: 'void' })) {
    return {
      title: t('phone.card.verification.sms'),
      lines: [{ text: t('phone.card.codeVoid'), tone: 'error' }],
      hints: { confirm: t('hint.resend'), cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('byCode')) {
    const { codeCheck } = context;
    return {
      title: t('phone.card.verification.sms'),
      lines: [
        { text: t('phone.card.codeSent', { phone: maskPhone(view.profile.sms.phone) }) },
        { text: `${'*'.repeat(context.entered.length)}_` },
        ...(codeCheck?.result === 'wrong'
          ? [{ text: t('phone.card.codeWrong', { left: codeCheck.attemptsLeft }), tone: 'error' as const }]
          : []),
      ],
      hints: back,
    };
  }
  if (snapshot.matches('byFace')) {
    return {
      title: t('phone.card.faceTitle'),
      lines: [{ text: t('phone.card.faceLook') }, { text: t('phone.card.faceScanning'), tone: 'muted' }],
      hints: { cancel: t('hint.cancel') },
    };
  }
  return {
    title: t('phone.card.closeTitle'),
    lines: [{ text: t('phone.card.closed'), tone: 'success' }, which],
    hints: { confirm: t('phone.hint.done') },
  };
};

type MachineView = (snapshot: never, view: ViewContext) => Screen;

/** The view of each phone machine, by machine id. */
const VIEWS: Readonly<Record<string, MachineView>> = {
  phone: homeScreen,
  walletApp: walletAppScreen,
  walletPasswordFree: passwordFreeScreen,
  walletCards: walletCardsScreen,
  walletPassword: walletPasswordScreen,
  payerConfirm: payerConfirmScreen,
};

/** The screen the phone shows now, from its machines' snapshots, outermost first. */
export const phoneScreen = (snapshots: readonly AnyMachineSnapshot[], view: ViewContext): Screen => {
  for (const snapshot of [...snapshots].reverse()) {
    const draw = VIEWS[snapshot.machine.id];
    if (draw) return (draw as (snapshot: AnyMachineSnapshot, view: ViewContext) => Screen)(snapshot, view);
  }
  throw new Error(`no phone view for ${snapshots.map((snapshot) => snapshot.machine.id).join(' > ')}`);
};
