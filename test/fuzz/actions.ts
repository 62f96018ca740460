/**
 * What the device fuzzer does, by readable name: the single steps each action is made of, the
 * vocabulary random runs are drawn from, and snippets — runs of actions a person would do (签到,
 * a sale, 撤销 by 凭证号, 结算, 关闭服务 …) — mixed in so that runs often get deep into the flows.
 */
import fc from 'fast-check';
import type { MenuNode } from '../../menus/domain.js';
import type { Profile } from '../../src/profile/profile-schema.js';

/** The passwords the shipped profiles give their operators (00 主管, 01 操作员, 99 系统管理员). */
export const KNOWN_PASSWORDS: Readonly<Record<string, string>> = { '00': '123456', '01': '0000', '99': '12345678' };
/** A wrong password whose digits appear nowhere on the device's screens. */
export const WRONG_PASSWORD = '975319';
/** The shipped profiles' test card PIN (收款). */
export const CARD_PIN = '147258';
/** A settlement card number that passes the Luhn check and holds no secret's digits. */
export const NEW_CARD_NUMBER = '6217001020035675';
/** A merchant number to bind (15 digits). */
export const NEW_MERCHANT_ID = '898310058120134';
/** Chunks (an action, or a snippet of a few) per run at most. */
export const MAX_CHUNKS = 40;

/** Digits the operator reads off the phone, the receipt or the screen when the action is played. */
export type Readable =
  /** The code in the last SMS the phone received. */
  | 'smsCode'
  /** The last sale's 凭证号, 参考号 and date (MMDD), as its receipt shows them. */
  | 'lastTrace'
  | 'lastReference'
  | 'lastDate'
  /** The digit that picks the way the sale being voided or refunded was paid (the customer shows that card or code). */
  | 'originalMethod'
  /** The amount of the sale being refunded, in fen as it is keyed. */
  | 'originalAmount';

export type Step =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'networkDown' }
  | { readonly kind: 'networkUp' }
  | { readonly kind: 'powerCycle' }
  | { readonly kind: 'powerCut' }
  /** The trainer takes the printer's paper out, or puts a roll back. */
  | { readonly kind: 'paper'; readonly paper: boolean }
  /** Types digits read off the phone or the paper, one a step (resolved when played). */
  | { readonly kind: 'read'; readonly what: Readable };

export const key = (name: string): Step => ({ kind: 'key', key: name });
const typed = (digits: string): Step[] => [...digits].map(key);
const read = (what: Readable): Step[] => [{ kind: 'read', what }];

/** What the operator does who reads the texted code off the phone and types it. */
export const SMS_CODE_ACTION = 'type the SMS code';
export const LAST_TRACE_ACTION = 'type the last sale’s 凭证号';
export const LAST_REFERENCE_ACTION = 'type the last sale’s 参考号';
export const LAST_DATE_ACTION = 'type the last sale’s date (MMDD)';
export const ORIGINAL_METHOD_ACTION = 'present the original card or code';
export const ORIGINAL_AMOUNT_ACTION = 'type the original amount';
export const OPERATOR_01_ACTION = 'type 01 (operator number)';
export const NEW_CARD_ACTION = `type ${NEW_CARD_NUMBER} (new settlement card)`;
export const NEW_MERCHANT_ACTION = `type ${NEW_MERCHANT_ID} (merchant number)`;
export const PAPER_OUT = 'paper out';
export const PAPER_IN = 'paper in';

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
    { name: 'F1', weight: 3, steps: [key('F1')] },
    ...[...'0123456789'].map((digit) => ({ name: digit, weight: 2, steps: [key(digit)] })),
    // Other operators' passwords: wrong for the settings operator, and secrets all the same.
    ...Object.entries(KNOWN_PASSWORDS)
      .filter(([id]) => id !== settingsOperator)
      .map(([id, password]) => ({ name: passwordAction(id), weight: 2, steps: typed(password) })),
    { name: `type ${WRONG_PASSWORD} (wrong password)`, weight: 2, steps: typed(WRONG_PASSWORD) },
    { name: `type ${CARD_PIN} (card PIN)`, weight: 2, steps: typed(CARD_PIN) },
    { name: OPERATOR_01_ACTION, weight: 2, steps: typed('01') },
    ...WAITS.map(([name, ms]) => ({ name, weight: 1, steps: [{ kind: 'advance', ms } as const] })),
    { name: SMS_CODE_ACTION, weight: 3, steps: read('smsCode') },
    { name: LAST_TRACE_ACTION, weight: 1, steps: read('lastTrace') },
    { name: LAST_REFERENCE_ACTION, weight: 1, steps: read('lastReference') },
    { name: LAST_DATE_ACTION, weight: 1, steps: read('lastDate') },
    { name: ORIGINAL_METHOD_ACTION, weight: 2, steps: read('originalMethod') },
    { name: ORIGINAL_AMOUNT_ACTION, weight: 1, steps: read('originalAmount') },
    { name: NEW_CARD_ACTION, weight: 1, steps: typed(NEW_CARD_NUMBER) },
    { name: NEW_MERCHANT_ACTION, weight: 1, steps: typed(NEW_MERCHANT_ID) },
    { name: 'network down', weight: 2, steps: [{ kind: 'networkDown' }] },
    { name: 'network up', weight: 2, steps: [{ kind: 'networkUp' }] },
    { name: 'power cycle', weight: 1, steps: [{ kind: 'powerCycle' }] },
    { name: 'power cut', weight: 1, steps: [{ kind: 'powerCut' }] },
    { name: PAPER_OUT, weight: 1, steps: [{ kind: 'paper', paper: false }] },
    { name: PAPER_IN, weight: 1, steps: [{ kind: 'paper', paper: true }] },
  ];
};

/** How many presses of 下 on the 设置 prompt go from the settings operator to operator `id`. */
const downsTo = (profile: Profile, id: string): number => {
  const ids = profile.operators.map((operator) => operator.id);
  return (ids.indexOf(id) - ids.indexOf(profile.security.settingsOperator) + ids.length) % ids.length;
};

/** Digit keys that pick `index` (0-based) in a numbered list, if a digit can. */
const digitFor = (index: number): string | undefined => (index < 9 ? String(index + 1) : undefined);

/** The digits that open each flow from the top of a menu tree (设置's, or the main menu's). */
const flowPaths = (menu: readonly MenuNode[], prefix: readonly string[] = []): { flow: string; path: string[] }[] =>
  menu.flatMap((node, index) => {
    const digit = digitFor(index);
    if (digit === undefined) return [];
    const path = [...prefix, digit];
    return 'items' in node ? flowPaths(node.items, path) : 'flow' in node ? [{ flow: node.flow, path }] : [];
  });

type Snippet = { readonly weight: number; readonly actions: readonly string[] };

/** 消费 by each way of paying, as the method (and wallet) menus pick it. */
const PAYMENTS: readonly (readonly string[])[] = [['1'], ['2'], ['3', '1'], ['3', '2'], ['3', '3']];
const PIN = [`type ${CARD_PIN} (card PIN)`, '确认'];

/**
 * Runs of actions a person would do (open 设置 with the password, go to a flow, change and save;
 * 签到, sell, void, refund, settle), mixed into the random actions so that runs often get deep.
 * Every element is a vocabulary name, so a counterexample is a flat list of readable actions
 * whatever it was built from.
 */
export const snippets = (profile: Profile): readonly Snippet[] => {
  const password = passwordAction(profile.security.settingsOperator);
  const supervisor = passwordAction('00');
  const saveDigit = digitFor(1 + 2 * profile.passwordFree.channels.length);
  const paths = flowPaths(profile.settingsMenu);
  const pathTo = (flow: string) => paths.find((candidate) => candidate.flow === flow)?.path;
  const mainPaths = flowPaths(profile.mainMenu);
  /** F1 and the digits that open a main-menu flow, or undefined when the profile has no such item. */
  const openMain = (flow: string) => {
    const path = mainPaths.find((candidate) => candidate.flow === flow)?.path;
    return path ? ['F1', ...path] : undefined;
  };
  const openSettings = ['菜单', password, '确认'];
  // From most screens 取消 goes back towards home; waiting lets a boot or the host finish first.
  const backHome = ['wait 2s', '取消', '取消', '取消', '取消'];
  const bindingsPath = pathTo('bindings');
  // The digits that pick, in 绑定管理, a service closed with the password, one closed with a code, and the accounts.
  const pick = (test: (binding: Profile['bindings'][number]) => boolean) => {
    const index = profile.bindings.findIndex(test);
    return index < 0 ? undefined : digitFor(index);
  };
  const passwordService = pick((binding) => binding.kind === 'service' && binding.verification !== 'sms');
  const smsService = pick((binding) => binding.kind === 'service' && binding.verification === 'sms');
  const merchant = pick((binding) => binding.kind === 'merchant');
  const card = pick((binding) => binding.kind === 'settlementCard');
  const passwordFreePath = pathTo('passwordFree');
  const changePasswordPath = pathTo('changePassword');
  const wrong = `type ${WRONG_PASSWORD} (wrong password)`;
  const ordinary = profile.operators.find((operator) => operator.role === 'operator' && KNOWN_PASSWORDS[operator.id]);
  const when = (condition: unknown, ...snippet: Snippet[]): Snippet[] => (condition ? snippet : []);
  // 修改密码 to the same password, and to another one (after which the old one is wrong).
  const changePassword = (to: string) =>
    when(changePasswordPath, {
      weight: 1,
      actions: [...backHome, ...openSettings, ...(changePasswordPath ?? []), password, '确认', to, '确认', to, '确认'],
    });

  // The working day. 签到 as operator 01 (at the 签到 screen a boot leaves, or from home or the main menu).
  const signIn = [OPERATOR_01_ACTION, '确认', passwordAction('01'), '确认', 'wait 2s', '确认'];
  // 签到 from the main menu first: a transaction needs an operator signed in, whether the device started signed in or not.
  const signedIn = openMain('signIn') ? [...backHome, ...(openMain('signIn') ?? []), ...signIn] : [];
  /** A sale from home: the amount keyed in fen, the way of paying, the PIN (typed into nothing when 免密), the host's answer. */
  const sale = (amount: readonly string[], payment: readonly string[]) => [
    ...backHome,
    '确认',
    ...amount,
    '确认',
    ...payment,
    ...PIN,
    'wait 2s',
    '确认',
  ];
  // 0.12元, under every 免密 limit; 500.01元, over 微信's and 支付宝's.
  const small = ['1', '2'];
  const large = ['5', '0', '0', '0', '1'];
  const main = (flow: string, weight: number, ...rest: string[]): Snippet[] => {
    const open = openMain(flow);
    return open ? [{ weight, actions: [...backHome, ...open, ...rest] }] : [];
  };
  const closeService =
    bindingsPath && passwordService
      ? [...backHome, ...openSettings, ...bindingsPath, passwordService, '确认', '确认', password, '确认']
      : undefined;
  const closeBySms =
    bindingsPath && smsService
      ? [...backHome, ...openSettings, ...bindingsPath, smsService, '确认', '确认', SMS_CODE_ACTION, '确认']
      : undefined;
  const unbind = (digit: string | undefined, reason: string) =>
    bindingsPath && digit
      ? [...backHome, ...openSettings, ...bindingsPath, digit, '确认', reason, '确认', SMS_CODE_ACTION, '确认', 'wait 2s', 'wait 2s']
      : undefined;
  const addBinding = (digit: string, ...rest: string[]) =>
    bindingsPath ? [...backHome, ...openSettings, ...bindingsPath, 'F1', digit, ...rest] : undefined;
  const settleNow = openMain('settle') ? [...backHome, ...(openMain('settle') ?? []), '下', '上', '确认', 'wait 2s', '确认'] : undefined;
  const voidLast = [
    ...(openMain('void') ?? []),
    supervisor,
    '确认',
    LAST_TRACE_ACTION,
    '确认',
    '确认',
    ORIGINAL_METHOD_ACTION,
    'wait 2s',
    '确认',
  ];
  const refundLast = (amount: readonly string[]) => [
    ...(openMain('refund') ?? []),
    supervisor,
    '确认',
    LAST_REFERENCE_ACTION,
    '确认',
    LAST_DATE_ACTION,
    '确认',
    ...amount,
    '确认',
    ORIGINAL_METHOD_ACTION,
    'wait 2s',
    '确认',
  ];

  return [
    // Whole procedures, so that the random actions around them find the device in deep states.
    // 关闭服务 (注销) with the password, and with a texted code; 解绑 of an account, with the code and
    // with the password typed where the code is asked.
    ...when(closeService, { weight: 2, actions: closeService ?? [] }),
    ...when(closeBySms, { weight: 2, actions: closeBySms ?? [] }),
    ...when(unbind(merchant, '2'), { weight: 2, actions: unbind(merchant, '2') ?? [] }),
    ...when(bindingsPath && merchant, {
      weight: 1,
      actions: [
        ...backHome,
        ...openSettings,
        ...(bindingsPath ?? []),
        merchant ?? '',
        '确认',
        '1',
        '确认',
        password,
        '确认',
        'wait 2s',
        'wait 2s',
      ],
    }),
    // 解绑 of the settlement card for 更换结算账户 leads into binding the new card.
    ...when(unbind(card, '1'), {
      weight: 2,
      actions: [...(unbind(card, '1') ?? []), '确认', NEW_CARD_ACTION, '确认', '确认', SMS_CODE_ACTION, '确认'],
    }),
    ...when(passwordFreePath && saveDigit, {
      weight: 2,
      actions: [...backHome, ...openSettings, ...(passwordFreePath ?? []), '1', saveDigit ?? '', password, '确认'],
    }),
    // 保存 and 立即重启: the change is in force after the restart, not before.
    ...when(passwordFreePath && saveDigit, {
      weight: 2,
      actions: [...backHome, ...openSettings, ...(passwordFreePath ?? []), '1', saveDigit ?? '', password, '确认', '确认', 'wait 2s'],
    }),
    { weight: 6, actions: ['菜单', password, '确认'] },
    ...changePassword(password),
    ...changePassword(wrong),
    // An ordinary operator at the 设置 prompt: 下 until they are shown, their password, 确认.
    ...when(ordinary, {
      weight: 2,
      actions: ['菜单', ...Array<string>(downsTo(profile, ordinary?.id ?? '')).fill('下'), passwordAction(ordinary?.id ?? ''), '确认'],
    }),
    { weight: 6, actions: [password, '确认'] },
    // Deeper flows are harder to stumble into, so their paths weigh more.
    ...paths.map(({ path }) => ({ weight: 3 * path.length, actions: path })),
    ...mainPaths.map(({ path }) => ({ weight: 2 * path.length, actions: ['F1', ...path] })),
    ...(saveDigit
      ? [
          { weight: 4, actions: ['1', saveDigit] },
          { weight: 2, actions: [saveDigit] },
        ]
      : []),
    { weight: 2, actions: ['上', '确认'] },
    { weight: 2, actions: ['确认', '确认', '确认'] },
    // 签到 after a boot, from home, from the main menu.
    { weight: 3, actions: ['wait 2s', ...signIn] },
    { weight: 2, actions: [...backHome, '确认', ...signIn] },
    ...main('signIn', 2, ...signIn),
    // 消费 from home by every way of paying, small (免密 where in force) and large; and from the main menu.
    ...PAYMENTS.map((payment) => ({ weight: 2, actions: sale(small, payment) })),
    ...PAYMENTS.map((payment) => ({ weight: 1, actions: [...signedIn, ...sale(large, payment)] })),
    ...main('sale', 2, ...small, '确认', '3', '1', 'wait 2s', '确认'),
    // P5's own check of P2: save 免密 off, restart later (取消), and tap before the restart.
    ...when(passwordFreePath && saveDigit, {
      weight: 2,
      actions: [
        ...backHome,
        ...openSettings,
        ...(passwordFreePath ?? []),
        '1',
        saveDigit ?? '',
        password,
        '确认',
        '取消',
        ...backHome,
        '确认',
        '1',
        '0',
        '0',
        '确认',
        '1',
        'wait 2s',
      ],
    }),
    // What a closed service or a missing account means for the next payment.
    ...when(closeService, { weight: 3, actions: [...signedIn, ...(closeService ?? []), ...sale(small, ['3', '1'])] }),
    ...when(unbind(merchant, '2'), {
      weight: 2,
      actions: [...signedIn, ...sale(small, ['1']), ...(unbind(merchant, '2') ?? []), ...sale(small, ['1']), ...backHome, ...voidLast],
    }),
    ...when(unbind(card, '3'), { weight: 2, actions: [...(unbind(card, '3') ?? []), ...sale(small, ['3', '2'])] }),
    // 撤销 and 退货 of the last sale, once and again; 结算; 交易查询; 重打印; 签退.
    ...when(
      openMain('void'),
      { weight: 4, actions: [...signedIn, ...sale(small, ['1']), ...backHome, ...voidLast] },
      { weight: 2, actions: [...backHome, ...voidLast] },
    ),
    ...when(
      openMain('refund'),
      { weight: 4, actions: [...signedIn, ...sale(large, ['3', '1']), ...backHome, ...refundLast([ORIGINAL_AMOUNT_ACTION])] },
      {
        weight: 2,
        actions: [...backHome, ...refundLast(['1', '0', '0'])],
      },
    ),
    // Undoing a sale again: a second 撤销, a second full 退货, a 撤销 after a part 退货.
    ...when(
      openMain('void') && openMain('refund'),
      { weight: 2, actions: [...backHome, ...refundLast(['1', '0', '0']), ...backHome, ...voidLast] },
      {
        weight: 2,
        actions: [...backHome, ...refundLast([ORIGINAL_AMOUNT_ACTION])],
      },
    ),
    // 退货 of a sale of a batch already settled: the new batch nets out below zero.
    ...when(settleNow && openMain('refund'), {
      weight: 2,
      actions: [
        ...signedIn,
        ...sale(small, ['1']),
        ...(settleNow ?? []),
        ...backHome,
        ...refundLast([ORIGINAL_AMOUNT_ACTION]),
        ...(settleNow ?? []),
      ],
    }),
    ...main('settle', 2, '下', '上', '确认', 'wait 2s', '确认'),
    ...when(openMain('settle'), {
      weight: 2,
      actions: [...signedIn, ...backHome, ...(openMain('settle') ?? []), '确认', 'wait 2s', '确认'],
    }),
    ...main('query', 2, '确认', '下'),
    ...main('reprint', 1, '1'),
    ...main('reprint', 1, '2', LAST_TRACE_ACTION, '确认'),
    ...main('reprint', 1, '3'),
    ...main('signOut', 2, '确认', '确认'),
    // Out of paper: the sale is done, the receipt waits for paper (or is skipped).
    { weight: 2, actions: [...signedIn, PAPER_OUT, ...sale(small, ['1']).slice(0, -1), PAPER_IN, '确认', '确认'] },
    // 添加绑定: a closed service opened again (with the password, or the code) and paid by; a new merchant
    // account or settlement card after 解绑; on a terminal bound to nothing, a card and a merchant account.
    ...when(closeService && addBinding('1'), {
      weight: 2,
      actions: [...(closeService ?? []), ...(addBinding('1', '确认', supervisor, '确认') ?? []), ...signedIn, ...sale(small, ['3', '1'])],
    }),
    ...when(closeBySms && addBinding('1'), {
      weight: 1,
      actions: [...(closeBySms ?? []), ...(addBinding('1', '确认', SMS_CODE_ACTION, '确认') ?? [])],
    }),
    ...when(unbind(merchant, '2') && addBinding('1'), {
      weight: 1,
      actions: [...(unbind(merchant, '2') ?? []), ...(addBinding('1', NEW_MERCHANT_ACTION, '确认', '确认', SMS_CODE_ACTION, '确认') ?? [])],
    }),
    ...when(addBinding('1'), { weight: 1, actions: addBinding('1', NEW_CARD_ACTION, '确认', '确认', SMS_CODE_ACTION, '确认') ?? [] }),
    ...when(addBinding('2'), { weight: 1, actions: addBinding('2', NEW_MERCHANT_ACTION, '确认', '确认', SMS_CODE_ACTION, '确认') ?? [] }),
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
