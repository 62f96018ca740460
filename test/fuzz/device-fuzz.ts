/**
 * The device fuzzer's machinery: the actions it plays (by readable name), what it observes of the
 * device between two steps, the invariants every step must keep (checkStep), and a runner that
 * plays a sequence on a fresh simulator and checks every key and event. random-keys.test.ts drives
 * it with fast-check.
 */
import fc from 'fast-check';
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { formatFen, samePasswordFreeSettings, type MenuNode, type PasswordFreeSettings, type PaymentMethod } from '../../menus/domain.js';
import type { SmsPurpose } from '../../menus/device-port.js';
import type { PasswordPurpose } from '../../menus/password-prompt.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { translator, type Lang } from '../../src/i18n/messages.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { bodySize, displayText, matchableText } from '../../src/screen/screen-text.js';
import { isCutOff } from '../../src/screen/text-layout.js';
import type { FlashData, OperationRecord } from '../../src/store/flash-data.js';
import { memoryMedium, type FlashMedium } from '../../src/store/flash-medium.js';
import { verifyPassword } from '../../src/store/password-hash.js';

/** The passwords the shipped profiles give their operators (00 主管, 01 操作员, 99 系统管理员). */
export const KNOWN_PASSWORDS: Readonly<Record<string, string>> = { '00': '123456', '01': '0000', '99': '12345678' };
/** A wrong password whose digits appear nowhere on the device's screens. */
export const WRONG_PASSWORD = '975319';
/** The shipped profiles' test card PIN (收款). */
export const CARD_PIN = '147258';
/** What the operator does who reads the texted code off the phone and types it. */
export const SMS_CODE_ACTION = 'type the SMS code';
/** Chunks (an action, or a snippet of a few) per run at most. */
export const MAX_CHUNKS = 40;

// ---------------------------------------------------------------------------------------------
// Actions: what the fuzzer does, by readable name, and the single steps each one is made of

export type Step =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'networkDown' }
  | { readonly kind: 'networkUp' }
  | { readonly kind: 'powerCycle' }
  | { readonly kind: 'powerCut' }
  /** Types the code of the last SMS the phone received, one digit a step (resolved when played). */
  | { readonly kind: 'smsCode' };

export const key = (name: string): Step => ({ kind: 'key', key: name });
const typed = (digits: string): Step[] => [...digits].map(key);

const WAITS: readonly [string, number][] = [
  ['wait 50ms', 50],
  ['wait 200ms', 200],
  ['wait 800ms', 800],
  ['wait 2s', 2_000],
  ['wait 1min', 60_000],
  ['wait 5min', 300_000],
  ['wait 10min', 600_000],
];

/** The action that types operator `id`'s password, e.g. "type 123456 (operator 00's password)". */
export const passwordAction = (id: string): string => `type ${KNOWN_PASSWORDS[id] ?? '?'} (operator ${id}'s password)`;

type Weighted = { readonly name: string; readonly weight: number; readonly steps: readonly Step[] };

/**
 * The fuzzer's vocabulary for a device whose settings are opened by `settingsOperator`. Their
 * password, 确认 and 菜单 weigh most, so that runs get through the password gates into 绑定管理 and
 * 免密支付 and as far as 注销成功, 设置已保存 and a restart.
 */
export const vocabulary = (settingsOperator: string): readonly Weighted[] => {
  const right = KNOWN_PASSWORDS[settingsOperator] ?? '';
  return [
    { name: '确认', weight: 24, steps: [key('确认')] },
    { name: passwordAction(settingsOperator), weight: 12, steps: typed(right) },
    { name: '菜单', weight: 8, steps: [key('菜单')] },
    { name: '取消', weight: 4, steps: [key('取消')] },
    { name: '下', weight: 4, steps: [key('下')] },
    { name: '上', weight: 3, steps: [key('上')] },
    { name: '清除', weight: 2, steps: [key('清除')] },
    { name: 'F1', weight: 1, steps: [key('F1')] },
    ...[...'0123456789'].map((digit) => ({ name: digit, weight: 2, steps: [key(digit)] })),
    // Other operators' passwords: wrong for the settings operator, and secrets all the same.
    ...Object.entries(KNOWN_PASSWORDS)
      .filter(([id]) => id !== settingsOperator)
      .map(([id, password]) => ({ name: passwordAction(id), weight: 2, steps: typed(password) })),
    { name: `type ${WRONG_PASSWORD} (wrong password)`, weight: 2, steps: typed(WRONG_PASSWORD) },
    { name: `type ${CARD_PIN} (card PIN)`, weight: 2, steps: typed(CARD_PIN) },
    ...WAITS.map(([name, ms]) => ({ name, weight: 1, steps: [{ kind: 'advance', ms } as const] })),
    { name: SMS_CODE_ACTION, weight: 3, steps: [{ kind: 'smsCode' }] },
    { name: 'network down', weight: 2, steps: [{ kind: 'networkDown' }] },
    { name: 'network up', weight: 2, steps: [{ kind: 'networkUp' }] },
    { name: 'power cycle', weight: 1, steps: [{ kind: 'powerCycle' }] },
    { name: 'power cut', weight: 1, steps: [{ kind: 'powerCut' }] },
  ];
};

/** How many presses of 下 on the 设置 prompt go from the settings operator to operator `id`. */
const downsTo = (profile: Profile, id: string): number => {
  const ids = profile.operators.map((operator) => operator.id);
  return (ids.indexOf(id) - ids.indexOf(profile.security.settingsOperator) + ids.length) % ids.length;
};

/** Digit keys that pick `index` (0-based) in a numbered list, if a digit can. */
const digitFor = (index: number): string | undefined => (index < 9 ? String(index + 1) : undefined);

/** The digits that open each flow from the top of 设置, per the profile's menu tree. */
const flowPaths = (menu: readonly MenuNode[], prefix: readonly string[] = []): { flow: string; path: string[] }[] =>
  menu.flatMap((node, index) => {
    const digit = digitFor(index);
    if (digit === undefined) return [];
    const path = [...prefix, digit];
    return 'items' in node ? flowPaths(node.items, path) : [{ flow: node.flow, path }];
  });

/**
 * Runs of actions a person would do (open 设置 with the password, go to a flow, change and save),
 * mixed into the random actions so that runs often get deep. Every element is a vocabulary name,
 * so a counterexample is a flat list of readable actions whatever it was built from.
 */
export const snippets = (profile: Profile): readonly { readonly weight: number; readonly actions: readonly string[] }[] => {
  const password = passwordAction(profile.security.settingsOperator);
  const saveDigit = digitFor(1 + 2 * profile.passwordFree.channels.length);
  const paths = flowPaths(profile.settingsMenu);
  const pathTo = (flow: string) => paths.find((candidate) => candidate.flow === flow)?.path;
  const openSettings = ['菜单', password, '确认'];
  // From most screens 取消 goes back towards home; waiting lets a boot finish first.
  const backHome = ['wait 2s', '取消', '取消', '取消', '取消'];
  const bindingsPath = pathTo('bindings');
  // The digits that pick, in 绑定管理, a service closed with the password, one closed with a code, and an account.
  const pick = (test: (binding: Profile['bindings'][number]) => boolean) => {
    const index = profile.bindings.findIndex(test);
    return index < 0 ? undefined : digitFor(index);
  };
  const passwordService = pick((binding) => binding.kind === 'service' && binding.verification !== 'sms');
  const smsService = pick((binding) => binding.kind === 'service' && binding.verification === 'sms');
  const account = pick((binding) => binding.kind !== 'service');
  const passwordFreePath = pathTo('passwordFree');
  const changePasswordPath = pathTo('changePassword');
  const wrong = `type ${WRONG_PASSWORD} (wrong password)`;
  const ordinary = profile.operators.find((operator) => operator.role === 'operator' && KNOWN_PASSWORDS[operator.id]);
  // 修改密码 to the same password, and to another one (after which the old one is wrong).
  const changePassword = (to: string) =>
    changePasswordPath ? [{ weight: 1, actions: [...backHome, ...openSettings, ...changePasswordPath, password, '确认', to, '确认', to, '确认'] }] : [];
  return [
    // Whole procedures, so that the random actions around them find the device in deep states.
    // 关闭服务 (注销) with the password, and with a texted code; 解绑 of an account, with the code and
    // with the password typed where the code is asked.
    ...(bindingsPath && passwordService ? [{ weight: 2, actions: [...backHome, ...openSettings, ...bindingsPath, passwordService, '确认', '确认', password, '确认'] }] : []),
    ...(bindingsPath && smsService ? [{ weight: 2, actions: [...backHome, ...openSettings, ...bindingsPath, smsService, '确认', '确认', SMS_CODE_ACTION, '确认'] }] : []),
    ...(bindingsPath && account
      ? [
          { weight: 2, actions: [...backHome, ...openSettings, ...bindingsPath, account, '确认', '1', '确认', SMS_CODE_ACTION, '确认', 'wait 2s', 'wait 2s'] },
          { weight: 1, actions: [...backHome, ...openSettings, ...bindingsPath, account, '确认', '1', '确认', password, '确认', 'wait 2s', 'wait 2s'] },
        ]
      : []),
    ...(passwordFreePath && saveDigit
      ? [{ weight: 2, actions: [...backHome, ...openSettings, ...passwordFreePath, '1', saveDigit, password, '确认'] }]
      : []),
    { weight: 6, actions: ['菜单', password, '确认'] },
    ...changePassword(password),
    ...changePassword(wrong),
    // An ordinary operator at the 设置 prompt: 下 until they are shown, their password, 确认.
    ...(ordinary
      ? [{ weight: 2, actions: ['菜单', ...Array<string>(downsTo(profile, ordinary.id)).fill('下'), passwordAction(ordinary.id), '确认'] }]
      : []),
    { weight: 6, actions: [password, '确认'] },
    // Deeper flows are harder to stumble into, so their paths weigh more.
    ...paths.map(({ path }) => ({ weight: 3 * path.length, actions: path })),
    ...(saveDigit ? [{ weight: 4, actions: ['1', saveDigit] }, { weight: 2, actions: [saveDigit] }] : []),
    { weight: 2, actions: ['上', '确认'] },
    { weight: 2, actions: ['确认', '确认', '确认'] },
    // 收款 from home: a small tap (免密 where in force), and a chip payment with the card PIN.
    { weight: 2, actions: ['取消', '确认', '1', '2', '确认', '1', 'wait 2s'] },
    // P5's own check of P2: save 免密 off, restart later (取消), and tap before the restart.
    ...(passwordFreePath && saveDigit
      ? [{ weight: 2, actions: [...backHome, ...openSettings, ...passwordFreePath, '1', saveDigit, password, '确认', '取消', ...backHome, '确认', '1', '0', '0', '确认', '1', 'wait 2s'] }]
      : []),
    { weight: 2, actions: ['取消', '确认', '5', '0', '0', '0', '0', '1', '确认', '2', `type ${CARD_PIN} (card PIN)`, '确认', 'wait 2s'] },
  ];
};

/**
 * A snippet: generated whole; shrunk by leaving out its actions one at a time, so that a
 * counterexample keeps only the part of a snippet that matters.
 */
class SnippetArbitrary extends fc.Arbitrary<readonly string[]> {
  constructor(private readonly actions: readonly string[]) {
    super();
  }

  generate(): fc.Value<readonly string[]> {
    return new fc.Value(this.actions, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is readonly string[] {
    return Array.isArray(value) && value.every((action) => typeof action === 'string');
  }

  shrink(value: readonly string[]): fc.Stream<fc.Value<readonly string[]>> {
    return fc.Stream.of(...value.map((_, index) => new fc.Value([...value.slice(0, index), ...value.slice(index + 1)], undefined)));
  }
}

/** Sequences of action names: single actions by weight, and snippets. */
export const actionsArbitrary = (profile: Profile) =>
  fc
    .array(
      fc.oneof(
        ...vocabulary(profile.security.settingsOperator).map(({ name, weight }) => ({ arbitrary: fc.constant([name]), weight })),
        ...snippets(profile).map(({ actions, weight }) => ({ arbitrary: new SnippetArbitrary(actions), weight: weight * 2 })),
      ),
      { minLength: 1, maxLength: MAX_CHUNKS, size: 'max' },
    )
    .map((chunks) => chunks.flat());

// ---------------------------------------------------------------------------------------------
// Observing the device

/** A sale (收款) running: where it is and what it holds (the PIN typed only to check it is not shown). */
type SaleView = {
  readonly state: string;
  readonly amountFen: number;
  readonly method: PaymentMethod | undefined;
  readonly pin: string;
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
  readonly flash: FlashData;
  /** What the flash medium holds, when observed with it: what a power cut would keep. */
  readonly stored?: FlashData | undefined;
  /** The device machine's top-level state: booting, home, settings, shuttingDown. */
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
  /** 短信验证 running, if any: its step, the digits typed, until when the code is good, what it confirms. */
  readonly code: CodeView | undefined;
  /** The code in the last SMS the phone received. */
  readonly phoneCode: string | undefined;
  /** 解绑 running, if any: its step, the account it unbinds, when 资金清算 started. */
  readonly unbinding: UnbindView | undefined;
  /** The display, as shown and with wrapped lines joined. */
  readonly screens: readonly string[];
  /** The screen has rows the display never shows (not a list, which scrolls). */
  readonly cutOff: boolean;
  /** Actors of the device that stopped with an error. */
  readonly errors: readonly string[];
};

const topState = (value: unknown): string => (typeof value === 'string' ? value : Object.keys(value as object)[0] ?? '?');

/**
 * The display texts, as shown and with wrapped lines joined. Laying a screen out on the grid is the
 * costly part of a step, and the fuzzer sees the same screens again and again, so the texts are
 * remembered by what decides them: the screen model, the status line (network, minute) and the
 * device (profile and language).
 */
type Layout = { readonly texts: readonly string[]; readonly cutOff: boolean };
const layouts = new Map<Profile, Map<string, Layout>>();
const MAX_LAYOUTS = 20_000;

/** Forgets the remembered display texts (for tests that change how the device draws). */
export const forgetLayouts = (): void => layouts.clear();

const layout = (sim: Simulator): Layout => {
  const cache = layouts.get(sim.profile) ?? new Map<string, Layout>();
  layouts.set(sim.profile, cache);
  const screen = sim.session.screen();
  const key = JSON.stringify([sim.session.lang, sim.state.context.online, Math.floor(sim.store.now() / 60_000), screen]);
  let known = cache.get(key);
  if (!known) {
    const rows = sim.session.rows();
    known = { texts: [displayText(rows), matchableText(rows)], cutOff: isCutOff(screen, bodySize(sim.profile.device.display)) };
    if (cache.size >= MAX_LAYOUTS) cache.clear();
    cache.set(key, known);
  }
  return known;
};

/** Looks at the device; with its flash medium, also at what the medium holds. */
export const observe = (sim: Simulator, medium?: FlashMedium): Observation => {
  const chain = sim.session.activeSnapshots();
  const shown = layout(sim);
  const byId = (id: string) => chain.find((snapshot) => snapshot.machine.id === id);
  const prompt = byId('passwordPrompt');
  const bindingFlow = byId('bindingManagement');
  const passwordFreeFlow = byId('passwordFree');
  const settingsFlow = byId('settings');
  const changePasswordFlow = byId('changePassword');
  const saleFlow = byId('sale');
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
  return {
    now: sim.store.now(),
    flash: sim.store.snapshot(),
    stored: medium?.read(),
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
    code: codeFlow
      ? {
          state: topState(codeFlow.value),
          entered: codeFlow.context.entered as string,
          expiresAt: (codeFlow.context.delivery as { expiresAt: number } | undefined)?.expiresAt ?? 0,
          purpose: codeFlow.context.purpose as SmsPurpose,
        }
      : undefined,
    phoneCode: sim.sms()?.code,
    unbinding: unbindFlow
      ? {
          state: topState(unbindFlow.value),
          bindingId: (unbindFlow.context.binding as { id: string }).id,
          settlingSince: unbindFlow.context.settlingSince as number,
        }
      : undefined,
    screens: shown.texts,
    cutOff: shown.cutOff,
    errors,
  };
};

// ---------------------------------------------------------------------------------------------
// The invariants

export type CheckEnv = {
  /** The operator whose password opens 设置 and confirms changes. */
  readonly operatorId: string;
  /** Every operator's password, by operator number. */
  readonly passwords: Readonly<Record<string, string>>;
  readonly maxAttempts: number;
  readonly lockoutSeconds: number;
  /** Digit runs that must never be on screen or in the records. */
  readonly secrets: readonly string[];
  /** Public numbers shown whole on screen (merchant, terminal, accounts), which may contain a secret by chance. */
  readonly publicNumbers: readonly string[];
  /** The home screen's 有设置待重启生效 line in the session's language. */
  readonly pendingNotice: string;
  /** What the status line starts with online and offline (在线, 离线). */
  readonly networkStatus: { readonly online: string; readonly offline: string };
  /** The operator who takes sales (收款), and the 免密 channel covering each payment method. */
  readonly saleOperator: string;
  readonly channelFor: Readonly<Partial<Record<PaymentMethod, string>>>;
  /** Each operator's role: ordinary operators may not open 设置. */
  readonly roles: Readonly<Record<string, string>>;
  /** The merchant's phone number, whose last four digits the code prompt shows. */
  readonly phone: string;
};

export const checkEnv = (profile: Profile, lang: Lang): CheckEnv => {
  const operatorId = profile.security.settingsOperator;
  for (const operator of profile.operators) {
    if (!KNOWN_PASSWORDS[operator.id]) throw new Error(`${profile.name}: no known password for operator ${operator.id}`);
  }
  return {
    operatorId,
    passwords: KNOWN_PASSWORDS,
    maxAttempts: profile.security.maxAttempts,
    lockoutSeconds: profile.security.lockoutSeconds,
    secrets: [...new Set([...Object.values(KNOWN_PASSWORDS), WRONG_PASSWORD, CARD_PIN])],
    publicNumbers: [
      profile.device.merchantId,
      profile.device.terminalId,
      ...profile.bindings.map((binding) => binding.account),
    ],
    pendingNotice: translator(lang)('home.pending'),
    networkStatus: { online: translator(lang)('status.online'), offline: translator(lang)('status.offline') },
    saleOperator: profile.sale.operator,
    channelFor: Object.fromEntries(profile.passwordFree.channels.flatMap((channel) => channel.covers.map((method) => [method, channel.id]))),
    roles: Object.fromEntries(profile.operators.map((operator) => [operator.id, operator.role])),
    phone: profile.sms.phone,
  };
};

/** JSON with object keys sorted, so that equal data compares equal whatever order it was built in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  ) ?? 'undefined';
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

const stepName = (step: Step): string => (step.kind === 'key' ? step.key : step.kind === 'advance' ? `advance ${step.ms}ms` : step.kind);

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

/**
 * What may change in one step, and what must. Returns the broken invariants (empty when none).
 * Pure, so that tests can show it flags fabricated bad transitions.
 */
export const checkStep = (before: Observation, step: Step, after: Observation, env: CheckEnv): string[] => {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const isEnter = step.kind === 'key' && step.key === '确认';

  // Nothing throws, no actor dies.
  for (const error of after.errors) fail(`an actor failed: ${error}`);
  // Every row of a screen is seen: a text too long for the display is a layout bug, not a scroll.
  if (after.cutOff) fail(`the screen is cut off (more rows than the display, nothing to scroll):\n${after.screens[0]}`);

  // What the 确认 in this step submits, if it is a password prompt's 确认 (ENTER with digits typed).
  const prompt = before.prompt;
  const operator = prompt?.operatorId;
  const lockout = operator === undefined ? undefined : before.flash.lockouts[operator];
  const lockedBefore = lockout?.lockedUntil !== undefined && lockout.lockedUntil > before.now;
  const submits = isEnter && prompt?.state === 'entering' && prompt.entered.length > 0;
  const checksPassword = submits && !lockedBefore;
  const isRight = (entered: string) => operator !== undefined && env.passwords[operator] === entered;
  const rightPasswordConfirmed = checksPassword && isRight(prompt.entered);
  const online = before.flash.network === 'online';
  // The last correct-password confirmation, made in the prompt of the flow that changes things.
  const deregisterAuthorised = rightPasswordConfirmed && prompt.purpose === 'confirmDeregister' && online;
  const saveAuthorised = rightPasswordConfirmed && prompt.purpose === 'confirmSave' && online && before.draft !== undefined;
  const booted =
    step.kind === 'powerCycle' ||
    step.kind === 'powerCut' ||
    (step.kind === 'advance' && before.device === 'shuttingDown' && after.device !== 'shuttingDown');

  // A texted code confirmed: 确认 on the code prompt with the code on the phone, in time, online.
  const code = before.code;
  const codeConfirmed =
    isEnter && code?.state === 'entering' && code.entered.length > 0 && code.entered === before.phoneCode && online && before.now < code.expiresAt;
  const closeAuthorised = codeConfirmed && code.purpose === 'closeService';
  // 资金清算 ends in this step (online): 解绑 removes the account. Only the right code starts it.
  const unbinding = before.unbinding;
  const settled =
    step.kind === 'advance' && unbinding?.state === 'settling' && online && before.now + step.ms >= unbinding.settlingSince + SETTLEMENT_MS;
  if (!before.states.includes('unbind.settling') && after.states.includes('unbind.settling') && !(codeConfirmed && code.purpose === 'unbind')) {
    fail('资金清算 started without the right texted code');
  }

  // Bindings: only a confirmed 注销 (the right password, or the right texted code) or the end of
  // 资金清算 removes one, exactly the one shown; and each of them does.
  const authorised = deregisterAuthorised || closeAuthorised || settled;
  const removed = deregisterAuthorised || closeAuthorised ? before.selectedBinding : settled ? unbinding.bindingId : undefined;
  const expectedBindings = before.flash.bindings.filter((binding) => binding.id !== removed);
  if (!same(after.flash.bindings, expectedBindings)) {
    fail(
      authorised
        ? `${settled ? '解绑' : '注销'} of "${removed}" was confirmed${settled ? ' and settled' : closeAuthorised ? ' with the right code' : ' with the right password'}, but the bindings went from ` +
            `${show(before.flash.bindings.map((b) => b.id))} to ${show(after.flash.bindings.map((b) => b.id))}`
        : `bindings changed without a correct-password or correct-code confirmation: ${show(before.flash.bindings.map((b) => b.id))} → ` +
            `${show(after.flash.bindings.map((b) => b.id))}`,
    );
  }

  // 免密支付: saving makes a change pending (only after the right password, online); only a boot
  // makes it active, and every boot applies what is pending.
  const { active, pending } = before.flash.passwordFree;
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

  // 设置 opens only to the right password, and the settings operator's right password opens it.
  const gateOpened = before.states.includes('settings.authenticating') && after.states.includes('settings.menu');
  const gateConfirmed = rightPasswordConfirmed && prompt.purpose === 'enterSettings';
  if (gateOpened && !gateConfirmed) fail('设置 opened without a correct password confirmation');
  if (gateConfirmed && operator === env.operatorId && !after.states.includes('settings.menu')) {
    fail(`operator ${operator}'s right password did not open 设置; now in ${show(after.states)}`);
  }
  // Only the 主管 and the 系统管理员 get in; an ordinary operator's right password says 操作员无权限.
  if (gateOpened && operator !== undefined && env.roles[operator] === 'operator') fail(`ordinary operator ${operator} opened 设置`);
  if (gateConfirmed && operator !== undefined && env.roles[operator] === 'operator' && !after.states.includes('settings.refused')) {
    fail(`ordinary operator ${operator} was not refused (操作员无权限); now in ${show(after.states)}`);
  }

  // 修改密码 asks for the new password only after the right old one, and stores it only when typed
  // twice the same.
  const passedOldPassword = before.states.includes('changePassword.verifying') && after.states.includes('changePassword.newPassword');
  if (passedOldPassword && !(rightPasswordConfirmed && prompt.purpose === 'changePasswordOld')) {
    fail('修改密码 asked for the new password without the right old one');
  }
  const changed = passwordChange(before, step);

  // Lockouts: only a submitted password counts, for the operator asked, and it counts exactly.
  let expectedLockout = lockout;
  if (checksPassword) {
    if (isRight(prompt.entered)) expectedLockout = { failedAttempts: 0 };
    else {
      const failedAttempts = (lockout?.failedAttempts ?? 0) + 1;
      expectedLockout =
        failedAttempts < env.maxAttempts
          ? { failedAttempts }
          : { failedAttempts: 0, lockedUntil: before.now + env.lockoutSeconds * 1000 };
    }
  }
  if (operator !== undefined && !same(after.flash.lockouts[operator], expectedLockout)) {
    fail(`lockout of operator ${operator} is ${show(after.flash.lockouts[operator])}, expected ${show(expectedLockout)}`);
  }
  const otherLockouts = (flash: FlashData) => Object.fromEntries(Object.entries(flash.lockouts).filter(([id]) => id !== operator));
  if (!same(otherLockouts(after.flash), otherLockouts(before.flash))) {
    fail(`a lockout of an operator not asked for changed: ${show(before.flash.lockouts)} → ${show(after.flash.lockouts)}`);
  }

  // Network: only the network events change it.
  const expectedNetwork = step.kind === 'networkDown' ? 'offline' : step.kind === 'networkUp' ? 'online' : before.flash.network;
  if (after.flash.network !== expectedNetwork) fail(`network is ${after.flash.network}, expected ${expectedNetwork}`);

  // Every change is written through at once, so a power cut keeps exactly what the device has.
  if (after.stored !== undefined && !same(after.stored, after.flash)) fail('the flash medium does not hold what the device has');

  // Passwords: only a confirmed 修改密码 changes one, that operator's, to a new hash of what was typed.
  for (const [id, { passwordHash }] of Object.entries(after.flash.operators)) {
    const was = before.flash.operators[id]?.passwordHash;
    if (changed?.operatorId === id) {
      if (passwordHash === was || !verifyPassword(changed.password, passwordHash)) {
        fail(`修改密码 of operator ${id} was confirmed, but the stored hash is not a new hash of the new password`);
      }
    } else if (passwordHash !== was) fail(`the password of operator ${id} changed without a confirmed 修改密码`);
  }
  if (!same(Object.keys(after.flash.operators).sort(), Object.keys(before.flash.operators).sort())) fail('operators were added or removed');

  // Everything else in the flash stays as it is.
  for (const field of ['format', 'profile'] as const) {
    if (!same(after.flash[field], before.flash[field])) fail(`flash field "${field}" changed`);
  }

  // Records: append-only, and exactly one for each operation done in this step.
  const records = after.flash.records;
  if (!same(records.slice(0, before.flash.records.length), before.flash.records)) fail('earlier operation records were changed or removed');
  const added = records.slice(before.flash.records.length);
  const expectedRecords: OperationRecord['action'][] = [];
  if (removed !== undefined && before.flash.bindings.some((binding) => binding.id === removed)) expectedRecords.push(settled ? 'unbind' : 'deregister');
  if (saveAuthorised) expectedRecords.push('savePasswordFree');
  if (booted && pending) expectedRecords.push('applyPasswordFree');
  if (changed) expectedRecords.push('changePassword');
  // 数据备份: its 确认, or 按[1]先备份数据 on the 确认注销 screen (the headless device's backups never fail).
  const backedUp =
    (isEnter && before.states.includes('dataBackup.asking')) ||
    (step.kind === 'key' && step.key === '1' && before.states.includes('bindingManagement.confirming'));
  if (backedUp) expectedRecords.push('backup');
  if (expectedLockout?.lockedUntil !== undefined && expectedLockout !== lockout) expectedRecords.push('lockout');
  // 收款: the host's answer (approved, or declined after the last wrong PIN) is recorded in the step that brings it.
  const saleAnswered =
    before.sale?.state === 'processing' && (after.sale?.state === 'approved' || after.sale?.state === 'declined');
  if (saleAnswered) expectedRecords.push('sale');
  if (!same(added.map((record) => record.action).sort(), expectedRecords.sort())) {
    fail(`records added: ${show(added.map((record) => record.action))}, expected ${show(expectedRecords)}`);
  }
  for (const record of added) {
    // What an operator does in 设置 is recorded under who opened it (注销 asks the 主管's password, but the
    // operator who opened 设置 did it); a lockout under the operator whose password it was.
    const doneInSettings = ['deregister', 'savePasswordFree', 'changePassword', 'backup', 'unbind'].includes(record.action);
    const by =
      record.action === 'applyPasswordFree' ? 'system' : record.action === 'sale' ? env.saleOperator : doneInSettings ? before.loggedIn : operator;
    if (record.operator !== by) fail(`record ${record.action} names operator ${record.operator}, expected ${by}`);
    const at = Date.parse(record.at);
    if (!(at >= before.now && at <= after.now)) fail(`record ${record.action} is dated ${record.at}, outside this step`);
  }

  // 收款 goes by the 免密 settings IN FORCE: 免密免签 exactly when 开启免密支付, the covering channel's
  // 小额免密 and its limit allow it (never for a chip card); nothing is approved offline.
  const inForce = before.flash.passwordFree.active;
  const passwordFreeAllowed = (method: PaymentMethod, amountFen: number) => {
    const setting = inForce.channels.find((channel) => channel.id === env.channelFor[method]);
    return method !== 'chip' && inForce.enabled && setting?.smallAmountEnabled === true && amountFen <= setting.limit * 100;
  };
  // The device decides the moment the customer's way of paying is picked: PIN prompt, or straight to the host.
  const picked = after.sale?.method !== undefined && (before.sale?.state === 'method' || before.sale?.state === 'wallet');
  if (picked && after.sale?.method !== undefined && (after.sale.state === 'pin' || after.sale.state === 'processing')) {
    const allowed = passwordFreeAllowed(after.sale.method, after.sale.amountFen);
    if ((after.sale.state === 'processing') !== allowed) {
      fail(
        `a ${after.sale.method} sale of ${formatFen(after.sale.amountFen)} ${allowed ? 'asks for the PIN' : 'skips the PIN'} ` +
          `while the settings in force are ${show(inForce)}`,
      );
    }
  }
  for (const record of added) {
    if (record.action !== 'sale' || !record.sale) continue;
    const { sale } = record;
    const allowed = passwordFreeAllowed(sale.method, sale.amountFen);
    if (sale.approved && sale.passwordFree !== allowed) {
      fail(
        `a ${sale.method} sale of ${formatFen(sale.amountFen)} went through ${sale.passwordFree ? 'without' : 'with'} a PIN ` +
          `while the settings in force are ${show(inForce)}`,
      );
    }
    if (!sale.approved && (allowed || sale.passwordFree)) fail(`a sale that needed no PIN was declined for wrong PINs: ${show(sale)}`);
    if (sale.approved && !online) fail('a sale was approved offline');
  }

  // Secrets: no password (nor the wrong one typed, nor the card PIN) on any screen or in any record.
  // A run of digits that is a whole public number (the unbound profile's merchant 000000000000000)
  // or the whole 元 of the amount being paid (10000.00元) is not a leak; any other run containing a secret is.
  const amountRuns = (fen: number | undefined) => (fen === undefined ? [] : [String(Math.floor(fen / 100))]);
  const leaks = (text: string, amountFen?: number) =>
    (text.match(/\d+/g) ?? [])
      .filter((run) => !env.publicNumbers.includes(run) && !amountRuns(amountFen).includes(run))
      .flatMap((run) => env.secrets.filter((secret) => run.includes(secret)));
  for (const screen of after.screens) {
    for (const secret of new Set(leaks(screen, after.sale?.amountFen))) fail(`the screen shows "${secret}":\n${screen}`);
  }
  // While the card PIN is asked, what was typed (4 digits or more) is in no run on screen but the amount.
  if (after.sale?.state === 'pin' && after.sale.pin.length >= 4) {
    const pin = after.sale.pin;
    const runs = (after.screens[0]?.match(/\d+/g) ?? []).filter(
      (run) => !env.publicNumbers.includes(run) && !amountRuns(after.sale?.amountFen).includes(run) && run.includes(pin),
    );
    if (runs.length > 0) fail(`the card PIN prompt shows the digits typed ${show(runs)}:\n${after.screens[0]}`);
  }
  // While a password prompt shows, no run of 4 or more digits is on screen but public numbers:
  // whatever was typed, not only the passwords the fuzzer knows.
  if (after.prompt || after.newPassword) {
    const runs = (after.screens[0]?.match(/\d{4,}/g) ?? []).filter((run) => !env.publicNumbers.includes(run));
    if (runs.length > 0) fail(`the password prompt shows the digits ${show(runs)}:\n${after.screens[0]}`);
  }
  for (const record of added) {
    for (const secret of new Set(leaks(record.subject, record.sale?.amountFen))) fail(`record ${record.action} contains "${secret}"`);
  }
  // The texted code is on the phone only: the device shows no run of digits holding it, and while a
  // code is typed no run of 4 or more digits but public numbers and the masked phone number.
  if (after.phoneCode !== undefined) {
    const runs = (after.screens[0]?.match(/\d+/g) ?? []).filter((run) => !env.publicNumbers.includes(run) && run.includes(after.phoneCode ?? ''));
    if (runs.length > 0) fail(`the device shows the texted code ${show(runs)}:\n${after.screens[0]}`);
  }
  if (after.code?.state === 'entering') {
    const runs = (after.screens[0]?.match(/\d{4,}/g) ?? []).filter((run) => !env.publicNumbers.includes(run) && !env.phone.endsWith(run));
    if (runs.length > 0) fail(`the code prompt shows the digits ${show(runs)}:\n${after.screens[0]}`);
    const stars = `${'*'.repeat(after.code.entered.length)}_`;
    if (!after.screens[0]?.split('\n').some((line) => line.trim() === stars)) {
      fail(`the code prompt does not show ${stars} for ${after.code.entered.length} digits:\n${after.screens[0]}`);
    }
  }

  // Masking: the prompts show one * per digit typed.
  if (after.sale?.state === 'pin') {
    const stars = `${'*'.repeat(after.sale.pin.length)}_`;
    if (!after.screens[0]?.split('\n').some((line) => line.trim() === stars)) {
      fail(`the card PIN prompt does not show ${stars} for ${after.sale.pin.length} digits:\n${after.screens[0]}`);
    }
  }
  if (after.newPassword?.state === 'newPassword' || after.newPassword?.state === 'repeating') {
    const stars = `${'*'.repeat(after.newPassword.entered.length)}_`;
    if (!after.screens[0]?.split('\n').some((line) => line.trim() === stars)) {
      fail(`the new password entry does not show ${stars} for ${after.newPassword.entered.length} digits:\n${after.screens[0]}`);
    }
  }
  if (after.prompt?.state === 'entering') {
    const stars = `${'*'.repeat(after.prompt.entered.length)}_`;
    if (!after.screens[0]?.split('\n').some((line) => line.trim() === stars)) {
      fail(`the password prompt does not show ${stars} for ${after.prompt.entered.length} digits:\n${after.screens[0]}`);
    }
  }

  // The status line tells the network state the device is in.
  const status = env.networkStatus[after.flash.network];
  if (!after.screens[0]?.startsWith(status)) fail(`the status line does not start with ${status}: ${after.screens[0]?.split('\n')[0]}`);

  // The home screen says a change is pending exactly when one is.
  if (after.device === 'home') {
    const says = after.screens[1]?.includes(env.pendingNotice) ?? false;
    if (says !== (after.flash.passwordFree.pending !== undefined)) {
      fail(`the home screen ${says ? 'says' : 'does not say'} "${env.pendingNotice}" while pending is ${show(after.flash.passwordFree.pending)}`);
    }
  }

  return problems.map((problem) => `after step "${stepName(step)}": ${problem}`);
};

// ---------------------------------------------------------------------------------------------
// Running a sequence

const perform = (sim: Simulator, step: Step): void => {
  switch (step.kind) {
    case 'key':
      return sim.press(step.key);
    case 'advance':
      return sim.advance(step.ms);
    case 'networkDown':
      return sim.networkDown();
    case 'networkUp':
      return sim.networkUp();
    case 'powerCycle':
      return sim.powerCycle();
    case 'powerCut':
      return sim.powerCut();
    case 'smsCode':
      throw new Error('smsCode is played as the keys of the code');
  }
};

/** The single steps a step is played as: the texted code becomes its digits, read off the phone now. */
const resolve = (sim: Simulator, step: Step): readonly Step[] =>
  step.kind === 'smsCode' ? [...(sim.sms()?.code ?? '')].map(key) : [step];

export type RunHooks = {
  /** Hears every inspection event of the device's actors (coverage). */
  readonly inspect?: (event: InspectionEvent) => void;
  /** Hears the active states a run passed through, once it is over. */
  readonly onRun?: (states: ReadonlySet<string>) => void;
};

/** Most key presses it takes to get home from anywhere by 取消 (and 确认 to 放弃未保存的修改?). */
const MAX_ESCAPE_STEPS = 12;

/**
 * Plays `actions` on a fresh device, checking every step; then walks back home with 取消 and checks
 * that it gets there. Throws naming the first broken invariant.
 */
export const runSequence = (profile: Profile, lang: Lang, actions: readonly string[], hooks: RunHooks = {}): void => {
  let env = checkEnv(profile, lang);
  const words = new Map(vocabulary(env.operatorId).map((word) => [word.name, word.steps]));
  const medium = memoryMedium();
  const sim = createSimulator({ fixture: profile, lang, medium, ...(hooks.inspect ? { observe: hooks.inspect } : {}) });
  const seen = new Set<string>();
  const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
  let before = observe(sim, medium);
  const play = (step: Step, where: string) => {
    try {
      perform(sim, step);
    } catch (error) {
      throw new Error(`${where} threw: ${describeError(error)}`);
    }
    let after: Observation;
    try {
      after = observe(sim, medium);
    } catch (error) {
      throw new Error(`${where}: observing the device threw: ${describeError(error)}`);
    }
    const problems = checkStep(before, step, after, env);
    if (problems.length > 0) throw new Error(`${where}:\n${problems.join('\n')}`);
    for (const state of after.states) seen.add(state);
    // After 修改密码 the new password is the right one, and a secret like the others.
    const changed = passwordChange(before, step);
    if (changed) env = withPassword(env, changed.operatorId, changed.password);
    before = after;
  };
  try {
    actions.forEach((action, index) => {
      const steps = words.get(action);
      if (!steps) throw new Error(`unknown action "${action}"`);
      try {
        steps.forEach((step, part) => {
          for (const single of resolve(sim, step)) {
            play(single, `action ${index + 1} "${action}"${steps.length > 1 ? ` (step ${part + 1} of ${steps.length})` : ''}`);
          }
        });
      } catch (error) {
        // fast-check's shrinking can leave actions after the failing one; they never ran.
        const ran = actions.slice(0, index + 1);
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}\n` +
            `Actions up to the failure (${ran.length} of ${actions.length}; the rest never ran): ${JSON.stringify(ran)}`,
        );
      }
    });
    // 取消 leads back home from anywhere (the restart and boot screens only need time).
    for (let escape = 1; before.device !== 'home'; escape += 1) {
      if (escape > MAX_ESCAPE_STEPS) {
        throw new Error(`after all actions, ${MAX_ESCAPE_STEPS} presses of 取消 did not get home; stuck in ${show(before.states)}:\n${before.screens[0]}`);
      }
      const step: Step =
        before.device === 'booting' || before.device === 'shuttingDown' || before.states.includes('unbind.settling')
          ? { kind: 'advance', ms: 2_000 }
          : key(before.states.includes('passwordFree.confirmingDiscard') ? '确认' : '取消');
      play(step, `going home after all actions, step ${escape}`);
    }
  } finally {
    sim.stop();
  }
  hooks.onRun?.(seen);
};

/** The property: any language, any sequence of actions, every step keeps the invariants. */
export const deviceProperty = (profile: Profile, hooks: RunHooks = {}) =>
  fc.property(
    fc.constantFrom<Lang>('zh', 'en'),
    actionsArbitrary(profile),
    (lang, actions) => {
      runSequence(profile, lang, actions, hooks);
    },
  );

