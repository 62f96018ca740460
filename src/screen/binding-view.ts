/**
 * 绑定管理: the list of what the terminal is bound to, a binding's details, the 关闭服务
 * confirmation with its effects and the backup reminder, and the outcome.
 */
import type { SnapshotFrom } from 'xstate';
import type { BindTarget } from '../../menus/bind.js';
import { bindableTargets, type bindingManagementMachine } from '../../menus/binding-management.js';
import { maskAccount, type Binding } from '../../menus/domain.js';
import { backupResultScreen } from './backup-view.js';
import type { Screen, ScreenLine } from './screen.js';
import { numbered, type ViewContext } from './view-context.js';

/** 开通 云闪付, 绑定新结算卡, 绑定商户账号: what 添加绑定 offers. */
export const bindTargetLabel = (target: BindTarget, view: ViewContext): string =>
  target.kind === 'service' ? view.t('bind.openService', { name: target.service.name[view.lang] }) : view.t(`bind.new.${target.kind}`);

/**
 * The routes the guides name that are not on the terminal, where a technician looks for help: the
 * acquirer's 客服 (the number its texts come from) or the bank's counter, and 挂失 of a lost terminal.
 */
const otherRoutes = (binding: Binding, view: ViewContext): ScreenLine[] => {
  const phone = view.profile.sms.sender;
  return [
    { text: view.t(binding.kind === 'service' ? 'bindings.otherRoute.service' : 'bindings.otherRoute.unbind', { phone }), tone: 'muted' },
    ...(binding.kind === 'merchant' ? [{ text: view.t('bindings.otherRoute.lost', { phone }), tone: 'muted' as const }] : []),
  ];
};

export const bindingScreen = (snapshot: SnapshotFrom<typeof bindingManagementMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const { context } = snapshot;
  const binding = context.bindings[context.cursor];
  const name = binding?.name[lang] ?? '';
  if (snapshot.matches('list')) {
    const addHint: ScreenLine[] =
      bindableTargets(context.bindings, context.services).length > 0
        ? [{ text: t('bind.addHint', { key: view.profile.device.keyLabels.F1?.[lang] ?? t('key.f1') }), tone: 'muted' }]
        : [];
    return context.bindings.length === 0
      ? { title: t('bindings.title'), lines: [{ text: t('bindings.empty'), tone: 'muted' }, ...addHint], hints: { cancel: t('hint.back') } }
      : {
          title: t('bindings.title'),
          lines: [
            ...numbered(
              context.bindings.map((item) => `${item.name[lang]} ${item.kind === 'service' ? '' : maskAccount(item)}`.trim()),
              context.chosen ? context.cursor : undefined,
            ),
            ...addHint,
          ],
          hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
        };
  }
  if (snapshot.matches('adding')) {
    return {
      title: t('bind.title'),
      lines: [
        { text: t('bind.choose'), tone: 'muted' },
        ...numbered(
          context.targets.map((target) => bindTargetLabel(target, view)),
          context.targetCursor,
        ),
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('detail') && binding) {
    return {
      title: name,
      lines: [
        { text: t('bindings.type', { kind: t(`bindings.kind.${binding.kind}`) }) },
        { text: t('bindings.account', { account: maskAccount(binding) }) },
        { text: t('bindings.boundAt', { date: binding.boundAt }) },
        ...(binding.kind === 'service'
          ? [{ text: t('bindings.verification', { method: t(`bindings.verification.${binding.verification ?? 'password'}`) }) }]
          : []),
        { text: '' },
        { text: t(binding.kind === 'service' ? 'bindings.pressToClose' : 'bindings.pressToUnbind'), tone: 'warning' },
        ...otherRoutes(binding, view),
      ],
      hints: { confirm: t(binding.kind === 'service' ? 'hint.closeService' : 'hint.unbind'), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('confirming')) {
    return {
      title: t('closeService.title'),
      lines: [
        { text: t('closeService.question', { name }) },
        { text: t('closeService.effects', { name }) },
        { text: '' },
        { text: t('deregister.backupReminder'), tone: 'warning' },
        { text: t('backup.offer'), tone: 'muted' },
        { text: '' },
        { text: t('hint.yesNo'), tone: 'muted' },
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
    };
  }
  if (snapshot.matches('backedUp')) return backupResultScreen(context.backup, view);
  if (snapshot.matches('deregistered')) {
    return {
      title: t('closeService.title'),
      lines: [
        { text: t('closeService.done', { name: context.removed?.name[lang] ?? '' }), tone: 'success' },
        { text: t('closeService.doneDetail', { name: context.removed?.name[lang] ?? '' }) },
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  return {
    title: t('offline.title'),
    lines: [{ text: t('offline.deregister'), tone: 'error' }],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
