/** A parent machine hands every keypad key, and the payer's answer to a QR payment, to the flow it is running. */
import { forwardTo } from 'xstate';
import { KEY_EVENT_TYPES, PAYER_EVENT_TYPES } from './device-events.js';

/** The events a parent hands on to its running flow. */
export const FORWARDED_EVENT_TYPES: readonly string[] = [...KEY_EVENT_TYPES, ...PAYER_EVENT_TYPES];

export const forwardKeysTo = (childId: string) =>
  Object.fromEntries(FORWARDED_EVENT_TYPES.map((type) => [type, { actions: forwardTo(childId) }]));
