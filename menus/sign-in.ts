/**
 * 签到: an operator signs in for the day before the first transaction. The device asks for the
 * 操作员号 (two digits) and that operator's password, then the host answers 签到成功 with the batch
 * number (批次号). Only ordinary operators (收银员, 01–05) sign in to transact: the 主管 and the
 * 系统管理员 are refused. Signing in needs the network and a merchant account the host knows.
 */
import { assign, setup } from 'xstate';
import { terminalRefusal, type Refusal } from './acceptance.js';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { forwardKeysTo } from './forward-keys.js';
import { HOST_REPLY_MS, keyDigit } from './keyed-digits.js';
import { passwordPromptMachine, type PasswordPromptOutput } from './password-prompt.js';

export const OPERATOR_ID_LENGTH = 2;

export type SignInInput = { readonly port: DevicePort };

/** Why the 操作员号 typed was not taken: no such operator, or one who may not transact. */
export type OperatorProblem = 'unknown' | 'notTeller';

export const signInMachine = setup({
  types: {
    input: {} as SignInInput,
    context: {} as SignInInput & {
      /** 操作员号 as typed. */
      entered: string;
      problem: OperatorProblem | undefined;
      refusal: Refusal | undefined;
    },
    events: {} as KeyEvent,
  },
  actors: { passwordPrompt: passwordPromptMachine },
  delays: { hostReply: HOST_REPLY_MS },
  guards: {
    hasWholeId: ({ context }) => context.entered.length === OPERATOR_ID_LENGTH,
    isUnknown: ({ context }) => !context.port.operators().some((operator) => operator.id === context.entered),
    isNotTeller: ({ context }) => context.port.operators().find((operator) => operator.id === context.entered)?.role !== 'operator',
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    isOffline: ({ context }) => !context.port.isOnline(),
    isRefused: ({ context }) => terminalRefusal(context.port.facts())?.reason === 'noMerchant',
  },
  actions: {
    keyDigit: assign({ entered: ({ context, event }) => keyDigit(context.entered, event, OPERATOR_ID_LENGTH), problem: undefined }),
    reportUnknown: assign({ problem: 'unknown' as const, entered: '' }),
    reportNotTeller: assign({ problem: 'notTeller' as const, entered: '' }),
    noteRefusal: assign({ refusal: ({ context }) => terminalRefusal(context.port.facts()) }),
    signIn: ({ context }) => context.port.signIn(context.entered),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => ({ ...input, entered: '', problem: undefined, refusal: undefined }),
  initial: 'operator',
  states: {
    operator: {
      description: 'Asks 请输入操作员号 (two digits); says 操作员不存在 or that this operator may not sign in after a refused number.',
      on: {
        DIGIT: { actions: 'keyDigit' },
        CLEAR: { actions: 'keyDigit' },
        ENTER: { guard: 'hasWholeId', target: 'checkingOperator' },
        CANCEL: 'cancelled',
      },
    },
    checkingOperator: {
      description: 'Looks the operator up.',
      always: [
        { guard: 'isUnknown', target: 'operator', actions: 'reportUnknown' },
        { guard: 'isNotTeller', target: 'operator', actions: 'reportNotTeller' },
        { target: 'password' },
      ],
    },
    password: {
      description: "Asks for the operator's password (请输入操作员密码).",
      invoke: {
        id: 'password',
        src: 'passwordPrompt',
        input: ({ context }) => ({ port: context.port, operatorId: context.entered, purpose: 'signIn' as const }),
        onDone: [{ guard: { type: 'wasAccepted', params: ({ event }) => event.output }, target: 'connecting' }, { target: 'operator' }],
      },
      on: forwardKeysTo('password'),
    },
    connecting: {
      description: 'Says 签到中，请稍候 while the host answers.',
      after: {
        hostReply: [
          { guard: 'isOffline', target: 'commsError' },
          { guard: 'isRefused', target: 'refused', actions: 'noteRefusal' },
          { target: 'signedIn', actions: 'signIn' },
        ],
      },
    },
    signedIn: {
      description: 'Says 签到成功 with the operator and the batch number (批次号).',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    commsError: {
      description: 'Says 通讯错误: the host did not answer; not signed in. 确认 tries again.',
      on: { ENTER: 'operator', CANCEL: 'cancelled' },
    },
    refused: {
      description: 'Says [03]无效商户: the terminal has no merchant account the host knows; not signed in.',
      on: { ENTER: 'cancelled', CANCEL: 'cancelled' },
    },
    done: { type: 'final', description: 'Signed in.' },
    cancelled: { type: 'final', description: 'Not signed in.' },
  },
});
