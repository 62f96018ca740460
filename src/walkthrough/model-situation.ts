/**
 * The model's state: what a headless device is doing after a sequence of actions — its active
 * menu states and the facts that change what the next action does — and the key that tells two
 * such situations apart. The key is coarse on purpose (an amount is zero or not, a 凭证号 is found
 * or not, a sale open or spent), so that the search stays small.
 */
import type { AnyMachineSnapshot } from 'xstate';
import { bindableTargets } from '../../menus/binding-management.js';
import { samePasswordFreeSettings, type Binding, type PasswordFreeSettings, type PaymentMethod } from '../../menus/domain.js';
import { findSaleByReference, isVoided, refundableFen, sixDigits, type JournalEntry } from '../../menus/journal.js';
import { voidTarget } from '../../menus/void-sale.js';
import type { Simulator } from '../device/simulator.js';
import type { FlashData } from '../store/flash-data.js';
import { lastSale } from './model-actions.js';

/** The password prompt on screen. */
export type PromptFacts = {
  readonly operator: string;
  readonly role: string;
  /** Whether 上/下 switch the operator (the 设置 prompt). */
  readonly switches: boolean;
  /** Whether the model knows this operator's password (the settings operator's). */
  readonly known: boolean;
};

export type Situation = {
  /** Menu states active, outermost first. */
  readonly active: readonly string[];
  /** The machines running, outermost first (device, settings, bindingManagement …). */
  readonly machines: readonly string[];
  /** The title, where it tells a menu from its sub-menus. */
  readonly where: string;
  readonly online: boolean;
  readonly paper: boolean;
  readonly signedIn: boolean;
  /** Wrong password attempts so far, per operator (00:2); an operator who logged in fine is no different from one who never tried. */
  readonly attempts: string;
  /** Whether the settings operator is locked out now. */
  readonly locked: boolean;
  /** How the bindings differ from the profile's: -alipay, +merchant …; empty when as shipped. */
  readonly bindings: string;
  /**
   * The last sale: none, open (it can be voided or refunded; paid by card, or by a wallet whose
   * service can be closed), or spent (voided or refunded in full).
   */
  readonly sale: 'none' | 'open-card' | 'open-wallet' | 'spent';
  /** Whether a batch was settled (结算), so that there is a 结算单 to print again. */
  readonly settled: boolean;
  /** Whether the current batch has transactions to look at (交易查询). */
  readonly inBatch: boolean;
  /** Whether 操作记录 has anything to open. */
  readonly records: boolean;
  /** Whether 免密支付 holds a change not saved yet. */
  readonly unsaved: boolean;
  /** What the entry on screen holds, as far as it decides what 确认 does (a password right or not, a 凭证号 found or not …). */
  readonly entry: string;
  readonly prompt: PromptFacts | undefined;
  /** In 绑定管理: the kind of binding under the cursor; in 绑定: what is being bound. */
  readonly binding: string;
  /** In 绑定管理's list: whether 添加绑定 has anything to offer. */
  readonly bindable: boolean;
  /** The phone's active states, outermost first (phone.home, walletApp.menu …). */
  readonly phone: readonly string[];
  /** Where on the phone: the wallet app open and the page's title, where they tell pages apart. */
  readonly phoneWhere: string;
  /** How the payer's wallets differ from the profile's: wechat:off, unionpay:-ccb-5672, alipay:tries1, wechat:locked; empty when as shipped. */
  readonly wallets: string;
  /**
   * What decides the phone's next step: texts to read, the open wallet's notices, the card under
   * the cursor open or closed, a code typed.
   */
  readonly phoneFacts: string;
};

type Flows = readonly AnyMachineSnapshot[];

const contextOf = <T>(flows: Flows, id: string): T | undefined =>
  flows.find((snapshot) => snapshot.machine.id === id)?.context as T | undefined;

const typed = (value: string | number | undefined): string => (value === undefined || value === '' || value === 0 ? '' : 'typed');

/**
 * In 绑定管理: what the binding under the cursor is (an account to unbind, or a service and how
 * closing it is confirmed), and whether it is the service the last sale was paid through.
 */
const bindingUnderCursor = (sim: Simulator, flows: Flows): string => {
  const flow = contextOf<{ bindings: readonly Binding[]; cursor: number }>(flows, 'bindingManagement');
  const binding = flow?.bindings[flow.cursor];
  if (!binding) return '';
  // The merchant account and the settlement card are both unbound the same way.
  if (binding.kind !== 'service') return 'account';
  const sale = lastSale(sim);
  const paid = sale !== undefined && binding.methods?.includes(sale.method) === true;
  return `service:${binding.verification ?? 'password'}${paid ? ':paid' : ''}`;
};

/** In 绑定: what is bound, as far as it decides the steps (a service by password or code, a card, a merchant). */
const bindTarget = (flows: Flows): string => {
  const target = contextOf<{ target: { kind: string; service?: Binding } }>(flows, 'bind')?.target;
  if (!target) return '';
  return target.kind === 'service' ? `service:${target.service?.verification ?? 'password'}` : target.kind;
};

/** Whether 添加绑定 has anything to offer, only where it opens (绑定管理's list). */
const isBindable = (sim: Simulator, active: readonly string[]): boolean =>
  active.includes('bindingManagement.list') &&
  bindableTargets(
    sim.store.bindings(),
    sim.profile.bindings.filter((binding) => binding.kind === 'service'),
  ).length > 0;

/** The entry of the innermost flow that has one, judged as 确认 would judge it. */
const entryOf = (sim: Simulator, flows: Flows, password: string): string => {
  const innermost = flows.at(-1);
  if (!innermost) return '';
  const context = innermost.context as Record<string, unknown>;
  const journal = sim.store.journal();
  switch (innermost.machine.id) {
    case 'passwordPrompt':
    case 'changePassword': {
      const entered = context['entered'] as string;
      return entered === '' ? '' : entered === password ? 'right' : 'other';
    }
    case 'sale': {
      const sale = context as {
        amountFen: number;
        method: PaymentMethod | undefined;
        pin: string;
        pinRight: boolean | undefined;
        wrongPins: number;
      };
      // A sale's amount matters only as zero or not, so that keying digits does not grow the model.
      const paidBy = sale.method === undefined ? '' : isWallet(sim, sale.method) ? 'wallet' : 'card';
      return `${typed(sale.amountFen)},${paidBy},${typed(sale.pin)},${sale.pinRight === false ? 'sent-wrong' : ''},${sale.wrongPins}`;
    }
    case 'voidSale': {
      const entered = context['entered'] as string;
      return entered === '' ? '' : (voidTarget(sim.store, entered).problem ?? 'found');
    }
    case 'reprint': {
      const entered = context['entered'] as string;
      return entered === '' ? '' : journal.some((entry) => entry.trace === sixDigits(Number(entered))) ? 'known' : 'unknown';
    }
    case 'refund': {
      const refund = context as { reference: string; date: string; amountFen: number; sale: JournalEntry | undefined };
      if (innermost.matches('date'))
        return refund.date === '' ? '' : findSaleByReference(journal, refund.reference, refund.date) ? 'found' : 'none';
      if (innermost.matches('amount') && refund.sale && refund.amountFen > 0)
        return refund.amountFen > refundableFen(journal, refund.sale) ? 'over' : 'within';
      return typed(refund.reference);
    }
    default:
      // 签到's 操作员号, 绑定's card or merchant number, 短信验证's code: typed or not.
      return typed(context['entered'] as string | undefined);
  }
};

const promptOf = (sim: Simulator, flows: Flows): PromptFacts | undefined => {
  const prompt = contextOf<{ operatorId: string; operatorIds?: readonly string[] }>(flows, 'passwordPrompt');
  if (!prompt) return undefined;
  return {
    operator: prompt.operatorId,
    role: sim.profile.operators.find((operator) => operator.id === prompt.operatorId)?.role ?? '',
    switches: (prompt.operatorIds?.length ?? 0) > 1,
    known: prompt.operatorId === sim.profile.security.settingsOperator,
  };
};

/** How the bindings differ from the profile's: -alipay when closed, +merchant when bound anew. */
const bindingChanges = (sim: Simulator): string => {
  const now = sim.store.bindings().map((binding) => binding.id);
  const shipped = sim.profile.bindings.map((binding) => binding.id);
  return [
    ...shipped.filter((id) => !now.includes(id)).map((id) => `-${id}`),
    ...now.filter((id) => !shipped.includes(id)).map((id) => `+${id}`),
  ].join(',');
};

/** Whether a payment method is governed by a service the terminal can close (a wallet), unlike a card. */
const isWallet = (sim: Simulator, method: PaymentMethod): boolean =>
  sim.profile.bindings.some((binding) => binding.methods?.includes(method));

const saleState = (sim: Simulator): Situation['sale'] => {
  const sale = lastSale(sim);
  if (!sale) return 'none';
  const journal = sim.store.journal();
  if (isVoided(journal, sale) || refundableFen(journal, sale) === 0) return 'spent';
  // A sale paid with a wallet is refused once the wallet's service is closed: 撤销 and 退货 then say so.
  return isWallet(sim, sale.method) ? 'open-wallet' : 'open-card';
};

/** How the payer's wallets differ from the profile's: 小额免密 switched, cards' 云闪付 closed, wrong passwords, a lock. */
const walletChanges = (sim: Simulator): string => {
  const { accounts } = sim.store.wallets.held();
  const now = sim.store.now();
  return sim.profile.phone.wallets
    .flatMap((shipped) => {
      const account = accounts[shipped.id];
      return [
        account.passwordFree.enabled !== shipped.passwordFree.enabled ? `${shipped.id}:${account.passwordFree.enabled ? 'on' : 'off'}` : '',
        ...account.cards
          .filter((card) => !card.unionpayService && shipped.cards.some((it) => it.id === card.id && it.unionpayService))
          .map((card) => `${shipped.id}:-${card.id}`),
        account.failedAttempts > 0 ? `${shipped.id}:tries${account.failedAttempts}` : '',
        account.lockedUntil !== undefined && account.lockedUntil > now ? `${shipped.id}:locked` : '',
      ];
    })
    .filter((change) => change !== '')
    .join(',');
};

/**
 * The phone's facts that decide its next step (see Situation.phoneFacts). At the phone's home
 * screen only its texts count, and only beside a terminal at its own home (where the search opens
 * 短信): elsewhere they would double the terminal's situations for nothing.
 */
const phoneFactsOf = (sim: Simulator, flows: Flows): string => {
  const texts = sim.store.wallets.texts().length + sim.store.smsMessages().length > 0 ? 'texts' : '';
  if (flows.length === 1 && flows[0]?.matches('home')) return sim.session.activeStates().includes('device.home') ? texts : '';
  const phoneContext = contextOf<{ wallet?: string }>(flows, 'phone');
  const wallet = phoneContext?.wallet as Parameters<typeof sim.store.wallets.notices>[0] | undefined;
  const cards = contextOf<{ wallet: string; cursor: number; entered: string }>(flows, 'walletCards');
  const card = cards && sim.store.wallets.account(cards.wallet as NonNullable<typeof wallet>).cards[cards.cursor];
  const code = sim.store.wallets.held().code;
  return [
    texts,
    // A wallet's code: how many wrong tries it has left, while it is being typed.
    cards && code ? `code:${code.attemptsLeft}` : '',
    wallet && flows.some((snapshot) => snapshot.machine.id === 'walletApp') && sim.store.wallets.notices(wallet).length > 0
      ? 'notices'
      : '',
    card ? `card:${cards.cursor}:${card.unionpayService ? 'open' : 'closed'}` : '',
    // A code typed, judged as 确认 would judge it.
    cards?.entered ? (cards.entered === code?.code ? 'right' : 'wrong') : '',
  ].join(',');
};

/**
 * The situation the device is in now; `password` is the settings password the model types, `flash`
 * what the device's flash holds (read from its medium, which saves the copy `store.snapshot()` makes).
 */
export const situationOf = (sim: Simulator, password: string, flash: FlashData): Situation => {
  const { store } = sim;
  const active = sim.session.activeStates();
  const flows = sim.session.activeSnapshots();
  const editor = contextOf<{ draft: PasswordFreeSettings; saved: PasswordFreeSettings }>(flows, 'passwordFree');
  const journal = store.journal();
  const inMenu = active.includes('settings.menu') || active.includes('mainMenu.menu');
  return {
    active,
    machines: flows.map((snapshot) => snapshot.machine.id),
    // The title tells sub-menus apart; elsewhere it only names the item picked, which changes nothing.
    where: inMenu ? sim.title() : '',
    online: store.isOnline(),
    paper: store.printer.hasPaper(),
    signedIn: store.signedIn() !== undefined,
    attempts: Object.entries(flash.lockouts)
      .flatMap(([id, lockout]) => (lockout.failedAttempts > 0 ? [`${id}:${lockout.failedAttempts}`] : []))
      .join(','),
    locked: store.lockedUntil(sim.profile.security.settingsOperator) !== undefined,
    bindings: bindingChanges(sim),
    sale: saleState(sim),
    settled: store.settlements().length > 0,
    inBatch: journal.some((entry) => entry.batch === store.batch()),
    records: store.records().length > 0,
    unsaved: editor !== undefined && !samePasswordFreeSettings(editor.draft, editor.saved),
    entry: entryOf(sim, flows, password),
    prompt: promptOf(sim, flows),
    binding: bindTarget(flows) || bindingUnderCursor(sim, flows),
    bindable: isBindable(sim, active),
    ...phoneSituation(sim),
  };
};

/** The phone's part of the situation. */
const phoneSituation = (sim: Simulator): Pick<Situation, 'phone' | 'phoneWhere' | 'wallets' | 'phoneFacts'> => {
  const { phone } = sim.session;
  const states = phone.activeStates();
  const flows = phone.activeSnapshots();
  const wallet = contextOf<{ wallet?: string }>(flows, 'phone')?.wallet;
  const inApp = states.includes('phone.wallet');
  return {
    phone: states,
    // The pages of an app are one state: the title tells them apart, the wallet tells the apps apart.
    phoneWhere: inApp ? `${wallet ?? ''}:${phone.screen().title}` : '',
    wallets: walletChanges(sim),
    phoneFacts: phoneFactsOf(sim, flows),
  };
};

/** Whether any of the states is active. */
export const isIn = (situation: Situation, ...states: readonly string[]): boolean =>
  states.some((state) => situation.active.includes(state));

/** Whether a state of the machine is active. */
export const isInMachine = (situation: Situation, machineId: string): boolean =>
  situation.active.some((state) => state.startsWith(`${machineId}.`));

/** The ways the terminal's day can depart from a fresh one, signed in and online. */
export type Departure = 'offline' | 'noPaper' | 'signedOut' | 'bindings' | 'saleOpen' | 'saleSpent' | 'settled' | 'wrongTries' | 'wallets';

/** How the day in this situation departs from a fresh one. */
export const departuresOf = (situation: Situation): Departure[] => {
  const departures: Departure[] = [];
  if (!situation.online) departures.push('offline');
  if (!situation.paper) departures.push('noPaper');
  if (!situation.signedIn) departures.push('signedOut');
  if (situation.bindings !== '') departures.push('bindings');
  if (situation.sale === 'open-card' || situation.sale === 'open-wallet') departures.push('saleOpen');
  if (situation.sale === 'spent') departures.push('saleSpent');
  if (situation.settled) departures.push('settled');
  if (situation.attempts !== '' || situation.locked) departures.push('wrongTries');
  if (situation.wallets !== '') departures.push('wallets');
  return departures;
};

/**
 * The key: the active states, where in a menu, and the facts that count there, then the phone's. Records count only
 * where 操作记录 can be opened, so that they do not double every situation.
 */
export const keyOf = (situation: Situation): string => {
  const { active, prompt } = situation;
  const facts = [
    situation.online ? 'online' : 'offline',
    situation.paper ? '' : 'no-paper',
    situation.signedIn ? '' : 'signed-out',
    situation.attempts,
    situation.locked ? 'locked' : '',
    situation.bindings,
    `sale:${situation.sale}`,
    situation.settled ? 'settled' : '',
    situation.inBatch ? 'in-batch' : '',
    (active.includes('settings.menu') || isInMachine(situation, 'operationRecords')) && situation.records ? 'records' : '',
    situation.unsaved ? 'unsaved' : '',
    situation.entry,
    prompt ? `prompt:${prompt.operator}:${prompt.role}:${prompt.switches}:${prompt.known}` : '',
    situation.binding,
    situation.bindable ? 'bindable' : '',
  ];
  const phone = [situation.phone.join(' '), situation.phoneWhere, situation.wallets, situation.phoneFacts];
  return [active.join(' '), situation.where, facts.join('|'), ...phone].join(' / ');
};
