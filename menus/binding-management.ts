/**
 * 绑定管理: lists what the terminal is bound to; picking one shows its details. A payment service
 * is closed (关闭服务) after a confirmation that spells out what closing does and reminds the
 * operator to back up first, then the password or a texted code (the profile decides per binding).
 * The merchant account and the settlement card are unbound (解绑, menus/unbind.ts) with a reason, a
 * texted code and 资金清算. 取消 at any step goes back one step and changes nothing. Removal needs
 * the network.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { bindMachine, type BindTarget } from './bind.js';
import type { BackupResult, Binding } from './domain.js';
import { forwardKeysTo } from './forward-keys.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { passwordPromptMachine, supervisorPasswordState } from './password-prompt.js';
import { smsVerificationMachine, type SmsVerificationOutput } from './sms-verification.js';
import { unbindMachine, type UnbindOutput } from './unbind.js';

export type BindingManagementInput = {
  readonly port: DevicePort;
  readonly operatorId: string;
  /** The payment services the profile knows, which a closed one can be opened again from. */
  readonly services: readonly Binding[];
};

/** What can be bound now: closed services again, and a settlement card or merchant account when there is none. */
export const bindableTargets = (bindings: readonly Binding[], services: readonly Binding[]): BindTarget[] => {
  // Loops, not closures made at each key: V8 optimised each anew.
  const targets: BindTarget[] = [];
  for (const service of services) if (!hasBindingWith(bindings, 'id', service.id)) targets.push({ kind: 'service', service });
  if (!hasBindingWith(bindings, 'kind', 'settlementCard')) targets.push({ kind: 'settlementCard' });
  if (!hasBindingWith(bindings, 'kind', 'merchant')) targets.push({ kind: 'merchant' });
  return targets;
};

const hasBindingWith = <K extends 'id' | 'kind'>(bindings: readonly Binding[], field: K, value: Binding[K]): boolean => {
  for (const binding of bindings) if (binding[field] === value) return true;
  return false;
};

export const bindingManagementMachine = setup({
  types: {
    input: {} as BindingManagementInput,
    context: {} as BindingManagementInput & {
      bindings: readonly Binding[];
      cursor: number;
      /** Whether the operator has chosen an item: not after a binding was removed, so a second 确认 opens nothing. */
      chosen: boolean;
      /** What 添加绑定 offers, and the cursor in it. */
      targets: readonly BindTarget[];
      targetCursor: number;
      /** What is being bound. */
      bindTarget: BindTarget | undefined;
      /** The binding removed last, for the 注销成功 screen. */
      removed: Binding | undefined;
      /** What 按[1]先备份数据 on the 确认注销 screen did last. */
      backup: BackupResult | undefined;
    },
    events: {} as KeyEvent,
  },
  actors: { passwordPrompt: passwordPromptMachine, smsVerification: smsVerificationMachine, unbind: unbindMachine, bind: bindMachine },
  guards: {
    hasBindings: ({ context }) => context.bindings.length > 0 && context.chosen,
    hasBindable: ({ context }) => bindableTargets(context.bindings, context.services).length > 0,
    isValidTargetPick: ({ context, event }) => event.type === 'DIGIT' && pickByDigit(event.digit, context.targets.length) !== undefined,
    wasCardReplaced: (_, output: UnbindOutput) => output.unbound && output.reason === 'changeAccount' && output.kind === 'settlementCard',
    isOnline: ({ context }) => context.port.isOnline(),
    isValidPick: ({ context, event }) => event.type === 'DIGIT' && pickByDigit(event.digit, context.bindings.length) !== undefined,
    wasAccepted: (_, output: { accepted: boolean }) => output.accepted,
    isServiceSelected: ({ context }) => context.bindings[context.cursor]?.kind === 'service',
    isSmsVerified: ({ context }) => context.bindings[context.cursor]?.verification === 'sms',
    wasCodeVerified: (_, output: SmsVerificationOutput) => output.result === 'verified',
    wentOffline: (_, output: SmsVerificationOutput) => output.result === 'offline',
    wasUnbound: (_, output: UnbindOutput) => output.unbound,
    isBackupKey: ({ event }) => event.type === 'DIGIT' && event.digit === '1',
  },
  actions: {
    loadBindings: assign({
      bindings: ({ context }) => context.port.bindings(),
      cursor: ({ context }) => Math.min(context.cursor, Math.max(0, context.port.bindings().length - 1)),
    }),
    forgetChoice: assign({ chosen: false, cursor: 0 }),
    cursorUp: assign({
      cursor: ({ context }) => (context.chosen ? moveCursor(context.cursor, context.bindings.length, -1) : context.cursor),
      chosen: true,
    }),
    cursorDown: assign({
      cursor: ({ context }) => (context.chosen ? moveCursor(context.cursor, context.bindings.length, 1) : context.cursor),
      chosen: true,
    }),
    pickByDigit: assign({
      cursor: ({ context, event }) =>
        (event.type === 'DIGIT' ? pickByDigit(event.digit, context.bindings.length) : undefined) ?? context.cursor,
      chosen: true,
    }),
    offerTargets: assign({ targets: ({ context }) => bindableTargets(context.bindings, context.services), targetCursor: 0 }),
    targetUp: assign({ targetCursor: ({ context }) => moveCursor(context.targetCursor, context.targets.length, -1) }),
    targetDown: assign({ targetCursor: ({ context }) => moveCursor(context.targetCursor, context.targets.length, 1) }),
    pickTarget: assign({
      targetCursor: ({ context, event }) =>
        (event.type === 'DIGIT' ? pickByDigit(event.digit, context.targets.length) : undefined) ?? context.targetCursor,
    }),
    chooseTarget: assign({ bindTarget: ({ context }) => context.targets[context.targetCursor] }),
    chooseNewCard: assign({ bindTarget: { kind: 'settlementCard' } as BindTarget }),
    backUpData: assign({ backup: ({ context }) => context.port.backup(context.operatorId) }),
    noteRemoved: assign({ removed: ({ context }) => context.bindings[context.cursor] }),
    deregisterSelected: ({ context }) => {
      const binding = context.bindings[context.cursor];
      if (binding) context.port.deregister(binding.id, context.operatorId);
    },
  },
}).createMachine({
  id: 'bindingManagement',
  context: ({ input }) => ({
    ...input,
    bindings: [],
    cursor: 0,
    chosen: true,
    targets: [],
    targetCursor: 0,
    bindTarget: undefined,
    removed: undefined,
    backup: undefined,
  }),
  initial: 'list',
  states: {
    list: {
      description:
        'Shows the numbered bindings (card numbers masked), or 暂无绑定 when there are none; 按[F1]添加绑定 when something can be bound.',
      entry: 'loadBindings',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', target: 'detail', actions: 'pickByDigit' },
        ENTER: { guard: 'hasBindings', target: 'detail' },
        F1: { guard: 'hasBindable', target: 'adding', actions: 'offerTargets' },
        CANCEL: 'done',
      },
    },
    adding: {
      description: 'Lists what can be bound: a closed service again (开通), a new settlement card, a merchant account.',
      on: {
        UP: { actions: 'targetUp' },
        DOWN: { actions: 'targetDown' },
        DIGIT: { guard: 'isValidTargetPick', target: 'binding', actions: ['pickTarget', 'chooseTarget'] },
        ENTER: { target: 'binding', actions: 'chooseTarget' },
        CANCEL: 'list',
      },
    },
    binding: {
      description: '绑定 is running.',
      invoke: {
        id: 'bind',
        src: 'bind',
        input: ({ context }) => ({
          port: context.port,
          operatorId: context.operatorId,
          target: context.bindTarget ?? { kind: 'settlementCard' as const },
        }),
        onDone: 'list',
      },
      on: forwardKeysTo('bind'),
    },
    detail: {
      description: "Shows the binding's name, account and date bound, and 按[确认]关闭服务 (a service) or 按[确认]解绑.",
      on: { ENTER: [{ guard: 'isServiceSelected', target: 'confirming' }, { target: 'unbinding' }], CANCEL: 'list' },
    },
    confirming: {
      description: 'Asks 确认关闭 …服务? with what closing means, and reminds 注销前请确认已备份POS机上的数据; 按[1]先备份数据.',
      on: {
        ENTER: [{ guard: 'isSmsVerified', target: 'verifyingCode' }, { guard: 'isOnline', target: 'authorising' }, { target: 'offline' }],
        CANCEL: 'detail',
        DIGIT: { guard: 'isBackupKey', target: 'backedUp', actions: 'backUpData' },
      },
    },
    backedUp: {
      description: 'After 按[1]先备份数据: says 备份成功 with the backup file (or 备份失败); back to 确认注销.',
      on: { ENTER: 'confirming', CANCEL: 'confirming' },
    },
    authorising: supervisorPasswordState({
      description: 'Asks for the 主管 password (请输入主管密码) before removing the binding.',
      purpose: 'confirmDeregister',
      accepted: 'deregistering',
      refused: 'confirming',
    }),
    verifyingCode: {
      description: '短信验证 instead of the password, where the profile says so for this service.',
      invoke: {
        id: 'code',
        src: 'smsVerification',
        input: ({ context }) => ({ port: context.port, purpose: 'closeService' }),
        onDone: [
          { guard: { type: 'wasCodeVerified', params: ({ event }) => event.output }, target: 'deregistering' },
          { guard: { type: 'wentOffline', params: ({ event }) => event.output }, target: 'offline' },
          { target: 'confirming' },
        ],
      },
      on: forwardKeysTo('code'),
    },
    unbinding: {
      description: '解绑 of the merchant account or settlement card is running.',
      invoke: {
        id: 'unbind',
        src: 'unbind',
        input: ({ context }) => ({
          port: context.port,
          operatorId: context.operatorId,
          // detail is only reachable with a binding under the cursor.
          binding: context.bindings[context.cursor] as Binding,
        }),
        onDone: [
          // 解绑 because the settlement account changes leads straight into binding the new card.
          {
            guard: { type: 'wasCardReplaced', params: ({ event }) => event.output },
            target: 'binding',
            actions: ['forgetChoice', 'chooseNewCard'],
          },
          { guard: { type: 'wasUnbound', params: ({ event }) => event.output }, target: 'list', actions: 'forgetChoice' },
          { target: 'detail' },
        ],
      },
      on: forwardKeysTo('unbind'),
    },
    deregistering: {
      description: 'Checks the network once more and removes the binding.',
      always: [{ guard: 'isOnline', target: 'deregistered', actions: ['noteRemoved', 'deregisterSelected'] }, { target: 'offline' }],
    },
    deregistered: {
      description: 'Shows 云闪付服务已关闭 (the service closed) with what it means.',
      on: { ENTER: { target: 'list', actions: 'forgetChoice' }, CANCEL: { target: 'list', actions: 'forgetChoice' } },
    },
    offline: {
      description: 'Shows 网络连接失败: closing a service needs the network; nothing was changed.',
      on: { ENTER: 'detail', CANCEL: 'detail' },
    },
    done: { type: 'final' },
  },
});
