/**
 * The bank cards bound in a wallet app (卡片管理 / 银行卡): the list, one card's details, and in the
 * 云闪付 APP closing a card's 云闪付 service — its effects spelled out, then confirmed by the
 * payer's 支付密码, a code the wallet texts to this phone (短信验证码) or 人脸识别 (simulated: the
 * phone looks for a face for a moment). The wallet sends its notice afterwards. This is the
 * payer's card and the payer's wallet: the terminal's own 云闪付 service is not touched.
 */
import { assign, raise, setup } from 'xstate';
import type { KeyEvent } from '../device-events.js';
import type { SmsCheck } from '../device-port.js';
import { forwardKeysTo } from '../forward-keys.js';
import { digitOf, HOST_REPLY_MS } from '../keyed-digits.js';
import { moveCursor, pickByDigit } from '../menu-cursor.js';
import { SMS_CODE_LENGTH } from '../sms-verification.js';
import { CARD_VERIFICATIONS, type CardVerification, type WalletCard, type WalletId } from './phone-domain.js';
import type { PhonePort } from './phone-port.js';
import { closesUnionpayService } from './wallet-menus.js';
import { walletPasswordMachine, type WalletPasswordOutput } from './wallet-password.js';

export type WalletCardsInput = { readonly port: PhonePort; readonly wallet: WalletId };

/** How long 人脸识别 looks at the face before it says who it is, on the device clock. */
export const FACE_SCAN_MS = HOST_REPLY_MS;

type Context = WalletCardsInput & {
  /** The card under the cursor in the list. */
  cursor: number;
  /** The verification under the cursor: 1.支付密码 2.短信验证码 3.人脸识别. */
  method: number;
  /** Code digits typed so far; shown masked. */
  entered: string;
  codeCheck: SmsCheck | undefined;
};

const cardsOf = (context: WalletCardsInput): readonly WalletCard[] => context.port.account(context.wallet).cards;
const selectedCard = (context: Context): WalletCard | undefined => cardsOf(context)[context.cursor];

export const walletCardsMachine = setup({
  types: {
    input: {} as WalletCardsInput,
    context: {} as Context,
    events: {} as KeyEvent,
  },
  actors: { walletPassword: walletPasswordMachine },
  delays: { faceScan: FACE_SCAN_MS },
  guards: {
    hasCards: ({ context }) => cardsOf(context).length > 0,
    isValidCardPick: ({ context, event }) => pickByDigit(digitOf(event) ?? '', cardsOf(context).length) !== undefined,
    isValidMethodPick: ({ event }) => pickByDigit(digitOf(event) ?? '', CARD_VERIFICATIONS.length) !== undefined,
    canCloseService: ({ context }) => closesUnionpayService(context.wallet) && selectedCard(context)?.unionpayService === true,
    isMethod: ({ context }, method: CardVerification) => CARD_VERIFICATIONS[context.method] === method,
    wasAccepted: (_, output: WalletPasswordOutput) => output.result === 'accepted',
    hasRoom: ({ context }) => context.entered.length < SMS_CODE_LENGTH,
    hasWholeCode: ({ context }) => context.entered.length === SMS_CODE_LENGTH,
    codeAccepted: ({ context }) => context.codeCheck?.result === 'accepted',
    codeVoid: ({ context }) => context.codeCheck?.result === 'expired' || context.codeCheck?.result === 'exhausted',
  },
  actions: {
    cardUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, cardsOf(context).length, -1) }),
    cardDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, cardsOf(context).length, 1) }),
    pickCard: assign({ cursor: ({ context, event }) => pickByDigit(digitOf(event) ?? '', cardsOf(context).length) ?? context.cursor }),
    methodUp: assign({ method: ({ context }) => moveCursor(context.method, CARD_VERIFICATIONS.length, -1) }),
    methodDown: assign({ method: ({ context }) => moveCursor(context.method, CARD_VERIFICATIONS.length, 1) }),
    pickMethod: assign({ method: ({ context, event }) => pickByDigit(digitOf(event) ?? '', CARD_VERIFICATIONS.length) ?? context.method }),
    resetMethod: assign({ method: 0 }),
    confirmPick: raise({ type: 'ENTER' }),
    sendCode: ({ context }) => {
      context.port.sendWalletCode(context.wallet);
    },
    forgetCode: assign({ entered: '', codeCheck: undefined }),
    appendDigit: assign({ entered: ({ context, event }) => context.entered + (digitOf(event) ?? '') }),
    deleteDigit: assign({ entered: ({ context }) => context.entered.slice(0, -1) }),
    checkCode: assign({ codeCheck: ({ context }) => context.port.checkWalletCode(context.entered), entered: '' }),
    closeService: ({ context }, how: CardVerification) => {
      const card = selectedCard(context);
      if (card) context.port.closeCardService(context.wallet, card.id, how);
    },
  },
}).createMachine({
  id: 'walletCards',
  context: ({ input }) => ({ ...input, cursor: 0, method: 0, entered: '', codeCheck: undefined }),
  initial: 'list',
  states: {
    list: {
      description:
        'Lists the bank cards bound in the wallet (bank, type, ****1234; in 云闪付 whether its 云闪付 service is open), or 暂无银行卡.',
      on: {
        UP: { actions: 'cardUp' },
        DOWN: { actions: 'cardDown' },
        DIGIT: { guard: 'isValidCardPick', actions: ['pickCard', 'confirmPick'] },
        ENTER: { guard: 'hasCards', target: 'detail' },
        CANCEL: 'done',
      },
    },
    detail: {
      description: 'Shows one card: bank, type, ****1234 and its 云闪付 service; in 云闪付 an open one offers 关闭云闪付服务.',
      on: { ENTER: { guard: 'canCloseService', target: 'confirming' }, CANCEL: 'list' },
    },
    confirming: {
      description:
        'Asks 确认关闭云闪付服务? and spells out the effects: this card no longer pays through 云闪付; the card itself and the merchant’s terminal are not affected.',
      on: { ENTER: { target: 'choosing', actions: 'resetMethod' }, CANCEL: 'detail' },
    },
    choosing: {
      description: 'Asks how to confirm who the payer is: 1.支付密码 2.短信验证码 3.人脸识别.',
      on: {
        UP: { actions: 'methodUp' },
        DOWN: { actions: 'methodDown' },
        DIGIT: { guard: 'isValidMethodPick', actions: ['pickMethod', 'confirmPick'] },
        ENTER: [
          { guard: { type: 'isMethod', params: 'password' }, target: 'byPassword' },
          { guard: { type: 'isMethod', params: 'sms' }, target: 'byCode' },
          { target: 'byFace' },
        ],
        CANCEL: 'detail',
      },
    },
    byPassword: {
      description: 'Asks for the wallet’s payment password.',
      invoke: {
        id: 'password',
        src: 'walletPassword',
        input: ({ context }) => ({ port: context.port, wallet: context.wallet, purpose: 'closeService' as const }),
        onDone: [
          {
            guard: { type: 'wasAccepted', params: ({ event }) => event.output },
            target: 'closed',
            actions: { type: 'closeService', params: 'password' },
          },
          { target: 'choosing' },
        ],
      },
      on: forwardKeysTo('password'),
    },
    byCode: {
      description: 'The wallet texts a code to this phone (验证码已发送至 138****1234); the payer types it.',
      entry: ['forgetCode', 'sendCode'],
      initial: 'entering',
      states: {
        entering: {
          description: 'Shows one * per digit typed; 验证码错误 with the tries left after a wrong one.',
          on: {
            DIGIT: { guard: 'hasRoom', actions: 'appendDigit' },
            CLEAR: { actions: 'deleteDigit' },
            ENTER: { guard: 'hasWholeCode', target: 'checking', actions: 'checkCode' },
          },
        },
        checking: {
          description: 'The wallet has judged the code.',
          always: [
            { guard: 'codeAccepted', target: '#walletCards.closed', actions: { type: 'closeService', params: 'sms' } },
            { guard: 'codeVoid', target: 'void' },
            { target: 'entering' },
          ],
        },
        void: {
          description: 'Says 验证码已失效，请重新获取: expired, or too many wrong tries; 确认 texts a new one.',
          on: { ENTER: { target: '#walletCards.byCode', reenter: true } },
        },
      },
      on: { CANCEL: 'choosing' },
    },
    byFace: {
      description: 'Says 请正对手机屏幕 while 人脸识别 looks for the payer’s face for a moment (simulated: it is always the payer).',
      after: { faceScan: { target: 'closed', actions: { type: 'closeService', params: 'face' } } },
      on: { CANCEL: 'choosing' },
    },
    closed: {
      description: 'Says 已关闭该卡的云闪付服务; the wallet sends its notice.',
      on: { ENTER: 'list', CANCEL: 'list' },
    },
    done: { type: 'final', description: 'Back to the app’s menu.' },
  },
});
