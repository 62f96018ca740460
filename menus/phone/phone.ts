/**
 * The phone beside the terminal: a home screen with its apps — 短信 (the texts it received, such
 * as the codes the terminal's acquirer sends) and the wallet apps (云闪付, 微信, 支付宝) — and the
 * newest thing not yet looked at. A QR payment the terminal asks the payer to confirm comes up on
 * top of whatever is open (PAYMENT_REQUEST), as a wallet's payment sheet does. The phone's keys are
 * the keypad's (digits, 确认, 取消, 清除, 上, 下); 取消 goes back, and from an app's top page home.
 */
import { assign, forwardTo, raise, setup } from 'xstate';
import { KEY_EVENT_TYPES } from '../device-events.js';
import { forwardKeysTo } from '../forward-keys.js';
import { moveCursor, pickByDigit } from '../menu-cursor.js';
import { payerConfirmMachine } from './payer-confirm.js';
import type { PhoneEvent, WalletId } from './phone-domain.js';
import type { PhoneConfig, PhonePort } from './phone-port.js';
import { walletAppMachine } from './wallet-app.js';

export type PhoneInput = { readonly port: PhonePort; readonly config: PhoneConfig };

/** The apps on the home screen, in order: 短信, then the wallets. */
export type PhoneApp = 'sms' | WalletId;

export const phoneApps = (config: PhoneConfig): readonly PhoneApp[] => ['sms', ...config.wallets];

type Context = PhoneInput & {
  /** The app under the cursor on the home screen. */
  cursor: number;
  /** The wallet app open. */
  wallet: WalletId | undefined;
  /** The text under the cursor in 短信 (0 the newest). */
  textCursor: number;
};

const digitIn = (event: PhoneEvent): string | undefined => (event.type === 'DIGIT' ? event.digit : undefined);
const appCount = (context: PhoneInput) => phoneApps(context.config).length;
const textCount = (context: PhoneInput) => context.port.texts().length;

export const phoneMachine = setup({
  types: {
    input: {} as PhoneInput,
    context: {} as Context,
    events: {} as PhoneEvent,
  },
  actors: { walletApp: walletAppMachine, payerConfirm: payerConfirmMachine },
  guards: {
    isValidPick: ({ context, event }) => pickByDigit(digitIn(event) ?? '', appCount(context)) !== undefined,
    isSmsSelected: ({ context }) => phoneApps(context.config)[context.cursor] === 'sms',
    hasTexts: ({ context }) => textCount(context) > 0,
    hasRequest: ({ context }) => context.port.paymentRequest() !== undefined,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, appCount(context), -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, appCount(context), 1) }),
    pickByDigit: assign({ cursor: ({ context, event }) => pickByDigit(digitIn(event) ?? '', appCount(context)) ?? context.cursor }),
    confirmPick: raise({ type: 'ENTER' }),
    openWallet: assign({ wallet: ({ context }) => phoneApps(context.config)[context.cursor] as WalletId }),
    readTexts: ({ context }) => context.port.markRead('sms'),
    resetTextCursor: assign({ textCursor: 0 }),
    textUp: assign({ textCursor: ({ context }) => moveCursor(context.textCursor, textCount(context), -1) }),
    textDown: assign({ textCursor: ({ context }) => moveCursor(context.textCursor, textCount(context), 1) }),
  },
}).createMachine({
  id: 'phone',
  context: ({ input }) => ({ ...input, cursor: 0, wallet: undefined, textCursor: 0 }),
  initial: 'home',
  on: {
    PAYMENT_REQUEST: { guard: 'hasRequest', target: '.paying' },
  },
  states: {
    home: {
      description: 'The home screen: the newest text or wallet notice not yet read, and the apps 1.短信 2.云闪付 3.微信 4.支付宝.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', actions: ['pickByDigit', 'confirmPick'] },
        ENTER: [
          { guard: 'isSmsSelected', target: 'sms', actions: 'resetTextCursor' },
          { target: 'wallet', actions: 'openWallet' },
        ],
      },
    },
    sms: {
      description: '短信: the texts received, newest first (sender and time), or 暂无短信; they are read now.',
      entry: 'readTexts',
      on: {
        UP: { actions: 'textUp' },
        DOWN: { actions: 'textDown' },
        ENTER: { guard: 'hasTexts', target: 'reading' },
        CANCEL: 'home',
      },
    },
    reading: {
      description: 'Shows one text in full: sender, time and the message (【银联商务】您的验证码为…).',
      on: { ENTER: 'sms', CANCEL: 'sms' },
    },
    wallet: {
      description: 'A wallet app is open.',
      invoke: {
        id: 'app',
        src: 'walletApp',
        input: ({ context }) => ({ port: context.port, wallet: context.wallet ?? 'unionpay' }),
        onDone: 'home',
      },
      on: forwardKeysTo('app'),
    },
    paying: {
      description: 'A payment to confirm is on top: the wallet’s payment sheet.',
      invoke: {
        id: 'sheet',
        src: 'payerConfirm',
        input: ({ context }) => ({ port: context.port, wallet: context.port.paymentRequest()?.wallet ?? 'unionpay' }),
        onDone: 'home',
      },
      on: {
        ...Object.fromEntries(KEY_EVENT_TYPES.map((type) => [type, { actions: forwardTo('sheet') }])),
        PAYMENT_WITHDRAWN: { actions: forwardTo('sheet') },
      },
    },
  },
});
