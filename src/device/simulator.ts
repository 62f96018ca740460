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
import { memoryShelf, type BackupFile, type MemoryShelf } from '../store/backup-shelf.js';
import { DeviceStore } from '../store/device-store.js';
import { memoryMedium, type FlashMedium } from '../store/flash-medium.js';
import { DeviceSession, type Printout, type Sms } from './device-session.js';
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
   * and the payer's wallets (`store.wallets.held()`, shared: nothing changes them in place) to go on from.
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

/** The phone beside a headless terminal: its keys, its screen, and the payer's wallets. */
class HeadlessPhone {
  constructor(
    private readonly session: DeviceSession,
    private readonly accounts: WalletAccounts,
  ) {}

  press(...keys: readonly string[]): void {
    for (const key of keys) this.session.phone.send(toPhoneKeyEvent(key));
  }

  type(digits: string): void {
    this.press(...digits);
  }

  select(label: string): void {
    selectOn(phoneTarget(this.session.phone, this.session.lang), label);
  }

  screen(): string {
    return this.session.phone.text();
  }

  title(): string {
    return this.session.phone.screen().title;
  }

  /** The phone's active states, as `machine.state` (phone.home, walletApp.menu, walletPassword.entering …). */
  states(): string[] {
    return this.session.phone.activeStates();
  }

  wallets(): WalletsData {
    return this.accounts.snapshot();
  }
}

/**
 * The headless device. A class, not an object of closures made for each device: a run makes a
 * device per walkthrough, and V8 optimised each device's fresh closures anew, over and over.
 */
export class HeadlessSimulator {
  readonly session: DeviceSession;
  readonly store: DeviceStore;
  readonly profile: Profile;
  /**
   * The phone beside the terminal: press its keys, type on it, pick an item by its label, and read
   * its screen, as for the terminal; `wallets()` is what the payer's wallets hold (never a password).
   */
  readonly phone: HeadlessPhone;
  /**
   * A picture of what is on screen — the device's frame, and the phone and the printer beside it
   * when they show — as SVG text, or as PNG bytes with `{ format: 'png' }`.
   */
  readonly screenshot: Screenshot;
  private readonly clock: SteppingClock;
  private readonly shelf: MemoryShelf;
  /** How many printouts were torn off: a printout stays on the printer until a key is pressed on the home screen, as in the UI. */
  private tornOff: number;

  constructor(options: SimulatorOptions = {}) {
    const profile = typeof options.fixture === 'object' ? options.fixture : loadProfile(options.fixture);
    const clock = new SteppingClock(options.startTime ?? SIMULATION_START);
    // 数据备份 on a headless device keeps its files in memory, for scripts and tests to read.
    const shelf = memoryShelf();
    const now = clock.now.bind(clock);
    const wallets = new WalletAccounts(profile, now, options.resumePhone?.wallets);
    const store = new DeviceStore({ profile, medium: options.medium ?? memoryMedium(), now, backups: shelf, wallets });
    this.profile = profile;
    this.clock = clock;
    this.shelf = shelf;
    this.store = store;
    this.session = new DeviceSession({
      store,
      clock,
      autoSignIn: options.signedIn !== false,
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.observe ? { observe: options.observe } : {}),
      ...(options.resume ? { resume: options.resume } : {}),
      ...(options.resumePhone ? { resumePhone: options.resumePhone.snapshot } : {}),
    });
    this.phone = new HeadlessPhone(this.session, wallets);
    this.screenshot = screenshotOf(() => this.capture());
    if (!options.stayAtBoot && !options.resume) this.advance(BOOT_MS);
    this.tornOff = store.printer.printedCount();
  }

  private tearOffAtHome(): void {
    if (this.session.atHome()) this.tornOff = this.store.printer.printedCount();
  }

  /** Presses one or more keys by name: "确认", "ENTER", "7". */
  press(...keys: readonly string[]): void {
    for (const key of keys) {
      const event = toKeyEvent(key);
      this.tearOffAtHome();
      this.session.send(event);
    }
  }

  /** Types a run of digits. */
  type(digits: string): void {
    this.press(...digits);
  }

  /** Moves to the menu item whose label contains `label` and confirms it; throws naming the items when none or several match. */
  select(label: string): void {
    this.tearOffAtHome();
    selectItem(this.session, label);
  }

  /** Lets simulated time pass: boot, restart, lockout. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /**
   * Whether nothing is due on the device clock (a boot step, a host's answer, a lockout's or a
   * code's end): then the device actor's persisted snapshot holds all it is doing (see `resume`).
   */
  idle(): boolean {
    return this.clock.pending() === 0;
  }

  /** The display as text, as a person sees it. */
  screen(): string {
    return this.session.text();
  }

  /** The last text the merchant's phone received (sender, text, the code in it), or undefined; `sms(1)` the first it received. */
  sms(number?: number): Sms | undefined {
    return this.session.sms(number);
  }

  /** The last receipt or 结算单 the printer printed (as the paper reads), or undefined. */
  receipt(): string | undefined {
    return this.session.lastPrintout()?.text;
  }

  /** Everything the printer printed, oldest first. */
  receipts(): Printout[] {
    return this.session.printouts();
  }

  /** Takes the printer's paper out (打印机缺纸) or puts a roll back. */
  setPaper(paper: boolean): void {
    this.store.printer.setPaper(paper);
  }

  /** What is on screen as data: the display's rows, and the phone and the printer beside it when they show. */
  capture(): ScreenCapture {
    return captureScreen(this.session, this.store.printer.printedCount() > this.tornOff);
  }

  /** The screen's title, as the display shows it ('' where a classic menu took the title's line). */
  title(): string {
    return this.session.title();
  }

  /** The device machine's snapshot (state value and context). */
  get state() {
    return this.session.actor.getSnapshot();
  }

  /** The backups 数据备份 wrote (path and JSON text), oldest first. */
  backups(): readonly BackupFile[] {
    return this.shelf.files();
  }

  networkDown(): void {
    this.session.send({ type: 'NETWORK_DOWN' });
  }

  networkUp(): void {
    this.session.send({ type: 'NETWORK_UP' });
  }

  /** Restart by the power key: the device reboots and applies what is pending. */
  powerCycle(): void {
    this.session.send({ type: 'POWER_CYCLE' });
  }

  /** The power fails; only what was saved survives. The device is at power-on afterwards. */
  powerCut(): void {
    this.session.powerCut();
  }

  stop(): void {
    this.session.stop();
  }
}

export const createSimulator = (options: SimulatorOptions = {}): HeadlessSimulator => new HeadlessSimulator(options);
