/**
 * 重打印: prints again the last receipt, the receipt of a 凭证号, or the last 结算单, each marked
 * 重打印凭证. Out of paper, it waits for paper like any printing.
 */
import { assign, raise, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort, PrintRequest } from './device-port.js';
import { forwardKeysTo } from './forward-keys.js';
import { sixDigits } from './journal.js';
import { digitOf, keyDigit } from './keyed-digits.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { printJobMachine } from './print-job.js';
import { TRACE_LENGTH } from './void-sale.js';

export type ReprintInput = { readonly port: DevicePort };

/** 1.重打印最后一笔 2.重打印任意一笔 3.重打印结算单. */
export const REPRINT_ITEMS = ['last', 'byTrace', 'settlement'] as const;

export const reprintMachine = setup({
  types: {
    input: {} as ReprintInput,
    context: {} as ReprintInput & { cursor: number; entered: string; request: PrintRequest },
    events: {} as KeyEvent,
  },
  actors: { printJob: printJobMachine },
  guards: {
    isValidPick: ({ event }) => pickByDigit(digitOf(event) ?? '', REPRINT_ITEMS.length) !== undefined,
    isLastChosen: ({ context }) => REPRINT_ITEMS[context.cursor] === 'last',
    isByTraceChosen: ({ context }) => REPRINT_ITEMS[context.cursor] === 'byTrace',
    hasTransaction: ({ context }) => context.port.journal().length > 0,
    hasSettlement: ({ context }) => context.port.settlements().length > 0,
    hasTrace: ({ context }) => context.entered.length > 0,
    isTraceKnown: ({ context }) => context.port.journal().some((entry) => entry.trace === sixDigits(Number(context.entered))),
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, REPRINT_ITEMS.length, -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, REPRINT_ITEMS.length, 1) }),
    pickByDigit: assign({ cursor: ({ context, event }) => pickByDigit(digitOf(event) ?? '', REPRINT_ITEMS.length) ?? context.cursor }),
    confirmPick: raise({ type: 'ENTER' }),
    keyDigit: assign({ entered: ({ context, event }) => keyDigit(context.entered, event, TRACE_LENGTH) }),
    askLast: assign({ request: { kind: 'transaction', reprint: true } as PrintRequest }),
    askTrace: assign({
      request: ({ context }) => ({ kind: 'transaction', trace: sixDigits(Number(context.entered)), reprint: true }) as PrintRequest,
    }),
    askSettlement: assign({ request: { kind: 'settlement', reprint: true } as PrintRequest }),
    forgetTrace: assign({ entered: '' }),
  },
}).createMachine({
  id: 'reprint',
  context: ({ input }) => ({ ...input, cursor: 0, entered: '', request: { kind: 'transaction', reprint: true } }),
  initial: 'choosing',
  states: {
    choosing: {
      description: 'Offers 1.重打印最后一笔 2.重打印任意一笔 3.重打印结算单.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', actions: ['pickByDigit', 'confirmPick'] },
        ENTER: [
          { guard: 'isByTraceChosen', target: 'trace' },
          { guard: 'isLastChosen', target: 'checkingLast' },
          { target: 'checkingSettlement' },
        ],
        CANCEL: 'done',
      },
    },
    checkingLast: {
      description: 'Is there a transaction to print?',
      always: [{ guard: 'hasTransaction', target: 'printing', actions: 'askLast' }, { target: 'nothing' }],
    },
    checkingSettlement: {
      description: 'Is there a 结算单 to print?',
      always: [{ guard: 'hasSettlement', target: 'printing', actions: 'askSettlement' }, { target: 'nothing' }],
    },
    trace: {
      description: 'Asks 请输入凭证号.',
      on: {
        DIGIT: { actions: 'keyDigit' },
        CLEAR: { actions: 'keyDigit' },
        ENTER: [
          { guard: { type: 'isTraceKnown' }, target: 'printing', actions: 'askTrace' },
          { guard: 'hasTrace', target: 'notFound' },
        ],
        CANCEL: 'choosing',
      },
    },
    notFound: {
      description: 'Says [25]找不到原始交易: no transaction with that 凭证号.',
      on: { ENTER: { target: 'trace', actions: 'forgetTrace' }, CANCEL: { target: 'trace', actions: 'forgetTrace' } },
    },
    nothing: {
      description: 'Says 无可打印的凭证: nothing of that kind was printed yet.',
      on: { ENTER: 'choosing', CANCEL: 'choosing' },
    },
    printing: {
      description: 'Prints the copy, marked 重打印凭证.',
      invoke: {
        id: 'print',
        src: 'printJob',
        input: ({ context }) => ({ port: context.port, request: context.request }),
        onDone: 'done',
      },
      on: forwardKeysTo('print'),
    },
    done: { type: 'final' },
  },
});
