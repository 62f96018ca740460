/**
 * What the terminal accepts: the one answer every flow and screen asks. It follows from what the
 * terminal is bound to and the 免密 settings IN FORCE: without a merchant account every transaction
 * is refused ([03]无效商户); without a settlement card there is nowhere to settle to ([58]); a
 * payment method whose service is closed is refused ([58]不允许终端进行的交易); a method that is
 * accepted goes through 免密免签 when its channel's switch and limit allow it, else with the PIN.
 * Pure: the facts come in, the answer goes out.
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

/** From the profile: which service governs each method, which 免密 channel covers each method. */
export type AcceptanceRules = {
  readonly services: readonly ServiceRule[];
  readonly channels: readonly ChannelCoverage[];
};

export type RefusalReason = 'noMerchant' | 'noSettlementCard' | 'serviceClosed';

/** Why the terminal refuses, with the response code it shows: [03]无效商户, [58]不允许终端进行的交易. */
export type Refusal = {
  readonly code: ResponseCode;
  readonly reason: RefusalReason;
  /** The closed service, for serviceClosed. */
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
export const closedServiceFor = (facts: Pick<TerminalFacts, 'bindings'>, rules: AcceptanceRules, method: PaymentMethod): ServiceRule | undefined => {
  const governing = rules.services.filter((service) => service.methods.includes(method));
  if (governing.length === 0) return undefined;
  const open = facts.bindings.some((binding) => binding.kind === 'service' && governing.some((service) => service.id === binding.id));
  return open ? undefined : governing[0];
};

/** Why a payment by `method` is refused, or undefined when the terminal accepts it. */
export const methodRefusal = (facts: Pick<TerminalFacts, 'bindings'>, rules: AcceptanceRules, method: PaymentMethod): Refusal | undefined => {
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

export type PaymentDecision =
  | ({ readonly accepted: true } & PasswordFreeDecision)
  | { readonly accepted: false; readonly refusal: Refusal; readonly channel: string | undefined };

/** The whole answer for one payment: refused and why, or accepted 免密免签 or with the PIN. */
export const decidePayment = (facts: TerminalFacts, rules: AcceptanceRules, method: PaymentMethod, amountFen: number): PaymentDecision => {
  const refusal = methodRefusal(facts, rules, method);
  const decision = decidePasswordFree(facts.passwordFree, rules.channels, method, amountFen);
  return refusal ? { accepted: false, refusal, channel: decision.channel } : { accepted: true, ...decision };
};

/**
 * Whether a 免密 channel still decides anything: some method it covers has its service open. A
 * channel whose every method is refused (its service closed) is shown as not applicable.
 */
export const channelApplies = (facts: Pick<TerminalFacts, 'bindings'>, rules: AcceptanceRules, channelId: string): boolean => {
  const covers = rules.channels.find((channel) => channel.id === channelId)?.covers ?? [];
  return covers.length === 0 || covers.some((method) => closedServiceFor(facts, rules, method) === undefined);
};
