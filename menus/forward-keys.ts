/** A parent machine hands every keypad key, and the payer's answer to a QR payment, to the flow it is running. */
import { forwardTo } from 'xstate';
import { KEY_EVENT_TYPES, PAYER_EVENT_TYPES } from './device-events.js';

/** The events a parent hands on to its running flow. */
export const FORWARDED_EVENT_TYPES: readonly string[] = [...KEY_EVENT_TYPES, ...PAYER_EVENT_TYPES];

/**
 * The actions forwardKeysTo made, each with the id of the child it forwards to: a headless device
 * hands a key straight down such a chain of forwards (src/device/forward-down.ts).
 */
export const FORWARDS = new WeakMap<object, string>();

const forwardingTo = (childId: string) => {
  const action = forwardTo(childId);
  FORWARDS.set(action, childId);
  return action;
};

export const forwardKeysTo = (childId: string) =>
  Object.fromEntries(FORWARDED_EVENT_TYPES.map((type) => [type, { actions: forwardingTo(childId) }]));
