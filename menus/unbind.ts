/**
 * 解绑: unbinding the terminal from the merchant account or the settlement card. The operator picks
 * a reason (1.更换结算账户 2.商户停业 3.其他), reviews the account and submits; the acquirer texts a
 * code to the merchant's phone (短信验证); once it is typed right the funds settle (资金清算, a
 * while on the device clock) and the binding is removed (商户信息已更新); the application then goes
 * to the acquirer's review (审核, menus/funds-transfer.ts), after which the funds are moved. It needs
 * the network from submitting to the end of the settlement; offline, or 取消 anywhere before,
 * nothing changes.
 */
import { assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { UNBIND_REASONS, type Binding, type UnbindReason } from './domain.js';
import { forwardKeysTo } from './forward-keys.js';
import { FUNDS_TRANSFER_ID, UNBIND_REVIEW_MS } from './funds-transfer.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { smsVerificationMachine, type SmsVerificationOutput } from './sms-verification.js';

/** How long 资金清算 takes on the device clock. */
export const SETTLEMENT_MS = 3000;

export type UnbindInput = {
  readonly port: DevicePort;
  /** The operator who opened 设置; the record names them. */
  readonly operatorId: string;
  /** The merchant account or settlement card to unbind. */
  readonly binding: Binding;
};

export type UnbindOutput = {
  readonly unbound: boolean;
  /** Why, and what was unbound: 更换结算账户 of the settlement card leads on to binding the new one. */
  readonly reason: UnbindReason;
  readonly kind: Binding['kind'];
};

/** The reason at a cursor position. */
export const selectedReason = (cursor: number): UnbindReason => UNBIND_REASONS[cursor] ?? 'other';

export const unbindMachine = setup({
  types: {
    input: {} as UnbindInput,
    context: {} as UnbindInput & {
      /** The reason under the cursor, an index into UNBIND_REASONS. */
      cursor: number;
      /** When 资金清算 started, on the device clock (for its progress bar). */
      settlingSince: number;
      unbound: boolean;
    },
    events: {} as KeyEvent,
    output: {} as UnbindOutput,
  },
  actors: { smsVerification: smsVerificationMachine },
  delays: { settlement: SETTLEMENT_MS },
  guards: {
    isOnline: ({ context }) => context.port.isOnline(),
    isValidPick: ({ event }) => event.type === 'DIGIT' && pickByDigit(event.digit, UNBIND_REASONS.length) !== undefined,
    wasVerified: (_, output: SmsVerificationOutput) => output.result === 'verified',
    wentOffline: (_, output: SmsVerificationOutput) => output.result === 'offline',
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, UNBIND_REASONS.length, -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, UNBIND_REASONS.length, 1) }),
    pickByDigit: assign({
      cursor: ({ context, event }) =>
        (event.type === 'DIGIT' ? pickByDigit(event.digit, UNBIND_REASONS.length) : undefined) ?? context.cursor,
    }),
    startSettling: assign({ settlingSince: ({ context }) => context.port.now() }),
    unbindBinding: ({ context }) =>
      context.port.unbind(context.binding.id, context.operatorId, selectedReason(context.cursor), context.port.now() + UNBIND_REVIEW_MS),
    // The acquirer's review runs beside the device (menus/funds-transfer.ts); a flow run on its own has none.
    fileApplication: enqueueActions(({ enqueue, system }) => {
      const review: AnyActorRef | undefined = system.get(FUNDS_TRANSFER_ID);
      if (review) enqueue.sendTo(review, { type: 'APPLICATION_FILED' });
    }),
    markUnbound: assign({ unbound: true }),
  },
}).createMachine({
  id: 'unbind',
  context: ({ input }) => ({ ...input, cursor: 0, settlingSince: 0, unbound: false }),
  initial: 'reason',
  states: {
    reason: {
      description: 'Asks 请选择解绑原因: 1.更换结算账户 2.商户停业 3.其他.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', target: 'review', actions: 'pickByDigit' },
        ENTER: 'review',
        CANCEL: 'cancelled',
      },
    },
    review: {
      description: 'Shows the account to unbind (type, masked number, date bound) and the reason; 按[确认]提交.',
      on: {
        ENTER: [{ guard: 'isOnline', target: 'verifying' }, { target: 'offline' }],
        CANCEL: 'reason',
      },
    },
    verifying: {
      description: '短信验证: a code is texted to the merchant’s phone and typed on the device.',
      invoke: {
        id: 'code',
        src: 'smsVerification',
        input: ({ context }) => ({ port: context.port, purpose: 'unbind' }),
        onDone: [
          { guard: { type: 'wasVerified', params: ({ event }) => event.output }, target: 'settling' },
          { guard: { type: 'wentOffline', params: ({ event }) => event.output }, target: 'offline' },
          { target: 'review' },
        ],
      },
      on: forwardKeysTo('code'),
    },
    settling: {
      description: 'Shows 正在进行资金清算... with progress; then checks the network once more and unbinds.',
      entry: 'startSettling',
      after: {
        settlement: [
          { guard: 'isOnline', target: 'unbound', actions: ['unbindBinding', 'fileApplication', 'markUnbound'] },
          { target: 'offline' },
        ],
      },
    },
    unbound: {
      description: 'Shows 解绑成功 and 商户信息已更新, and that the funds move once the acquirer has reviewed the application (审核).',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    offline: {
      description: 'Shows 网络连接失败: 解绑 needs the network; nothing was changed.',
      on: { ENTER: 'review', CANCEL: 'review' },
    },
    cancelled: { type: 'final', description: 'The operator pressed 取消 at the reasons.' },
    done: { type: 'final', description: 'Unbound; back to the list.' },
  },
  output: ({ context }) => ({ unbound: context.unbound, reason: selectedReason(context.cursor), kind: context.binding.kind }),
});
