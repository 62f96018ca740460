/**
 * The cautions a procedure guide adds, as the real guides do: what must hold before starting (the
 * terminal online), and notes at the steps that need them (back up before deregistering, a restart
 * that must not be interrupted, a saved setting that applies only after the restart). Each is
 * decided from what the device did at that step, never from the step's wording.
 */
import type { MessageKey } from '../i18n/messages.js';

export type CautionId = 'network' | 'backup' | 'pending' | 'restart';

/** What the device did at one step, for deciding its cautions. */
export type StepFacts = {
  /** Active states during and after the step (machineId.state…). */
  readonly states: readonly string[];
  /** Active states once the step is done: the screen it leaves. */
  readonly endStates: readonly string[];
  /** Whether a saved setting waits for a restart, before and after the step. */
  readonly pendingBefore: boolean;
  readonly pendingAfter: boolean;
  /** The device restarted during the step (it shut down or booted). */
  readonly restarted: boolean;
};

/** The menu flows that talk to the acquirer's host: offline, the device refuses them. */
const NETWORK_FLOWS = [
  'passwordFree',
  'bindingManagement',
  'unbind',
  'bind',
  'smsVerification',
  'sale',
  'voidSale',
  'refund',
  'settlement',
  'signIn',
];

/** The caution's text in a guide. */
export const CAUTION_TEXTS: Readonly<Record<CautionId, MessageKey>> = {
  network: 'guide.caution.network',
  backup: 'guide.caution.backup',
  pending: 'guide.caution.pending',
  restart: 'guide.caution.restart',
};

/** Whether the step used a flow that needs the network (said once, before the steps). */
export const needsNetwork = (facts: StepFacts): boolean => facts.states.some((state) => NETWORK_FLOWS.includes(state.split('.')[0] ?? ''));

/** The screen that asks to confirm a 注销 and reminds the operator to back up first. */
const CONFIRMING_DEREGISTER = 'bindingManagement.confirming';

/** The notes for one step, in the order a reader needs them. */
export const stepCautions = (facts: StepFacts): CautionId[] => [
  ...(facts.endStates.includes(CONFIRMING_DEREGISTER) ? (['backup'] as const) : []),
  ...(!facts.pendingBefore && facts.pendingAfter ? (['pending'] as const) : []),
  ...(facts.restarted ? (['restart'] as const) : []),
];
