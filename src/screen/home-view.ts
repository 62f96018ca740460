/** The device's own screens: boot with its progress bar, restart, and the home screen. */
import type { SnapshotFrom } from 'xstate';
import { BOOT_STEPS, type deviceMachine } from '../../menus/device.js';
import type { Screen } from './screen.js';
import type { ViewContext } from './view-context.js';

export const homeScreen = (snapshot: SnapshotFrom<typeof deviceMachine>, view: ViewContext): Screen => {
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
