/**
 * 短信验证: the acquirer texts a code to the merchant's phone (验证码已发送至 138****1234) and the
 * operator types it on the device. A wrong code says how many tries are left; a code is good for
 * the profile's lifetime on the device clock (5 minutes), after which, or after too many wrong
 * tries, the operator asks for a new one. Sending and checking a code need the network.
 * The machine never sees the code: the store texts it and judges what was typed.
 */
import { and, assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort, SmsCheck, SmsDelivery, SmsPurpose } from './device-port.js';

/** Digits in a texted code. */
export const SMS_CODE_LENGTH = 6;

export type SmsVerificationInput = {
  readonly port: DevicePort;
  /** What the code confirms: closing a payment service, or 解绑. */
  readonly purpose: SmsPurpose;
};

export type SmsVerificationResult = 'verified' | 'cancelled' | 'offline';
export type SmsVerificationOutput = { readonly result: SmsVerificationResult };

export const smsVerificationMachine = setup({
  types: {
    input: {} as SmsVerificationInput,
    context: {} as SmsVerificationInput & {
      /** Where the last code went and until when it is good. */
      delivery: SmsDelivery | undefined;
      /** Digits typed so far; shown masked, like a password. */
      entered: string;
      /** The store's answer to the last code typed, or expired when the code ran out on screen. */
      lastCheck: SmsCheck | undefined;
      result: SmsVerificationResult;
    },
    events: {} as KeyEvent,
    output: {} as SmsVerificationOutput,
  },
  guards: {
    isOffline: ({ context }) => !context.port.isOnline(),
    hasRoom: ({ context }) => context.entered.length < SMS_CODE_LENGTH,
    hasWholeCode: ({ context }) => context.entered.length === SMS_CODE_LENGTH,
    wasAccepted: ({ context }) => context.lastCheck?.result === 'accepted',
    isCodeVoid: ({ context }) => context.lastCheck?.result === 'expired' || context.lastCheck?.result === 'exhausted',
  },
  actions: {
    sendCode: assign({
      delivery: ({ context }) => context.port.sendSmsCode(context.purpose),
      entered: '',
      lastCheck: undefined,
    }),
    appendDigit: assign({
      entered: ({ context, event }) => (event.type === 'DIGIT' ? context.entered + event.digit : context.entered),
    }),
    deleteDigit: assign({ entered: ({ context }) => context.entered.slice(0, -1) }),
    checkCode: assign({
      lastCheck: ({ context }) => context.port.checkSmsCode(context.entered),
      entered: '',
    }),
    markExpired: assign({ lastCheck: { result: 'expired' } as SmsCheck, entered: '' }),
    finishVerified: assign({ result: 'verified' as const }),
    finishOffline: assign({ result: 'offline' as const }),
  },
  delays: {
    codeLifetime: ({ context }) => Math.max(0, (context.delivery?.expiresAt ?? 0) - context.port.now()),
  },
}).createMachine({
  id: 'smsVerification',
  context: ({ input }) => ({ ...input, delivery: undefined, entered: '', lastCheck: undefined, result: 'cancelled' }),
  initial: 'sending',
  states: {
    sending: {
      description: 'Asks the acquirer to text a new code to the merchant’s phone; offline, nothing is sent.',
      always: [
        { guard: 'isOffline', target: 'unreachable' },
        { target: 'entering', actions: 'sendCode' },
      ],
    },
    entering: {
      description: 'Shows 验证码已发送至 138****1234 and one * per digit typed; 验证码错误 with the tries left after a wrong one.',
      after: { codeLifetime: { target: 'expired', actions: 'markExpired' } },
      on: {
        DIGIT: { guard: 'hasRoom', actions: 'appendDigit' },
        CLEAR: { actions: 'deleteDigit' },
        ENTER: [
          { guard: and(['hasWholeCode', 'isOffline']), target: 'unreachable' },
          { guard: 'hasWholeCode', target: 'checking', actions: 'checkCode' },
        ],
        CANCEL: 'cancelled',
      },
    },
    checking: {
      description: 'The acquirer has judged the code; the device moves on at once.',
      always: [{ guard: 'wasAccepted', target: 'verified' }, { guard: 'isCodeVoid', target: 'expired' }, { target: 'entering' }],
    },
    expired: {
      description: 'Shows 验证码已过期，请重新获取 (or 验证码错误次数过多); 确认 texts a new code.',
      on: { ENTER: 'sending', CANCEL: 'cancelled' },
    },
    verified: { type: 'final', description: 'The code was right.', entry: 'finishVerified' },
    unreachable: { type: 'final', description: 'No network: no code was sent or checked.', entry: 'finishOffline' },
    cancelled: { type: 'final', description: 'The operator pressed 取消.' },
  },
  output: ({ context }) => ({ result: context.result }),
});
