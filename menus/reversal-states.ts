/**
 * How 撤销 and 退货 end alike: the customer presents the card or code the sale was paid with, the
 * host answers (or the network does not), the 签购单 prints and the outcome shows. Each machine
 * names its own words (撤销成功, 退货成功) and keeps the actions and guards these states name.
 */
import { methodRefusal, type AcceptanceRules, type Refusal } from './acceptance.js';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { PAYMENT_METHODS } from './domain.js';
import { forwardKeysTo } from './forward-keys.js';
import type { JournalEntry } from './journal.js';
import { digitOf } from './keyed-digits.js';
import { pickByDigit } from './menu-cursor.js';

export type ReversalWords = {
  /** The slip printed: 'Prints the 撤销 签购单.' */
  readonly printing: string;
  /** The success screen: 'Says 撤销成功 with the amount given back.' */
  readonly approved: string;
  /** What 通讯错误 leaves as it was: 'the sale stands.' */
  readonly commsError: string;
};

export const reversalStates = (words: ReversalWords) =>
  ({
    present: {
      description: 'Asks how the customer presents the card or code of the sale: 1.挥卡/闪付 2.插卡 3.云闪付 4.微信 5.支付宝.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', actions: ['pickByDigit', 'confirmPick'] },
        ENTER: [
          { guard: 'isSameMethod', target: 'processing', actions: 'notePresented' },
          { target: 'mismatch', actions: 'notePresented' },
        ],
        CANCEL: 'done',
      },
    },
    mismatch: {
      description: 'Says [12]无效交易: not the card or code the sale was paid with.',
      entry: 'recordMismatch',
      on: { ENTER: 'present', CANCEL: 'present' },
    },
    processing: {
      description: 'Says 交易处理中，请稍候 while the host answers.',
      after: {
        hostReply: [
          { guard: 'isOffline', target: 'commsError' },
          { guard: 'isRefused', target: 'refused', actions: ['noteRefusal', 'recordRefused'] },
          { target: 'printing', actions: 'recordApproved' },
        ],
      },
    },
    printing: {
      description: words.printing,
      invoke: {
        id: 'print',
        src: 'printJob',
        input: ({ context }: { context: { port: DevicePort } }) => ({ port: context.port, request: { kind: 'transaction' as const } }),
        onDone: 'approved',
      },
      on: forwardKeysTo('print'),
    },
    approved: {
      description: words.approved,
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    refused: {
      description: 'Says 交易失败 with the refusal ([03]无效商户, [58] …); nothing changed.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    commsError: {
      description: `Says 通讯错误: the host did not answer; ${words.commsError}`,
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final' },
  }) as const;

/** What the states above need of a machine's context. */
type ReversalContext = {
  readonly port: DevicePort;
  readonly rules: AcceptanceRules;
  readonly sale: JournalEntry | undefined;
  readonly cursor: number;
};

/** The guards the states above name, for the machine's `setup`. */
export const reversalGuards = {
  isValidPick: ({ event }: { event: KeyEvent }) => pickByDigit(digitOf(event) ?? '', PAYMENT_METHODS.length) !== undefined,
  isSameMethod: ({ context }: { context: ReversalContext }) => PAYMENT_METHODS[context.cursor] === context.sale?.method,
  isOffline: ({ context }: { context: ReversalContext }) => !context.port.isOnline(),
  isRefused: ({ context }: { context: ReversalContext }) => saleRefusal(context) !== undefined,
};

/** Why the host refuses to give back the sale now ([58] once its service is closed), if it does. */
export const saleRefusal = (context: ReversalContext): Refusal | undefined =>
  methodRefusal(context.port.facts(), context.rules, context.sale?.method ?? 'chip');
