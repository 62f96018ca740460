/**
 * The main menu (主菜单): the terminal's working day from the profile's menu tree — 消费, 撤销,
 * 退货, 重打印, and under 管理 签到, 签退, 交易查询, 结算 on the default profile. Leaves run a flow
 * from the registry; the transactions need an operator signed in (请先签到 offers the 签到 first).
 * A flow that ends goes back to the home screen, as a real terminal does after a transaction.
 */
import { assign, raise, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { MAIN_FLOW_IDS, type MainFlowId, type MenuNode } from './domain.js';
import { FLOWS, flowActors, flowOperator, type DeviceConfig } from './flows.js';
import { forwardKeysTo } from './forward-keys.js';
import { digitOf } from './keyed-digits.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import * as tree from './menu-tree.js';

export type MainMenuInput = {
  readonly port: DevicePort;
  readonly config: DeviceConfig;
};

type Context = MainMenuInput & {
  readonly menu: readonly MenuNode[];
  path: readonly number[];
  cursor: number;
};

/** One state per main-menu flow: it runs the flow, and the device goes home when it ends. */
const flowStates = Object.fromEntries(
  MAIN_FLOW_IDS.map((id) => [
    id,
    {
      description: FLOWS[id].running,
      invoke: {
        id: 'flow',
        src: id,
        input: ({ context }: { context: Context }) =>
          FLOWS[id].input({ port: context.port, config: context.config, operatorId: flowOperator(context.port, context.config) }),
        onDone: 'exited',
      },
      on: forwardKeysTo('flow'),
    },
  ]),
) as Record<MainFlowId, object>;

export const mainMenuMachine = setup({
  types: {
    input: {} as MainMenuInput,
    context: {} as Context,
    events: {} as KeyEvent,
  },
  actors: flowActors(MAIN_FLOW_IDS),
  guards: {
    isSubmenuSelected: ({ context }) => tree.isSubmenuSelected(context),
    isUnavailableSelected: ({ context }) => tree.isUnavailableSelected(context),
    isFlowSelected: ({ context }, flow: MainFlowId) => tree.isFlowSelected(context, flow),
    needsSignIn: ({ context }) => {
      const node = tree.selectedNode(context);
      return node !== undefined && 'flow' in node && FLOWS[node.flow].needsSignIn && context.port.signedIn() === undefined;
    },
    isInSubmenu: ({ context }) => context.path.length > 0,
    isValidPick: ({ context, event }) => tree.isValidPick(context, digitOf(event)),
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, tree.itemCount(context), -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, tree.itemCount(context), 1) }),
    pickByDigit: assign({ cursor: ({ context, event }) => pickByDigit(digitOf(event) ?? '', tree.itemCount(context)) ?? context.cursor }),
    confirmPick: raise({ type: 'ENTER' }),
    openSubmenu: assign(({ context }) => tree.openSubmenu(context)),
    closeSubmenu: assign(({ context }) => tree.closeSubmenu(context)),
  },
}).createMachine({
  id: 'mainMenu',
  context: ({ input }) => ({ ...input, menu: input.config.mainMenu, path: [], cursor: 0 }),
  initial: 'menu',
  states: {
    menu: {
      description: 'Shows the numbered items of the main menu or of the sub-menu the operator opened (管理).',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', actions: ['pickByDigit', 'confirmPick'] },
        ENTER: [
          { guard: 'isSubmenuSelected', actions: 'openSubmenu' },
          { guard: 'isUnavailableSelected', target: 'unavailable' },
          { guard: 'needsSignIn', target: 'signInFirst' },
          ...MAIN_FLOW_IDS.map((id) => ({ guard: { type: 'isFlowSelected' as const, params: id }, target: id })),
        ],
        CANCEL: [{ guard: 'isInSubmenu', actions: 'closeSubmenu' }, { target: 'exited' }],
      },
    },
    unavailable: {
      description: 'Says 本机未开通该交易 for an item the terminal does not offer (预授权, 离线): the acquirer opens it; back to the menu.',
      on: { ENTER: 'menu', CANCEL: 'menu' },
    },
    signInFirst: {
      description: 'Says 请先签到: a transaction needs an operator signed in; 确认 signs in now.',
      on: { ENTER: 'signIn', CANCEL: 'menu' },
    },
    ...flowStates,
    exited: { type: 'final' },
  },
});
