/**
 * 绑定: binding the terminal again after a 关闭 or 解绑 (先关闭…然后重新绑定). A closed payment
 * service is opened again, confirmed like closing it was (the 主管 password, or a texted code where
 * the profile says so); a new settlement card is typed in (checked by the Luhn rule, shown masked)
 * or a merchant account number, each confirmed with a code texted to the merchant's phone. It
 * needs the network; offline, or 取消 before the end, nothing changes.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { isLuhnValid, type Binding } from './domain.js';
import { forwardKeysTo } from './forward-keys.js';
import { keyDigit } from './keyed-digits.js';
import { passwordPromptMachine, supervisorPasswordState, type PasswordPromptOutput } from './password-prompt.js';
import { smsVerificationMachine, type SmsVerificationOutput } from './sms-verification.js';

/** What is bound: a closed service again (from the profile's services), a new settlement card, a merchant account. */
export type BindTarget =
  { readonly kind: 'service'; readonly service: Binding } | { readonly kind: 'settlementCard' } | { readonly kind: 'merchant' };

export const CARD_NUMBER_MAX = 19;
export const MERCHANT_ID_LENGTH = 15;

export type BindInput = {
  readonly port: DevicePort;
  /** The operator who opened 设置; the record names them. */
  readonly operatorId: string;
  readonly target: BindTarget;
};

export type BindOutput = { readonly bound: boolean };

/** Why a typed number was refused: not a valid card number, or not a 15-digit merchant number. */
export type NumberProblem = 'invalidCard' | 'merchantLength';

export const bindMachine = setup({
  types: {
    input: {} as BindInput,
    context: {} as BindInput & { entered: string; problem: NumberProblem | undefined; bound: boolean },
    events: {} as KeyEvent,
    output: {} as BindOutput,
  },
  actors: { passwordPrompt: passwordPromptMachine, smsVerification: smsVerificationMachine },
  guards: {
    isService: ({ context }) => context.target.kind === 'service',
    isCard: ({ context }) => context.target.kind === 'settlementCard',
    isSmsVerified: ({ context }) => context.target.kind !== 'service' || context.target.service.verification === 'sms',
    isOnline: ({ context }) => context.port.isOnline(),
    isValidNumber: ({ context }) =>
      context.target.kind === 'settlementCard' ? isLuhnValid(context.entered) : context.entered.length === MERCHANT_ID_LENGTH,
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    wasCodeVerified: (_, output: SmsVerificationOutput) => output.result === 'verified',
    wentOffline: (_, output: SmsVerificationOutput) => output.result === 'offline',
  },
  actions: {
    keyDigit: assign({
      entered: ({ context, event }) =>
        keyDigit(context.entered, event, context.target.kind === 'settlementCard' ? CARD_NUMBER_MAX : MERCHANT_ID_LENGTH),
      problem: undefined,
    }),
    reportProblem: assign({
      problem: ({ context }): NumberProblem => (context.target.kind === 'settlementCard' ? 'invalidCard' : 'merchantLength'),
    }),
    bind: ({ context }) => {
      const { target, port, operatorId, entered } = context;
      if (target.kind === 'service') port.reopenService(target.service.id, operatorId);
      else port.bindAccount(target.kind, entered, operatorId);
    },
    markBound: assign({ bound: true }),
  },
}).createMachine({
  id: 'bind',
  context: ({ input }) => ({ ...input, entered: '', problem: undefined, bound: false }),
  initial: 'starting',
  states: {
    starting: {
      description: 'A service to open again, or an account number to type.',
      always: [{ guard: 'isService', target: 'confirming' }, { target: 'number' }],
    },
    confirming: {
      description: 'Asks 开通 …服务? and says what opening it means: the terminal accepts its payments again.',
      on: {
        ENTER: [{ guard: 'isSmsVerified', target: 'verifying' }, { guard: 'isOnline', target: 'authorising' }, { target: 'offline' }],
        CANCEL: 'cancelled',
      },
    },
    number: {
      description:
        'Asks 请输入结算卡卡号 (shown masked but for the last four digits) or 请输入商户号 (15 digits); says 卡号无效 or 商户号应为15位 after a refused number.',
      on: {
        DIGIT: { actions: 'keyDigit' },
        CLEAR: { actions: 'keyDigit' },
        ENTER: [{ guard: 'isValidNumber', target: 'review' }, { actions: 'reportProblem' }],
        CANCEL: 'cancelled',
      },
    },
    review: {
      description: 'Shows the card (masked) or merchant number to bind and where the code goes; 按[确认]提交.',
      on: { ENTER: [{ guard: 'isOnline', target: 'verifying' }, { target: 'offline' }], CANCEL: 'number' },
    },
    authorising: supervisorPasswordState({
      description: 'Asks for the 主管 password to open the service again.',
      purpose: 'confirmBind',
      accepted: 'binding',
      refused: 'confirming',
    }),
    verifying: {
      description: '短信验证: a code is texted to the merchant’s phone and typed on the device.',
      invoke: {
        id: 'code',
        src: 'smsVerification',
        input: ({ context }) => ({ port: context.port, purpose: 'bind' as const }),
        onDone: [
          { guard: { type: 'wasCodeVerified', params: ({ event }) => event.output }, target: 'binding' },
          { guard: { type: 'wentOffline', params: ({ event }) => event.output }, target: 'offline' },
          { guard: 'isService', target: 'confirming' },
          { target: 'review' },
        ],
      },
      on: forwardKeysTo('code'),
    },
    binding: {
      description: 'Checks the network once more and binds.',
      always: [{ guard: 'isOnline', target: 'bound', actions: ['bind', 'markBound'] }, { target: 'offline' }],
    },
    bound: {
      description: 'Says 云闪付服务已开通, 结算卡绑定成功 or 商户账号绑定成功, and what it means.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    offline: {
      description: 'Shows 网络连接失败: binding needs the network; nothing was changed.',
      on: {
        ENTER: [{ guard: 'isService', target: 'confirming' }, { target: 'review' }],
        CANCEL: [{ guard: 'isService', target: 'confirming' }, { target: 'review' }],
      },
    },
    done: { type: 'final', description: 'Bound; back to the list.' },
    cancelled: { type: 'final', description: 'Nothing bound.' },
  },
  output: ({ context }) => ({ bound: context.bound }),
});
