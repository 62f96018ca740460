/**
 * Screens of the operator flows: 修改密码 (new password twice, masked) and 操作员无权限 when an
 * ordinary operator tries to open 设置. The old-password step is the password prompt's screen.
 */
import type { SnapshotFrom } from 'xstate';
import type { changePasswordMachine } from '../../menus/change-password.js';
import type { Screen, ScreenLine } from './screen.js';
import type { ViewContext } from './view-context.js';

const operatorName = (id: string, view: ViewContext): string =>
  view.profile.operators.find((operator) => operator.id === id)?.name[view.lang] ?? '';

export const changePasswordScreen = (snapshot: SnapshotFrom<typeof changePasswordMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { operatorId, entered, length, problem } = snapshot.context;
  const name = operatorName(operatorId, view);
  if (snapshot.matches('changed')) {
    return {
      title: t('operators.changedTitle'),
      lines: [
        { text: t('operators.changed'), tone: 'success' },
        { text: t('password.operator', { id: operatorId, name }), tone: 'muted' },
        { text: t('operators.changedDetail') },
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  const problemLine: ScreenLine[] =
    problem === 'length'
      ? [{ text: t('operators.lengthWrong', { length }), tone: 'error' }]
      : problem === 'mismatch'
        ? [{ text: t('operators.mismatch'), tone: 'error' }]
        : [];
  return {
    title: t(snapshot.matches('repeating') ? 'operators.repeatPassword' : 'operators.newPassword'),
    lines: [
      { text: t('password.operator', { id: operatorId, name }), tone: 'muted' },
      { text: `${'*'.repeat(entered.length)}_`, field: true },
      ...problemLine,
      { text: t('operators.digits', { length }), tone: 'muted' },
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};

/** 操作员无权限: the operator `operatorId` logged in but may not open 设置. */
export const refusedScreen = (operatorId: string, view: ViewContext): Screen => {
  const { t } = view;
  return {
    title: t('operators.refusedTitle'),
    lines: [
      { text: t('password.operator', { id: operatorId, name: operatorName(operatorId, view) }), tone: 'muted' },
      { text: t('operators.refused'), tone: 'error' },
      { text: '' },
      { text: t('operators.refusedDetail') },
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
