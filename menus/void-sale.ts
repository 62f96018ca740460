/**
 * 撤销 (void): undoes a sale of the current batch, found by its 凭证号. The 主管 authorises it with
 * the supervisor password; the customer presents the same card or payment code as for the sale; the
 * host approves and the sale's amount goes back. A sale already voided (or partly refunded), or one
 * from a settled batch, cannot be voided: [25]找不到原始交易, [12]无效交易. An approved void enters
 * the journal and its 签购单 is printed.
 */
import { assign, raise, setup } from 'xstate';
import type { AcceptanceRules, Refusal } from './acceptance.js';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { PAYMENT_METHODS, type PaymentMethod } from './domain.js';
import { reversalGuards, reversalStates, saleRefusal } from './reversal-states.js';
import { findByTrace, isVoided, refundedFen, sixDigits, type JournalEntry } from './journal.js';
import { digitOf, HOST_REPLY_MS, keyDigit } from './keyed-digits.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { passwordPromptMachine, supervisorPasswordState, type PasswordPromptOutput } from './password-prompt.js';
import { printJobMachine } from './print-job.js';

export const TRACE_LENGTH = 6;

export type VoidInput = {
  readonly port: DevicePort;
  /** The operator signed in: the void is theirs. */
  readonly operatorId: string;
  readonly rules: AcceptanceRules;
};

/** Why the 凭证号 typed cannot be voided: no such sale in this batch, or it is voided or refunded already. */
export type VoidProblem = 'notFound' | 'notVoidable';

/** The sale a typed 凭证号 points at in the current batch, and whether it can be voided. */
export const voidTarget = (port: DevicePort, trace: string): { sale: JournalEntry | undefined; problem: VoidProblem | undefined } => {
  const sale = findByTrace(port.journal(), port.batch(), trace);
  if (!sale || sale.kind !== 'sale') return { sale: undefined, problem: 'notFound' };
  const journal = port.journal();
  return { sale, problem: isVoided(journal, sale) || refundedFen(journal, sale) > 0 ? 'notVoidable' : undefined };
};

/** 凭证号000009: what was typed to find the sale, as a record names it. */
const traceAsked = (entered: string) => `凭证号${sixDigits(Number(entered))}`;

export const voidSaleMachine = setup({
  types: {
    input: {} as VoidInput,
    context: {} as VoidInput & {
      /** 凭证号 as typed. */
      entered: string;
      sale: JournalEntry | undefined;
      problem: VoidProblem | undefined;
      /** Cursor in the list of ways to present the card or code. */
      cursor: number;
      presented: PaymentMethod | undefined;
      refusal: Refusal | undefined;
    },
    events: {} as KeyEvent,
  },
  actors: { passwordPrompt: passwordPromptMachine, printJob: printJobMachine },
  delays: { hostReply: HOST_REPLY_MS },
  guards: {
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    hasTrace: ({ context }) => context.entered.length > 0,
    isFound: ({ context }) => voidTarget(context.port, context.entered).problem === undefined,
    isNotFound: ({ context }) => voidTarget(context.port, context.entered).problem === 'notFound',
    ...reversalGuards,
  },
  actions: {
    keyDigit: assign({ entered: ({ context, event }) => keyDigit(context.entered, event, TRACE_LENGTH) }),
    findSale: assign(({ context }) => voidTarget(context.port, context.entered)),
    forgetTrace: assign({ entered: '' }),
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, PAYMENT_METHODS.length, -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, PAYMENT_METHODS.length, 1) }),
    pickByDigit: assign({ cursor: ({ context, event }) => pickByDigit(digitOf(event) ?? '', PAYMENT_METHODS.length) ?? context.cursor }),
    confirmPick: raise({ type: 'ENTER' }),
    notePresented: assign({ presented: ({ context }) => PAYMENT_METHODS[context.cursor] }),
    noteRefusal: assign({ refusal: ({ context }) => saleRefusal(context) }),
    recordApproved: ({ context }) => {
      if (!context.sale) return;
      const { sale } = context;
      context.port.recordTransaction(
        { kind: 'void', amountFen: sale.amountFen, method: sale.method, responseCode: '00', original: sale },
        context.operatorId,
      );
    },
    recordNotFound: ({ context }) =>
      context.port.recordRefusal({ kind: 'void', responseCode: '25', asked: traceAsked(context.entered) }, context.operatorId),
    recordNotVoidable: ({ context }) =>
      context.port.recordRefusal({ kind: 'void', responseCode: '12', asked: traceAsked(context.entered) }, context.operatorId),
    recordMismatch: ({ context }) =>
      context.port.recordRefusal(
        {
          kind: 'void',
          responseCode: '12',
          asked: traceAsked(context.entered),
          ...(context.sale ? { amountFen: context.sale.amountFen } : {}),
        },
        context.operatorId,
      ),
    recordRefused: ({ context }) => {
      if (!context.sale || !context.refusal) return;
      const { sale, refusal } = context;
      context.port.recordTransaction(
        { kind: 'void', amountFen: sale.amountFen, method: sale.method, responseCode: refusal.code, original: sale },
        context.operatorId,
      );
    },
  },
}).createMachine({
  id: 'voidSale',
  context: ({ input }) => ({
    ...input,
    entered: '',
    sale: undefined,
    problem: undefined,
    cursor: 0,
    presented: undefined,
    refusal: undefined,
  }),
  initial: 'authorising',
  states: {
    authorising: supervisorPasswordState({
      description: 'Asks for the 主管 password (请输入主管密码): a void needs the supervisor.',
      purpose: 'authorise',
      accepted: 'trace',
      refused: 'done',
    }),
    trace: {
      description: 'Asks 请输入原凭证号 (up to six digits).',
      on: {
        DIGIT: { actions: 'keyDigit' },
        CLEAR: { actions: 'keyDigit' },
        ENTER: { guard: 'hasTrace', target: 'finding' },
        CANCEL: 'done',
      },
    },
    finding: {
      description: 'Looks the sale up in the current batch.',
      entry: 'findSale',
      always: [{ guard: 'isFound', target: 'review' }, { guard: 'isNotFound', target: 'notFound' }, { target: 'notVoidable' }],
    },
    notFound: {
      description: 'Says [25]找不到原始交易: no sale with that 凭证号 in this batch.',
      entry: 'recordNotFound',
      on: { ENTER: { target: 'trace', actions: 'forgetTrace' }, CANCEL: { target: 'trace', actions: 'forgetTrace' } },
    },
    notVoidable: {
      description: 'Says [12]无效交易: the sale was voided or refunded already.',
      entry: 'recordNotVoidable',
      on: { ENTER: { target: 'trace', actions: 'forgetTrace' }, CANCEL: { target: 'trace', actions: 'forgetTrace' } },
    },
    review: {
      description: 'Shows the sale to void (凭证号, amount, how it was paid) and asks 确认撤销?.',
      on: { ENTER: 'present', CANCEL: 'done' },
    },
    ...reversalStates({
      printing: 'Prints the 撤销 签购单.',
      approved: 'Says 撤销成功 with the amount given back.',
      commsError: 'the sale stands.',
    }),
  },
});
