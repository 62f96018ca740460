/**
 * 交易查询: the current batch's transactions, newest first (凭证号, type, amount); 确认 opens one
 * with everything the receipt says (参考号, 授权码, time, and whether it was voided or refunded).
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { batchEntries, type JournalEntry } from './journal.js';
import { moveCursor } from './menu-cursor.js';

export type TransactionQueryInput = { readonly port: DevicePort };

export const transactionQueryMachine = setup({
  types: {
    input: {} as TransactionQueryInput,
    context: {} as TransactionQueryInput & { entries: readonly JournalEntry[]; cursor: number },
    events: {} as KeyEvent,
  },
  guards: {
    hasEntries: ({ context }) => context.entries.length > 0,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, context.entries.length, -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, context.entries.length, 1) }),
  },
}).createMachine({
  id: 'transactionQuery',
  context: ({ input }) => ({ ...input, entries: batchEntries(input.port.journal(), input.port.batch()).reverse(), cursor: 0 }),
  initial: 'list',
  states: {
    list: {
      description: "Lists the batch's transactions, newest first (凭证号, type, amount), or 本批次暂无交易.",
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        ENTER: { guard: 'hasEntries', target: 'detail' },
        CANCEL: 'done',
      },
    },
    detail: {
      description:
        'Shows one transaction in full: 凭证号, type, amount, how paid, 参考号, 授权码, time, voided or refunded; 上/下 step through.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        ENTER: 'list',
        CANCEL: 'list',
      },
    },
    done: { type: 'final' },
  },
});
