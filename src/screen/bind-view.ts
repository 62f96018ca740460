/** 绑定: opening a closed service again, or typing a new settlement card or merchant account, and the outcome. */
import type { SnapshotFrom } from 'xstate';
import type { bindMachine } from '../../menus/bind.js';
import { maskAccount } from '../../menus/domain.js';
import { maskPhone } from '../store/sms-gateway.js';
import type { Screen, ScreenLine } from './screen.js';
import type { ViewContext } from './view-context.js';

/** A number as it is typed: a card shows only its last four digits, in groups of four; a merchant number as typed. */
const typedNumber = (digits: string, card: boolean): string => {
  if (!card) return `${digits}_`;
  const masked = [...digits].map((digit, index) => (index < digits.length - 4 ? '*' : digit)).join('');
  return `${masked.replace(/(.{4})(?=.)/g, '$1 ')}_`;
};

export const bindScreen = (snapshot: SnapshotFrom<typeof bindMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const { context } = snapshot;
  const { target } = context;
  if (target.kind === 'service') {
    const name = target.service.name[lang];
    if (snapshot.matches('bound')) {
      return {
        title: t('bind.openTitle'),
        lines: [{ text: t('bind.opened', { name }), tone: 'success' }, { text: t('bind.openedDetail', { name }) }],
        hints: { confirm: t('hint.confirm') },
      };
    }
    if (snapshot.matches('offline')) return offlineScreen(view);
    return {
      title: t('bind.openTitle'),
      lines: [
        { text: t('bind.openQuestion', { name }) },
        { text: t('bind.openEffects', { name }) },
        {
          text: t('bindings.verification', { method: t(`bindings.verification.${target.service.verification ?? 'password'}`) }),
          tone: 'muted',
        },
        { text: '' },
        { text: t('hint.yesNo'), tone: 'muted' },
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
    };
  }
  const card = target.kind === 'settlementCard';
  const title = t(`bind.new.${target.kind}`);
  const account = maskAccount({ kind: target.kind, account: context.entered });
  if (snapshot.matches('bound')) {
    return {
      title: t('bind.doneTitle'),
      lines: [
        { text: t(`bind.done.${target.kind}`), tone: 'success' },
        { text: t('bindings.account', { account }) },
        ...(card ? [] : [{ text: t('unbind.done') }]),
        { text: t('bind.nowAccepts') },
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('offline')) return offlineScreen(view);
  if (snapshot.matches('review')) {
    return {
      title,
      lines: [
        { text: t('bindings.type', { kind: t(`bindings.kind.${target.kind}`) }) },
        { text: t('bindings.account', { account }) },
        { text: '' },
        { text: t('unbind.codeGoesTo', { phone: maskPhone(view.profile.sms.phone) }), tone: 'muted' },
        { text: t('bind.pressToSubmit'), tone: 'warning' },
      ],
      hints: { confirm: t('hint.submit'), cancel: t('hint.back') },
    };
  }
  const problem: ScreenLine[] = context.problem ? [{ text: t(`bind.problem.${context.problem}`), tone: 'error' }] : [];
  return {
    title,
    lines: [
      { text: t(card ? 'bind.cardPrompt' : 'bind.merchantPrompt') },
      { text: typedNumber(context.entered, card), field: true },
      ...problem,
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};

const offlineScreen = (view: ViewContext): Screen => ({
  title: view.t('offline.title'),
  lines: [{ text: view.t('bind.offline'), tone: 'error' }],
  hints: { confirm: view.t('hint.confirm'), cancel: view.t('hint.back') },
});
