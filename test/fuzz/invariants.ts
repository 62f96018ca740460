/**
 * The invariants every step of the device must keep: what may change in one step and what must
 * (a confirmed 注销 removes the binding, a boot applies the pending change, an approved sale enters
 * the journal), what the terminal may never do (approve a payment it must refuse, void a sale
 * twice, show a password), and what its screens and paper must say (batch totals that are the sums
 * of the batch). checkStep is pure, so that tests can show it flags fabricated bad transitions.
 */
import type { Binding, PasswordFreeSettings, PaymentMethod } from '../../menus/domain.js';
import { samePasswordFreeSettings } from '../../menus/domain.js';
import type { JournalEntry } from '../../menus/journal.js';
import type { SmsPurpose } from '../../menus/device-port.js';
import type { PasswordPurpose } from '../../menus/password-prompt.js';
import { WALLET_METHODS } from '../../menus/phone/phone-domain.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { deviceDateTime } from '../../src/device/device-time.js';
import { displayTranslator } from '../../src/i18n/classic-texts.js';
import type { Lang, Translate } from '../../src/i18n/messages.js';
import { printedLines } from '../../src/printer/receipt-text.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import type { FlashData, OperationRecord } from '../../src/store/flash-data.js';
import { verifyPassword } from '../../src/store/password-hash.js';
import type { PrintJob } from '../../src/store/printer.js';
import { CARD_PIN, KNOWN_PASSWORDS, WRONG_PASSWORD, type Step } from './actions.js';
import type { Observation } from './observe.js';
import {
  flashNumbers,
  money,
  nextNumber,
  refusalOf,
  serviceClosed,
  sixDigits,
  totalsOf,
  TALLY_KINDS,
  undoProblem,
  yuan,
  type Totals,
} from './oracle.js';

export type CheckEnv = {
  readonly lang: Lang;
  readonly t: Translate;
  /** The operator whose password opens 设置 and confirms changes. */
  readonly operatorId: string;
  /** Every operator's password, by operator number. */
  readonly passwords: Readonly<Record<string, string>>;
  readonly maxAttempts: number;
  readonly lockoutSeconds: number;
  /** Digit runs that must never be on screen or in the records. */
  readonly secrets: readonly string[];
  /** Public numbers from the profile shown whole on screen (merchant, terminal, accounts), which may contain a secret by chance. */
  readonly publicNumbers: readonly string[];
  /** The home screen's 有设置待重启生效 line in the session's language. */
  readonly pendingNotice: string;
  /** A merchant number on the home screen (商户号 898310058120134), whichever. */
  readonly merchantIdShown: RegExp;
  /** What the status line starts with online and offline (在线, 离线). */
  readonly networkStatus: { readonly online: string; readonly offline: string };
  /** The cashier who takes sales when nobody signed in by hand, and who is signed in at boot when `autoSignIn`. */
  readonly cashier: string;
  /** Whether the device signs the cashier in by itself at every boot (scripts, the API), or starts at power-on. */
  readonly autoSignIn: boolean;
  /** The 免密 channel covering each payment method, and the services governing it (profile ids). */
  readonly channelFor: Readonly<Partial<Record<PaymentMethod, string>>>;
  readonly servicesOf: Readonly<Record<PaymentMethod, readonly string[]>>;
  /** The profile's payment services, which 开通 binds again as they were. */
  readonly services: readonly Binding[];
  /** The ids a new merchant account or settlement card is bound under: the profile's own, or the device's. */
  readonly accountIds: Readonly<Record<'merchant' | 'settlementCard', string>>;
  /** Each operator's role: ordinary operators may not open 设置, only they sign in. */
  readonly roles: Readonly<Record<string, string>>;
  /** The merchant's phone number, whose last four digits the code prompt shows. */
  readonly phone: string;
  /**
   * The payer's wallet behind each QR method, as the profile ships it (the fuzzer never touches the
   * phone): its 小额免密 and limit, and whether it decides its QR payments too.
   */
  readonly walletOf: Readonly<
    Partial<Record<PaymentMethod, { readonly enabled: boolean; readonly limit: number; readonly decides: boolean }>>
  >;
};

export const checkEnv = (profile: Profile, lang: Lang, { signedIn = true }: { readonly signedIn?: boolean } = {}): CheckEnv => {
  for (const operator of profile.operators) {
    if (!KNOWN_PASSWORDS[operator.id]) throw new Error(`${profile.name}: no known password for operator ${operator.id}`);
  }
  const t = displayTranslator(lang, profile.device.display);
  const services = profile.bindings.filter((binding) => binding.kind === 'service');
  const methods = ['contactless', 'chip', 'qr-unionpay', 'qr-wechat', 'qr-alipay'] as const satisfies readonly PaymentMethod[];
  return {
    lang,
    t,
    operatorId: profile.security.settingsOperator,
    passwords: KNOWN_PASSWORDS,
    maxAttempts: profile.security.maxAttempts,
    lockoutSeconds: profile.security.lockoutSeconds,
    secrets: [...new Set([...Object.values(KNOWN_PASSWORDS), WRONG_PASSWORD, CARD_PIN])],
    publicNumbers: [profile.device.merchantId, profile.device.terminalId, ...profile.bindings.map((binding) => binding.account)],
    pendingNotice: t('home.pending'),
    merchantIdShown: new RegExp(
      `${(t('home.merchantId', { id: '\u0000' }).split('\u0000')[0] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d`,
    ),
    networkStatus: { online: t('status.online'), offline: t('status.offline') },
    cashier: profile.sale.operator,
    autoSignIn: signedIn,
    channelFor: Object.fromEntries(
      profile.passwordFree.channels.flatMap((channel) => channel.covers.map((method) => [method, channel.id])),
    ),
    servicesOf: Object.fromEntries(
      methods.map((method) => [method, services.filter((service) => service.methods?.includes(method)).map((service) => service.id)]),
    ) as Record<PaymentMethod, string[]>,
    services,
    accountIds: {
      merchant: profile.bindings.find((binding) => binding.kind === 'merchant')?.id ?? 'merchant',
      settlementCard: profile.bindings.find((binding) => binding.kind === 'settlementCard')?.id ?? 'settlement-card',
    },
    roles: Object.fromEntries(profile.operators.map((operator) => [operator.id, operator.role])),
    phone: profile.sms.phone,
    walletOf: Object.fromEntries(
      profile.phone.wallets.map((wallet) => [WALLET_METHODS[wallet.id], { ...wallet.passwordFree, decides: wallet.decides }]),
    ),
  };
};

/** JSON with object keys sorted, so that equal data compares equal whatever order it was built in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  ) ?? 'undefined';
/** Equal data; the same object (the flash shares what did not change) answers at once. */
const same = (a: unknown, b: unknown): boolean => a === b || canonical(a) === canonical(b);
/** Whether `list` starts with every element of `prefix`, unchanged: append-only data. */
const extends_ = <T>(list: readonly T[], prefix: readonly T[]): boolean =>
  list.length >= prefix.length && prefix.every((item, index) => same(list[index], item));
const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

const stepName = (step: Step): string =>
  step.kind === 'key'
    ? step.key
    : step.kind === 'advance'
      ? `advance ${step.ms}ms`
      : step.kind === 'paper'
        ? `paper ${step.paper ? 'in' : 'out'}`
        : step.kind;

/** The password change this step confirms (确认 on 请再次输入新密码 with the same digits), if any. */
export const passwordChange = (before: Observation, step: Step): { operatorId: string; password: string } | undefined => {
  const entry = before.newPassword;
  const confirms = step.kind === 'key' && step.key === '确认' && entry?.state === 'repeating' && entry.entered === entry.first;
  return confirms ? { operatorId: entry.operatorId, password: entry.entered } : undefined;
};

/** The environment once operator `id`'s password is `password`. */
export const withPassword = (env: CheckEnv, id: string, password: string): CheckEnv => ({
  ...env,
  passwords: { ...env.passwords, [id]: password },
  secrets: [...new Set([...env.secrets, password])],
});

const batchOf = (observation: Observation) => sixDigits(observation.flash.day.batch);
/** The states where 撤销 or 退货 is refused before the host: no such sale, nothing left, over the limit, another card. */
const LOCAL_REFUSALS = ['notFound', 'notVoidable', 'nothingLeft', 'overLimit', 'mismatch'];

const entered = (state: string | undefined, ...states: string[]) => state !== undefined && states.includes(state);
const binding = (bindings: readonly Binding[], kind: Binding['kind']) => bindings.find((candidate) => candidate.kind === kind);

/** What happened in one step, as far as the invariants care: derived once, read by every check. */
type StepFacts = {
  readonly step: Step;
  readonly isEnter: boolean;
  /** The network before the step. */
  readonly online: boolean;
  readonly booted: boolean;
  /** The operator whose password the prompt asked for, and their lockout before the step. */
  readonly operator: string | undefined;
  readonly lockout: FlashData['lockouts'][string] | undefined;
  /** A password was submitted and checked (not locked out); the right one, confirmed in a prompt for `purpose`. */
  readonly checksPassword: boolean;
  /** The lockout the operator asked must have after the step. */
  readonly expectedLockout: FlashData['lockouts'][string] | undefined;
  readonly rightPassword: (purpose: PasswordPurpose) => boolean;
  /** The texted code, typed right and in time, confirmed for `purpose`. */
  readonly codeConfirmed: (purpose: SmsPurpose) => boolean;
  /** The binding a confirmed 注销 or a settled 解绑 removes; the binding a confirmed 绑定 adds. */
  readonly removed: string | undefined;
  readonly deregisterAuthorised: boolean;
  readonly closeAuthorised: boolean;
  readonly settled: boolean;
  readonly added: Binding | undefined;
  readonly saveAuthorised: boolean;
  readonly changed: { operatorId: string; password: string } | undefined;
  /** Who runs the working day's flows (the operator signed in, else the cashier). */
  readonly teller: string;
  /** The host's answers in this step. */
  readonly saleApproved: boolean;
  readonly saleAnswered: boolean;
  readonly saleRefused: boolean;
  readonly undoApproved: boolean;
  readonly undoAnswered: boolean;
  /** A 撤销 or 退货 the terminal refused itself ([25], [12], [61]): recorded, nothing in the journal. */
  readonly undoRefusedHere: boolean;
  readonly settleDone: boolean;
  readonly signInDone: boolean;
  readonly signOutDone: boolean;
  readonly bindDone: boolean;
  readonly backedUp: boolean;
  /** What this step appended. */
  readonly newRecords: readonly OperationRecord[];
  readonly newEntries: readonly JournalEntry[];
  readonly newJobs: readonly PrintJob[];
};

const newJobsOf = (before: readonly PrintJob[], after: readonly PrintJob[]): readonly PrintJob[] => {
  const last = before.at(-1);
  if (after.at(-1) === last) return [];
  // The printer keeps its last jobs only: what came after the job that was last before the step.
  const index = last === undefined ? -1 : after.lastIndexOf(last);
  return after.slice(index + 1);
};

const stepFacts = (before: Observation, step: Step, after: Observation, env: CheckEnv): StepFacts => {
  const isEnter = step.kind === 'key' && step.key === '确认';
  const online = before.flash.network === 'online';
  const prompt = before.prompt;
  const operator = prompt?.operatorId;
  const lockout = operator === undefined ? undefined : before.flash.lockouts[operator];
  const lockedBefore = lockout?.lockedUntil !== undefined && lockout.lockedUntil > before.now;
  const checksPassword = isEnter && prompt?.state === 'entering' && prompt.entered.length > 0 && !lockedBefore;
  const rightConfirmed = checksPassword && operator !== undefined && env.passwords[operator] === prompt?.entered;
  const rightPassword = (purpose: PasswordPurpose) => rightConfirmed && prompt?.purpose === purpose;
  let expectedLockout = lockout;
  if (checksPassword) {
    const failedAttempts = (lockout?.failedAttempts ?? 0) + 1;
    expectedLockout = rightConfirmed
      ? { failedAttempts: 0 }
      : failedAttempts < env.maxAttempts
        ? { failedAttempts }
        : { failedAttempts: 0, lockedUntil: before.now + env.lockoutSeconds * 1000 };
  }
  const code = before.code;
  const codeRight =
    isEnter &&
    code?.state === 'entering' &&
    code.entered.length > 0 &&
    code.entered === before.phoneCode &&
    online &&
    before.now < code.expiresAt;
  const codeConfirmed = (purpose: SmsPurpose) => codeRight && code?.purpose === purpose;
  const deregisterAuthorised = rightPassword('confirmDeregister') && online;
  const closeAuthorised = codeConfirmed('closeService');
  const unbinding = before.unbinding;
  const settled =
    step.kind === 'advance' && unbinding?.state === 'settling' && online && before.now + step.ms >= unbinding.settlingSince + SETTLEMENT_MS;
  const removed = deregisterAuthorised || closeAuthorised ? before.selectedBinding : settled ? unbinding?.bindingId : undefined;
  // 绑定: the 主管 password (a service opened again where closing asked the password) or the texted code.
  const bindAuthorised =
    online && before.bind !== undefined && ((before.bind.state === 'authorising' && rightPassword('confirmBind')) || codeConfirmed('bind'));
  let added: Binding | undefined;
  if (bindAuthorised && before.bind) {
    const { target } = before.bind;
    const boundAt = deviceDateTime(before.now).date;
    if (target.kind === 'service') {
      const service = env.services.find((candidate) => candidate.id === target.service.id);
      added = service && { ...service, boundAt };
    } else {
      // Its name is the device's words; what is checked is what it is, its number and date.
      added = { id: env.accountIds[target.kind], kind: target.kind, name: { zh: '', en: '' }, account: before.bind.entered, boundAt };
    }
  }
  const signedIn = before.flash.day.signedIn?.operator;
  const saleState = after.sale?.state;
  const undoState = after.undo?.state;
  return {
    step,
    isEnter,
    online,
    booted:
      step.kind === 'powerCycle' ||
      step.kind === 'powerCut' ||
      (step.kind === 'advance' && before.device === 'shuttingDown' && after.device !== 'shuttingDown'),
    operator,
    lockout,
    checksPassword,
    expectedLockout,
    rightPassword,
    codeConfirmed,
    removed,
    deregisterAuthorised,
    closeAuthorised,
    settled,
    added,
    saveAuthorised: rightPassword('confirmSave') && online && before.draft !== undefined,
    changed: passwordChange(before, step),
    teller: signedIn ?? env.cashier,
    saleApproved: before.sale?.state === 'processing' && entered(saleState, 'printing', 'approved'),
    saleAnswered: before.sale?.state === 'processing' && entered(saleState, 'printing', 'approved', 'declined'),
    saleRefused: entered(before.sale?.state, 'method', 'wallet') && saleState === 'refused',
    undoApproved: before.undo?.state === 'processing' && entered(undoState, 'printing', 'approved'),
    undoAnswered: before.undo?.state === 'processing' && entered(undoState, 'printing', 'approved', 'refused'),
    undoRefusedHere: before.undo?.state !== undoState && entered(undoState, ...LOCAL_REFUSALS),
    settleDone: before.settlement?.state === 'settling' && entered(after.settlement?.state, 'printing', 'settled'),
    signInDone: before.signIn?.state === 'connecting' && after.signIn?.state === 'signedIn',
    signOutDone: isEnter && before.signOut === 'confirming' && after.signOut === 'signedOut',
    bindDone: before.bind !== undefined && before.bind.state !== 'bound' && after.bind?.state === 'bound',
    // 数据备份: its 确认, or 按[1]先备份数据 on the 确认注销 screen (the headless device's backups never fail).
    backedUp:
      (isEnter && before.states.includes('dataBackup.asking')) ||
      (step.kind === 'key' && step.key === '1' && before.states.includes('bindingManagement.confirming')),
    newRecords: after.flash.records.slice(before.flash.records.length),
    newEntries: after.flash.journal.slice(before.flash.journal.length),
    newJobs: newJobsOf(before.printed, after.printed),
  };
};

type Fail = (message: string) => void;
type Check = (before: Observation, after: Observation, env: CheckEnv, facts: StepFacts, fail: Fail) => void;

/** Nothing throws, no actor dies; every row of a screen is seen; every change is written through. */
const health: Check = (_before, after, _env, _facts, fail) => {
  for (const error of after.errors) fail(`an actor failed: ${error}`);
  // A text too long for the display is a layout bug, not a scroll.
  if (after.cutOff) fail(`the screen is cut off (more rows than the display, nothing to scroll):\n${after.screens[0]}`);
  // Every change is written through at once, so a power cut keeps exactly what the device has.
  if (after.writtenThrough === false) fail('the flash medium does not hold what the device has');
};

/**
 * Bindings: only a confirmed 注销 (the right password, or the right texted code) or the end of
 * 资金清算 removes one, exactly the one shown; only a confirmed 绑定 adds one (a closed service as
 * the profile binds it, or the account typed, in place of the one of its kind, in its own place in
 * the list); and each of them does.
 */
const bindings: Check = (before, after, _env, facts, fail) => {
  const { removed, added, settled, closeAuthorised, deregisterAuthorised } = facts;
  if (!before.states.includes('unbind.settling') && after.states.includes('unbind.settling') && !facts.codeConfirmed('unbind')) {
    fail('资金清算 started without the right texted code');
  }
  if (removed === undefined && added === undefined && after.flash.bindings === before.flash.bindings) return;
  let expected = before.flash.bindings.filter((candidate) => candidate.id !== removed);
  if (added)
    expected = expected.filter((candidate) => candidate.id !== added.id && (added.kind === 'service' || candidate.kind !== added.kind));
  const got = after.flash.bindings;
  // The one bound takes its own place in the list (the profile's order); the others keep theirs.
  const at = added ? got.findIndex((candidate) => candidate.id === added.id) : -1;
  const kept = at < 0 ? got.slice(0, expected.length) : got.filter((_, index) => index !== at);
  const last = got[at];
  const ok =
    same(kept, expected) &&
    (added
      ? got.length === expected.length + 1 &&
        last !== undefined &&
        last.id === added.id &&
        last.kind === added.kind &&
        last.account === added.account &&
        last.boundAt === added.boundAt &&
        (added.kind !== 'service' || same([last.methods, last.verification], [added.methods, added.verification]))
      : got.length === expected.length);
  if (ok) return;
  const ids = (list: readonly Binding[]) => show(list.map((candidate) => `${candidate.id}:${candidate.account}`));
  if (added)
    fail(
      `绑定 of ${show(added.id)} (${added.account}) was confirmed, but the bindings went from ${ids(before.flash.bindings)} to ${ids(got)}`,
    );
  else if (removed !== undefined) {
    fail(
      `${settled ? '解绑' : '注销'} of "${removed}" was confirmed${settled ? ' and settled' : closeAuthorised ? ' with the right code' : deregisterAuthorised ? ' with the right password' : ''}, but the bindings went from ` +
        `${ids(before.flash.bindings)} to ${ids(got)}`,
    );
  } else fail(`bindings changed without a correct-password or correct-code confirmation: ${ids(before.flash.bindings)} → ${ids(got)}`);
};

/**
 * 免密支付: saving makes a change pending (only after the right password, online); only a boot
 * makes it active, and every boot applies what is pending. A pending setting is never in force
 * before a restart.
 */
const passwordFree: Check = (before, after, _env, facts, fail) => {
  const { booted, saveAuthorised } = facts;
  const { active, pending } = before.flash.passwordFree;
  if (!booted && !saveAuthorised && after.flash.passwordFree === before.flash.passwordFree) return;
  let expected: { active: PasswordFreeSettings; pending?: PasswordFreeSettings } = { active, ...(pending ? { pending } : {}) };
  if (booted) expected = { active: pending ?? active };
  else if (saveAuthorised && before.draft) {
    expected = samePasswordFreeSettings(before.draft, active) ? { active } : { active, pending: before.draft };
  }
  const got = after.flash.passwordFree;
  if (!same(got.active, expected.active)) {
    fail(
      booted
        ? `a boot did not put the pending settings in force: active ${show(got.active)}, expected ${show(expected.active)}`
        : `the settings in force changed without a restart: ${show(active)} → ${show(got.active)}`,
    );
  }
  if (!same(got.pending, expected.pending)) {
    fail(
      saveAuthorised
        ? `保存 was confirmed with the right password but pending is ${show(got.pending)}, expected ${show(expected.pending)}`
        : booted
          ? `pending settings survived a boot: ${show(got.pending)}`
          : `pending settings changed without a correct-password 保存 confirmation: ${show(pending)} → ${show(got.pending)}`,
    );
  }
};

/**
 * Gates: 设置 opens only to the right password of the 主管 or the 系统管理员; 修改密码 asks for the
 * new password only after the right old one; 签到 goes to the host only after the operator's right
 * password; 撤销 and 退货 go on only after the 主管's.
 */
const gates: Check = (before, after, env, facts, fail) => {
  const { operator, rightPassword } = facts;
  const passed = (from: string, to: string) => before.states.includes(from) && after.states.includes(to);
  const gateOpened = passed('settings.authenticating', 'settings.menu');
  const gateConfirmed = rightPassword('enterSettings');
  if (gateOpened && !gateConfirmed) fail('设置 opened without a correct password confirmation');
  if (gateConfirmed && operator === env.operatorId && !after.states.includes('settings.menu')) {
    fail(`operator ${operator}'s right password did not open 设置; now in ${show(after.states)}`);
  }
  // Only the 主管 and the 系统管理员 get in; an ordinary operator's right password says 操作员无权限.
  if (gateOpened && operator !== undefined && env.roles[operator] === 'operator') fail(`ordinary operator ${operator} opened 设置`);
  if (gateConfirmed && operator !== undefined && env.roles[operator] === 'operator' && !after.states.includes('settings.refused')) {
    fail(`ordinary operator ${operator} was not refused (操作员无权限); now in ${show(after.states)}`);
  }
  if (passed('changePassword.verifying', 'changePassword.newPassword') && !rightPassword('changePasswordOld')) {
    fail('修改密码 asked for the new password without the right old one');
  }
  if (passed('signIn.password', 'signIn.connecting') && !rightPassword('signIn'))
    fail('签到 went on without the operator’s right password');
  for (const flow of ['voidSale', 'refund']) {
    if (
      before.states.includes(`${flow}.authorising`) &&
      after.states.some((state) => state.startsWith(`${flow}.`) && state !== `${flow}.authorising`)
    ) {
      if (!(rightPassword('authorise') && env.roles[operator ?? ''] === 'supervisor'))
        fail(`${flow} went on without the 主管's right password`);
    }
  }
};

/** Lockouts: only a submitted password counts, for the operator asked, and it counts exactly. */
const lockouts: Check = (before, after, _env, facts, fail) => {
  const { operator, expectedLockout } = facts;
  if (after.flash.lockouts === before.flash.lockouts && expectedLockout === facts.lockout) return;
  if (operator !== undefined && !same(after.flash.lockouts[operator], expectedLockout)) {
    fail(`lockout of operator ${operator} is ${show(after.flash.lockouts[operator])}, expected ${show(expectedLockout)}`);
  }
  const otherLockouts = (flash: FlashData) => Object.fromEntries(Object.entries(flash.lockouts).filter(([id]) => id !== operator));
  if (!same(otherLockouts(after.flash), otherLockouts(before.flash))) {
    fail(`a lockout of an operator not asked for changed: ${show(before.flash.lockouts)} → ${show(after.flash.lockouts)}`);
  }
};

/** Network, passwords and the flash's own fields: only what should change them does. */
const flashRest: Check = (before, after, _env, facts, fail) => {
  const { step, changed } = facts;
  const expectedNetwork = step.kind === 'networkDown' ? 'offline' : step.kind === 'networkUp' ? 'online' : before.flash.network;
  if (after.flash.network !== expectedNetwork) fail(`network is ${after.flash.network}, expected ${expectedNetwork}`);
  // Passwords: only a confirmed 修改密码 changes one, that operator's, to a new hash of what was typed.
  if (after.flash.operators !== before.flash.operators || changed) {
    for (const [id, { passwordHash }] of Object.entries(after.flash.operators)) {
      const was = before.flash.operators[id]?.passwordHash;
      if (changed?.operatorId === id) {
        if (passwordHash === was || !verifyPassword(changed.password, passwordHash)) {
          fail(`修改密码 of operator ${id} was confirmed, but the stored hash is not a new hash of the new password`);
        }
      } else if (passwordHash !== was) fail(`the password of operator ${id} changed without a confirmed 修改密码`);
    }
    if (!same(Object.keys(after.flash.operators).sort(), Object.keys(before.flash.operators).sort()))
      fail('operators were added or removed');
  }
  for (const field of ['format', 'profile'] as const) {
    if (after.flash[field] !== before.flash[field]) fail(`flash field "${field}" changed`);
  }
};

/**
 * The working day: a boot forgets the sign-in (or signs the cashier in by itself, when scripted);
 * only a 签到 the host answered signs an ordinary operator in, online and with a merchant bound;
 * only 签退 signs out; the batch moves on only at 结算, the 凭证号 with every transaction.
 */
const day: Check = (before, after, env, facts, fail) => {
  const { booted, signInDone, signOutDone, online } = facts;
  const was = before.flash.day.signedIn?.operator;
  const expected = booted
    ? env.autoSignIn
      ? env.cashier
      : undefined
    : signInDone
      ? before.signIn?.entered
      : signOutDone
        ? undefined
        : was;
  const now = after.flash.day.signedIn?.operator;
  if (now !== expected) {
    fail(
      booted
        ? `after a boot ${show(now)} is signed in, expected ${show(expected)}`
        : `${show(now)} is signed in, expected ${show(expected)} (${signInDone ? '签到' : signOutDone ? '签退' : 'neither 签到 nor 签退 was done'})`,
    );
  }
  if (signInDone) {
    if (!online) fail('签到 succeeded offline');
    if (!binding(before.flash.bindings, 'merchant')) fail('签到 succeeded without a merchant account');
    if (env.roles[before.signIn?.entered ?? ''] !== 'operator')
      fail(`operator ${before.signIn?.entered} signed in, who is no ordinary operator`);
  }
  if (before.signIn?.state === 'connecting' && after.signIn?.state === 'refused' && binding(before.flash.bindings, 'merchant')) {
    fail('签到 was refused though a merchant account is bound');
  }
  const expectedBatch = facts.settleDone ? nextNumber(before.flash.day.batch) : before.flash.day.batch;
  if (after.flash.day.batch !== expectedBatch) fail(`批次号 is ${after.flash.day.batch}, expected ${expectedBatch}`);
  let expectedTrace = before.flash.day.nextTrace;
  for (let count = 0; count < facts.newEntries.length; count += 1) expectedTrace = nextNumber(expectedTrace);
  if (after.flash.day.nextTrace !== expectedTrace) fail(`the next 凭证号 is ${after.flash.day.nextTrace}, expected ${expectedTrace}`);
};

/**
 * The journal: append-only; exactly one entry for each transaction the host approved in this step,
 * with the next 凭证号, the current batch, the operator signed in, the amount and method of the flow.
 * Whatever added it, no transaction is approved that the terminal must refuse (no merchant account,
 * no settlement card, the method's service closed), nor a 撤销 or 退货 beyond its original.
 */
const journal: Check = (before, after, env, facts, fail) => {
  if (after.flash.journal === before.flash.journal) return;
  if (!extends_(after.flash.journal, before.flash.journal)) fail('earlier journal entries were changed or removed');
  const batch = batchOf(before);
  let trace = before.flash.day.nextTrace;
  const expectedKinds = [...(facts.saleApproved ? ['sale'] : []), ...(facts.undoApproved ? [before.undo?.kind] : [])];
  if (
    !same(
      facts.newEntries.map((entry) => entry.kind),
      expectedKinds,
    )
  ) {
    fail(`journal entries added: ${show(facts.newEntries.map((entry) => entry.kind))}, expected ${show(expectedKinds)}`);
  }
  for (const entry of facts.newEntries) {
    const what = `a ${entry.kind} of ${money(entry.amountFen)} by ${entry.method} (凭证号 ${entry.trace})`;
    const refusal = refusalOf(before.flash.bindings, env.servicesOf[entry.method], entry.method);
    if (refusal) fail(`${what} was approved though ${refusal.why}`);
    if (entry.kind !== 'sale') {
      const problem = undoProblem(before.flash.journal, batch, entry);
      if (problem) fail(`${what} goes beyond its original: ${problem}`);
    }
    if (!facts.online) fail(`${what} was approved offline`);
    if (before.flash.day.signedIn === undefined) fail(`${what} was approved with nobody signed in`);
    if (entry.operator !== facts.teller) fail(`${what} names operator ${entry.operator}, expected ${facts.teller}`);
    if (entry.batch !== batch || entry.trace !== sixDigits(trace))
      fail(`${what} is 批次号 ${entry.batch} 凭证号 ${entry.trace}, expected ${batch} ${sixDigits(trace)}`);
    trace = nextNumber(trace);
    const flow = entry.kind === 'sale' ? before.sale : before.undo;
    if (flow && (entry.amountFen !== flow.amountFen || (entry.kind === 'sale' && entry.method !== before.sale?.method))) {
      fail(
        `${what} is not what the flow took: ${show({ amountFen: flow.amountFen, method: before.sale?.method ?? before.undo?.sale?.method })}`,
      );
    }
  }
};

/** 结算: closes the current batch with totals that are the sums of its journal entries. */
const settlements: Check = (before, after, _env, facts, fail) => {
  if (after.flash.settlements === before.flash.settlements && !facts.settleDone) return;
  if (!extends_(after.flash.settlements, before.flash.settlements)) fail('earlier settlements were changed or removed');
  const added = after.flash.settlements.slice(before.flash.settlements.length);
  if (added.length !== (facts.settleDone ? 1 : 0)) fail(`settlements added: ${added.length}, expected ${facts.settleDone ? 1 : 0}`);
  const [settlement] = added;
  if (!settlement) return;
  const batch = batchOf(before);
  const totals = totalsOf(before.flash.journal, batch);
  if (settlement.batch !== batch) fail(`结算 closed batch ${settlement.batch}, expected the current batch ${batch}`);
  if (!same(settlement.totals, totals))
    fail(`the settlement of batch ${batch} keeps ${show(settlement.totals)}, but its journal entries sum to ${show(totals)}`);
  if (settlement.operator !== facts.teller) fail(`the settlement names operator ${settlement.operator}, expected ${facts.teller}`);
  if (!facts.online) fail('结算 went through offline');
};

/** Records: append-only, and exactly one for each operation done in this step, under who did it. */
const records: Check = (before, after, _env, facts, fail) => {
  const expected: OperationRecord['action'][] = [];
  if (facts.removed !== undefined && before.flash.bindings.some((candidate) => candidate.id === facts.removed))
    expected.push(facts.settled ? 'unbind' : 'deregister');
  if (facts.saveAuthorised) expected.push('savePasswordFree');
  if (facts.booted && before.flash.passwordFree.pending) expected.push('applyPasswordFree');
  if (facts.changed) expected.push('changePassword');
  if (facts.backedUp) expected.push('backup');
  if (facts.expectedLockout?.lockedUntil !== undefined && facts.expectedLockout !== facts.lockout) expected.push('lockout');
  // 收款: the host's answer (approved, or declined after the last wrong PIN), or the terminal's refusal.
  if (facts.saleAnswered || facts.saleRefused) expected.push('sale');
  if (facts.undoAnswered && before.undo) expected.push(before.undo.kind);
  if (facts.undoRefusedHere && after.undo) expected.push(after.undo.kind);
  if (facts.settleDone) expected.push('settle');
  if (facts.signInDone) expected.push('signIn');
  if (facts.signOutDone) expected.push('signOut');
  if (facts.bindDone) expected.push('bind');
  if (expected.length === 0 && after.flash.records === before.flash.records) return;
  if (!extends_(after.flash.records, before.flash.records)) fail('earlier operation records were changed or removed');
  const { operator } = facts;
  const added = facts.newRecords;
  if (!same(added.map((record) => record.action).sort(), [...expected].sort())) {
    fail(`records added: ${show(added.map((record) => record.action))}, expected ${show(expected)}`);
  }
  for (const record of added) {
    // What an operator does in 设置 is recorded under who opened it (注销 asks the 主管's password, but the
    // operator who opened 设置 did it); a lockout under the operator whose password it was; a
    // transaction under the operator signed in.
    const by = (() => {
      switch (record.action) {
        case 'applyPasswordFree':
          return 'system';
        case 'sale':
        case 'void':
        case 'refund':
        case 'settle':
          return facts.teller;
        case 'signIn':
          return before.signIn?.entered;
        case 'signOut':
          return before.flash.day.signedIn?.operator;
        case 'lockout':
          return operator;
        default:
          return before.loggedIn;
      }
    })();
    if (record.operator !== by) fail(`record ${record.action} names operator ${record.operator}, expected ${by}`);
    const at = Date.parse(record.at);
    if (!(at >= before.now && at <= after.now)) fail(`record ${record.action} is dated ${record.at}, outside this step`);
  }
};

/**
 * 收款 goes by what the terminal accepts now: refused ([03] without a merchant, [58] without a
 * settlement card or with the method's service closed); else 免密免签 exactly when 开启免密支付, the
 * covering channel's 小额免密 and its limit IN FORCE allow it — and, for a QR payment, the payer's
 * wallet where it decides too (never for a chip card); otherwise a card asks for its PIN and a QR
 * payment waits for the payer on the phone; nothing is approved offline.
 */
const sales: Check = (before, after, env, facts, fail) => {
  const inForce = before.flash.passwordFree.active;
  const passwordFreeAllowed = (method: PaymentMethod, amountFen: number) => {
    const channel = env.channelFor[method];
    const setting = inForce.channels.find((candidate) => candidate.id === channel);
    const wallet = env.walletOf[method];
    const walletDecides = wallet?.decides === true;
    if (method === 'chip' || (channel === undefined && !walletDecides)) return false;
    const terminalAllows =
      channel === undefined || (inForce.enabled && setting?.smallAmountEnabled === true && amountFen <= setting.limit * 100);
    const walletAllows = !walletDecides || (wallet.enabled && amountFen <= wallet.limit * 100);
    return terminalAllows && walletAllows;
  };
  // The device decides the moment the customer's way of paying is picked: refused, PIN prompt, or straight to the host.
  const sale = after.sale;
  const picked = sale?.method !== undefined && (before.sale?.state === 'method' || before.sale?.state === 'wallet');
  if (picked && sale?.method !== undefined) {
    const refusal = refusalOf(before.flash.bindings, env.servicesOf[sale.method], sale.method);
    const allowed = passwordFreeAllowed(sale.method, sale.amountFen);
    const expected = refusal ? 'refused' : allowed ? 'processing' : sale.method.startsWith('qr-') ? 'awaitingPayer' : 'pin';
    if (sale.state !== expected) {
      fail(
        `a ${sale.method} sale of ${money(sale.amountFen)} went to ${sale.state}, expected ${expected}` +
          (refusal ? ` (${refusal.why})` : ` while the settings in force are ${show(inForce)}`),
      );
    }
  }
  for (const record of facts.newRecords) {
    if (record.action !== 'sale' || !record.sale) continue;
    const { sale: detail } = record;
    const refusal = refusalOf(before.flash.bindings, env.servicesOf[detail.method], detail.method);
    if (detail.approved && refusal)
      fail(`a ${detail.method} sale of ${money(detail.amountFen)} was recorded approved though ${refusal.why}`);
    if (!detail.approved && (detail.responseCode === '03' || detail.responseCode === '58') && detail.responseCode !== refusal?.code) {
      fail(
        `a ${detail.method} sale was recorded refused [${detail.responseCode}], expected ${refusal ? `[${refusal.code}] (${refusal.why})` : 'no refusal'}`,
      );
    }
    if (refusal) continue;
    const allowed = passwordFreeAllowed(detail.method, detail.amountFen);
    if (detail.approved && detail.passwordFree !== allowed) {
      fail(
        `a ${detail.method} sale of ${money(detail.amountFen)} went through ${detail.passwordFree ? 'without' : 'with'} a PIN ` +
          `while the settings in force are ${show(inForce)}`,
      );
    }
    if (!detail.approved && (allowed || detail.passwordFree))
      fail(`a sale that needed no PIN was declined for wrong PINs: ${show(detail)}`);
    if (detail.approved && !facts.online) fail('a sale was approved offline');
  }
};

/**
 * Whether a run of digits is a number the device shows on purpose: one the profile or the flash
 * holds, the 元 of an amount being keyed, digits typed into a field shown in clear.
 */
const publicIn = (after: Observation, env: CheckEnv) => {
  const running = [after.sale?.amountFen, after.undo?.amountFen].flatMap((fen) => (fen === undefined ? [] : [yuan(fen)]));
  return (run: string) =>
    env.publicNumbers.includes(run) || running.includes(run) || flashNumbers(after.flash).has(run) || after.typedInClear.includes(run);
};

/**
 * Secrets: no password (nor the wrong one typed, nor the card PIN) on any screen or in any record.
 * A run of digits that is a whole public number — the profile's (the unbound profile's merchant
 * 000000000000000), one the journal holds (批次号 000001, 凭证号, 参考号, 授权码), the 元 of an
 * amount shown (10000.00元) — or the digits typed into a field shown in clear (凭证号 000001) is
 * not a leak; any other run containing a secret is.
 */
const secrets: Check = (_before, after, env, facts, fail) => {
  const isPublic = publicIn(after, env);
  const runsOf = (text: string | undefined, pattern = /\d+/g) => (text?.match(pattern) ?? []).filter((run) => !isPublic(run));
  // Only a run holding a secret is looked up among the public numbers.
  const leaks = (text: string) =>
    (text.match(/\d+/g) ?? []).flatMap((run) => {
      const held = env.secrets.filter((secret) => run.includes(secret));
      return held.length > 0 && !isPublic(run) ? held : [];
    });
  for (const screen of after.screens) {
    for (const secret of new Set(leaks(screen))) fail(`the screen shows "${secret}":\n${screen}`);
  }
  // While the card PIN is asked, what was typed (4 digits or more) is in no run on screen but public ones.
  if (after.sale?.state === 'pin' && after.sale.pin.length >= 4) {
    const pin = after.sale.pin;
    const runs = (after.screens[0]?.match(/\d+/g) ?? []).filter((run) => run.includes(pin) && !isPublic(run));
    if (runs.length > 0) fail(`the card PIN prompt shows the digits typed ${show(runs)}:\n${after.screens[0]}`);
  }
  // While a password prompt shows, no run of 4 or more digits is on screen but public numbers:
  // whatever was typed, not only the passwords the fuzzer knows.
  if (after.prompt || after.newPassword) {
    const runs = runsOf(after.screens[0], /\d{4,}/g);
    if (runs.length > 0) fail(`the password prompt shows the digits ${show(runs)}:\n${after.screens[0]}`);
  }
  for (const record of facts.newRecords) {
    for (const secret of new Set(leaks(record.subject))) fail(`record ${record.action} contains "${secret}"`);
  }
  // The texted code is on the phone only: the device shows no run of digits holding it, and while a
  // code is typed no run of 4 or more digits but public numbers and the masked phone number.
  if (after.phoneCode !== undefined) {
    const code = after.phoneCode;
    const runs = (after.screens[0]?.match(/\d+/g) ?? []).filter((run) => run.includes(code) && !isPublic(run));
    if (runs.length > 0) fail(`the device shows the texted code ${show(runs)}:\n${after.screens[0]}`);
  }
  if (after.code?.state === 'entering') {
    const runs = runsOf(after.screens[0], /\d{4,}/g).filter((run) => !env.phone.endsWith(run));
    if (runs.length > 0) fail(`the code prompt shows the digits ${show(runs)}:\n${after.screens[0]}`);
  }
};

/** Masking: the prompts show one * per digit typed. */
const masking: Check = (_before, after, _env, _facts, fail) => {
  // What a person can read: on a classic LCD a page they turned to shows no prompt, the others do.
  const shows = (stars: string) => after.screens[1]?.split('\n').some((line) => line.trim() === stars) ?? false;
  const masked = (what: string, typed: string) => {
    const stars = `${'*'.repeat(typed.length)}_`;
    if (!shows(stars)) fail(`${what} does not show ${stars} for ${typed.length} digits:\n${after.screens[0]}`);
  };
  if (after.sale?.state === 'pin') masked('the card PIN prompt', after.sale.pin);
  if (after.newPassword?.state === 'newPassword' || after.newPassword?.state === 'repeating')
    masked('the new password entry', after.newPassword.entered);
  if (after.prompt?.state === 'entering') masked('the password prompt', after.prompt.entered);
  if (after.code?.state === 'entering') masked('the code prompt', after.code.entered);
};

/** A tally as 结算 shows it: 消费 3笔 112.34元. */
const tallyText = (env: CheckEnv, label: string, count: number, amountFen: number) =>
  env.t('settle.tally', { label, count, amount: money(amountFen) });

/** What the 结算 screen must say for these totals, on this page. */
const settlementLines = (env: CheckEnv, totals: Totals, page: number): string[] =>
  page === 0
    ? [
        ...TALLY_KINDS.map((kind) => tallyText(env, env.t(`journal.kind.${kind}`), totals.kinds[kind].count, totals.kinds[kind].amountFen)),
        env.t('settle.net', { amount: money(totals.netFen) }),
      ]
    : totals.groups.length === 0
      ? [env.t('journal.empty')]
      : totals.groups.map((group) => tallyText(env, env.t(`settle.group.${group.group}`), group.count, group.amountFen));

/**
 * The screens tell the truth: the status line the network state, the home screen whether a change
 * is pending and the merchant bound, the wallet list which services are closed, 结算 the sums of the
 * batch's journal entries (and, once settled, the batch closed and the new one).
 */
const screens: Check = (_before, after, env, _facts, fail) => {
  const status = env.networkStatus[after.flash.network];
  if (!after.screens[0]?.startsWith(status)) fail(`the status line does not start with ${status}: ${after.screens[0]?.split('\n')[0]}`);
  if (after.device === 'home') {
    const says = after.screens[1]?.includes(env.pendingNotice) ?? false;
    if (says !== (after.flash.passwordFree.pending !== undefined)) {
      fail(
        `the home screen ${says ? 'says' : 'does not say'} "${env.pendingNotice}" while pending is ${show(after.flash.passwordFree.pending)}`,
      );
    }
  }
  const text = after.screens[1] ?? '';
  // What the screens say the terminal is bound to and accepts is what it holds.
  if (after.device === 'home') {
    const merchant = binding(after.flash.bindings, 'merchant');
    if (merchant ? !text.includes(env.t('home.merchantId', { id: merchant.account })) : env.merchantIdShown.test(text)) {
      fail(
        `the home screen ${merchant ? `does not show 商户号 ${merchant.account}` : 'shows a 商户号 while no merchant account is bound'}:\n${text}`,
      );
    }
  }
  if (after.sale?.state === 'wallet') {
    // A wallet shown (on a classic LCD the list scrolls: some are out of view) is shown as it is.
    for (const wallet of ['qr-unionpay', 'qr-wechat', 'qr-alipay'] as const) {
      const label = env.t(`sale.wallet.${wallet}`);
      const unavailable = env.t('sale.unavailable', { method: label });
      const closed = serviceClosed(after.flash.bindings, env.servicesOf[wallet]);
      if (!text.split('\n').some((line) => line.includes(label))) continue;
      if (text.includes(unavailable) !== closed)
        fail(`the wallet list shows ${label} as ${closed ? 'open' : 'closed'}, but its service is ${closed ? 'closed' : 'open'}:\n${text}`);
    }
  }
  const settlement = after.settlement;
  const missing = (lines: readonly string[]) => lines.filter((line) => !text.includes(line));
  if (settlement?.state === 'summary') {
    const lines = missing(settlementLines(env, totalsOf(after.flash.journal, batchOf(after)), settlement.page));
    if (lines.length > 0)
      fail(`结算 does not show the sums of batch ${batchOf(after)}'s journal entries: ${show(lines)} missing from\n${text}`);
  }
  const last = after.flash.settlements.at(-1);
  if (settlement?.state === 'settled' && last) {
    const lines = missing([
      env.t('settle.closedBatch', { batch: last.batch, net: money(last.totals.netFen) }),
      env.t('settle.newBatch', { batch: batchOf(after) }),
    ]);
    if (lines.length > 0) fail(`结算成功 does not show ${show(lines)}:\n${text}`);
  }
};

/**
 * The printer: paper goes in and out only by the trainer's hand; it prints only with paper; a
 * transaction approved with paper in prints its 签购单 at once, a 结算 its 结算单; what is printed
 * is what the journal and the settlement hold, and the 结算单 reads the batch's sums.
 */
const printer: Check = (before, after, env, facts, fail) => {
  const { step, newJobs } = facts;
  const paper = step.kind === 'paper' ? step.paper : before.paper;
  if (after.paper !== paper) fail(`the printer ${after.paper ? 'has' : 'has no'} paper, expected ${paper ? 'paper' : 'none'}`);
  if (newJobs.length > 0 && !after.paper) fail('the printer printed without paper');
  if (before.paper) {
    for (const entry of facts.newEntries) {
      if (!newJobs.some((job) => job.kind === 'transaction' && job.entry.trace === entry.trace))
        fail(`the 签购单 of 凭证号 ${entry.trace} was not printed, with paper in`);
    }
    if (facts.settleDone && !newJobs.some((job) => job.kind === 'settlement')) fail('the 结算单 was not printed, with paper in');
  }
  const merchant = binding(after.flash.bindings, 'merchant')?.account;
  const isPublic = publicIn(after, env);
  for (const job of newJobs) {
    const paper = printedLines(job, env.lang).join('\n');
    for (const run of paper.match(/\d+/g) ?? []) {
      const held = env.secrets.filter((secret) => run.includes(secret));
      if (held.length > 0 && !isPublic(run)) fail(`a printout shows "${held.join('", "')}":\n${paper}`);
    }
    // A 签购单 names the merchant the transaction was made under (also when printed again later); a 结算单 the one bound now.
    const owner = job.kind === 'transaction' && job.entry.merchantId !== undefined ? job.entry.merchantId : merchant;
    if (job.merchantId !== owner) fail(`a printout says 商户编号 ${show(job.merchantId)}, but it belongs to ${show(owner)}`);
    if (job.kind === 'transaction') {
      const entry = after.flash.journal.find((candidate) => candidate.trace === job.entry.trace);
      if (!same(job.entry, entry))
        fail(`the 签购单 of 凭证号 ${job.entry.trace} prints ${show(job.entry)}, but the journal holds ${show(entry)}`);
      continue;
    }
    const kept = after.flash.settlements.find(
      (candidate) => candidate.batch === job.settlement.batch && candidate.at === job.settlement.at,
    );
    if (!same(job.settlement, kept))
      fail(`the 结算单 of batch ${job.settlement.batch} prints ${show(job.settlement)}, but the store keeps ${show(kept)}`);
    // The paper itself: one row per tally, its label, count and amount (spacing aside).
    const paperLines = new Set(printedLines(job, env.lang).map((line) => line.trim().replace(/\s+/g, ' ')));
    const totals = totalsOf(after.flash.journal, job.settlement.batch);
    const rows = [
      ...TALLY_KINDS.map((kind) => `${env.t(`journal.kind.${kind}`)} ${totals.kinds[kind].count} ${money(totals.kinds[kind].amountFen)}`),
      ...totals.groups.map((group) => `${env.t(`settle.group.${group.group}`)} ${group.count} ${money(group.amountFen)}`),
      `${env.t('receipt.net')} ${money(totals.netFen)}`,
    ].map((row) => row.replace(/\s+/g, ' '));
    const absent = rows.filter((row) => !paperLines.has(row));
    if (absent.length > 0)
      fail(`the 结算单 of batch ${job.settlement.batch} does not read the sums of its journal entries: ${show(absent)} missing`);
  }
};

const CHECKS: readonly Check[] = [
  health,
  bindings,
  passwordFree,
  gates,
  lockouts,
  flashRest,
  day,
  journal,
  settlements,
  records,
  sales,
  secrets,
  masking,
  screens,
  printer,
];

/**
 * What may change in one step, and what must. Returns the broken invariants (empty when none).
 * Pure, so that tests can show it flags fabricated bad transitions.
 */
export const checkStep = (before: Observation, step: Step, after: Observation, env: CheckEnv): string[] => {
  const problems: string[] = [];
  const facts = stepFacts(before, step, after, env);
  for (const check of CHECKS) check(before, after, env, facts, (message) => problems.push(message));
  return problems.map((problem) => `after step "${stepName(step)}": ${problem}`);
};
