/**
 * What the device shows: the screen of the innermost machine running (the password prompt inside
 * 绑定管理 inside 设置 draws the prompt), each machine drawn by its one view. A pure function of
 * the machines' snapshots.
 */
import type { AnyMachineSnapshot, SnapshotFrom } from 'xstate';
import type { deviceMachine } from '../../menus/device.js';
import type { Lang } from '../i18n/messages.js';
import { backupScreen } from './backup-view.js';
import { bindScreen } from './bind-view.js';
import { bindingScreen } from './binding-view.js';
import { homeScreen } from './home-view.js';
import { printJobScreen, reprintScreen, settlementScreen, transactionQueryScreen } from './journal-view.js';
import { mainMenuScreen } from './main-menu-view.js';
import { changePasswordScreen } from './operators-view.js';
import { passwordFreeScreen } from './password-free-view.js';
import { passwordScreen } from './password-view.js';
import { recordsScreen } from './records-view.js';
import { saleScreen } from './sale-view.js';
import type { Screen, StatusBar } from './screen.js';
import { settingsScreen } from './settings-view.js';
import { signInScreen, signOutScreen } from './sign-in-view.js';
import { smsVerificationScreen, unbindScreen } from './unbind-view.js';
import type { ViewContext } from './view-context.js';
import { refundScreen, voidScreen } from './void-refund-view.js';

export type { ViewContext } from './view-context.js';
export { formatDuration } from './view-context.js';

type MachineView = (snapshot: never, view: ViewContext) => Screen;

/** The view of each machine that has a screen of its own, by machine id. */
const VIEWS: Readonly<Record<string, MachineView>> = {
  device: homeScreen,
  settings: settingsScreen,
  passwordPrompt: passwordScreen,
  bindingManagement: bindingScreen,
  unbind: unbindScreen,
  bind: bindScreen,
  smsVerification: smsVerificationScreen,
  passwordFree: passwordFreeScreen,
  changePassword: changePasswordScreen,
  operationRecords: recordsScreen,
  dataBackup: backupScreen,
  sale: (snapshot, view) => saleScreen(snapshot, view.t, view.lang),
  mainMenu: mainMenuScreen,
  signIn: signInScreen,
  signOut: signOutScreen,
  voidSale: voidScreen,
  refund: refundScreen,
  transactionQuery: transactionQueryScreen,
  settlement: settlementScreen,
  reprint: reprintScreen,
  printJob: printJobScreen,
};

/** The screen the device shows now, from its machines' snapshots, outermost first. */
export const deviceScreen = (snapshots: readonly AnyMachineSnapshot[], view: ViewContext): Screen => {
  for (const snapshot of [...snapshots].reverse()) {
    const draw = VIEWS[snapshot.machine.id];
    if (draw) return (draw as (snapshot: AnyMachineSnapshot, view: ViewContext) => Screen)(snapshot, view);
  }
  throw new Error(`no view for ${snapshots.map((snapshot) => snapshot.machine.id).join(' > ')}`);
};

/** Terminals show China Standard Time, whatever the host's zone. */
const DEVICE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

/** The status bar's time for the last minute asked for: every screen shows it, and formatting in a time zone is costly. */
let shownTime: { readonly minute: number; readonly text: string } | undefined;

const timeShown = (now: number): string => {
  // China Standard Time is a whole number of hours from UTC: a minute of the epoch is one on the device.
  const minute = Math.floor(now / 60_000);
  if (shownTime?.minute !== minute) shownTime = { minute, text: DEVICE_TIME.format(now) };
  return shownTime.text;
};

export const statusBar = (
  snapshot: SnapshotFrom<typeof deviceMachine>,
  view: { readonly profile: ViewContext['profile']; readonly now: number; readonly lang?: Lang },
): StatusBar => ({
  online: snapshot.context.online,
  time: timeShown(view.now),
  terminalId: view.profile.device.terminalId,
});
