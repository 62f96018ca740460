/** 签到 and 签退: the 操作员号 and password, the host's answer with the batch number, signing out. */
import type { SnapshotFrom } from 'xstate';
import { OPERATOR_ID_LENGTH, type signInMachine } from '../../menus/sign-in.js';
import type { signOutMachine } from '../../menus/sign-out.js';
import type { Screen, ScreenLine } from './screen.js';
import { refusalLines } from './transaction-words.js';
import type { ViewContext } from './view-context.js';

const operatorLine = (id: string, view: ViewContext): ScreenLine => ({
  text: view.t('password.operator', { id, name: view.profile.operators.find((operator) => operator.id === id)?.name[view.lang] ?? '' }),
});

export const signInScreen = (snapshot: SnapshotFrom<typeof signInMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const { context } = snapshot;
  if (snapshot.matches('connecting')) {
    return { title: t('signIn.title'), lines: [operatorLine(context.entered, view), { text: t('signIn.connecting') }], hints: {} };
  }
  if (snapshot.matches('signedIn')) {
    return {
      title: t('signIn.doneTitle'),
      lines: [
        { text: t('signIn.done'), tone: 'success' },
        operatorLine(context.entered, view),
        { text: t('signIn.batch', { batch: context.port.batch() }) },
      ],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('commsError')) {
    return {
      title: t('sale.commsError'),
      lines: [{ text: t('signIn.commsError'), tone: 'error' }],
      hints: { confirm: t('hint.retry'), cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('refused') && context.refusal) {
    return { title: t('signIn.failedTitle'), lines: refusalLines(context.refusal, t, lang), hints: { confirm: t('hint.confirm') } };
  }
  const tellers = view.profile.operators
    .filter((operator) => operator.role === 'operator')
    .map((operator) => `${operator.id} ${operator.name[lang]}`);
  return {
    title: t('signIn.title'),
    lines: [
      { text: t('signIn.prompt') },
      { text: `${context.entered}${'_'.repeat(OPERATOR_ID_LENGTH - context.entered.length)}`, field: true },
      ...(context.problem ? [{ text: t(`signIn.problem.${context.problem}`), tone: 'error' as const }] : []),
      { text: t('signIn.tellers', { tellers: tellers.join(t('list.separator')) }), tone: 'muted' },
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};

export const signOutScreen = (snapshot: SnapshotFrom<typeof signOutMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const signedIn = snapshot.context.port.signedIn();
  if (snapshot.matches('signedOut')) {
    return {
      title: t('signOut.title'),
      lines: [{ text: t('signOut.done'), tone: 'success' }, { text: t('signOut.next') }],
      hints: { confirm: t('hint.confirm') },
    };
  }
  if (snapshot.matches('notSignedIn')) {
    return { title: t('signOut.title'), lines: [{ text: t('signOut.notSignedIn'), tone: 'muted' }], hints: { confirm: t('hint.confirm') } };
  }
  return {
    title: t('signOut.title'),
    lines: [
      { text: t('signOut.question') },
      ...(signedIn ? [operatorLine(signedIn.operator, view)] : []),
      { text: '' },
      { text: t('hint.yesNo'), tone: 'muted' },
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};
