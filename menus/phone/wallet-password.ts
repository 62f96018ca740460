/**
 * A wallet's payment password (请输入支付密码) on the phone: six digits, shown as dots, checked by
 * the wallet's provider as soon as the sixth is typed, as wallet apps do. A wrong one says how
 * many tries are left; too many lock the password for a while (the provider keeps the count).
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from '../device-events.js';
import type { PasswordCheck } from '../device-port.js';
import { digitOf } from '../keyed-digits.js';
import { WALLET_PASSWORD_LENGTH, type WalletId, type WalletPasswordPurpose } from './phone-domain.js';
import type { PhonePort } from './phone-port.js';

export type WalletPasswordInput = {
  readonly port: PhonePort;
  readonly wallet: WalletId;
  /** What the password confirms: decides the prompt's words. */
  readonly purpose: WalletPasswordPurpose;
};

export type WalletPasswordResult = 'accepted' | 'cancelled' | 'locked';
export type WalletPasswordOutput = { readonly result: WalletPasswordResult };

export const walletPasswordMachine = setup({
  types: {
    input: {} as WalletPasswordInput,
    context: {} as WalletPasswordInput & {
      /** Digits typed so far; never shown, only their count. */
      entered: string;
      lastCheck: PasswordCheck | undefined;
      result: WalletPasswordResult;
    },
    events: {} as KeyEvent,
    output: {} as WalletPasswordOutput,
  },
  guards: {
    isLocked: ({ context }) => context.port.walletLockedUntil(context.wallet) !== undefined,
    completesPassword: ({ context, event }) => digitOf(event) !== undefined && context.entered.length === WALLET_PASSWORD_LENGTH - 1,
    wasAccepted: ({ context }) => context.lastCheck?.result === 'accepted',
    wasLocked: ({ context }) => context.lastCheck?.result === 'locked',
  },
  actions: {
    appendDigit: assign({ entered: ({ context, event }) => context.entered + (digitOf(event) ?? '') }),
    deleteDigit: assign({ entered: ({ context }) => context.entered.slice(0, -1) }),
    checkPassword: assign({
      lastCheck: ({ context, event }) => context.port.checkWalletPassword(context.wallet, context.entered + (digitOf(event) ?? '')),
      entered: '',
    }),
    finishAccepted: assign({ result: 'accepted' as const }),
    finishLocked: assign({ result: 'locked' as const }),
  },
}).createMachine({
  id: 'walletPassword',
  context: ({ input }) => ({ ...input, entered: '', lastCheck: undefined, result: 'cancelled' }),
  initial: 'starting',
  states: {
    starting: {
      description: 'Decides whether the password may be tried at all.',
      always: [{ guard: 'isLocked', target: 'locked' }, { target: 'entering' }],
    },
    entering: {
      description: 'Shows 请输入支付密码 with six boxes, a * in each digit typed; 支付密码错误 with the tries left after a wrong one.',
      on: {
        DIGIT: [{ guard: 'completesPassword', target: 'checking', actions: 'checkPassword' }, { actions: 'appendDigit' }],
        CLEAR: { actions: 'deleteDigit' },
        CANCEL: 'cancelled',
      },
    },
    checking: {
      description: 'The wallet has judged the password; the phone moves on at once.',
      always: [{ guard: 'wasAccepted', target: 'accepted' }, { guard: 'wasLocked', target: 'locked' }, { target: 'entering' }],
    },
    locked: {
      description: 'Says 支付密码已锁定 and when it may be tried again; 确认 or 取消 leave.',
      on: { ENTER: 'lockedOut', CANCEL: 'lockedOut' },
    },
    accepted: { type: 'final', description: 'The password was right.', entry: 'finishAccepted' },
    lockedOut: { type: 'final', description: 'The password is locked; nothing was done.', entry: 'finishLocked' },
    cancelled: { type: 'final', description: 'The payer pressed 取消.' },
  },
  output: ({ context }) => ({ result: context.result }),
});
