/**
 * One running simulated terminal: the device actor over a store, and what its display shows.
 * The Ink UI and the headless simulator both drive the device through a session.
 */
import {
  createActor,
  type Actor,
  type ActorOptions,
  type AnyActorLogic,
  type AnyActorRef,
  type AnyMachineSnapshot,
  type InspectionEvent,
  type Snapshot,
} from 'xstate';
import type { DeviceEvent } from '../../menus/device-events.js';
import type { DevicePort } from '../../menus/device-port.js';
import { onPort } from './snapshot-port.js';
import { boundPort } from './bound-port.js';
import { hearSteps, inspector } from './actor-steps.js';
import { sendDown } from './forward-down.js';
import { deviceMachine } from '../../menus/device.js';
import { WALLET_METHODS } from '../../menus/phone/phone-domain.js';
import { FUNDS_TRANSFER_ID } from '../../menus/funds-transfer.js';
import type { DeviceConfig } from '../../menus/flows.js';
import { displayTranslator } from '../i18n/classic-texts.js';
import { translator, type Lang, type Translate } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { deviceScreen, statusBar } from '../screen/device-view.js';
import type { Screen } from '../screen/screen.js';
import { isClassic } from '../screen/default-display.js';
import { displayRows, displayText, matchableText, type DisplayRows } from '../screen/screen-text.js';
import { printedText } from '../printer/receipt-text.js';
import { PhoneSession } from '../phone/phone-session.js';
import type { PayerAnswer } from '../../menus/phone/phone-domain.js';
import type { PayerEvent } from '../../menus/device-events.js';
import type { DeviceStore } from '../store/device-store.js';
import type { PrintJob } from '../store/printer.js';

/**
 * What the device's machines need to know from the profile. `autoSignIn`: the cashier is signed in
 * by itself at every boot (scripts, the API: a device signed in for the day).
 */
export const deviceConfig = (profile: Profile, { autoSignIn }: { readonly autoSignIn: boolean }): DeviceConfig => ({
  settingsOperatorId: profile.security.settingsOperator,
  settingsMenu: profile.settingsMenu,
  mainMenu: profile.mainMenu,
  passwordFreeLayout: {
    channels: profile.passwordFree.channels.map(({ id, label }) => ({ id, label })),
    limitOptions: profile.passwordFree.limitOptions,
  },
  rules: {
    services: profile.bindings.flatMap((binding) =>
      binding.kind === 'service' && binding.methods ? [{ id: binding.id, name: binding.name, methods: binding.methods }] : [],
    ),
    channels: profile.passwordFree.channels.map(({ id, covers }) => ({ id, covers })),
    wallets: profile.phone.wallets.map(({ id, decides }) => ({
      id,
      name: { zh: translator('zh')(`phone.app.${id}`), en: translator('en')(`phone.app.${id}`) },
      method: WALLET_METHODS[id],
      decides,
    })),
  },
  services: profile.bindings.filter((binding) => binding.kind === 'service'),
  cashierId: profile.sale.operator,
  autoSignIn,
});

/**
 * The device config of a profile, made once per profile and sign-in (a run makes a device per
 * walkthrough on a handful of profiles); nothing changes a config.
 */
const profileConfig = (profile: Profile, autoSignIn: boolean): DeviceConfig => {
  let configs = CONFIGS.get(profile);
  if (!configs) {
    configs = new Map();
    CONFIGS.set(profile, configs);
  }
  let config = configs.get(autoSignIn);
  if (!config) {
    config = deviceConfig(profile, { autoSignIn });
    configs.set(autoSignIn, config);
  }
  return config;
};
const CONFIGS = new WeakMap<Profile, Map<boolean, DeviceConfig>>();

/** The display's texts in a language, made once per language and kind of display. */
const sessionTranslator = (lang: Lang, display: Profile['device']['display']): Translate => {
  const key = `${lang} ${isClassic(display)}`;
  let t = TRANSLATORS.get(key);
  if (!t) {
    t = displayTranslator(lang, display);
    TRANSLATORS.set(key, t);
  }
  return t;
};
const TRANSLATORS = new Map<string, Translate>();

export type DeviceActor = Actor<typeof deviceMachine>;

/** The event that tells the terminal how the payer answered on the phone. */
const PAYER_EVENTS: Readonly<Record<PayerAnswer, PayerEvent['type']>> = {
  confirmed: 'PAYER_CONFIRMED',
  cancelled: 'PAYER_CANCELLED',
  locked: 'PAYER_LOCKED',
};

/** A text on the merchant's phone, as the phone shows it (in the session's language). */
export type Sms = {
  /** Who sent it, e.g. 95534. */
  readonly from: string;
  /** The merchant's phone number. */
  readonly to: string;
  /** 【银联商务】您的验证码为123456，5分钟内有效，请勿泄露。 */
  readonly text: string;
  /** The verification code in it. */
  readonly code: string;
  /** When it arrived, on the device clock. */
  readonly at: number;
};

/** One printout: a transaction's 签购单 (both copies) or a 结算单, as the paper reads. */
export type Printout = {
  readonly kind: 'transaction' | 'settlement';
  /** When it printed, on the device clock. */
  readonly at: number;
  readonly text: string;
};

/** A clock xstate can schedule delays on (its real-time one, or a SimulatedClock). */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

export type DeviceSessionOptions = {
  readonly store: DeviceStore;
  readonly lang?: Lang;
  /** The actor's clock for delays; xstate's real-time clock when absent. */
  readonly clock?: Clock;
  /** Hears every inspection event of the device's actors (coverage, recording). */
  readonly observe?: (event: InspectionEvent) => void;
  /**
   * Whether the device is signed in for the day by itself at every boot (scripts, the API,
   * recording, practice); the interactive device starts at power-on and asks for 签到.
   */
  readonly autoSignIn?: boolean;
  /**
   * Go on from this persisted snapshot of another device's actor (its flows included) instead of
   * booting; the store holds a copy of that device's flash. A power cut boots as usual.
   */
  readonly resume?: Snapshot<unknown>;
  /** Go on from this persisted snapshot of another phone's actor; the store holds a copy of its wallets. */
  readonly resumePhone?: Snapshot<unknown>;
};

/** Starts the device; `onChange` hears every snapshot of every actor in it (flows, prompts). */
export const startDeviceActor = (
  store: DeviceStore,
  {
    clock,
    onChange,
    observe,
    autoSignIn = false,
    resume,
  }: {
    clock?: Clock | undefined;
    onChange?: () => void;
    observe?: ((event: InspectionEvent) => void) | undefined;
    autoSignIn?: boolean;
    resume?: Snapshot<unknown> | undefined;
  },
): DeviceActor => {
  const port = boundPort<DevicePort>(store);
  // A flow's own state changes (a digit typed into the password prompt) do not change the device
  // actor's snapshot, so watchers listen to the whole actor system.
  const actor = createActor(deviceMachine, {
    input: { port, config: profileConfig(store.profile, autoSignIn) },
    ...(resume ? { snapshot: onPort(resume, port) } : {}),
    ...(clock ? { clock } : {}),
    ...(observe ? { inspect: inspector(observe, onChange) } : {}),
  });
  if (!observe && onChange) hearSteps(actor, onChange);
  actor.start();
  return actor;
};

/** The flow running on the screen of a machine (or in a flow), if any. */
const runningFlow = (snapshot: AnyMachineSnapshot): AnyActorRef | undefined => {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  for (const id in children) {
    // The acquirer's review of 解绑 runs beside the screens, never as one of them.
    const child = children[id];
    if (id !== FUNDS_TRANSFER_ID && child?.getSnapshot().status === 'active') return child;
  }
  return undefined;
};

/**
 * The active states of these machines' snapshots, outermost first, as `machineId.state.path`.
 * Loops, not closures made at each call: V8 optimised each anew.
 */
export const stateNames = (snapshots: readonly AnyMachineSnapshot[]): string[] => {
  const states: string[] = [];
  for (const snapshot of snapshots) {
    for (const node of snapshot._nodes)
      if (node.type !== 'parallel' && node.parent) states.push(`${snapshot.machine.id}.${node.path.join('.')}`);
  }
  return states;
};

export class DeviceSession {
  readonly store: DeviceStore;
  readonly profile: Profile;
  readonly lang: Lang;
  readonly t: Translate;
  private readonly clock: Clock | undefined;
  private readonly observe: ((event: InspectionEvent) => void) | undefined;
  private readonly autoSignIn: boolean;
  private current: DeviceActor;
  /** The phone beside the terminal: the texts it receives, the payer's wallet apps. */
  readonly phone: PhoneSession;
  private readonly listeners = new Set<() => void>();
  private changes = 0;
  private readonly stopHearingPayer: () => void;
  /**
   * What the terminal and the phone tell each other (a payment to confirm, the payer's answer),
   * delivered once the actor that caused it has finished its step: never from inside another
   * actor's action.
   */
  private readonly mailbox: (() => void)[] = [];
  private delivering = false;
  /**
   * The page of a paged text on a classic LCD, and the machines' snapshots it was turned on: once
   * any of them changes (another screen, a digit typed), the display is back at the first page.
   */
  private paged: { readonly page: number; readonly chain: readonly AnyMachineSnapshot[] } | undefined;

  // Methods bound once per session, not arrows: V8 optimised each session's arrows anew.
  private readonly notify: () => void;
  private readonly post: (message: () => void) => void;
  private readonly stepped: () => void;

  constructor({ store, lang = 'zh', clock, observe, autoSignIn = false, resume, resumePhone }: DeviceSessionOptions) {
    this.notify = this.changed.bind(this);
    this.post = this.postMessage.bind(this);
    this.stepped = this.finishedStep.bind(this);
    this.store = store;
    this.profile = store.profile;
    this.lang = lang;
    this.t = sessionTranslator(lang, this.profile.device.display);
    this.clock = clock;
    this.observe = observe;
    this.autoSignIn = autoSignIn;
    this.current = this.startActor(resume);
    this.phone = new PhoneSession({
      store,
      lang,
      t: this.t,
      clock,
      observe,
      onChange: this.notify,
      onStep: this.stepped,
      post: this.post,
      resume: resumePhone,
    });
    // The payer's answer on the phone reaches the terminal through its acquirer.
    this.stopHearingPayer = store.wallets.subscribe((event) => {
      if (event.type === 'answered') this.post(() => this.current.send({ type: PAYER_EVENTS[event.answer] }));
    });
  }

  /** Calls `listener` whenever anything on the device changed; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes whenever the device changes (for useSyncExternalStore). */
  readonly version = (): number => this.changes;

  private changed(): void {
    this.changes += 1;
    for (const listener of this.listeners) listener();
  }

  /** Hands a message between the terminal and the phone to the mailbox. */
  private postMessage(message: () => void): void {
    this.mailbox.push(message);
  }

  /** An actor (the terminal's or the phone's) finished a step: the screens changed, and the mailbox is delivered. */
  private finishedStep(): void {
    this.changed();
    this.deliver();
  }

  private deliver(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let message = this.mailbox.shift(); message; message = this.mailbox.shift()) message();
    } finally {
      this.delivering = false;
    }
  }

  get actor(): DeviceActor {
    return this.current;
  }

  /**
   * A key or system event for the device. On a classic LCD 上/下 turn the pages of a text longer
   * than the display (not of a list, whose cursor they move); past its first or last page they go
   * to the device as usual.
   */
  send(event: DeviceEvent): void {
    if ((event.type === 'UP' || event.type === 'DOWN') && this.turnPage(event.type === 'UP' ? -1 : 1)) return;
    sendDown(this.current, event);
    this.deliver();
  }

  private turnPage(by: number): boolean {
    // Only a classic LCD pages a text: elsewhere there is no need to lay the screen out to know.
    if (!isClassic(this.profile.device.display)) return false;
    const paging = this.rows().classic?.paging;
    const page = (paging?.page ?? 0) + by;
    if (!paging || page < 0 || page >= paging.count) return false;
    this.paged = { page, chain: this.activeSnapshots() };
    this.notify();
    return true;
  }

  /**
   * The page of a paged text (classic LCD) that 上/下 turned to; undefined when they have not, or
   * the screen changed since (it shows the page it opens at).
   */
  turnedPage(): number | undefined {
    return this.paged && this.pageOn(this.activeSnapshots());
  }

  /** The page turned to, when the machines' snapshots are still those it was turned on. */
  private pageOn(chain: readonly AnyMachineSnapshot[]): number | undefined {
    const paged = this.paged;
    if (!paged) return undefined;
    return chain.length === paged.chain.length && chain.every((snapshot, index) => snapshot === paged.chain[index])
      ? paged.page
      : undefined;
  }

  /** The power fails: whatever was not saved is gone, and the device boots from its flash. */
  powerCut(): void {
    this.current.stop();
    this.current = this.startActor();
    this.notify();
  }

  screen(): Screen {
    return deviceScreen(this.activeSnapshots(), this.viewContext());
  }

  rows(): DisplayRows {
    const snapshot = this.current.getSnapshot();
    const view = this.viewContext();
    const chain = this.activeSnapshots();
    return displayRows(deviceScreen(chain, view), statusBar(snapshot, view), this.t, this.profile.device.display, this.pageOn(chain));
  }

  /** The title as the display shows it: a smart display shows the screen's own, so only a classic LCD's is laid out. */
  title(): string {
    return isClassic(this.profile.device.display) ? this.rows().title : this.screen().title;
  }

  /**
   * The last text the phone received, if any (短信验证码 for 关闭服务 and 解绑, or a wallet's code);
   * with `number`, the number-th it received (1 the first).
   */
  sms(number?: number): Sms | undefined {
    const texts = [...this.store.smsMessages(), ...this.store.wallets.texts()].sort((a, b) => a.at - b.at);
    const message = number === undefined ? texts.at(-1) : texts[number - 1];
    if (!message) return undefined;
    const { from, code, at, signature, validMinutes } = message;
    return {
      from,
      to: this.profile.sms.phone,
      code,
      at,
      text: this.t('sms.text', { signature: signature[this.lang], code, minutes: validMinutes }),
    };
  }

  /** What the printer put on paper this session, oldest first, as the paper reads (in the session's language). */
  printouts(): Printout[] {
    return this.store.printer.printed().map((job) => this.printout(job));
  }

  /** The last thing the printer put on paper, or undefined (only it is set in type). */
  lastPrintout(): Printout | undefined {
    const job = this.store.printer.printed().at(-1);
    return job && this.printout(job);
  }

  private printout(job: PrintJob): Printout {
    return { kind: job.kind, at: job.at, text: printedText(job, this.lang) };
  }

  /**
   * The text whose code the device is waiting for, if any — 短信验证 is on screen and the code is
   * still good: what the phone beside the device shows.
   */
  awaitedSms(): Sms | undefined {
    const sms = this.sms();
    const waiting = this.activeSnapshots().some((snapshot) => snapshot.machine.id === 'smsVerification');
    const fresh = sms !== undefined && this.store.now() - sms.at < this.profile.sms.codeValidSeconds * 1000;
    return waiting && fresh ? sms : undefined;
  }

  /**
   * Whether the phone beside the terminal is needed on screen: a code is awaited, a payment waits
   * for the payer, or an app is open on it. The UI (which also shows it when the trainer keeps it)
   * and the pictures both ask this.
   */
  phoneNeeded(): boolean {
    return this.awaitedSms() !== undefined || this.store.wallets.paymentRequest() !== undefined || !this.phone.atHome();
  }

  /** The display as plain text: what a person sees, one row a line. */
  text(): string {
    return displayText(this.rows());
  }

  /** The display with wrapped lines joined, for expectations to match against. */
  matchText(): string {
    return matchableText(this.rows());
  }

  /**
   * The active states of the device and of every flow running inside it, outermost first, as
   * `machineId.state.path` (e.g. device.settings, settings.bindings, bindingManagement.detail).
   */
  activeStates(): string[] {
    return stateNames(this.activeSnapshots());
  }

  /** Whether the device shows its home screen (device.home is active), asked at every key: cheaper than activeStates(). */
  atHome(): boolean {
    return this.current.getSnapshot().matches('home');
  }

  /** Snapshots of the device and of every flow running inside it, outermost first. */
  activeSnapshots(): AnyMachineSnapshot[] {
    const snapshots: AnyMachineSnapshot[] = [];
    let actor: AnyActorRef | undefined = this.current;
    while (actor) {
      const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
      snapshots.push(snapshot);
      actor = runningFlow(snapshot);
    }
    return snapshots;
  }

  stop(): void {
    this.stopHearingPayer();
    this.phone.stop();
    this.current.stop();
  }

  private startActor(resume?: Snapshot<unknown>): DeviceActor {
    return startDeviceActor(this.store, {
      clock: this.clock,
      onChange: this.stepped,
      observe: this.observe,
      autoSignIn: this.autoSignIn,
      resume,
    });
  }

  private viewContext() {
    return { profile: this.profile, lang: this.lang, t: this.t, now: this.store.now() };
  }
}
