/**
 * The headless device for scripts and tests: a session on a simulated clock over a throw-away
 * store (or a given medium). Keys go in as device key names; the display comes out as text.
 */
import type { InspectionEvent, Snapshot } from 'xstate';
import type { KeyEvent } from '../../menus/device-events.js';
import { BOOT_STEPS, BOOT_STEP_MS } from '../../menus/device.js';
import { PosSimError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { captureScreen, type ScreenCapture } from '../picture/screen-capture.js';
import { deviceKeyNames, parseDeviceKey, parsePhoneKey, phoneKeyNames } from '../keys/device-keys.js';
import { WalletAccounts, type WalletsData } from '../phone/wallet-accounts.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { memoryShelf } from '../store/backup-shelf.js';
import { DeviceStore } from '../store/device-store.js';
import { memoryMedium, type FlashMedium } from '../store/flash-medium.js';
import { DeviceSession } from './device-session.js';
import { phoneTarget, selectItem, selectOn } from './select-item.js';
import { SteppingClock } from './simulated-clock.js';

/** Scripted devices start at a fixed moment so that records and screens are reproducible. */
export const SIMULATION_START = Date.parse('2026-06-01T09:00:00+08:00');
/** Time for a full boot on the device clock. */
export const BOOT_MS = BOOT_STEPS * BOOT_STEP_MS;

export type SimulatorOptions = {
  /** Profile name, path, or an already loaded profile. */
  readonly fixture?: string | Profile;
  readonly lang?: Lang;
  /** Where the flash lives; memory (a fresh device) when absent. */
  readonly medium?: FlashMedium;
  /** Device clock start, ms since the epoch. */
  readonly startTime?: number;
  /** Leave the device at power-on instead of running the boot to the home screen. */
  readonly stayAtBoot?: boolean;
  /** Hears every inspection event of the device's actors (coverage). */
  readonly observe?: (event: InspectionEvent) => void;
  /**
   * Start signed in for the day (the default: the profile's cashier signs in by itself at every
   * boot), or false to start at power-on, where an operator signs in (签到) first.
   */
  readonly signedIn?: boolean;
  /**
   * Go on from another simulator's device instead of booting: its actor's persisted snapshot
   * (`session.actor.getPersistedSnapshot()` of an `idle()` one), with `medium` holding a copy of
   * its flash and `startTime` its clock. Model paths fork devices this way. The printouts, the
   * phone's texts and the backups stay with the original.
   */
  readonly resume?: Snapshot<unknown>;
  /**
   * With `resume`: the phone's actor's persisted snapshot (`session.phone.actor.getPersistedSnapshot()`)
   * and a copy of the payer's wallets (`store.wallets.snapshot()`) to go on from.
   */
  readonly resumePhone?: { readonly snapshot: Snapshot<unknown>; readonly wallets: WalletsData };
};

export class UnknownKeyError extends PosSimError {
  override readonly name = 'UnknownKeyError';
}

export const toKeyEvent = (name: string): KeyEvent => {
  const event = parseDeviceKey(name);
  if (!event) throw new UnknownKeyError(toolText('run.noSuchKey', { key: name, keys: deviceKeyNames().join(', ') }));
  return event;
};

/** The event for a key pressed on the phone; throws naming the phone's keys for one it does not have. */
export const toPhoneKeyEvent = (name: string): KeyEvent => {
  const event = parsePhoneKey(name);
  if (!event) throw new UnknownKeyError(toolText('phoneRun.noSuchKey', { key: name, keys: phoneKeyNames().join(', ') }));
  return event;
};

export type Simulator = ReturnType<typeof createSimulator>;

type Screenshot = {
  (options?: { readonly format?: 'svg' }): Promise<string>;
  (options: { readonly format: 'png' }): Promise<Buffer>;
};

/** The picture modules (a terminal emulator, a rasteriser) load when the first picture is asked for. */
const screenshotOf = (capture: () => ScreenCapture): Screenshot =>
  (async (options: { readonly format?: 'svg' | 'png' } = {}) => {
    const shot = capture();
    const { screenshotSvg } = await import('../picture/screenshot.js');
    const svg = await screenshotSvg(shot);
    if (options.format !== 'png') return svg;
    const { svgToPng } = await import('../picture/png.js');
    return svgToPng(svg);
  }) as Screenshot;

export const createSimulator = (options: SimulatorOptions = {}) => {
  const profile = typeof options.fixture === 'object' ? options.fixture : loadProfile(options.fixture);
  const clock = new SteppingClock(options.startTime ?? SIMULATION_START);
  // 数据备份 on a headless device keeps its files in memory, for scripts and tests to read.
  const shelf = memoryShelf();
  const now = () => clock.now();
  const wallets = new WalletAccounts(profile, now, options.resumePhone?.wallets);
  const store = new DeviceStore({ profile, medium: options.medium ?? memoryMedium(), now, backups: shelf, wallets });
  const session = new DeviceSession({
    store,
    clock,
    autoSignIn: options.signedIn !== false,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.observe ? { observe: options.observe } : {}),
    ...(options.resume ? { resume: options.resume } : {}),
    ...(options.resumePhone ? { resumePhone: options.resumePhone.snapshot } : {}),
  });
  const { phone } = session;
  const advance = (ms: number) => clock.advance(ms);
  if (!options.stayAtBoot && !options.resume) advance(BOOT_MS);
  // A printout stays on the printer until a key is pressed on the home screen, as in the UI.
  let tornOff = store.printer.printedCount();
  const tearOffAtHome = () => {
    if (session.atHome()) tornOff = store.printer.printedCount();
  };
  const capture = (): ScreenCapture => captureScreen(session, store.printer.printedCount() > tornOff);

  return {
    session,
    store,
    profile,
    /** Presses one or more keys by name: "确认", "ENTER", "7". */
    press(...keys: readonly string[]) {
      for (const key of keys) {
        const event = toKeyEvent(key);
        tearOffAtHome();
        session.send(event);
      }
    },
    /** Types a run of digits. */
    type(digits: string) {
      for (const digit of digits) {
        const event = toKeyEvent(digit);
        tearOffAtHome();
        session.send(event);
      }
    },
    /** Moves to the menu item whose label contains `label` and confirms it; throws naming the items when none or several match. */
    select: (label: string) => {
      tearOffAtHome();
      selectItem(session, label);
    },
    /** Lets simulated time pass: boot, restart, lockout. */
    advance,
    /**
     * Whether nothing is due on the device clock (a boot step, a host's answer, a lockout's or a
     * code's end): then the device actor's persisted snapshot holds all it is doing (see `resume`).
     */
    idle: () => clock.pending() === 0,
    /** The display as text, as a person sees it. */
    screen: () => session.text(),
    /** The last text the merchant's phone received (sender, text, the code in it), or undefined; `sms(1)` the first it received. */
    sms: (number?: number) => session.sms(number),
    /** The last receipt or 结算单 the printer printed (as the paper reads), or undefined. */
    receipt: () => session.lastPrintout()?.text,
    /** Everything the printer printed, oldest first. */
    receipts: () => session.printouts(),
    /** Takes the printer's paper out (打印机缺纸) or puts a roll back. */
    setPaper: (paper: boolean) => store.printer.setPaper(paper),
    /** What is on screen as data: the display's rows, and the phone and the printer beside it when they show. */
    capture,
    /**
     * A picture of what is on screen — the device's frame, and the phone and the printer beside it
     * when they show — as SVG text, or as PNG bytes with `{ format: 'png' }`.
     */
    screenshot: screenshotOf(capture),
    /** The screen's title, as the display shows it ('' where a classic menu took the title's line). */
    title: () => session.rows().title,
    /** The device machine's snapshot (state value and context). */
    get state() {
      return session.actor.getSnapshot();
    },
    /** The backups 数据备份 wrote (path and JSON text), oldest first. */
    backups: () => shelf.files(),
    networkDown: () => session.send({ type: 'NETWORK_DOWN' }),
    networkUp: () => session.send({ type: 'NETWORK_UP' }),
    /**
     * The phone beside the terminal: press its keys, type on it, pick an item by its label, and read
     * its screen, as for the terminal; `wallets()` is what the payer's wallets hold (never a password).
     */
    phone: {
      press(...keys: readonly string[]) {
        for (const key of keys) phone.send(toPhoneKeyEvent(key));
      },
      type(digits: string) {
        for (const digit of digits) phone.send(toPhoneKeyEvent(digit));
      },
      select: (label: string) => selectOn(phoneTarget(phone, session.lang), label),
      screen: () => phone.text(),
      title: () => phone.screen().title,
      /** The phone's active states, as `machine.state` (phone.home, walletApp.menu, walletPassword.entering …). */
      states: () => phone.activeStates(),
      wallets: () => wallets.snapshot(),
    },
    /** Restart by the power key: the device reboots and applies what is pending. */
    powerCycle: () => session.send({ type: 'POWER_CYCLE' }),
    /** The power fails; only what was saved survives. The device is at power-on afterwards. */
    powerCut: () => session.powerCut(),
    stop: () => session.stop(),
  };
};
