/**
 * The phone beside the terminal, running: the phone's actor over the payer's wallet accounts and
 * the texts it received, and what its screen shows. The terminal's session owns one; the Ink UI and
 * the headless simulator press its keys and read its screen as they do the terminal's. A payment
 * the terminal asks the payer to confirm comes up on it (PAYMENT_REQUEST), and is gone when the
 * terminal withdraws it. The phone is not the terminal: a power cut of the terminal leaves it as it is.
 */
import { createActor, type Actor, type AnyActorRef, type AnyMachineSnapshot, type InspectionEvent, type Snapshot } from 'xstate';
import type { KeyEvent } from '../../menus/device-events.js';
import { phoneMachine } from '../../menus/phone/phone.js';
import type { PasswordCheck, SmsCheck, SmsDelivery } from '../../menus/device-port.js';
import {
  WALLET_IDS,
  type CardVerification,
  type PayerAnswer,
  type PaymentRequest,
  type WalletAccount,
  type WalletId,
  type WalletNotice,
} from '../../menus/phone/phone-domain.js';
import type { PhoneConfig, PhoneNotification, PhonePort, PhoneText } from '../../menus/phone/phone-port.js';
import { stateNames, type Clock } from '../device/device-session.js';
import type { Lang, Translate } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Screen } from '../screen/screen.js';
import { displayText, matchableText, type DisplayRows } from '../screen/screen-text.js';
import { layoutBody } from '../screen/text-layout.js';
import { onPort } from '../device/snapshot-port.js';
import { hearSteps, inspector } from '../device/actor-steps.js';
import { boundPort } from '../device/bound-port.js';
import { cutToWidth } from '../text-width.js';
import type { DeviceStore } from '../store/device-store.js';
import { maskPhone } from '../store/sms-gateway.js';
import { deviceDateTime } from '../device/device-time.js';
import { PHONE_DISPLAY } from './phone-display.js';
import { phoneScreen } from './phone-view.js';
import { phoneWallets } from './wallet-accounts.js';
import stringWidth from 'string-width';

export type PhoneActor = Actor<typeof phoneMachine>;

export { PHONE_DISPLAY };

/** Columns taken by the selection marker in front of each body row. */
const MARKER_WIDTH = 2;

/** What the phone's machines are given: its number and the wallet apps on it. */
export const phoneConfig = (profile: Profile): PhoneConfig => ({ number: profile.sms.phone, wallets: phoneWallets(profile) });

/** Every text the phone received — the acquirer's codes and the wallets' — oldest first. */
const allTexts = (store: DeviceStore): PhoneText[] => [...store.smsMessages(), ...store.wallets.texts()].sort(byArrival);
const byArrival = (a: { readonly at: number }, b: { readonly at: number }): number => a.at - b.at;
const notificationAt = (item: PhoneNotification): number => (item.kind === 'text' ? item.text.at : item.notice.at);

/**
 * The phone's port over a device's store: the wallets, the texts the phone received, the terminal's
 * clock. Methods, not closures made for each phone: a run makes a phone per walkthrough, and V8
 * optimised each phone's closures anew.
 */
class StorePhonePort implements PhonePort {
  constructor(private readonly store: DeviceStore) {}

  now(): number {
    return this.store.now();
  }

  texts(): PhoneText[] {
    return allTexts(this.store);
  }

  account(wallet: WalletId): WalletAccount {
    return this.store.wallets.account(wallet);
  }

  notices(wallet: WalletId): readonly WalletNotice[] {
    return this.store.wallets.notices(wallet);
  }

  unread(): PhoneNotification | undefined {
    const { wallets } = this.store;
    const unread: PhoneNotification[] = [];
    for (const text of allTexts(this.store).slice(wallets.readCount('sms'))) unread.push({ kind: 'text', text });
    for (const wallet of WALLET_IDS) {
      for (const notice of wallets.notices(wallet).slice(wallets.readCount(wallet))) unread.push({ kind: 'notice', notice });
    }
    let newest: PhoneNotification | undefined;
    // The last of the newest, as a stable sort's last would be.
    for (const item of unread) if (!newest || notificationAt(item) >= notificationAt(newest)) newest = item;
    return newest;
  }

  markRead(app: 'sms' | WalletId): void {
    if (app === 'sms') this.store.wallets.markRead('sms', allTexts(this.store).length);
    else this.store.wallets.markRead(app);
  }

  walletLockedUntil(wallet: WalletId): number | undefined {
    return this.store.wallets.walletLockedUntil(wallet);
  }

  checkWalletPassword(wallet: WalletId, password: string): PasswordCheck {
    return this.store.wallets.checkWalletPassword(wallet, password);
  }

  setWalletPasswordFree(wallet: WalletId, enabled: boolean): void {
    this.store.wallets.setWalletPasswordFree(wallet, enabled);
  }

  closeCardService(wallet: WalletId, cardId: string, how: CardVerification): void {
    this.store.wallets.closeCardService(wallet, cardId, how);
  }

  sendWalletCode(wallet: WalletId): SmsDelivery {
    return this.store.wallets.sendWalletCode(wallet);
  }

  checkWalletCode(code: string): SmsCheck {
    return this.store.wallets.checkWalletCode(code);
  }

  paymentRequest(): PaymentRequest | undefined {
    return this.store.wallets.paymentRequest();
  }

  answerPayment(answer: PayerAnswer): void {
    this.store.wallets.answerPayment(answer);
  }
}

/** The phone's port as its machines hold it (bound-port.ts). */
export const phonePort = (store: DeviceStore): PhonePort => boundPort<PhonePort>(new StorePhonePort(store));

export type PhoneSessionOptions = {
  readonly store: DeviceStore;
  readonly lang: Lang;
  readonly t: Translate;
  readonly clock?: Clock | undefined;
  readonly observe?: ((event: InspectionEvent) => void) | undefined;
  /** Hears every change of the phone's wallets. */
  readonly onChange: () => void;
  /** Hears the phone's actor finish each step (its screens changed). */
  readonly onStep: () => void;
  /** Hands a message for the phone to the session's mailbox, delivered once no actor is mid-step. */
  readonly post: (message: () => void) => void;
  /** Go on from this persisted snapshot of another phone's actor (see the simulator's `resume`). */
  readonly resume?: Snapshot<unknown> | undefined;
};

export class PhoneSession {
  private readonly store: DeviceStore;
  private readonly lang: Lang;
  private readonly t: Translate;
  private readonly options: PhoneSessionOptions;
  private readonly port: PhonePort;
  private current: PhoneActor;
  private readonly unsubscribe: () => void;

  constructor(options: PhoneSessionOptions) {
    this.options = options;
    this.store = options.store;
    this.lang = options.lang;
    this.t = options.t;
    this.port = phonePort(options.store);
    this.current = this.startActor(options.resume);
    this.unsubscribe = options.store.wallets.subscribe((event) => {
      if (event.type === 'requested') options.post(() => this.current.send({ type: 'PAYMENT_REQUEST' }));
      if (event.type === 'withdrawn') options.post(() => this.current.send({ type: 'PAYMENT_WITHDRAWN' }));
      options.onChange();
    });
  }

  get actor(): PhoneActor {
    return this.current;
  }

  /** A key pressed on the phone. */
  send(event: KeyEvent): void {
    this.current.send(event);
    this.options.onStep();
  }

  /** Back to the profile's phone: the wallets as shipped, at the home screen (the trainer's reset). */
  reset(): void {
    this.current.stop();
    this.store.wallets.reset();
    this.current = this.startActor();
    this.options.onStep();
  }

  screen(): Screen {
    return phoneScreen(this.activeSnapshots(), this.viewContext());
  }

  /**
   * The phone's screen laid out on its grid: status (number and time), title, body rows, soft keys;
   * `bodyRows` fewer than the grid's where the window is short (a list scrolls with its selection).
   */
  rows(bodyRows: number = PHONE_DISPLAY.rows): DisplayRows {
    const screen = this.screen();
    const size = { columns: PHONE_DISPLAY.columns, rows: bodyRows };
    const laidOut = layoutBody(screen, { columns: size.columns - MARKER_WIDTH, rows: size.rows });
    const body: DisplayRows['body'][number][] = [];
    for (const line of laidOut.rows) body.push({ ...line, text: `${line.continued ? '  ' : line.selected ? '> ' : '  '}${line.text}` });
    // A text with more rows than the phone has room for (a short window) says so on its last row.
    const last = body.at(-1);
    if (last && laidOut.cutOff) {
      body[body.length - 1] = { ...last, text: cutToWidth(`${last.text}…`, size.columns, '…') };
    }
    while (body.length < size.rows) body.push({ text: '', selected: false, tone: 'normal', continued: false, joint: '', indent: 0 });
    const { t } = this;
    const confirm = screen.hints.confirm ? `[${t('hint.confirm')}]${screen.hints.confirm}` : '';
    const cancel = screen.hints.cancel ? `[${t('hint.cancel')}]${screen.hints.cancel}` : '';
    return {
      status: spread(
        t('phone.status', { phone: maskPhone(this.store.profile.sms.phone) }),
        deviceDateTime(this.store.now()).time.slice(0, 5),
        size.columns,
      ),
      title: screen.title,
      body,
      hints: spread(cancel, confirm, size.columns),
      ...(laidOut.more ? { more: laidOut.more } : {}),
    };
  }

  /** The phone's screen as plain text, one row a line. */
  text(): string {
    return displayText(this.rows());
  }

  /** The screen with wrapped lines joined, for expectations to match against. */
  matchText(): string {
    return matchableText(this.rows());
  }

  /** Snapshots of the phone and of every app running in it, outermost first. */
  activeSnapshots(): AnyMachineSnapshot[] {
    const snapshots: AnyMachineSnapshot[] = [];
    let actor: AnyActorRef | undefined = this.current;
    while (actor) {
      const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
      snapshots.push(snapshot);
      actor = activeChild(snapshot);
    }
    return snapshots;
  }

  /** The active states of the phone and its apps, outermost first, as `machineId.state.path` (phone.wallet, walletApp.menu …). */
  activeStates(): string[] {
    return stateNames(this.activeSnapshots());
  }

  /** Whether the phone is at its home screen (no app open, nothing to confirm). */
  atHome(): boolean {
    return this.activeStates().join() === 'phone.home';
  }

  stop(): void {
    this.unsubscribe();
    this.current.stop();
  }

  private startActor(resume?: Snapshot<unknown>): PhoneActor {
    const { clock, observe, onStep } = this.options;
    const actor = createActor(phoneMachine, {
      input: { port: this.port, config: phoneConfig(this.store.profile) },
      ...(resume ? { snapshot: onPort(resume, this.port) } : {}),
      ...(clock ? { clock } : {}),
      ...(observe ? { inspect: inspector(observe, onStep) } : {}),
    });
    if (!observe) hearSteps(actor, onStep);
    actor.start();
    return actor;
  }

  private viewContext() {
    return { profile: this.store.profile, lang: this.lang, t: this.t, now: this.store.now() };
  }
}

/** The app running in the phone (or in an app), if any. */
const activeChild = (snapshot: AnyMachineSnapshot): AnyActorRef | undefined => {
  for (const child of Object.values(snapshot.children as Record<string, AnyActorRef | undefined>)) {
    if (child?.getSnapshot().status === 'active') return child;
  }
  return undefined;
};

const spread = (left: string, right: string, columns: number) =>
  left + ' '.repeat(Math.max(1, columns - stringWidth(left) - stringWidth(right))) + right;
