/** The device's own screens: boot with its progress bar, restart, and the home screen. */
import type { SnapshotFrom } from 'xstate';
import { merchantOf, terminalRefusal } from '../../menus/acceptance.js';
import { BOOT_STEPS, type deviceMachine } from '../../menus/device.js';
import type { Screen, ScreenLine } from './screen.js';
import { refusalLines } from './transaction-words.js';
import { clockTime, type ViewContext } from './view-context.js';
import { deviceDateTime } from '../device/device-time.js';
import type { UnbindApplication } from '../../menus/domain.js';

/**
 * 解绑 while the acquirer reviews it (审核): the application whose funds move first; else the last
 * one, on the day its funds were moved (资金已划转).
 */
const unbindNotice = (applications: readonly UnbindApplication[], view: ViewContext): ScreenLine[] => {
  // Applications are kept in the order they were made, each reviewed the same time after it.
  let next: UnbindApplication | undefined;
  for (const application of applications) {
    if (application.transferredAt === undefined) {
      next = application;
      break;
    }
  }
  if (next) return [{ text: view.t('home.unbindUnderReview', { time: clockTime(next.reviewedAt, view.now) }), tone: 'warning' }];
  const last = applications.at(-1);
  if (last?.transferredAt === undefined) return [];
  const sameDay = deviceDateTime(last.transferredAt).date === deviceDateTime(view.now).date;
  return sameDay ? [{ text: view.t('home.fundsTransferred'), tone: 'success' }] : [];
};

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
  // Everything here is read from what the terminal holds now: the merchant bound, who signed in.
  const facts = context.port.facts();
  const merchant = merchantOf(facts);
  const refusal = terminalRefusal(facts);
  const signedIn = facts.signedIn;
  const operatorName = profile.operators.find((operator) => operator.id === signedIn?.operator)?.name[lang] ?? '';
  const key = (name: 'ENTER' | 'MENU' | 'F1', fallback: string) => profile.device.keyLabels[name]?.[lang] ?? fallback;
  const status: ScreenLine[] = [
    ...(merchant ? [{ text: t('home.merchantId', { id: merchant.account }), tone: 'muted' as const }] : []),
    { text: t('home.terminalId', { id: profile.device.terminalId }), tone: 'muted' },
    signedIn
      ? { text: t('home.signedIn', { id: signedIn.operator, name: operatorName, batch: context.port.batch() }), tone: 'muted' }
      : { text: t('home.notSignedIn'), tone: 'warning' },
    ...(refusal ? [{ ...(refusalLines(refusal, t, lang)[1] as ScreenLine), tone: 'warning' as const }] : []),
  ];
  // A 解绑 notice takes the blank line's place: the home screen has no row to spare.
  const notice = unbindNotice(context.port.unbindApplications(), view);
  return {
    title: profile.device.merchantName[lang],
    lines: [
      ...status,
      ...(notice.length > 0 ? notice : [{ text: '' }]),
      ...(context.port.pendingPasswordFree() ? [{ text: t('home.pending'), tone: 'warning' as const }] : []),
      { text: t(signedIn ? 'sale.homePrompt' : 'home.signInPrompt', { enterKey: key('ENTER', t('hint.confirm')) }) },
      { text: t('home.prompt', { menuKey: key('MENU', t('key.menu')) }) },
      { text: t('home.mainMenuPrompt', { key: key('F1', t('key.f1')) }) },
    ],
    hints: {},
  };
};
