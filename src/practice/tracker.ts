/**
 * Watches a practice: a device session playing one task. It sees the device, not the keys, for
 * everything but 取消: the goal is the task's store conditions and states; wrong passwords are the
 * store's failed attempts and lockouts (and wrong texted codes and card PINs, read from the running
 * flows); a detour is a menu flow the task does not go through; a forgotten restart is a saved
 * change still pending when the practice ends. Time is the device clock's, so tests run it on a
 * simulated clock. Each mistake is noted with where it happened, as the device named it then (the
 * menu item chosen, the screen's question or title, what the password was for) in both languages,
 * so the score card and the history can say it in either; nothing typed is ever noted.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { DeviceEvent, KeyEvent } from '../../menus/device-events.js';
import { CANCEL_KEEPS_WORK, flowItems, type Binding, type FlowId, type LocalText, type MenuNode } from '../../menus/domain.js';
import type { PasswordPurpose } from '../../menus/password-prompt.js';
import type { WalletId } from '../../menus/phone/phone-domain.js';
import { currentMenuItems } from '../../menus/settings.js';
import type { DeviceSession } from '../device/device-session.js';
import { translator, type Lang, type Translate } from '../i18n/messages.js';
import { phoneScreen } from '../phone/phone-view.js';
import { deviceScreen } from '../screen/device-view.js';
import type { Screen } from '../screen/screen.js';
import type { ViewContext } from '../screen/view-context.js';
import type { FlashData } from '../store/flash-data.js';
import { readStorePath } from '../walkthrough/store-path.js';
import { hintFor, type DevicePosition } from './hints.js';
import { scorePractice, noMistakes, type MistakeCounts, type MistakeKind, type ScoreBreakdown } from './score.js';
import { holdsAll } from './store-checks.js';
import { isStateNamed, type Task } from './task.js';

/** Store paths that hold a change saved but waiting for a restart, and the menu flow that saves it. */
export const PENDING_PATHS = { 'passwordFree.pending': 'passwordFree' } as const satisfies Record<string, FlowId>;

/** What a wrong password notes when it was not an operator's: a texted code, a card PIN, a wallet's payment password on the phone. */
export const NOT_OPERATORS = { smsCode: 'sms code', cardPin: 'card PIN', walletPassword: 'wallet password' } as const;

/** One side of the counter whose keys the practice watches: the terminal or the payer's phone. */
type Side<Event> = {
  /** The machine that is the side itself (the terminal, the phone): never a detour. */
  readonly outermost: string;
  /** Machines that are the device itself or its menus, not a flow one can cancel out of. */
  readonly notFlows: readonly string[];
  readonly snapshots: () => AnyMachineSnapshot[];
  readonly states: () => string[];
  readonly send: (event: Event) => void;
  readonly screen: (lang: Lang) => Screen;
};

/** Machines that are no detour wherever a task goes: the terminal itself and the phone's home screen. */
const NO_DETOUR = ['device', 'phone'];

/**
 * Where the device is, as hints see it, with the phone's states (walletApp.menu,
 * walletPassword.entering …): after the terminal's while something is open on the phone, so that a
 * hint for the phone's step wins, and before them while the phone is at its home screen.
 */
export const practicePosition = (session: DeviceSession): DevicePosition => {
  const { phone } = session;
  const terminal = session.activeStates();
  const states = phone.atHome() ? [...phone.activeStates(), ...terminal] : [...terminal, ...phone.activeStates()];
  return { states, store: session.store.snapshot(), screen: session.matchText() };
};

export type MistakeNote = {
  readonly kind: MistakeKind;
  /** Device clock, ms since the practice started. */
  readonly atMs: number;
  /**
   * What happened, as ids: the operator whose password was wrong ('sms code', 'card PIN' for a
   * texted code or a card PIN), the flow detoured into, the state 取消 was pressed in, the store
   * path still pending.
   */
  readonly what: string;
  /**
   * Where, as the device named it then: what the password was for (进入设置), the binding a texted
   * code was for, the menu item detoured into, the question or title of the screen 取消 was pressed
   * on, the setting left pending. Absent when there was nothing to name.
   */
  readonly where?: LocalText | undefined;
  /** This wrong password locked the operator out. */
  readonly lockedOut?: boolean | undefined;
};

export type PracticeResult = {
  readonly task: Pick<Task, 'id' | 'title' | 'procedure' | 'profile' | 'targetMs'>;
  readonly goalReached: boolean;
  /** The goal was reached, or the technician ended the practice. */
  readonly endedBy: 'goal' | 'quit';
  readonly elapsedMs: number;
  readonly mistakes: MistakeCounts;
  readonly notes: readonly MistakeNote[];
  readonly hintsUsed: number;
  readonly breakdown: ScoreBreakdown;
};

export type PracticeTrackerOptions = {
  readonly task: Task;
  readonly session: DeviceSession;
  /** The hints' language; the session's when absent. */
  readonly lang?: Lang;
};

export class PracticeTracker {
  readonly task: Task;
  private readonly session: DeviceSession;
  private readonly lang: Lang;
  private readonly startedAt: number;
  private readonly mistakes = noMistakes();
  private readonly notes: MistakeNote[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private changes = 0;
  private hintsUsed = 0;
  /** The hint on show and the device position it was given for; it goes when the device moves on. */
  private shownHint: { readonly text: string; readonly states: string } | undefined;
  private failedAttempts: Record<string, number>;
  /** Wrong payment passwords each wallet on the phone has counted, and whether it is locked. */
  private walletTries: Record<string, { readonly failed: number; readonly locked: boolean }>;
  private lockoutRecords: number;
  /** 短信验证 answers already seen (each check is a new object in the flow's context). */
  private readonly codeChecks = new WeakSet<object>();
  /** Wrong card PINs the running sale has had so far. */
  private salePins = 0;
  private machines: readonly string[];
  private finished: PracticeResult | undefined;

  constructor({ task, session, lang = session.lang }: PracticeTrackerOptions) {
    this.task = task;
    this.session = session;
    this.lang = lang;
    this.startedAt = session.store.now();
    const data = session.store.snapshot();
    this.failedAttempts = failedAttemptsOf(data);
    this.lockoutRecords = lockoutRecordsOf(data).length;
    this.walletTries = walletTriesOf(session);
    this.machines = this.activeMachines();
    this.unsubscribe = session.subscribe(this.sample);
    this.sample();
  }

  /** Calls `listener` whenever the practice or the device changed; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes whenever the practice changes (for useSyncExternalStore). */
  readonly version = (): number => this.changes;

  /**
   * Presses a device key (or a system key) on the practice device, watching for a step given up:
   * 取消 inside one of the task's flows, past its first screen, on a screen that asks something,
   * unless 取消 is an answer there that gives nothing up (稍后 on the restart question).
   */
  readonly send = (event: DeviceEvent): void => {
    this.press(event, this.terminal);
  };

  /** Presses a key on the payer's phone, watched as the terminal's keys are (取消 in a wallet's flow). */
  readonly sendPhone = (event: KeyEvent): void => {
    this.press(event, this.phone);
  };

  private press<Event extends DeviceEvent>(event: Event, side: Side<Event>): void {
    if (this.finished) return;
    const snapshots = side.snapshots();
    const before = side.states();
    const innermost = snapshots.at(-1);
    // On a detour every key is part of the detour, already counted.
    const onTheWay = snapshots.every((snapshot) => snapshot.machine.id === side.outermost || this.task.flows.includes(snapshot.machine.id));
    const stepUnderWay =
      innermost !== undefined &&
      !side.notFlows.includes(innermost.machine.id) &&
      !isAtFirstScreen(innermost) &&
      !isNotice(innermost) &&
      !innermost.hasTag(CANCEL_KEEPS_WORK);
    // The screen is gone once the key has done its work: named now, when 取消 may give up a step.
    const cancelledOn = event.type === 'CANCEL' && onTheWay && stepUnderWay ? this.screenName(side) : undefined;
    side.send(event);
    if (this.finished) return;
    const moved = before.join() !== side.states().join();
    const stateLeft = before.at(-1);
    if (cancelledOn && moved && stateLeft) this.note('cancelledStep', stateLeft, { where: cancelledOn });
    this.sample();
  }

  /** The terminal as `press` watches it: the device and its menus are no flows one gives up. */
  private readonly terminal: Side<DeviceEvent> = {
    outermost: 'device',
    notFlows: ['device', 'settings'],
    snapshots: () => this.session.activeSnapshots(),
    states: () => this.session.activeStates(),
    send: (event) => this.session.send(event),
    screen: (lang) => this.screenIn(lang),
  };

  /** The phone as `press` watches it: its home screen and a wallet's menus are no flows one gives up. */
  private readonly phone: Side<KeyEvent> = {
    outermost: 'phone',
    notFlows: ['phone', 'walletApp'],
    snapshots: () => this.session.phone.activeSnapshots(),
    states: () => this.session.phone.activeStates(),
    send: (event) => this.session.phone.send(event),
    screen: (lang) => phoneScreen(this.session.phone.activeSnapshots(), this.viewIn(lang)),
  };

  /** The next step from where the device is; counted once for each new hint shown. */
  showHint(): string | undefined {
    if (this.finished) return undefined;
    const position = this.position();
    const text = hintFor(this.task, position, this.lang);
    const states = position.states.join();
    if (this.shownHint?.text !== text || this.shownHint.states !== states) {
      this.hintsUsed += 1;
      this.shownHint = { text, states };
      this.notify();
    }
    return text;
  }

  /** The hint on show, until the device moves on. */
  hint(): string | undefined {
    return this.shownHint?.text;
  }

  /** The technician ends the practice (q): whatever was reached counts. */
  end(): PracticeResult {
    return this.finish('quit');
  }

  /** The result once the practice is over: the goal reached, or ended. */
  result(): PracticeResult | undefined {
    return this.finished;
  }

  /** Device time since the practice started (frozen once it is over). */
  elapsedMs(): number {
    return this.finished ? this.finished.elapsedMs : this.session.store.now() - this.startedAt;
  }

  /** Mistakes so far, by kind. */
  mistakeCounts(): MistakeCounts {
    return { ...this.mistakes };
  }

  hintCount(): number {
    return this.hintsUsed;
  }

  stop(): void {
    this.unsubscribe();
  }

  private position(): DevicePosition {
    return practicePosition(this.session);
  }

  /** The machines running, outermost first: device, settings, bindingManagement, passwordPrompt; then the phone's (phone, walletApp …). */
  private activeMachines(): string[] {
    return [...this.session.activeSnapshots(), ...this.session.phone.activeSnapshots()].map((snapshot) => snapshot.machine.id);
  }

  /** Looks at the device after anything changed on it. */
  private readonly sample = (): void => {
    if (this.finished) return;
    const data = this.session.store.snapshot();
    const states = this.session.activeStates();

    const failed = failedAttemptsOf(data);
    for (const [operator, count] of Object.entries(failed)) {
      for (let extra = count - (this.failedAttempts[operator] ?? 0); extra > 0; extra -= 1) {
        this.note('wrongPassword', operator, { where: this.passwordPurpose() });
      }
    }
    this.failedAttempts = failed;
    // The attempt that locks an operator out resets the count: the lockout record stands for it.
    const lockouts = lockoutRecordsOf(data);
    for (const record of lockouts.slice(this.lockoutRecords)) {
      this.note('wrongPassword', record.operator, { where: this.passwordPurpose(), lockedOut: true });
    }
    this.lockoutRecords = lockouts.length;
    this.countWrongCodes();
    this.countWrongWalletPasswords();

    const machines = this.activeMachines();
    machines.forEach((machine, index) => {
      if (!NO_DETOUR.includes(machine) && !this.task.flows.includes(machine) && !this.machines.includes(machine)) {
        this.note('detour', machine, { where: this.detourName(machines[index - 1]) });
      }
    });
    this.machines = machines;

    if (this.shownHint && this.shownHint.states !== states.join()) this.shownHint = undefined;

    const goalReached =
      holdsAll(data, this.task.done.store) && this.task.done.state.every((name) => states.some((state) => isStateNamed(state, name)));
    if (goalReached) this.finish('goal', data);
    else this.notify();
  };

  /**
   * A wrong texted code (短信验证) and a wrong test-card PIN (收款) are wrong passwords too; the
   * store keeps neither, so they are read from the running flows: the code checks the
   * smsVerification flow has had answered, and the wrong PINs the sale has counted.
   */
  private countWrongCodes(): void {
    let saleRunning = false;
    for (const snapshot of this.session.activeSnapshots()) {
      const context = snapshot.context as { lastCheck?: { result?: string }; wrongPins?: number };
      if (snapshot.machine.id === 'smsVerification' && context.lastCheck && !this.codeChecks.has(context.lastCheck)) {
        this.codeChecks.add(context.lastCheck);
        if (context.lastCheck.result === 'wrong' || context.lastCheck.result === 'exhausted') {
          this.note('wrongPassword', NOT_OPERATORS.smsCode, { where: this.codeBinding() });
        }
      }
      if (snapshot.machine.id === 'sale') {
        saleRunning = true;
        const wrong = context.wrongPins ?? 0;
        for (let extra = wrong - this.salePins; extra > 0; extra -= 1) this.note('wrongPassword', NOT_OPERATORS.cardPin);
        this.salePins = wrong;
      }
    }
    if (!saleRunning) this.salePins = 0;
  }

  /**
   * A wrong payment password typed on the phone (in a wallet app, or to confirm a payment): the
   * wallet counts it, and the one that locks the wallet starts the count again.
   */
  private countWrongWalletPasswords(): void {
    const tries = walletTriesOf(this.session);
    for (const [wallet, now] of Object.entries(tries)) {
      const before = this.walletTries[wallet] ?? { failed: 0, locked: false };
      const wrong = now.locked && !before.locked ? 1 : Math.max(0, now.failed - before.failed);
      const where = inEachLang((_lang, t) => t(`phone.app.${wallet as WalletId}`));
      for (let extra = wrong; extra > 0; extra -= 1)
        this.note('wrongPassword', NOT_OPERATORS.walletPassword, { where, lockedOut: now.locked && extra === 1 });
    }
    this.walletTries = tries;
  }

  private note(kind: MistakeKind, what: string, details: Pick<MistakeNote, 'where' | 'lockedOut'> = {}): void {
    this.mistakes[kind] += 1;
    const { where, lockedOut } = details;
    // Only the two texts: a note goes into the history as it is.
    const named = where && { zh: where.zh, en: where.en };
    this.notes.push({
      kind,
      atMs: this.session.store.now() - this.startedAt,
      what,
      ...(named ? { where: named } : {}),
      ...(lockedOut ? { lockedOut } : {}),
    });
  }

  /** The screen the device shows now, drawn in `lang`. */
  private screenIn(lang: Lang): Screen {
    return deviceScreen(this.session.activeSnapshots(), this.viewIn(lang));
  }

  /** What a screen is drawn with, in `lang`. */
  private viewIn(lang: Lang): ViewContext {
    const { profile, store } = this.session;
    return { profile, lang, t: translator(lang), now: store.now() };
  }

  /** The screen by what it asks (确认关闭 云闪付服务？), or by its title when it asks nothing. */
  private screenName(side: Pick<Side<never>, 'screen'> = this.terminal): LocalText {
    return inEachLang((lang) => screenName(side.screen(lang)));
  }

  /** What the password prompt on show is for (进入设置), if one is. */
  private passwordPurpose(): LocalText | undefined {
    const prompt = this.session.activeSnapshots().findLast((snapshot) => snapshot.machine.id === 'passwordPrompt');
    const purpose = (prompt?.context as { purpose?: PasswordPurpose } | undefined)?.purpose;
    return purpose && inEachLang((_lang, t) => t(`practice.password.${purpose}`));
  }

  /** The binding the running 绑定管理 acts on (the one a texted code is for), if any. */
  private codeBinding(): LocalText | undefined {
    const flow = this.session.activeSnapshots().find((snapshot) => snapshot.machine.id === 'bindingManagement');
    const context = flow?.context as { bindings?: readonly Binding[]; cursor?: number } | undefined;
    const binding = context?.bindings?.[context.cursor ?? 0];
    return binding?.name;
  }

  /**
   * A detour by the menu item the technician chose (操作记录) when it was one of 设置's, else by
   * the screen it led to (收款).
   */
  private detourName(parent: string | undefined): LocalText {
    const settings = this.session.activeSnapshots().find((snapshot) => snapshot.machine.id === 'settings');
    if (parent === 'settings' && settings) {
      const { menu, path, cursor } = settings.context as { menu: readonly MenuNode[]; path: readonly number[]; cursor: number };
      const item = currentMenuItems(menu, path)[cursor];
      if (item) return item.label;
    }
    return this.screenName();
  }

  /** The menu item of 设置 that runs `flow` (免密支付), as the profile labels it. */
  private menuLabel(flow: FlowId): LocalText | undefined {
    return flowItems(this.session.profile.settingsMenu).find((item) => item.flow === flow)?.label;
  }

  private finish(endedBy: 'goal' | 'quit', data: FlashData = this.session.store.snapshot()): PracticeResult {
    if (this.finished) return this.finished;
    for (const [path, flow] of Object.entries(PENDING_PATHS)) {
      if ((readStorePath(data, path) ?? null) !== null) this.note('forgottenRestart', path, { where: this.menuLabel(flow) });
    }
    const goalReached = endedBy === 'goal';
    const elapsedMs = this.session.store.now() - this.startedAt;
    const mistakes = { ...this.mistakes };
    const { id, title, procedure, profile, targetMs } = this.task;
    this.finished = {
      task: { id, title, procedure, profile, targetMs },
      goalReached,
      endedBy,
      elapsedMs,
      mistakes,
      notes: [...this.notes],
      hintsUsed: this.hintsUsed,
      breakdown: scorePractice({ goalReached, mistakes, hintsUsed: this.hintsUsed, elapsedMs, targetMs }),
    };
    this.shownHint = undefined;
    this.unsubscribe();
    this.notify();
    return this.finished;
  }

  private notify(): void {
    this.changes += 1;
    for (const listener of this.listeners) listener();
  }
}

type StateNodeLike = AnyMachineSnapshot['_nodes'][number];

const targetsOf = (node: StateNodeLike, eventType: string): string | undefined =>
  node.on[eventType]?.map((transition) => (transition.target ?? []).map((target) => target.id).join()).join('|');

/**
 * The flow's first screen (the 绑定管理 list, the 免密支付 editor, 请输入金额): 取消 there is how one
 * leaves the flow, not a step given up.
 */
const isAtFirstScreen = (snapshot: AnyMachineSnapshot): boolean =>
  snapshot.machine.root.initial.target.some((node) => snapshot._nodes.includes(node));

/**
 * A screen that only reports something (注销成功, 交易成功, 网络连接失败): 确认 and 取消 both lead
 * on to the same place, so 取消 there gives nothing up.
 */
const isNotice = (snapshot: AnyMachineSnapshot): boolean =>
  snapshot._nodes
    .filter((node) => node.type === 'atomic')
    .some((node) => {
      const cancel = targetsOf(node, 'CANCEL');
      return cancel !== undefined && cancel === targetsOf(node, 'ENTER');
    });

/** Each wallet's wrong payment passwords so far, and whether it is locked now. */
const walletTriesOf = (session: DeviceSession): Record<string, { readonly failed: number; readonly locked: boolean }> => {
  const { accounts } = session.store.wallets.held();
  const now = session.store.now();
  return Object.fromEntries(
    Object.entries(accounts).map(([wallet, account]) => [
      wallet,
      { failed: account.failedAttempts, locked: account.lockedUntil !== undefined && account.lockedUntil > now },
    ]),
  );
};

const failedAttemptsOf = (data: FlashData): Record<string, number> =>
  Object.fromEntries(Object.entries(data.lockouts).map(([operator, lockout]) => [operator, lockout.failedAttempts]));

const lockoutRecordsOf = (data: FlashData): FlashData['records'] => data.records.filter((record) => record.action === 'lockout');

const inEachLang = (text: (lang: Lang, t: Translate) => string): LocalText => ({
  zh: text('zh', translator('zh')),
  en: text('en', translator('en')),
});

/** A screen that asks something is named by its question, any other by its title. */
const screenName = (screen: Screen): string => screen.lines.find((line) => /[？?]$/.test(line.text.trim()))?.text.trim() ?? screen.title;
