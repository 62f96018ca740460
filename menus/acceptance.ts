/**
 * What the terminal accepts: the one answer every flow and screen asks. It follows from what the
 * terminal is bound to and the 免密 settings IN FORCE: without a merchant account every transaction
 * is refused ([03]无效商户); without a settlement card there is nowhere to settle to ([58]); a
 * payment method whose service is closed is refused ([58]不允许终端进行的交易); a method that is
 * accepted goes through 免密免签 when its channel's switch and limit allow it, else with the PIN.
 * A QR payment (扫码) also asks the payer's wallet: its own 小额免密 decides too where the profile
 * says so (免密 only when every side that decides allows it), a wallet that cannot pay refuses
 * ([05]), and a QR payment that needs a password is confirmed on the payer's phone, never on the
 * terminal's keypad. Pure: the facts come in, the answer goes out.
 */
import type { Binding, ChannelCoverage, LocalText, PasswordFreeSettings, PaymentMethod, ResponseCode } from './domain.js';

/** Who signed in for the day (签到), and when. */
export type SignIn = { readonly operator: string; readonly at: string };

/** What the terminal holds now that decides what it accepts. */
export type TerminalFacts = {
  readonly bindings: readonly Binding[];
  /** The 免密 settings in force (never a change saved but not yet applied by a restart). */
  readonly passwordFree: PasswordFreeSettings;
  readonly signedIn: SignIn | undefined;
};

/** A payment service from the profile: the payment methods it governs. */
export type ServiceRule = { readonly id: string; readonly name: LocalText; readonly methods: readonly PaymentMethod[] };

/** A wallet on the payer's phone, from the profile: the QR method it pays, and whether its own 小额免密 decides those payments. */
export type WalletRule = { readonly id: string; readonly name: LocalText; readonly method: PaymentMethod; readonly decides: boolean };

/** From the profile: which service governs each method, which 免密 channel covers each method, which wallet pays each QR method. */
export type AcceptanceRules = {
  readonly services: readonly ServiceRule[];
  readonly channels: readonly ChannelCoverage[];
  readonly wallets: readonly WalletRule[];
};

/** What the payer's wallet answers for a QR payment: its 小额免密 and limit (元), and whether it can pay at all. */
export type PayerFacts = {
  readonly wallet: string;
  readonly passwordFree: { readonly enabled: boolean; readonly limit: number };
  /** False when no card in the wallet may pay (云闪付: every card's 云闪付 service closed). */
  readonly canPay: boolean;
};

/** A wallet's 付款码 (扫码): the payer confirms on the phone, never on the terminal's keypad. */
export const isQrMethod = (method: PaymentMethod): boolean => method.startsWith('qr-');

export type RefusalReason = 'noMerchant' | 'noSettlementCard' | 'serviceClosed' | 'payerCannotPay';

/** Why the terminal refuses, with the response code it shows: [03]无效商户, [58]不允许终端进行的交易. */
export type Refusal = {
  readonly code: ResponseCode;
  readonly reason: RefusalReason;
  /** The closed service, for serviceClosed; the payer's wallet, for payerCannotPay. */
  readonly service?: LocalText;
};

export const merchantOf = (facts: Pick<TerminalFacts, 'bindings'>): Binding | undefined =>
  facts.bindings.find((binding) => binding.kind === 'merchant');

export const settlementCardOf = (facts: Pick<TerminalFacts, 'bindings'>): Binding | undefined =>
  facts.bindings.find((binding) => binding.kind === 'settlementCard');

/** Why no transaction at all can go through now, or undefined when the terminal may transact. */
export const terminalRefusal = (facts: Pick<TerminalFacts, 'bindings'>): Refusal | undefined => {
  if (!merchantOf(facts)) return { code: '03', reason: 'noMerchant' };
  if (!settlementCardOf(facts)) return { code: '58', reason: 'noSettlementCard' };
  return undefined;
};

/** The service that governs a method when it is closed; undefined when it is open or none governs it. */
export const closedServiceFor = (
  facts: Pick<TerminalFacts, 'bindings'>,
  rules: AcceptanceRules,
  method: PaymentMethod,
): ServiceRule | undefined => {
  // Loops, not closures made at each payment and screen: V8 optimised each anew.
  let first: ServiceRule | undefined;
  for (const service of rules.services) {
    if (!service.methods.includes(method)) continue;
    first ??= service;
    for (const binding of facts.bindings) if (binding.kind === 'service' && binding.id === service.id) return undefined;
  }
  return first;
};

/** Why a payment by `method` is refused, or undefined when the terminal accepts it. */
export const methodRefusal = (
  facts: Pick<TerminalFacts, 'bindings'>,
  rules: AcceptanceRules,
  method: PaymentMethod,
): Refusal | undefined => {
  const terminal = terminalRefusal(facts);
  if (terminal) return terminal;
  const closed = closedServiceFor(facts, rules, method);
  return closed ? { code: '58', reason: 'serviceClosed', service: closed.name } : undefined;
};

/** What the 免密 settings decide for one payment the terminal accepts. */
export type PasswordFreeDecision = {
  /** The channel covering the method, when one does. */
  readonly channel: string | undefined;
  /** That channel's 免密限额 (元) in force. */
  readonly limit: number | undefined;
  /** Whether the payment goes through without a PIN (免密免签). */
  readonly passwordFree: boolean;
};

/**
 * 免密免签 needs 开启免密支付, the covering channel's 小额免密 on, and the amount at or under its
 * limit; a chip payment, or a method no channel covers, always needs the PIN.
 */
export const decidePasswordFree = (
  settings: PasswordFreeSettings,
  channels: readonly ChannelCoverage[],
  method: PaymentMethod,
  amountFen: number,
): PasswordFreeDecision => {
  const channel = channels.find((candidate) => candidate.covers.includes(method))?.id;
  const setting = settings.channels.find((candidate) => candidate.id === channel);
  const passwordFree =
    method !== 'chip' && settings.enabled && setting !== undefined && setting.smallAmountEnabled && amountFen <= setting.limit * 100;
  return { channel, limit: setting?.limit, passwordFree };
};

/** How a payment that is not 免密 is confirmed: the card's PIN on the terminal, or the payer's password on the phone. */
export type Confirmation = 'none' | 'cardPin' | 'payerPhone';

/** The sides whose 免密 decided a payment: the terminal's channel, the payer's wallet, or both. */
export type DecidedBy = { readonly terminal: boolean; readonly wallet: boolean };

export type PaymentDecision =
  | ({ readonly accepted: true } & PasswordFreeDecision & { readonly confirm: Confirmation; readonly decidedBy: DecidedBy })
  | { readonly accepted: false; readonly refusal: Refusal; readonly channel: string | undefined };

/** The wallet that pays a QR method, from the profile. */
export const walletFor = (rules: Pick<AcceptanceRules, 'wallets'>, method: PaymentMethod): WalletRule | undefined =>
  rules.wallets.find((wallet) => wallet.method === method);

/** Why the payer's wallet cannot pay a QR payment ([05]不予承兑), or undefined when it can. */
export const payerRefusal = (
  rules: Pick<AcceptanceRules, 'wallets'>,
  method: PaymentMethod,
  payer: PayerFacts | undefined,
): Refusal | undefined => {
  const wallet = walletFor(rules, method);
  return wallet && payer?.canPay === false ? { code: '05', reason: 'payerCannotPay', service: wallet.name } : undefined;
};

/**
 * The whole answer for one payment: refused and why, or accepted 免密免签, or with the card's PIN,
 * or confirmed on the payer's phone. `payer` is what the payer's wallet answers for a QR payment.
 * 免密 needs every side that decides the method to allow it: the terminal's channel that covers it,
 * and the payer's wallet where the profile lets the wallet decide; a method nobody decides needs a
 * password. The limit said is the smallest of theirs.
 */
export const decidePayment = (
  facts: TerminalFacts,
  rules: AcceptanceRules,
  method: PaymentMethod,
  amountFen: number,
  payer?: PayerFacts,
): PaymentDecision => {
  const terminal = decidePasswordFree(facts.passwordFree, rules.channels, method, amountFen);
  const refusal = methodRefusal(facts, rules, method) ?? payerRefusal(rules, method, payer);
  if (refusal) return { accepted: false, refusal, channel: terminal.channel };
  const decidedBy = { terminal: terminal.channel !== undefined, wallet: walletFor(rules, method)?.decides === true && payer !== undefined };
  const walletAllows = payer !== undefined && payer.passwordFree.enabled && amountFen <= payer.passwordFree.limit * 100;
  const passwordFree =
    method !== 'chip' &&
    (decidedBy.terminal || decidedBy.wallet) &&
    (!decidedBy.terminal || terminal.passwordFree) &&
    (!decidedBy.wallet || walletAllows);
  const limits = [decidedBy.terminal ? terminal.limit : undefined, decidedBy.wallet ? payer?.passwordFree.limit : undefined].filter(
    (limit): limit is number => limit !== undefined,
  );
  const confirm: Confirmation = passwordFree ? 'none' : isQrMethod(method) ? 'payerPhone' : 'cardPin';
  return {
    accepted: true,
    channel: terminal.channel,
    limit: limits.length > 0 ? Math.min(...limits) : undefined,
    passwordFree,
    confirm,
    decidedBy,
  };
};

/**
 * Whether a 免密 channel still decides anything: some method it covers has its service open. A
 * channel whose every method is refused (its service closed) is shown as not applicable.
 */
export const channelApplies = (facts: Pick<TerminalFacts, 'bindings'>, rules: AcceptanceRules, channelId: string): boolean => {
  const covers = rules.channels.find((channel) => channel.id === channelId)?.covers ?? [];
  return covers.length === 0 || covers.some((method) => closedServiceFor(facts, rules, method) === undefined);
};
