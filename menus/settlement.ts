/**
 * 结算 (batch settlement): shows the batch's totals by type (消费, 撤销, 退货) and by how customers
 * paid (银行卡, 云闪付, 微信, 支付宝); on 确认 the host reconciles them (对账平), the 结算单 is
 * printed and the next batch opens (批次号 + 1). It needs the network, and a merchant account and a
 * settlement card to settle to: without them the host refuses ([03]无效商户, [58]) and the batch stays open.
 */
import { assign, setup } from 'xstate';
import { terminalRefusal, type Refusal } from './acceptance.js';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { forwardKeysTo } from './forward-keys.js';
import { HOST_REPLY_MS } from './keyed-digits.js';
import { printJobMachine } from './print-job.js';

export type SettlementInput = {
  readonly port: DevicePort;
  /** The operator signed in: the settlement is theirs. */
  readonly operatorId: string;
};

/** The totals come on two pages: by type, then by how customers paid. */
export const SETTLEMENT_PAGES = 2;

export const settlementMachine = setup({
  types: {
    input: {} as SettlementInput,
    context: {} as SettlementInput & { page: number; refusal: Refusal | undefined },
    events: {} as KeyEvent,
  },
  actors: { printJob: printJobMachine },
  delays: { hostReply: HOST_REPLY_MS },
  guards: {
    isOffline: ({ context }) => !context.port.isOnline(),
    isRefused: ({ context }) => terminalRefusal(context.port.facts()) !== undefined,
  },
  actions: {
    noteRefusal: assign({ refusal: ({ context }) => terminalRefusal(context.port.facts()) }),
    turnPage: assign({ page: ({ context }) => (context.page + 1) % SETTLEMENT_PAGES }),
    settle: ({ context }) => {
      context.port.settle(context.operatorId);
    },
  },
}).createMachine({
  id: 'settlement',
  context: ({ input }) => ({ ...input, page: 0, refusal: undefined }),
  initial: 'summary',
  states: {
    summary: {
      description:
        "Shows the batch's totals (批次号; 消费, 撤销, 退货: count and amount; net), or by 银行卡/云闪付/微信/支付宝 after 上/下; 按[确认]键结算.",
      on: { UP: { actions: 'turnPage' }, DOWN: { actions: 'turnPage' }, ENTER: 'settling', CANCEL: 'done' },
    },
    settling: {
      description: 'Says 结算中，请稍候 while the host reconciles the batch.',
      after: {
        hostReply: [
          { guard: 'isOffline', target: 'commsError' },
          { guard: 'isRefused', target: 'refused', actions: 'noteRefusal' },
          { target: 'printing', actions: 'settle' },
        ],
      },
    },
    printing: {
      description: 'Prints the 结算单.',
      invoke: {
        id: 'print',
        src: 'printJob',
        input: ({ context }) => ({ port: context.port, request: { kind: 'settlement' as const } }),
        onDone: 'settled',
      },
      on: forwardKeysTo('print'),
    },
    settled: {
      description: 'Says 结算成功 and 对账平, with the new batch number.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    commsError: {
      description: 'Says 通讯错误: the host did not answer; the batch stays open.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    refused: {
      description: 'Says 结算失败 with the refusal ([03]无效商户, [58] no settlement card); the batch stays open.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final' },
  },
});
