/**
 * One running simulated terminal: the device actor over a store, and what its display shows.
 * The Ink UI and the headless simulator both drive the device through a session.
 */
import { createActor, type Actor, type ActorOptions, type AnyActorLogic, type AnyActorRef, type AnyMachineSnapshot, type InspectionEvent } from 'xstate';
import type { DeviceEvent } from '../../menus/device-events.js';
import { deviceMachine } from '../../menus/device.js';
import { translator, type Lang, type Translate } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { deviceScreen, statusBar } from '../screen/device-view.js';
import type { Screen } from '../screen/screen.js';
import { displayRows, displayText, matchableText, type DisplayRows } from '../screen/screen-text.js';
import type { DeviceStore } from '../store/device-store.js';

export type DeviceActor = Actor<typeof deviceMachine>;

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

/** A clock xstate can schedule delays on (its real-time one, or a SimulatedClock). */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

export type DeviceSessionOptions = {
  readonly store: DeviceStore;
  readonly lang?: Lang;
  /** The actor's clock for delays; xstate's real-time clock when absent. */
  readonly clock?: Clock;
  /** Hears every inspection event of the device's actors (coverage, recording). */
  readonly observe?: (event: InspectionEvent) => void;
};

/** Starts the device; `onChange` hears every snapshot of every actor in it (flows, prompts). */
export const startDeviceActor = (
  store: DeviceStore,
  clock?: Clock,
  onChange?: () => void,
  observe?: (event: InspectionEvent) => void,
): DeviceActor => {
  const { profile } = store;
  const actor = createActor(deviceMachine, {
    input: {
      port: store,
      settingsOperatorId: profile.security.settingsOperator,
      menu: profile.settingsMenu,
      passwordFreeLayout: {
        channels: profile.passwordFree.channels.map(({ id, label }) => ({ id, label })),
        limitOptions: profile.passwordFree.limitOptions,
      },
      sale: {
        operatorId: profile.sale.operator,
        channels: profile.passwordFree.channels.map(({ id, covers }) => ({ id, covers })),
      },
    },
    ...(clock ? { clock } : {}),
    // A flow's own state changes (a digit typed into the password prompt) do not change the device
    // actor's snapshot, so watchers listen to the whole actor system.
    inspect: (event: InspectionEvent) => {
      observe?.(event);
      if (event.type === '@xstate.snapshot') onChange?.();
    },
  });
  actor.start();
  return actor;
};

export class DeviceSession {
  readonly store: DeviceStore;
  readonly profile: Profile;
  readonly lang: Lang;
  readonly t: Translate;
  private readonly clock: Clock | undefined;
  private readonly observe: ((event: InspectionEvent) => void) | undefined;
  private current: DeviceActor;
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor({ store, lang = 'zh', clock, observe }: DeviceSessionOptions) {
    this.store = store;
    this.profile = store.profile;
    this.lang = lang;
    this.t = translator(lang);
    this.clock = clock;
    this.observe = observe;
    this.current = startDeviceActor(store, clock, this.notify, observe);
  }

  /** Calls `listener` whenever anything on the device changed; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes whenever the device changes (for useSyncExternalStore). */
  readonly version = (): number => this.changes;

  private readonly notify = (): void => {
    this.changes += 1;
    for (const listener of this.listeners) listener();
  };

  get actor(): DeviceActor {
    return this.current;
  }

  send(event: DeviceEvent): void {
    this.current.send(event);
  }

  /** The power fails: whatever was not saved is gone, and the device boots from its flash. */
  powerCut(): void {
    this.current.stop();
    this.current = startDeviceActor(this.store, this.clock, this.notify, this.observe);
    this.notify();
  }

  screen(): Screen {
    return deviceScreen(this.current.getSnapshot(), this.viewContext());
  }

  rows(): DisplayRows {
    const snapshot = this.current.getSnapshot();
    const view = this.viewContext();
    return displayRows(deviceScreen(snapshot, view), statusBar(snapshot, view), this.t, this.profile.device.display);
  }

  /**
   * The last text the merchant's phone received, if any (短信验证码 for 关闭服务 and 解绑); with
   * `number`, the number-th it received (1 the first).
   */
  sms(number?: number): Sms | undefined {
    const message = number === undefined ? this.store.lastSms() : this.store.smsMessages()[number - 1];
    if (!message) return undefined;
    const { from, to, code, at, signature, validMinutes } = message;
    return { from, to, code, at, text: this.t('sms.text', { signature: signature[this.lang], code, minutes: validMinutes }) };
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
    return this.activeSnapshots().flatMap((snapshot) =>
      snapshot._nodes
        .filter((node) => node.type !== 'parallel' && node.parent)
        .map((node) => `${snapshot.machine.id}.${node.path.join('.')}`),
    );
  }

  /** Snapshots of the device and of every flow running inside it, outermost first. */
  activeSnapshots(): AnyMachineSnapshot[] {
    const snapshots: AnyMachineSnapshot[] = [];
    let actor: AnyActorRef | undefined = this.current;
    while (actor) {
      const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
      snapshots.push(snapshot);
      actor = Object.values(snapshot.children as Record<string, AnyActorRef | undefined>).find(
        (child) => child?.getSnapshot().status === 'active',
      );
    }
    return snapshots;
  }

  stop(): void {
    this.current.stop();
  }

  private viewContext() {
    return { profile: this.profile, lang: this.lang, t: this.t, now: this.store.now() };
  }
}
