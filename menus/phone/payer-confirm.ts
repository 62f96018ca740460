/**
 * A QR payment confirmed on the payer's phone: the wallet shows who is paid and how much, and asks
 * for its payment password (never the terminal's keypad). The answer goes to the terminal, which
 * waits for it: confirmed, cancelled by the payer, or failed because the password locked. The
 * terminal may withdraw the payment first (its operator cancelled). The result shows for a moment.
 */
import { assign, forwardTo, setup } from 'xstate';
import { KEY_EVENT_TYPES } from '../device-events.js';
import { HOST_REPLY_MS } from '../keyed-digits.js';
import type { PayerAnswer, PaymentRequest, PhoneEvent, WalletId } from './phone-domain.js';
import type { PhonePort } from './phone-port.js';
import { walletPasswordMachine, type WalletPasswordOutput } from './wallet-password.js';

export type PayerConfirmInput = { readonly port: PhonePort; readonly wallet: WalletId };

/** How long the result stays on the phone before it goes back home, on the device clock. */
export const PAYMENT_RESULT_MS = HOST_REPLY_MS;

export type PaymentOutcome = PayerAnswer | 'withdrawn';

const forwardKeys = Object.fromEntries(KEY_EVENT_TYPES.map((type) => [type, { actions: forwardTo('password') }]));

export const payerConfirmMachine = setup({
  types: {
    input: {} as PayerConfirmInput,
    context: {} as PayerConfirmInput & {
      /** The payment as it was asked, kept for the result once the request is answered. */
      readonly request: PaymentRequest | undefined;
      outcome: PaymentOutcome;
    },
    events: {} as PhoneEvent,
  },
  actors: { walletPassword: walletPasswordMachine },
  delays: { resultShown: PAYMENT_RESULT_MS },
  guards: {
    isResult: (_, params: { readonly output: WalletPasswordOutput; readonly result: WalletPasswordOutput['result'] }) =>
      params.output.result === params.result,
  },
  actions: {
    answer: ({ context }, outcome: PayerAnswer) => context.port.answerPayment(outcome),
    noteOutcome: assign({ outcome: (_, outcome: PaymentOutcome) => outcome }),
  },
}).createMachine({
  id: 'payerConfirm',
  context: ({ input }) => ({ ...input, request: input.port.paymentRequest(), outcome: 'cancelled' }),
  initial: 'entering',
  states: {
    entering: {
      description:
        'Shows the payment (付款给 the merchant, ¥ amount, the card it is paid from) and asks for the wallet’s payment password.',
      invoke: {
        id: 'password',
        src: 'walletPassword',
        input: ({ context }) => ({ port: context.port, wallet: context.wallet, purpose: 'pay' as const }),
        onDone: [
          {
            guard: { type: 'isResult', params: ({ event }) => ({ output: event.output, result: 'accepted' as const }) },
            target: 'result',
            actions: [
              { type: 'noteOutcome', params: 'confirmed' },
              { type: 'answer', params: 'confirmed' },
            ],
          },
          {
            guard: { type: 'isResult', params: ({ event }) => ({ output: event.output, result: 'locked' as const }) },
            target: 'result',
            actions: [
              { type: 'noteOutcome', params: 'locked' },
              { type: 'answer', params: 'locked' },
            ],
          },
          {
            target: 'result',
            actions: [
              { type: 'noteOutcome', params: 'cancelled' },
              { type: 'answer', params: 'cancelled' },
            ],
          },
        ],
      },
      on: { ...forwardKeys, PAYMENT_WITHDRAWN: { target: 'result', actions: { type: 'noteOutcome', params: 'withdrawn' } } },
    },
    result: {
      description:
        'Says how it ended — 支付成功 (the terminal finishes the sale), 已取消付款, 付款失败 (the password locked) or 付款已取消 (the terminal withdrew it) — for a moment, then the home screen.',
      after: { resultShown: 'done' },
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final', description: 'Back to the phone’s home screen.' },
  },
});
