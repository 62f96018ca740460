/**
 * 消费 / 收款 (sale), also the technician's own check that a 免密 setting took effect (P5). The
 * amount is keyed in fen like on real terminals (1,2,3,4 shows 0.01, 0.12, 1.23, 12.34元), the
 * customer pays by 挥卡/闪付, 插卡 or 扫码 (云闪付, 微信, 支付宝), and what the terminal accepts
 * (menus/acceptance.ts) decides: refused ([58] a closed service, [03] no merchant, [05] a wallet
 * that cannot pay …), or through without a password (免密免签) under the terminal's 免密 settings
 * IN FORCE and, for 扫码, the payer's own wallet setting; otherwise a card asks for its PIN on the
 * keypad, and a QR payment waits while the payer confirms on the phone (请付款人在手机上确认) —
 * never on the terminal's keypad. The host answers after a short 交易处理中 on the device clock:
 * offline it never answers (通讯错误), a wrong PIN gets [55]密码错, the third
 * [75]密码错误次数超限. An approved sale enters the journal and its 签购单 is printed. 取消 at any
 * step before the host answers goes home without a sale.
 */
import { assign, raise, setup } from 'xstate';
import { decidePayment, isQrMethod, type AcceptanceRules, type PaymentDecision } from './acceptance.js';
import type { KeyEvent, PayerEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import type { PaymentMethod } from './domain.js';
import { HOST_REPLY_MS } from './keyed-digits.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { forwardKeysTo } from './forward-keys.js';
import { printJobMachine } from './print-job.js';

export type SaleInput = {
  readonly port: DevicePort;
  /** The operator who takes the sale (the one signed in), for the record. */
  readonly operatorId: string;
  /** Which service governs each payment method and which 免密 channel decides it. */
  readonly rules: AcceptanceRules;
};

/** Largest amount the device takes, in fen: 99999.99元. */
export const MAX_AMOUNT_FEN = 9_999_999;
/** Time the host takes to answer, on the device clock. */
export const SALE_PROCESSING_MS = HOST_REPLY_MS;
/** Wrong PINs before the issuer declines with [75] (a card's PIN try limit). */
export const CARD_PIN_TRIES = 3;
/** PIN lengths a PIN pad accepts (ISO 9564: 4 to 12 digits). */
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;

/** The first menu after the amount: 1.挥卡/闪付 2.插卡 3.扫码. */
export const METHOD_ITEMS = ['contactless', 'chip', 'qr'] as const;
/** The wallets behind 扫码: 1.云闪付 2.微信 3.支付宝. */
export const WALLET_ITEMS = ['qr-unionpay', 'qr-wechat', 'qr-alipay'] as const;

type Context = SaleInput & {
  amountFen: number;
  /** Cursor in the method or wallet menu. */
  cursor: number;
  method: PaymentMethod | undefined;
  decision: PaymentDecision | undefined;
  /** PIN digits typed so far; never shown, only their count. */
  pin: string;
  /** Whether the PIN sent with this request was right; undefined when none was sent (免密). */
  pinRight: boolean | undefined;
  /** Wrong PINs the issuer has answered so far. */
  wrongPins: number;
};

const digitOf = (event: KeyEvent | PayerEvent): string | undefined => (event.type === 'DIGIT' ? event.digit : undefined);

const saleSetup = setup({
  types: {
    input: {} as SaleInput,
    context: {} as Context,
    events: {} as KeyEvent | PayerEvent,
  },
  actors: { printJob: printJobMachine },
  delays: { processing: SALE_PROCESSING_MS },
  guards: {
    hasRoomForDigit: ({ context, event }) => {
      const digit = digitOf(event);
      return digit !== undefined && context.amountFen * 10 + Number(digit) <= MAX_AMOUNT_FEN;
    },
    hasAmount: ({ context }) => context.amountFen > 0,
    isValidPick: ({ event }, count: number) => {
      const digit = digitOf(event);
      return digit !== undefined && pickByDigit(digit, count) !== undefined;
    },
    isQrSelected: ({ context }) => METHOD_ITEMS[context.cursor] === 'qr',
    isRefused: ({ context }) => context.decision?.accepted === false,
    isPasswordFree: ({ context }) => context.decision?.accepted === true && context.decision.passwordFree,
    confirmsOnPhone: ({ context }) => context.decision?.accepted === true && context.decision.confirm === 'payerPhone',
    hasPinRoom: ({ context }) => context.pin.length < MAX_PIN_LENGTH,
    isPinComplete: ({ context }) => context.pin.length >= MIN_PIN_LENGTH,
    isOffline: ({ context }) => !context.port.isOnline(),
    isLastPinTryWrong: ({ context }) => context.pinRight === false && context.wrongPins + 1 >= CARD_PIN_TRIES,
    isPinWrong: ({ context }) => context.pinRight === false,
  },
  actions: {
    appendDigit: assign({ amountFen: ({ context, event }) => context.amountFen * 10 + Number(digitOf(event)) }),
    deleteDigit: assign({ amountFen: ({ context }) => Math.floor(context.amountFen / 10) }),
    resetCursor: assign({ cursor: 0 }),
    cursorUp: assign({ cursor: ({ context }, count: number) => moveCursor(context.cursor, count, -1) }),
    cursorDown: assign({ cursor: ({ context }, count: number) => moveCursor(context.cursor, count, 1) }),
    pickByDigit: assign({
      cursor: ({ context, event }, count: number) => pickByDigit(digitOf(event) ?? '', count) ?? context.cursor,
    }),
    confirmPick: raise({ type: 'ENTER' }),
    chooseCard: assign({ method: ({ context }) => (METHOD_ITEMS[context.cursor] === 'chip' ? 'chip' : 'contactless') }),
    chooseWallet: assign({ method: ({ context }) => WALLET_ITEMS[context.cursor] ?? 'qr-unionpay' }),
    decide: assign({
      // What the terminal holds now decides: bindings, and the 免密 settings IN FORCE (never a
      // change saved but not yet applied by a restart).
      // A QR payment also asks the payer's wallet (its own 小额免密, whether it can pay).
      decision: ({ context }) => {
        const method = context.method ?? 'chip';
        return decidePayment(
          context.port.facts(),
          context.rules,
          method,
          context.amountFen,
          isQrMethod(method) ? context.port.payerFacts(method) : undefined,
        );
      },
    }),
    askPayer: ({ context }) => context.port.askPayer(context.method ?? 'chip', context.amountFen),
    withdrawPayerRequest: ({ context }) => context.port.withdrawPayerRequest(),
    notePayerConfirmed: assign({ pinRight: true }),
    appendPinDigit: assign({ pin: ({ context, event }) => context.pin + (digitOf(event) ?? '') }),
    deletePinDigit: assign({ pin: ({ context }) => context.pin.slice(0, -1) }),
    sendPin: assign({ pinRight: ({ context }) => context.port.checkCardPin(context.pin), pin: '' }),
    countWrongPin: assign({ wrongPins: ({ context }) => context.wrongPins + 1, pinRight: undefined }),
    recordApproved: ({ context }) => {
      context.port.recordSale(
        {
          amountFen: context.amountFen,
          method: context.method ?? 'chip',
          channel: context.decision?.channel,
          responseCode: '00',
          passwordFree: context.decision?.accepted === true && context.decision.passwordFree,
        },
        context.operatorId,
      );
    },
    recordRefused: ({ context }) => {
      if (context.decision?.accepted !== false) return;
      context.port.recordSale(
        {
          amountFen: context.amountFen,
          method: context.method ?? 'chip',
          channel: context.decision.channel,
          responseCode: context.decision.refusal.code,
          passwordFree: false,
        },
        context.operatorId,
      );
    },
    recordDeclined: ({ context }) => {
      context.port.recordSale(
        {
          amountFen: context.amountFen,
          method: context.method ?? 'chip',
          channel: context.decision?.channel,
          responseCode: '75',
          passwordFree: false,
        },
        context.operatorId,
      );
    },
  },
});

/** 上/下 move over a numbered list of `count` items, and a digit picks one and confirms it. */
const numberedChoice = (count: number) =>
  ({
    UP: { actions: { type: 'cursorUp', params: count } },
    DOWN: { actions: { type: 'cursorDown', params: count } },
    DIGIT: { guard: { type: 'isValidPick', params: count }, actions: [{ type: 'pickByDigit', params: count }, 'confirmPick'] },
  }) as const;

export const saleMachine = saleSetup.createMachine({
  id: 'sale',
  context: ({ input }) => ({
    ...input,
    amountFen: 0,
    cursor: 0,
    method: undefined,
    decision: undefined,
    pin: '',
    pinRight: undefined,
    wrongPins: 0,
  }),
  initial: 'amount',
  states: {
    amount: {
      description: 'Says 请输入金额 and shows the amount as keyed, 0.00元 at first; 确认 goes on once it is above 0.',
      on: {
        DIGIT: { guard: 'hasRoomForDigit', actions: 'appendDigit' },
        CLEAR: { actions: 'deleteDigit' },
        ENTER: { guard: 'hasAmount', target: 'method' },
        CANCEL: 'done',
      },
    },
    method: {
      description: 'Asks 请选择支付方式: 1.挥卡/闪付 2.插卡 3.扫码.',
      entry: 'resetCursor',
      on: {
        ...numberedChoice(METHOD_ITEMS.length),
        ENTER: [
          { guard: 'isQrSelected', target: 'wallet' },
          { target: 'deciding', actions: 'chooseCard' },
        ],
        CANCEL: 'done',
      },
    },
    wallet: {
      description: 'Asks which code the customer shows: 1.云闪付 2.微信 3.支付宝.',
      entry: 'resetCursor',
      on: {
        ...numberedChoice(WALLET_ITEMS.length),
        ENTER: { target: 'deciding', actions: 'chooseWallet' },
        CANCEL: 'done',
      },
    },
    deciding: {
      description: 'What the terminal accepts decides: refused, 免密免签, or the PIN.',
      entry: 'decide',
      always: [
        { guard: 'isRefused', target: 'refused', actions: 'recordRefused' },
        { guard: 'isPasswordFree', target: 'processing' },
        { guard: 'confirmsOnPhone', target: 'awaitingPayer' },
        { target: 'pin' },
      ],
    },
    refused: {
      description:
        'Says 交易失败 with the refusal ([58]不允许终端进行的交易 for a closed service, [03]无效商户 …); nothing was charged, the refusal is recorded.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    awaitingPayer: {
      description:
        'Says 请付款人在手机上确认 and waits while the payer enters the wallet’s payment password on the phone; 取消 withdraws the payment.',
      entry: 'askPayer',
      on: {
        PAYER_CONFIRMED: { target: 'processing', actions: 'notePayerConfirmed' },
        PAYER_CANCELLED: 'payerCancelled',
        PAYER_LOCKED: { target: 'declined', actions: 'recordDeclined' },
        CANCEL: { target: 'done', actions: 'withdrawPayerRequest' },
      },
    },
    payerCancelled: {
      description: 'Says 交易失败: 付款人已取消支付 on the phone; nothing was charged.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    pin: {
      description: 'Asks 请持卡人输入密码 with one * per digit; after a wrong one, [55]密码错 and the tries left.',
      on: {
        DIGIT: { guard: 'hasPinRoom', actions: 'appendPinDigit' },
        CLEAR: { actions: 'deletePinDigit' },
        ENTER: { guard: 'isPinComplete', target: 'processing', actions: 'sendPin' },
        CANCEL: 'done',
      },
    },
    processing: {
      description: 'Says 交易处理中，请稍候 while the host answers.',
      after: {
        processing: [
          { guard: 'isOffline', target: 'commsError' },
          { guard: 'isLastPinTryWrong', target: 'declined', actions: ['countWrongPin', 'recordDeclined'] },
          { guard: 'isPinWrong', target: 'pin', actions: 'countWrongPin' },
          { target: 'printing', actions: 'recordApproved' },
        ],
      },
      on: { CANCEL: 'done' },
    },
    printing: {
      description: 'Prints the 签购单 (商户存根 and 持卡人存根).',
      invoke: {
        id: 'print',
        src: 'printJob',
        input: ({ context }) => ({ port: context.port, request: { kind: 'transaction' as const } }),
        onDone: 'approved',
      },
      on: forwardKeysTo('print'),
    },
    approved: {
      description: 'Says 交易成功 with the amount and either 交易金额未超过X元，免密免签 or that the PIN was verified.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    declined: {
      description: 'Says [75]密码错误次数超限 / 交易失败; the declined sale is recorded.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    commsError: {
      description: 'Says 通讯错误: 网络连接失败, the sale did not go through and nothing was charged.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final', description: 'Back to the home screen.' },
  },
});
