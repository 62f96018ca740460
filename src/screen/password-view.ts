/**
 * The password prompt (请输入密码): one * per digit typed, the attempts left after a wrong one, the
 * lockout and when it ends. Every flow that asks for a password shows this one screen.
 */
import type { SnapshotFrom } from 'xstate';
import type { passwordPromptMachine } from '../../menus/password-prompt.js';
import type { Screen, ScreenLine } from './screen.js';
import { formatDuration, type ViewContext } from './view-context.js';

export const passwordScreen = (snapshot: SnapshotFrom<typeof passwordPromptMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const operator = view.profile.operators.find((candidate) => candidate.id === context.operatorId);
  const title = t(`password.${context.purpose}`);
  const who: ScreenLine = {
    text: t('password.operator', { id: context.operatorId, name: operator?.name[view.lang] ?? '' }),
    tone: 'muted',
  };
  // 注销 needs the 主管 in particular; where the operator may say who they are, 上/下 switch.
  const supervisorOnly: ScreenLine[] =
    context.purpose === 'confirmDeregister' ? [{ text: t('operators.supervisorPassword'), tone: 'warning' }] : [];
  const switchHint: ScreenLine[] =
    (context.operatorIds?.length ?? 0) > 1 ? [{ text: '' }, { text: t('operators.switchHint'), tone: 'muted' }] : [];
  if (snapshot.matches('lockedOut')) {
    const until = context.port.lockedUntil(context.operatorId) ?? view.now;
    return {
      title,
      lines: [
        ...supervisorOnly,
        who,
        { text: t('password.locked'), tone: 'error' },
        { text: t('password.lockedFor', { time: formatDuration(until - view.now, t) }), tone: 'error' },
        ...switchHint,
      ],
      hints: { cancel: t('hint.cancel') },
    };
  }
  const lastCheck = context.lastCheck;
  return {
    title,
    lines: [
      ...supervisorOnly,
      who,
      { text: '*'.repeat(context.entered.length) + '_', field: true },
      ...(lastCheck?.result === 'wrong'
        ? [
            {
              // A 主管's wrong password is 主管密码错 on terminals (its prompt is the 主管's own).
              text: t(operator?.role === 'supervisor' ? 'password.wrongSupervisor' : 'password.wrong', { left: lastCheck.attemptsLeft }),
              tone: 'error' as const,
            },
          ]
        : []),
      ...switchHint,
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};
