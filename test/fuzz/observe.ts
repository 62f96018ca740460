/**
 * What the fuzzer sees of the device between two steps: the flash, the running flows and what they
 * hold, the display, the printer. Observing is most of a step's cost, so it copies nothing it can
 * share: the flash is read as the store wrote it (frozen, so that nothing can change it in place
 * behind the observations), and laid-out screens are remembered.
 */
import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';
import type { BindTarget } from '../../menus/bind.js';
import type { SmsPurpose } from '../../menus/device-port.js';
import type { PasswordFreeSettings, PaymentMethod } from '../../menus/domain.js';
import type { JournalEntry } from '../../menus/journal.js';
import type { PasswordPurpose } from '../../menus/password-prompt.js';
import type { Simulator } from '../../src/device/simulator.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { statusBar } from '../../src/screen/device-view.js';
import { bodySize, displayRows, displayText, isScreenCutOff, matchableText } from '../../src/screen/screen-text.js';
import type { Screen } from '../../src/screen/screen.js';
import type { GridSize } from '../../src/screen/text-layout.js';
import { DeviceStore } from '../../src/store/device-store.js';
import type { FlashData } from '../../src/store/flash-data.js';
import type { FlashMedium } from '../../src/store/flash-medium.js';
import type { PrintJob } from '../../src/store/printer.js';

/** A flash medium in memory that keeps what the store wrote as it is, frozen. */
export type RecordingMedium = FlashMedium & { readonly written: () => FlashData | undefined };

const deepFreeze = (value: unknown): void => {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
};

/**
 * The store commits a new flash for every change and never edits one in place; freezing what it
 * writes makes an edit in place throw, so observations can share the flash instead of copying it.
 */
export const recordingMedium = (): RecordingMedium => {
  let stored: FlashData | undefined;
  return {
    location: '(fuzz memory)',
    // Memory keeps nothing once the run ends: a changed password is hashed cheaply, as memoryMedium does.
    hashStrength: 'throwaway',
    read: () => stored,
    write: (data) => {
      deepFreeze(data);
      stored = data;
    },
    written: () => stored,
  };
};

/** A sale (收款/消费) running: where it is and what it holds (the PIN typed only to check it is not shown). */
type SaleView = {
  readonly state: string;
  readonly amountFen: number;
  readonly method: PaymentMethod | undefined;
  readonly pin: string;
};

/** 撤销 or 退货 running: where it is, the sale it undoes, the amount it gives back. */
export type UndoView = {
  readonly kind: 'void' | 'refund';
  readonly state: string;
  readonly sale: JournalEntry | undefined;
  readonly amountFen: number;
};

/** 修改密码 running: where it is, what is typed and what was typed the first time (never shown). */
type NewPasswordView = {
  readonly state: string;
  readonly operatorId: string;
  readonly entered: string;
  readonly first: string;
};

type CodeView = {
  readonly state: string;
  readonly entered: string;
  readonly expiresAt: number;
  readonly purpose: SmsPurpose;
};

type UnbindView = { readonly state: string; readonly bindingId: string; readonly settlingSince: number };

type PromptView = {
  readonly purpose: PasswordPurpose;
  readonly state: string;
  readonly entered: string;
  readonly operatorId: string;
};

/** Everything the invariants look at, taken between two steps. */
export type Observation = {
  /** Device clock. */
  readonly now: number;
  /** The flash as the store holds it (shared, never to be changed). */
  readonly flash: FlashData;
  /** Whether the flash medium holds what the store holds (observed with the medium only): what a power cut would keep. */
  readonly writtenThrough?: boolean | undefined;
  /** The device machine's top-level state: booting, starting, signingIn, home, sale, mainMenu, settings, shuttingDown. */
  readonly device: string;
  /** Active states of the device and the flows in it (DeviceSession.activeStates). */
  readonly states: readonly string[];
  /** The password prompt running, if any. */
  readonly prompt: PromptView | undefined;
  /** In 绑定管理: the binding the flow would remove. */
  readonly selectedBinding: string | undefined;
  /** In 免密支付: the settings being edited. */
  readonly draft: PasswordFreeSettings | undefined;
  /** Who opened 设置 (once past its password prompt). */
  readonly loggedIn: string | undefined;
  /** 修改密码's new-password entry, if it is running. */
  readonly newPassword: NewPasswordView | undefined;
  /** The sale running, if any. */
  readonly sale: SaleView | undefined;
  /** 撤销 or 退货 running, if any. */
  readonly undo: UndoView | undefined;
  /** 结算 running: its step and page. */
  readonly settlement: { readonly state: string; readonly page: number } | undefined;
  /** 签到 running: its step and the 操作员号 typed. */
  readonly signIn: { readonly state: string; readonly entered: string } | undefined;
  /** 签退 running: its step. */
  readonly signOut: string | undefined;
  /** 绑定 running: its step, what it binds, the number typed. */
  readonly bind: { readonly state: string; readonly target: BindTarget; readonly entered: string } | undefined;
  /** 短信验证 running, if any: its step, the digits typed, until when the code is good, what it confirms. */
  readonly code: CodeView | undefined;
  /** The code in the last SMS the phone received. */
  readonly phoneCode: string | undefined;
  /** 解绑 running, if any: its step, the account it unbinds, when 资金清算 started. */
  readonly unbinding: UnbindView | undefined;
  /** Digits a running flow shows as they are typed, in clear: 凭证号, 参考号, date, 操作员号, a merchant number, a card's last four. */
  readonly typedInClear: readonly string[];
  /** What the printer printed (its last jobs, oldest first), and whether it has paper. */
  readonly printed: readonly PrintJob[];
  readonly paper: boolean;
  /** The display, as shown and with wrapped lines joined. */
  readonly screens: readonly string[];
  /**
   * The screen has rows the display never shows: on a smart display rows past the last (not a
   * list, which scrolls); on a classic LCD a word cut to fit, or list rows no cursor brings into
   * view (a long text pages).
   */
  readonly cutOff: boolean;
  /** Actors of the device that stopped with an error. */
  readonly errors: readonly string[];
};

const topState = (value: unknown): string => (typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? '?'));

/**
 * The display texts, as shown and with wrapped lines joined. Laying a screen out on the grid is the
 * costly part of a step, and the fuzzer sees the same screens again and again, so the texts below
 * the status line are remembered by what decides them: the screen model and the device (profile
 * and language); the status line apart, by network and minute, so a new minute lays out nothing again.
 */
type Layout = { readonly texts: readonly string[]; readonly cutOff: boolean };
const layouts = new Map<Profile, Map<string, Layout>>();
const MAX_LAYOUTS = 20_000;

/** Forgets the remembered display texts (for tests that change how the device draws). */
export const forgetLayouts = (): void => {
  layouts.clear();
  statusLines.clear();
};

/**
 * Whether a screen might need more rows than the display: more lines than rows, or a line that
 * might wrap (n characters take at most 2n columns). Only then is it laid out a second time to see.
 */
const mayOverflow = (screen: Screen, size: GridSize): boolean =>
  screen.lines.length + (screen.progress === undefined ? 0 : 1) > size.rows ||
  screen.lines.some((line) => line.text.length * 2 > size.columns);

/** A text without its first line (the status line). */
const belowStatus = (text: string): string => text.slice(text.indexOf('\n'));

const NO_SCREEN: Screen = { title: '', lines: [], hints: {} };

const layout = (sim: Simulator): Layout => {
  const { session, profile } = sim;
  const cache = layouts.get(profile) ?? new Map<string, Layout>();
  layouts.set(profile, cache);
  const screen = session.screen();
  // A classic LCD shows one page of a long text: the page turned to is part of what is shown.
  const key = JSON.stringify([session.lang, screen, session.turnedPage()]);
  let body = cache.get(key);
  if (!body) {
    const shown = session.rows();
    const { display } = profile.device;
    const cutOff =
      display.kind === 'classic'
        ? isScreenCutOff(screen, display)
        : mayOverflow(screen, bodySize(display)) && isScreenCutOff(screen, display);
    body = { texts: [belowStatus(displayText(shown)), belowStatus(matchableText(shown))], cutOff };
    if (cache.size >= MAX_LAYOUTS) cache.clear();
    cache.set(key, body);
  }
  const status = statusLine(sim);
  return { texts: body.texts.map((text) => status + text), cutOff: body.cutOff };
};

/** Status lines by language, network and minute. */
const statusLines = new Map<string, string>();

const statusLine = (sim: Simulator): string => {
  const { session, profile } = sim;
  const now = sim.store.now();
  const key = `${profile.name} ${session.lang} ${sim.state.context.online} ${Math.floor(now / 60_000)}`;
  let status = statusLines.get(key);
  if (status === undefined) {
    status = displayRows(NO_SCREEN, statusBar(sim.state, { profile, now }), session.t, profile.device.display).status.trimEnd();
    if (statusLines.size >= MAX_LAYOUTS) statusLines.clear();
    statusLines.set(key, status);
  }
  return status;
};

/** What a screen is drawn from: the running machines' snapshots, the clock, the flash and the phone. */
type Drawn = {
  readonly chain: readonly AnyMachineSnapshot[];
  readonly now: number;
  readonly flash: FlashData;
  readonly sms: unknown;
  readonly layout: Layout;
};
const lastDrawn = new WeakMap<Simulator, Drawn>();

/** The layout, unless nothing it is drawn from changed since the last look (a key the screen ignores). */
const layoutOf = (sim: Simulator, chain: readonly AnyMachineSnapshot[], flash: FlashData): Layout => {
  const now = sim.store.now();
  const sms = sim.store.lastSms();
  const last = lastDrawn.get(sim);
  if (
    last &&
    last.now === now &&
    last.flash === flash &&
    last.sms === sms &&
    last.chain.length === chain.length &&
    last.chain.every((snapshot, index) => snapshot === chain[index])
  ) {
    return last.layout;
  }
  const drawn = layout(sim);
  lastDrawn.set(sim, { chain, now, flash, sms, layout: drawn });
  return drawn;
};

/** The store's own getters, taken before a test can wrap them (a planted bug): what the store holds, as it holds it. */
const held = (({ bindings, records, journal, settlements, activePasswordFree, pendingPasswordFree, signedIn, isOnline }) => ({
  bindings,
  records,
  journal,
  settlements,
  activePasswordFree,
  pendingPasswordFree,
  signedIn,
  isOnline,
}))(DeviceStore.prototype);

/** Whether what the store holds is what the medium holds: its getters hand out what it holds, not copies. */
const holdsWritten = (store: DeviceStore, flash: FlashData): boolean =>
  held.bindings.call(store) === flash.bindings &&
  held.records.call(store) === flash.records &&
  held.journal.call(store) === flash.journal &&
  held.settlements.call(store) === flash.settlements &&
  held.activePasswordFree.call(store) === flash.passwordFree.active &&
  held.pendingPasswordFree.call(store) === flash.passwordFree.pending &&
  held.signedIn.call(store) === flash.day.signedIn &&
  held.isOnline.call(store) === (flash.network === 'online');

type Context = Record<string, unknown>;

/** Looks at the device; with its recording medium, reads the flash without copying it. */
export const observe = (sim: Simulator, medium?: RecordingMedium): Observation => {
  const chain = sim.session.activeSnapshots();
  const byId = (id: string): (AnyMachineSnapshot & { context: Context }) | undefined =>
    chain.find((snapshot) => snapshot.machine.id === id);
  const prompt = byId('passwordPrompt');
  const bindingFlow = byId('bindingManagement');
  const passwordFreeFlow = byId('passwordFree');
  const settingsFlow = byId('settings');
  const changePasswordFlow = byId('changePassword');
  const saleFlow = byId('sale');
  const voidFlow = byId('voidSale');
  const refundFlow = byId('refund');
  const settlementFlow = byId('settlement');
  const signInFlow = byId('signIn');
  const signOutFlow = byId('signOut');
  const bindFlow = byId('bind');
  const reprintFlow = byId('reprint');
  const codeFlow = byId('smsVerification');
  const unbindFlow = byId('unbind');
  const errors: string[] = [];
  for (const snapshot of chain) {
    if (snapshot.status === 'error') errors.push(`${snapshot.machine.id}: ${String(snapshot.error)}`);
    for (const [id, child] of Object.entries(snapshot.children as Record<string, AnyActorRef | undefined>)) {
      const status = child?.getSnapshot().status;
      if (status === 'error') errors.push(`${snapshot.machine.id} → ${id}: ${String(child?.getSnapshot().error)}`);
    }
  }
  if (chain[0]?.status !== 'active') errors.push(`device is ${chain[0]?.status ?? 'missing'}`);
  const bindingContext = bindingFlow?.context as { bindings: readonly { id: string }[]; cursor: number } | undefined;
  const written = medium?.written();
  const flash = written ?? sim.store.snapshot();
  // Without the medium the flash is a new copy every time: the screen is laid out afresh.
  const shown = written ? layoutOf(sim, chain, written) : layout(sim);
  const bindContext = bindFlow?.context as { target: BindTarget; entered: string } | undefined;
  const undoFlow = voidFlow ?? refundFlow;
  const undoSale = undoFlow?.context.sale as JournalEntry | undefined;
  const typedInClear = [
    voidFlow?.context.entered,
    // 凭证号 are shown six digits long: a 9 typed shows as 000009.
    ...[voidFlow?.context.entered, reprintFlow?.context.entered].flatMap((entered) =>
      typeof entered === 'string' && entered.length > 0 ? [String(Number(entered)).padStart(6, '0')] : [],
    ),
    refundFlow?.context.reference,
    refundFlow?.context.date,
    reprintFlow?.context.entered,
    signInFlow?.context.entered,
    // A merchant number shows as typed; a card only by its first and last four digits.
    ...(bindContext?.target.kind === 'merchant' ? [bindContext.entered] : []),
    ...(bindContext?.target.kind === 'settlementCard' ? [bindContext.entered.slice(0, 4), bindContext.entered.slice(-4)] : []),
  ].filter((value): value is string => typeof value === 'string' && value.length > 0);
  return {
    now: sim.store.now(),
    flash,
    writtenThrough: written === undefined ? undefined : holdsWritten(sim.store, written),
    device: topState(chain[0]?.value),
    states: sim.session.activeStates(),
    prompt: prompt
      ? {
          purpose: prompt.context.purpose as PasswordPurpose,
          state: topState(prompt.value),
          entered: prompt.context.entered as string,
          operatorId: prompt.context.operatorId as string,
        }
      : undefined,
    selectedBinding: bindingContext?.bindings[bindingContext.cursor]?.id,
    draft: (passwordFreeFlow?.context as { draft: PasswordFreeSettings } | undefined)?.draft,
    loggedIn: settingsFlow && !settingsFlow.matches('authenticating') ? (settingsFlow.context.operatorId as string) : undefined,
    newPassword: changePasswordFlow
      ? {
          state: topState(changePasswordFlow.value),
          operatorId: changePasswordFlow.context.operatorId as string,
          entered: changePasswordFlow.context.entered as string,
          first: changePasswordFlow.context.first as string,
        }
      : undefined,
    sale: saleFlow
      ? {
          state: topState(saleFlow.value),
          amountFen: saleFlow.context.amountFen as number,
          method: saleFlow.context.method as PaymentMethod | undefined,
          pin: saleFlow.context.pin as string,
        }
      : undefined,
    undo: undoFlow
      ? {
          kind: voidFlow ? 'void' : 'refund',
          state: topState(undoFlow.value),
          sale: undoSale,
          amountFen: voidFlow ? (undoSale?.amountFen ?? 0) : (undoFlow.context.amountFen as number),
        }
      : undefined,
    settlement: settlementFlow ? { state: topState(settlementFlow.value), page: settlementFlow.context.page as number } : undefined,
    signIn: signInFlow ? { state: topState(signInFlow.value), entered: signInFlow.context.entered as string } : undefined,
    signOut: signOutFlow ? topState(signOutFlow.value) : undefined,
    bind:
      bindFlow && bindContext ? { state: topState(bindFlow.value), target: bindContext.target, entered: bindContext.entered } : undefined,
    code: codeFlow
      ? {
          state: topState(codeFlow.value),
          entered: codeFlow.context.entered as string,
          expiresAt: (codeFlow.context.delivery as { expiresAt: number } | undefined)?.expiresAt ?? 0,
          purpose: codeFlow.context.purpose as SmsPurpose,
        }
      : undefined,
    phoneCode: sim.store.lastSms()?.code,
    unbinding: unbindFlow
      ? {
          state: topState(unbindFlow.value),
          bindingId: (unbindFlow.context.binding as { id: string }).id,
          settlingSince: unbindFlow.context.settlingSince as number,
        }
      : undefined,
    typedInClear,
    printed: sim.store.printer.printed(),
    paper: sim.store.printer.hasPaper(),
    screens: shown.texts,
    cutOff: shown.cutOff,
    errors,
  };
};
