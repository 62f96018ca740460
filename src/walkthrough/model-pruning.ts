/**
 * Which actions are worth trying where the device is, so that the search stays small: in each
 * step of a flow only the keys and entries that lead somewhere new (the others change nothing, or
 * nothing a shorter path does not reach); the network taken away only where a flow is about to
 * need it; the paper and the power only at the home screen. And each way the day has departed
 * from a fresh one (a sale made, a binding changed, signed out …) is followed only into the flows
 * it makes a difference to, with at most two departures at once: no menu state needs more.
 * The phone is explored from a terminal at its home screen on a fresh day (or one whose only
 * departure is the payer's wallets), one app at a time, and while the terminal waits for the payer.
 */
import type { ModelAction, ModelActionType } from './model-actions.js';
import { departuresOf, isIn, isInMachine, type Departure, type Situation } from './model-situation.js';

const DIGITS_1_TO_5: readonly ModelActionType[] = ['1', '2', '3', '4', '5'];
/** Menus of up to eight items (the main menu of some brands); 8 is also the digit keyed as an amount. */
const MENU_DIGITS: readonly ModelActionType[] = [...DIGITS_1_TO_5, '6', '7', '8'];

/**
 * What matters in each step, by the innermost active state. The password entries (the prompts,
 * 修改密码's new password) follow `isWorthTypingAt`; a step listed nowhere is not gone on from.
 */
const STEP_ACTIONS: Readonly<Record<string, readonly ModelActionType[]>> = {
  'device.booting.loading': ['waitRestart'],
  'device.shuttingDown': ['waitRestart'],
  'mainMenu.menu': [...MENU_DIGITS, '取消'],
  'mainMenu.signInFirst': ['确认', '取消'],
  'settings.menu': [...DIGITS_1_TO_5, '取消'],
  'settings.refused': ['确认'],
  // The lockout ends on the clock; 上/下 pick another operator.
  'passwordPrompt.lockedOut': ['waitLockout', '上', '取消'],
  // 免密支付's editor: the cursor, the rows (8 is not one: it keeps the editor as it is), saving.
  'passwordFree.editing.idle': ['上', '下', '8', '确认', '取消'],
  'passwordFree.editing.unchanged': ['上', '下', '8', '确认', '取消'],
  'passwordFree.saved': ['确认', '取消'],
  'passwordFree.offline': ['确认'],
  'passwordFree.confirmingDiscard': ['确认', '取消'],
  'signIn.operator': ['cashierId', '确认', '取消'],
  'signIn.connecting': ['waitHost', 'networkDown'],
  'signIn.signedIn': ['确认'],
  'signIn.commsError': ['确认', '取消'],
  'signIn.refused': ['确认'],
  'signOut.confirming': ['确认', '取消'],
  'signOut.signedOut': ['确认'],
  'signOut.notSignedIn': ['确认'],
  'sale.amount': ['8', '确认', '取消'],
  'sale.method': ['1', '2', '3', '取消'],
  'sale.wallet': ['1', '2', '3', '取消'],
  // The card's PIN: a wrong one (wrongPassword) is all it needs to reach every state.
  'sale.pin': ['wrongPassword', '确认', '取消'],
  'sale.processing': ['waitHost', 'networkDown', '取消'],
  'sale.approved': ['确认'],
  // A refused, declined or failed sale ends it in the model: leaving would only repeat every
  // other situation of the device with one more record.
  'sale.refused': [],
  'sale.declined': [],
  'sale.commsError': [],
  'voidSale.trace': ['trace', 'wrongTrace', '确认', '取消'],
  'voidSale.notFound': ['确认'],
  'voidSale.notVoidable': ['确认'],
  'voidSale.review': ['确认', '取消'],
  'voidSale.present': [...DIGITS_1_TO_5, '取消'],
  'voidSale.mismatch': ['确认'],
  'voidSale.processing': ['waitHost', 'networkDown'],
  'voidSale.approved': ['确认'],
  'voidSale.refused': ['确认'],
  'voidSale.commsError': ['确认'],
  'refund.reference': ['reference', '确认', '取消'],
  'refund.date': ['saleDate', 'wrongDate', '确认', '取消'],
  'refund.notFound': ['确认'],
  'refund.nothingLeft': ['确认'],
  'refund.amount': ['refundLeft', 'refundOver', '确认', '取消'],
  'refund.overLimit': ['确认'],
  'refund.present': [...DIGITS_1_TO_5, '取消'],
  'refund.mismatch': ['确认'],
  'refund.processing': ['waitHost', 'networkDown'],
  'refund.approved': ['确认'],
  'refund.refused': ['确认'],
  'refund.commsError': ['确认'],
  'transactionQuery.list': ['确认', '取消'],
  'transactionQuery.detail': ['确认'],
  'settlement.summary': ['确认', '取消'],
  'settlement.settling': ['waitHost', 'networkDown'],
  'settlement.settled': ['确认'],
  'settlement.commsError': ['确认'],
  'settlement.refused': ['确认'],
  'reprint.choosing': ['1', '2', '3', '取消'],
  'reprint.trace': ['trace', 'wrongTrace', '确认', '取消'],
  'reprint.notFound': ['确认'],
  'reprint.nothing': ['确认'],
  'printJob.paperOut': ['paperIn', '确认', '取消'],
  // 上 from the first binding reaches the last, and each kind of binding (key: the kind under the cursor).
  'bindingManagement.list': ['上', '确认', 'F1', '取消'],
  'bindingManagement.detail': ['确认', '取消', 'networkDown'],
  // 确认注销 offers 按[1]先备份数据.
  'bindingManagement.confirming': ['确认', '取消', '1', 'networkDown'],
  'bindingManagement.backedUp': ['确认'],
  'bindingManagement.deregistered': ['确认'],
  'bindingManagement.offline': ['确认'],
  'bindingManagement.adding': ['1', '2', '3', '取消'],
  'bind.confirming': ['确认', '取消', 'networkDown'],
  'bind.number': ['cardNumber', 'merchantNumber', '确认', '取消'],
  'bind.review': ['确认', '取消', 'networkDown'],
  'bind.bound': ['确认'],
  'bind.offline': ['确认'],
  // 解绑 and 短信验证: the reason picked, the power and keys the step ignores change nothing.
  'unbind.reason': ['确认', '取消'],
  'unbind.review': ['确认', '取消', 'networkDown'],
  'smsVerification.entering': ['smsCode', 'waitCode', '确认', '取消', 'networkDown'],
  'smsVerification.expired': ['确认', '取消', 'networkDown'],
  'unbind.settling': ['waitSettlement', 'networkDown'],
  'unbind.unbound': ['确认'],
  'unbind.offline': ['确认'],
  // 操作记录, 数据备份 and a changed password answer only these.
  'operationRecords.list': ['确认', '取消'],
  'operationRecords.detail': ['确认', '取消'],
  'dataBackup.asking': ['确认', '取消'],
  'dataBackup.finished': ['确认', '取消'],
  'changePassword.changed': ['确认', '取消'],
};

/** The step's own list, by the innermost active state that has one. */
const stepActions = (situation: Situation): readonly ModelActionType[] | undefined => {
  for (const state of [...situation.active].reverse()) {
    const listed = STEP_ACTIONS[state];
    if (listed) return listed;
  }
  return undefined;
};

/**
 * The flows (machines) each departure from a fresh day makes a difference to; in a day departed
 * so, the search goes on only where every departure allows it. Offline is left at the menus instead
 * (`HUBS`): it matters only in the flow that lost the network.
 */
const FLOWS_FOR: Readonly<Record<Exclude<Departure, 'offline'>, readonly string[]>> = {
  // 打印机缺纸 needs something printed: a sale is enough.
  noPaper: ['sale'],
  // 签到 (请先签到 from the main menu, refused, offline) and 签退 with nobody signed in.
  signedOut: ['signIn', 'signOut'],
  // A closed service or a missing account: refusals everywhere (结算 too), and binding again.
  bindings: [
    'sale',
    'voidSale',
    'refund',
    'settlement',
    'signIn',
    'signOut',
    'settings',
    'bindingManagement',
    'unbind',
    'smsVerification',
    'bind',
  ],
  // A sale to void, refund, reprint and look at, and its wallet's service to close.
  saleOpen: ['sale', 'voidSale', 'refund', 'reprint', 'transactionQuery', 'settings', 'bindingManagement', 'smsVerification'],
  // A sale voided or refunded in full: voided and refunded again.
  saleSpent: ['voidSale', 'refund'],
  // A 结算单 to print again.
  settled: ['settlement', 'reprint'],
  // 设置's gate counts wrong passwords and locks the operator out.
  wrongTries: ['settings'],
  // The payer's wallets changed on the phone (小额免密 off, a card's 云闪付 closed): the terminal's next QR payment.
  wallets: ['sale'],
};

/** What matters on the phone, by its innermost active state; a state listed nowhere is not gone on from. */
const PHONE_STEP_ACTIONS: Readonly<Record<string, readonly ModelActionType[]>> = {
  // 1.短信 2.云闪付 3.微信 4.支付宝.
  'phone.home': ['phone:1', 'phone:2', 'phone:3', 'phone:4'],
  'phone.sms': ['phone:确认', 'phone:取消'],
  'phone.reading': ['phone:确认'],
  // An app's pages: their items by digit (none has more than two), back with 取消.
  'walletApp.menu': ['phone:1', 'phone:2', 'phone:取消'],
  'walletApp.notices': ['phone:确认', 'phone:取消'],
  'walletApp.notice': ['phone:确认'],
  'walletPasswordFree.showing': ['phone:确认', 'phone:取消'],
  'walletPasswordFree.changed': ['phone:确认'],
  'walletPassword.entering': ['walletPassword', 'wrongWalletPassword', 'phone:取消'],
  'walletPassword.locked': ['phone:确认'],
  // 下 reaches the second card: closing both leaves the wallet nothing to pay with.
  'walletCards.list': ['phone:下', 'phone:确认', 'phone:取消'],
  'walletCards.detail': ['phone:确认', 'phone:取消'],
  'walletCards.confirming': ['phone:确认', 'phone:取消'],
  'walletCards.choosing': ['phone:1', 'phone:2', 'phone:3', 'phone:取消'],
  'walletCards.byCode.entering': ['walletCode', 'wrongWalletCode', 'phone:确认', 'phone:取消'],
  'walletCards.byCode.void': ['phone:确认', 'phone:取消'],
  'walletCards.byFace': ['waitHost', 'phone:取消'],
  'walletCards.closed': ['phone:确认'],
  'payerConfirm.entering': ['walletPassword', 'wrongWalletPassword', 'phone:取消'],
  'payerConfirm.result': ['waitHost'],
};

const isPhoneAction = (type: ModelActionType): boolean =>
  type.startsWith('phone:') ||
  type === 'walletPassword' ||
  type === 'wrongWalletPassword' ||
  type === 'walletCode' ||
  type === 'wrongWalletCode';

/**
 * On the phone, while an app or a payment is open on it: the phone's own step list, and the
 * terminal waiting for the payer (取消 withdraws the payment; the host answers once confirmed).
 */
const isWorthOnPhone = (situation: Situation, type: ModelActionType): boolean => {
  const innermost = situation.phone.at(-1) ?? '';
  const machine = innermost.split('.')[0] ?? '';
  // A wallet's wrong passwords and its lock are shown by the password's own screens: nothing else is gone on with.
  if (/tries|locked/.test(situation.wallets) && !['walletPasswordFree', 'walletPassword', 'payerConfirm'].includes(machine))
    return type === 'phone:取消';
  // One change of a wallet at a time: 小额免密 switched is not taken into the cards, a card closed not into 免密.
  if (/:(on|off)\b/.test(situation.wallets) && machine === 'walletCards') return type === 'phone:取消';
  if (/:-/.test(situation.wallets) && machine === 'walletPasswordFree') return type === 'phone:取消';
  // 下 to the second card only once the first is closed.
  if (innermost === 'walletCards.list' && type === 'phone:下') return situation.phoneFacts.includes('card:0:closed');
  if (innermost === 'walletCards.byCode.entering' && /,(right|wrong)$/.test(situation.phoneFacts))
    return type === 'phone:确认' || type === 'phone:取消';
  // Wrong passwords on a wallet as shipped: a changed one locks the same way.
  if (type === 'wrongWalletPassword' && /:(on|off)\b|:-/.test(situation.wallets)) return false;
  if (isIn(situation, 'sale.awaitingPayer') && type === '取消') return true;
  if (isIn(situation, 'sale.processing') && type === 'waitHost') return true;
  return PHONE_STEP_ACTIONS[innermost]?.includes(type) === true;
};

/** The wallet a change of the wallets is about (wechat:off → wechat). */
const walletsChanged = (situation: Situation): string[] => [
  ...new Set(
    situation.wallets
      .split(',')
      .filter((change) => change !== '')
      .map((change) => change.split(':')[0] ?? ''),
  ),
];

/** Machines every departure may run: the device, its menus' host, prompts and the printer. */
const ANYWHERE = ['device', 'mainMenu', 'passwordPrompt', 'printJob'];

const allows = (departures: readonly Departure[], machine: string): boolean =>
  ANYWHERE.includes(machine) || departures.every((departure) => departure === 'offline' || FLOWS_FOR[departure].includes(machine));

/** Menus a flow returns to: offline, the search only brings the network back there. */
const HUBS = ['device.home', 'mainMenu.menu', 'settings.menu', 'bindingManagement.list'];

/** Where a flow is about to ask the host, or is waiting for it: the only places the network is taken away (and 免密支付's editor, which saves). */
const isNetworkStep = (situation: Situation): boolean =>
  isInMachine(situation, 'passwordFree') || STEP_ACTIONS[situation.active.at(-1) ?? '']?.includes('networkDown') === true;

/** At the home screen: start a flow the day's departures allow, take the paper or network away and back, restart. */
const atHome = (situation: Situation, departures: readonly Departure[], type: ModelActionType): boolean => {
  switch (type) {
    case '菜单':
      return allows(departures, 'settings');
    case 'F1':
      return !departures.includes('noPaper') && !departures.includes('wrongTries') && !departures.includes('wallets');
    case '确认':
      // 收款, or 签到 first; one sale is all 撤销, 退货 and 结算 need.
      // A wallet's wrong passwords or lock change nothing at the terminal (the payer's lock is shown on the phone).
      if (/tries|locked/.test(situation.wallets)) return false;
      return situation.signedIn ? situation.sale === 'none' && allows(departures, 'sale') : allows(departures, 'signIn');
    case 'paperOut':
    case 'powerCycle':
      return departures.length === 0;
    case 'paperIn':
      return !situation.paper;
    case 'waitLockout':
      return situation.locked;
    default:
      return false;
  }
};

/** Whether `action` can change anything where the device is (in `situation`), worth a place in the search. */
export const isWorthTrying = (situation: Situation, action: ModelAction): boolean => {
  const { type } = action;
  const departures = departuresOf(situation);
  if (departures.length > 2 || !situation.machines.every((machine) => allows(departures, machine))) return false;
  const phoneAtHome = situation.phone.join() === 'phone.home';
  if (!phoneAtHome) return isWorthOnPhone(situation, type);
  // A phone with texts on an otherwise fresh day: only its texts are new (the terminal's day is not).
  if (departures.length === 0 && situation.phoneFacts.startsWith('texts') && isIn(situation, 'device.home')) return type === 'phone:1';
  if (isPhoneAction(type)) {
    // Opening an app from the home screens of both, on a day departed only by the wallets, and
    // only the app of the wallet already changed (one wallet at a time).
    if (!isIn(situation, 'device.home') || !departures.every((departure) => departure === 'wallets')) return false;
    const changed = walletsChanged(situation);
    const app = { 'phone:1': 'sms', 'phone:2': 'unionpay', 'phone:3': 'wechat', 'phone:4': 'alipay' }[type as string];
    return app !== undefined && (changed.length === 0 || app === 'sms' || changed.includes(app));
  }
  // The sale and 签到 run from the main menu as from the home screen; the search explores them once.
  if (isIn(situation, 'mainMenu.sale', 'mainMenu.signIn')) return false;
  if (!situation.online && isIn(situation, ...HUBS)) return type === 'networkUp';
  if (isIn(situation, 'device.home')) return atHome(situation, departures, type);
  if (type === 'networkDown') return situation.online && isNetworkStep(situation);
  if (type === 'networkUp') return !situation.online && isNetworkStep(situation);
  if (isIn(situation, 'bindingManagement.detail') && type === '确认') {
    // Removing a second binding shows nothing removing the first did not; with a sale made, the
    // one to remove is the service it was paid through (then 撤销 and 退货 are refused).
    return situation.bindings === '' && (situation.sale === 'none' || situation.binding.endsWith(':paid'));
  }
  if (isIn(situation, 'bindingManagement.list') && type === 'F1') return situation.bindable;
  if (isIn(situation, 'bind.number') && (type === 'cardNumber' || type === 'merchantNumber')) {
    return type === (situation.binding === 'merchant' ? 'merchantNumber' : 'cardNumber');
  }
  const listed = stepActions(situation);
  return listed ? listed.includes(type) : isWorthTypingAt(situation, type);
};

/** At a password entry (a prompt, 修改密码's new password): what to type, then 确认 or 取消. */
const isWorthTypingAt = (situation: Situation, type: ModelActionType): boolean => {
  if (isIn(situation, 'changePassword.newPassword', 'changePassword.repeating')) {
    return type === 'password' || type === 'wrongPassword' || type === '确认' || type === '取消';
  }
  if (!isIn(situation, 'passwordPrompt.entering')) return false;
  const { prompt } = situation;
  // Once something is typed, only 确认 or 取消.
  if (situation.entry !== '') return type === '确认' || type === '取消';
  switch (type) {
    case 'password':
      // The model knows the settings operator's password.
      return prompt?.known === true;
    case 'wrongPassword':
      // Tried at 设置's prompts, where the lockout is shown, not at a transaction's 主管 prompt.
      return prompt?.known === true && isIn(situation, 'device.settings');
    case 'operatorPassword':
      return prompt?.role === 'operator';
    case '上':
    case '下':
      // They switch the operator, where the prompt lets them.
      return prompt?.switches === true;
    case '取消':
      return true;
    default:
      return false;
  }
};
