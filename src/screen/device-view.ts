/**
 * What the device shows for a snapshot of the device actor: a pure function of the machines'
 * states and contexts. It walks down to the flow that is running (settings → 绑定管理 → password
 * prompt…) and draws that flow's screen.
 */
import type { AnyActorRef, AnyStateMachine, SnapshotFrom } from 'xstate';
import type { bindingManagementMachine } from '../../menus/binding-management.js';
import { BOOT_STEPS, type deviceMachine } from '../../menus/device.js';
import { passwordFreeRows, type passwordFreeMachine, type PasswordFreeRow } from '../../menus/password-free.js';
import type { passwordPromptMachine } from '../../menus/password-prompt.js';
import type { saleMachine } from '../../menus/sale.js';
import { currentMenuItems, type settingsMachine } from '../../menus/settings.js';
import type { Lang, Translate } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { saleScreen } from './sale-view.js';
import { backupResultScreen, backupScreen } from './backup-view.js';
import { changePasswordScreen, refusedScreen } from './operators-view.js';
import { recordsScreen } from './records-view.js';
import { smsVerificationScreen, unbindScreen } from './unbind-view.js';
import type { changePasswordMachine } from '../../menus/change-password.js';
import type { dataBackupMachine } from '../../menus/data-backup.js';
import type { operationRecordsMachine } from '../../menus/operation-records.js';
import type { smsVerificationMachine } from '../../menus/sms-verification.js';
import type { unbindMachine } from '../../menus/unbind.js';
import type { Screen, ScreenLine, StatusBar } from './screen.js';

export type ViewContext = {
  readonly profile: Profile;
  readonly lang: Lang;
  readonly t: Translate;
  /** Device clock, ms since the epoch. */
  readonly now: number;
};

type DeviceSnapshot = SnapshotFrom<typeof deviceMachine>;

/** The snapshot of the child actor `id` (a running flow or password prompt), if there is one. */
export const childSnapshot = <M extends AnyStateMachine>(snapshot: { children: object }, id: string): SnapshotFrom<M> | undefined =>
  (snapshot.children as Record<string, AnyActorRef | undefined>)[id]?.getSnapshot() as SnapshotFrom<M> | undefined;

import { maskAccount } from '../../menus/domain.js';

export { maskAccount };

const numbered = (labels: readonly string[], cursor: number): ScreenLine[] =>
  labels.map((label, index) => ({ text: `${index + 1}.${label}`, selected: index === cursor }));

export const formatDuration = (ms: number, t: Translate): string => {
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 60
    ? t('time.minutesSeconds', { m: Math.floor(seconds / 60), s: seconds % 60 })
    : t('time.seconds', { s: seconds });
};

const passwordScreen = (snapshot: SnapshotFrom<typeof passwordPromptMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const operator = view.profile.operators.find((candidate) => candidate.id === context.operatorId);
  const title = t(`password.${context.purpose}`);
  const who: ScreenLine = { text: t('password.operator', { id: context.operatorId, name: operator?.name[view.lang] ?? '' }), tone: 'muted' };
  // 注销 needs the 主管 in particular; where the operator may say who they are, 上/下 switch.
  const supervisorOnly: ScreenLine[] = context.purpose === 'confirmDeregister' ? [{ text: t('operators.supervisorPassword'), tone: 'warning' }] : [];
  const switchHint: ScreenLine[] = (context.operatorIds?.length ?? 0) > 1 ? [{ text: '' }, { text: t('operators.switchHint'), tone: 'muted' }] : [];
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
      { text: '*'.repeat(context.entered.length) + '_' },
      ...(lastCheck?.result === 'wrong' ? [{ text: t('password.wrong', { left: lastCheck.attemptsLeft }), tone: 'error' as const }] : []),
      ...switchHint,
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};

const bindingScreen = (snapshot: SnapshotFrom<typeof bindingManagementMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const { context } = snapshot;
  const password = childSnapshot<typeof passwordPromptMachine>(snapshot, 'password');
  if (snapshot.matches('authorising') && password) return passwordScreen(password, view);
  const code = childSnapshot<typeof smsVerificationMachine>(snapshot, 'code');
  if (snapshot.matches('verifyingCode') && code) return smsVerificationScreen(code, view);
  const unbind = childSnapshot<typeof unbindMachine>(snapshot, 'unbind');
  if (snapshot.matches('unbinding') && unbind) return unbindScreen(unbind, view);
  const binding = context.bindings[context.cursor];
  const name = binding?.name[lang] ?? '';
  if (snapshot.matches('list')) {
    return context.bindings.length === 0
      ? { title: t('bindings.title'), lines: [{ text: t('bindings.empty'), tone: 'muted' }], hints: { cancel: t('hint.back') } }
      : {
          title: t('bindings.title'),
          lines: numbered(context.bindings.map((item) => `${item.name[lang]} ${item.kind === 'service' ? '' : maskAccount(item)}`.trim()), context.cursor),
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
  return { title: t('offline.title'), lines: [{ text: t('offline.deregister'), tone: 'error' }], hints: { confirm: t('hint.confirm'), cancel: t('hint.back') } };
};

const passwordFreeRowText = (
  row: PasswordFreeRow,
  snapshot: SnapshotFrom<typeof passwordFreeMachine>,
  view: ViewContext,
): string => {
  const { t } = view;
  const { draft, saved, inForce, layout } = snapshot.context;
  const box = (on: boolean) => (on ? '[x]' : '[ ]');
  const valueOf = (settings: typeof draft) => {
    switch (row.kind) {
      case 'master':
        return settings.enabled;
      case 'channelSwitch':
        return settings.channels[row.channel]?.smallAmountEnabled;
      case 'channelLimit':
        return settings.channels[row.channel]?.limit;
      case 'save':
        return undefined;
    }
  };
  const marker =
    valueOf(draft) !== valueOf(saved) ? ` ${t('passwordFree.unsaved')}` : valueOf(saved) !== valueOf(inForce) ? ` ${t('passwordFree.pending')}` : '';
  const channel = 'channel' in row ? layout.channels[row.channel] : undefined;
  const draftChannel = 'channel' in row ? draft.channels[row.channel] : undefined;
  switch (row.kind) {
    case 'master':
      return `${box(draft.enabled)} ${t('passwordFree.master')}${marker}`;
    case 'channelSwitch':
      return `${box(draftChannel?.smallAmountEnabled ?? false)} ${t('passwordFree.channel', { channel: channel?.label[view.lang] ?? '' })}${marker}`;
    case 'channelLimit':
      return `    ${t('passwordFree.limit', { limit: draftChannel?.limit ?? 0 })}${marker}`;
    case 'save':
      return t('passwordFree.save');
  }
};

const passwordFreeScreen = (snapshot: SnapshotFrom<typeof passwordFreeMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const password = childSnapshot<typeof passwordPromptMachine>(snapshot, 'password');
  if (snapshot.matches('authorising') && password) return passwordScreen(password, view);
  if (snapshot.matches('saved')) {
    return {
      title: t('saved.title'),
      lines: [{ text: t('saved.message'), tone: 'success' }, { text: '' }, { text: t('saved.question') }],
      hints: { confirm: t('hint.restartNow'), cancel: t('hint.later') },
    };
  }
  if (snapshot.matches('offline')) {
    return { title: t('offline.title'), lines: [{ text: t('offline.save'), tone: 'error' }], hints: { confirm: t('hint.confirm'), cancel: t('hint.back') } };
  }
  if (snapshot.matches('confirmingDiscard')) {
    return {
      title: t('discard.title'),
      lines: [{ text: t('discard.question'), tone: 'warning' }, { text: '' }, { text: t('hint.yesNo'), tone: 'muted' }],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
    };
  }
  const rows = passwordFreeRows(snapshot.context.layout);
  return {
    title: t('passwordFree.title'),
    lines: [
      ...rows.map((row, index) => ({
        text: `${index + 1}.${passwordFreeRowText(row, snapshot, view)}`,
        selected: index === snapshot.context.cursor,
      })),
      ...(snapshot.matches({ editing: 'unchanged' }) ? [{ text: t('passwordFree.unchanged'), tone: 'muted' as const }] : []),
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};

const settingsScreen = (snapshot: SnapshotFrom<typeof settingsMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const password = childSnapshot<typeof passwordPromptMachine>(snapshot, 'password');
  if (snapshot.matches('authenticating') && password) return passwordScreen(password, view);
  if (snapshot.matches('bindings')) {
    const flow = childSnapshot<typeof bindingManagementMachine>(snapshot, 'flow');
    if (flow) return bindingScreen(flow, view);
  }
  if (snapshot.matches('passwordFree')) {
    const flow = childSnapshot<typeof passwordFreeMachine>(snapshot, 'flow');
    if (flow) return passwordFreeScreen(flow, view);
  }
  if (snapshot.matches('refused')) return refusedScreen(snapshot.context.operatorId, view);
  if (snapshot.matches('changePassword')) {
    const flow = childSnapshot<typeof changePasswordMachine>(snapshot, 'flow');
    const old = flow && childSnapshot<typeof passwordPromptMachine>(flow, 'password');
    if (flow) return flow.matches('verifying') && old ? passwordScreen(old, view) : changePasswordScreen(flow, view);
  }
  if (snapshot.matches('records')) {
    const flow = childSnapshot<typeof operationRecordsMachine>(snapshot, 'flow');
    if (flow) return recordsScreen(flow, view);
  }
  if (snapshot.matches('backup')) {
    const flow = childSnapshot<typeof dataBackupMachine>(snapshot, 'flow');
    if (flow) return backupScreen(flow, view);
  }
  const { menu, path, cursor } = snapshot.context;
  const parent = path.length > 0 ? currentMenuItems(menu, path.slice(0, -1))[path.at(-1) ?? 0] : undefined;
  return {
    title: parent ? parent.label[lang] : t('settings.title'),
    lines: numbered(currentMenuItems(menu, path).map((item) => item.label[lang]), cursor),
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};

/** The screen the device shows now. */
export const deviceScreen = (snapshot: DeviceSnapshot, view: ViewContext): Screen => {
  const { t, profile, lang } = view;
  const { context } = snapshot;
  if (snapshot.matches('booting')) {
    return {
      title: t('boot.title', { brand: profile.device.brand, model: profile.device.model }),
      lines: [{ text: t(context.appliedOnBoot ? 'boot.applying' : 'boot.starting') }, { text: '' }],
      hints: {},
      progress: context.bootProgress / BOOT_STEPS,
    };
  }
  if (snapshot.matches('shuttingDown')) {
    return { title: t('shutdown.title'), lines: [{ text: t('shutdown.message') }], hints: {} };
  }
  if (snapshot.matches('settings')) {
    const settings = childSnapshot<typeof settingsMachine>(snapshot, 'settings');
    if (settings) return settingsScreen(settings, view);
  }
  if (snapshot.matches('sale')) {
    const sale = childSnapshot<typeof saleMachine>(snapshot, 'sale');
    if (sale) return saleScreen(sale, view.t);
  }
  return {
    title: profile.device.merchantName[lang],
    lines: [
      { text: t('home.merchantId', { id: profile.device.merchantId }), tone: 'muted' },
      { text: t('home.terminalId', { id: profile.device.terminalId }), tone: 'muted' },
      { text: '' },
      ...(context.port.pendingPasswordFree() ? [{ text: t('home.pending'), tone: 'warning' as const }] : []),
      { text: t('sale.homePrompt', { enterKey: profile.device.keyLabels.ENTER?.[lang] ?? t('hint.confirm') }) },
      { text: t('home.prompt', { menuKey: profile.device.keyLabels.MENU?.[lang] ?? t('key.menu') }) },
    ],
    hints: {},
  };
};

/** Terminals show China Standard Time, whatever the host's zone. */
const DEVICE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

export const statusBar = (snapshot: DeviceSnapshot, view: ViewContext): StatusBar => {
  return {
    online: snapshot.context.online,
    time: DEVICE_TIME.format(view.now),
    terminalId: view.profile.device.terminalId,
  };
};
