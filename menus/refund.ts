/**
 * 退货 (refund): gives back part or all of a sale, from this batch or an earlier one, found by its
 * 参考号 and the date it was made (原交易日期, MMDD). The 主管 authorises it; the amount may not
 * exceed what is left to refund ([61]超出金额限制), so a sale can be refunded in parts; a voided or
 * fully refunded sale cannot ([12]无效交易); an unknown one is [25]找不到原始交易. The customer
 * presents the card or code of the sale. An approved refund enters the journal and is printed.
 */
import { assign, raise, setup } from 'xstate';
import type { AcceptanceRules, Refusal } from './acceptance.js';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { PAYMENT_METHODS, type PaymentMethod } from './domain.js';
import { reversalGuards, reversalStates, saleRefusal } from './reversal-states.js';
import { findSaleByReference, refundableFen, type JournalEntry } from './journal.js';
import { digitOf, HOST_REPLY_MS, keyDigit } from './keyed-digits.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { passwordPromptMachine, supervisorPasswordState, type PasswordPromptOutput } from './password-prompt.js';
import { printJobMachine } from './print-job.js';
import { MAX_AMOUNT_FEN } from './sale.js';

export const REFERENCE_LENGTH = 12;
export const DATE_LENGTH = 4;

export type RefundInput = {
  readonly port: DevicePort;
  /** The operator signed in: the refund is theirs. */
  readonly operatorId: string;
  readonly rules: AcceptanceRules;
};

type Context = RefundInput & {
  reference: string;
  /** 原交易日期 as typed, MMDD. */
  date: string;
  sale: JournalEntry | undefined;
  amountFen: number;
  cursor: number;
  presented: PaymentMethod | undefined;
  refusal: Refusal | undefined;
};

/** 参考号090003000001 日期0601: what was typed to find the sale, as a record names it. */
const referenceAsked = (context: Context) => `参考号${context.reference} 日期${context.date}`;

const refundable = (context: Context) => (context.sale ? refundableFen(context.port.journal(), context.sale) : 0);

export const refundMachine = setup({
  types: {
    input: {} as RefundInput,
    context: {} as Context,
    events: {} as KeyEvent,
  },
  actors: { passwordPrompt: passwordPromptMachine, printJob: printJobMachine },
  delays: { hostReply: HOST_REPLY_MS },
  guards: {
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    hasWholeReference: ({ context }) => context.reference.length === REFERENCE_LENGTH,
    hasWholeDate: ({ context }) => context.date.length === DATE_LENGTH,
    isNotFound: ({ context }) => context.sale === undefined,
    isNothingLeft: ({ context }) => refundable(context) === 0,
    hasRoomForDigit: ({ context, event }) => {
      const digit = digitOf(event);
      return digit !== undefined && context.amountFen * 10 + Number(digit) <= MAX_AMOUNT_FEN;
    },
    hasAmount: ({ context }) => context.amountFen > 0,
    isOverRefundable: ({ context }) => context.amountFen > refundable(context),
    ...reversalGuards,
  },
  actions: {
    keyReference: assign({ reference: ({ context, event }) => keyDigit(context.reference, event, REFERENCE_LENGTH) }),
    keyDate: assign({ date: ({ context, event }) => keyDigit(context.date, event, DATE_LENGTH) }),
    findSale: assign({ sale: ({ context }) => findSaleByReference(context.port.journal(), context.reference, context.date) }),
    forgetSale: assign({ reference: '', date: '', sale: undefined }),
    forgetDate: assign({ date: '' }),
    appendDigit: assign({ amountFen: ({ context, event }) => context.amountFen * 10 + Number(digitOf(event)) }),
    deleteDigit: assign({ amountFen: ({ context }) => Math.floor(context.amountFen / 10) }),
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
        { kind: 'refund', amountFen: context.amountFen, method: sale.method, responseCode: '00', original: sale },
        context.operatorId,
      );
    },
    recordNotFound: ({ context }) =>
      context.port.recordRefusal({ kind: 'refund', responseCode: '25', asked: referenceAsked(context) }, context.operatorId),
    recordNothingLeft: ({ context }) =>
      context.port.recordRefusal({ kind: 'refund', responseCode: '12', asked: referenceAsked(context) }, context.operatorId),
    recordOverLimit: ({ context }) =>
      context.port.recordRefusal(
        { kind: 'refund', responseCode: '61', asked: referenceAsked(context), amountFen: context.amountFen },
        context.operatorId,
      ),
    recordMismatch: ({ context }) =>
      context.port.recordRefusal(
        { kind: 'refund', responseCode: '12', asked: referenceAsked(context), amountFen: context.amountFen },
        context.operatorId,
      ),
    recordRefused: ({ context }) => {
      if (!context.sale || !context.refusal) return;
      const { sale, refusal } = context;
      context.port.recordTransaction(
        { kind: 'refund', amountFen: context.amountFen, method: sale.method, responseCode: refusal.code, original: sale },
        context.operatorId,
      );
    },
  },
}).createMachine({
  id: 'refund',
  context: ({ input }) => ({
    ...input,
    reference: '',
    date: '',
    sale: undefined,
    amountFen: 0,
    cursor: 0,
    presented: undefined,
    refusal: undefined,
  }),
  initial: 'authorising',
  states: {
    authorising: supervisorPasswordState({
      description: 'Asks for the 主管 password (请输入主管密码): a refund needs the supervisor.',
      purpose: 'authorise',
      accepted: 'reference',
      refused: 'done',
    }),
    reference: {
      description: 'Asks 请输入原交易参考号 (twelve digits).',
      on: {
        DIGIT: { actions: 'keyReference' },
        CLEAR: { actions: 'keyReference' },
        ENTER: { guard: 'hasWholeReference', target: 'date' },
        CANCEL: 'done',
      },
    },
    date: {
      description: 'Asks 请输入原交易日期 (MMDD).',
      on: {
        DIGIT: { actions: 'keyDate' },
        CLEAR: { actions: 'keyDate' },
        ENTER: { guard: 'hasWholeDate', target: 'finding' },
        CANCEL: { target: 'reference', actions: 'forgetDate' },
      },
    },
    finding: {
      description: 'Looks the sale up by 参考号 and date, in any batch.',
      entry: 'findSale',
      always: [{ guard: 'isNotFound', target: 'notFound' }, { guard: 'isNothingLeft', target: 'nothingLeft' }, { target: 'amount' }],
    },
    notFound: {
      description: 'Says [25]找不到原始交易: no sale with that 参考号 on that day.',
      entry: 'recordNotFound',
      on: { ENTER: { target: 'reference', actions: 'forgetSale' }, CANCEL: { target: 'reference', actions: 'forgetSale' } },
    },
    nothingLeft: {
      description: 'Says [12]无效交易: the sale was voided or refunded in full already.',
      entry: 'recordNothingLeft',
      on: { ENTER: { target: 'reference', actions: 'forgetSale' }, CANCEL: { target: 'reference', actions: 'forgetSale' } },
    },
    amount: {
      description: 'Asks 请输入退货金额 and shows what is left to refund (可退金额).',
      on: {
        DIGIT: { guard: 'hasRoomForDigit', actions: 'appendDigit' },
        CLEAR: { actions: 'deleteDigit' },
        ENTER: [
          { guard: 'isOverRefundable', target: 'overLimit' },
          { guard: 'hasAmount', target: 'present' },
        ],
        CANCEL: 'done',
      },
    },
    overLimit: {
      description: 'Says [61]超出金额限制: more than is left to refund of the sale.',
      entry: 'recordOverLimit',
      on: { ENTER: 'amount', CANCEL: 'amount' },
    },
    ...reversalStates({
      printing: 'Prints the 退货 签购单.',
      approved: 'Says 退货成功 with the amount given back.',
      commsError: 'nothing was refunded.',
    }),
  },
});
