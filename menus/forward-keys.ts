/** A parent machine hands every keypad key, and the payer's answer to a QR payment, to the flow it is running. */
import { forwardTo } from 'xstate';
import { KEY_EVENT_TYPES, PAYER_EVENT_TYPES } from './device-events.js';

export const forwardKeysTo = (childId: string) =>
  Object.fromEntries([...KEY_EVENT_TYPES, ...PAYER_EVENT_TYPES].map((type) => [type, { actions: forwardTo(childId) }]));
