/**
 * 设置: the settings gate (operator password) and the settings menu tree from the device profile.
 * Branches open sub-menus (e.g. 支付方式管理); leaves run a flow from the registry (绑定管理,
 * 免密支付, 修改密码, 操作记录, 数据备份). At the gate 上/下 choose who logs in; the 主管 and the
 * 系统管理员 may open 设置, an ordinary operator is refused (操作员无权限). 取消 leaves a sub-menu,
 * and from the top menu 设置.
 */
import { assign, raise, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { mayOpenSettings, SETTINGS_FLOW_IDS, type MenuNode, type SettingsFlowId } from './domain.js';
import { FLOWS, flowActors, type DeviceConfig, type FlowOutput } from './flows.js';
import { forwardKeysTo } from './forward-keys.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import * as tree from './menu-tree.js';
import { passwordPromptMachine, type PasswordPromptOutput } from './password-prompt.js';

export { currentMenuItems } from './menu-tree.js';

export type SettingsInput = {
  readonly port: DevicePort;
  readonly config: DeviceConfig;
};

export type SettingsOutput = { readonly restart: boolean };

type Context = SettingsInput & {
  readonly menu: readonly MenuNode[];
  /** The operator the password prompt starts at; once logged in, the one who opened 设置 (confirms changes). */
  operatorId: string;
  path: readonly number[];
  cursor: number;
  restart: boolean;
};

const digitOf = (event: KeyEvent) => (event.type === 'DIGIT' ? event.digit : undefined);

/** One state per settings flow: it runs the flow, and goes back to the menu (or restarts) when it ends. */
const flowStates = Object.fromEntries(
  SETTINGS_FLOW_IDS.map((id) => [
    id,
    {
      description: FLOWS[id].running,
      invoke: {
        id: 'flow',
        src: id,
        input: ({ context }: { context: Context }) =>
          FLOWS[id].input({ port: context.port, config: context.config, operatorId: context.operatorId }),
        onDone: [
          ...(FLOWS[id].restarts
            ? [
                {
                  guard: { type: 'wantsRestart', params: ({ event }: { event: { output: FlowOutput } }) => event.output },
                  target: 'exited',
                  actions: 'chooseRestart',
                },
              ]
            : []),
          { target: 'menu' },
        ],
      },
      on: forwardKeysTo('flow'),
    },
  ]),
) as Record<SettingsFlowId, object>;

export const settingsMachine = setup({
  types: {
    input: {} as SettingsInput,
    context: {} as Context,
    events: {} as KeyEvent,
    output: {} as SettingsOutput,
  },
  actors: { passwordPrompt: passwordPromptMachine, ...flowActors(SETTINGS_FLOW_IDS) },
  guards: {
    isSubmenuSelected: ({ context }) => tree.isSubmenuSelected(context),
    isFlowSelected: ({ context }, flow: SettingsFlowId) => tree.isFlowSelected(context, flow),
    isInSubmenu: ({ context }) => context.path.length > 0,
    isValidPick: ({ context, event }) => tree.isValidPick(context, digitOf(event)),
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    mayOpenSettings: ({ context }, output: PasswordPromptOutput) =>
      output.accepted && mayOpenSettings(context.port.operators().find((operator) => operator.id === output.operatorId)?.role),
    wantsRestart: (_, output: FlowOutput) => output?.restart === true,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, tree.itemCount(context), -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, tree.itemCount(context), 1) }),
    pickByDigit: assign({ cursor: ({ context, event }) => pickByDigit(digitOf(event) ?? '', tree.itemCount(context)) ?? context.cursor }),
    confirmPick: raise({ type: 'ENTER' }),
    openSubmenu: assign(({ context }) => tree.openSubmenu(context)),
    closeSubmenu: assign(({ context }) => tree.closeSubmenu(context)),
    chooseRestart: assign({ restart: true }),
    rememberOperator: assign({ operatorId: (_, output: PasswordPromptOutput) => output.operatorId }),
  },
}).createMachine({
  id: 'settings',
  context: ({ input }) => ({
    ...input,
    menu: input.config.settingsMenu,
    operatorId: input.config.settingsOperatorId,
    path: [],
    cursor: 0,
    restart: false,
  }),
  initial: 'authenticating',
  states: {
    authenticating: {
      description: '设置 asks for the operator password (请输入密码).',
      invoke: {
        id: 'password',
        src: 'passwordPrompt',
        input: ({ context }) => ({
          port: context.port,
          operatorId: context.operatorId,
          purpose: 'enterSettings',
          operatorIds: context.port.operators().map((operator) => operator.id),
        }),
        onDone: [
          {
            guard: { type: 'mayOpenSettings', params: ({ event }) => event.output },
            target: 'menu',
            actions: { type: 'rememberOperator', params: ({ event }) => event.output },
          },
          {
            guard: { type: 'wasAccepted', params: ({ event }) => event.output },
            target: 'refused',
            actions: { type: 'rememberOperator', params: ({ event }) => event.output },
          },
          { target: 'exited' },
        ],
      },
      on: forwardKeysTo('password'),
    },
    refused: {
      description: 'Says 操作员无权限: an ordinary operator may not open 设置; nothing was changed.',
      on: { ENTER: 'exited', CANCEL: 'exited' },
    },
    menu: {
      description: 'Shows the numbered items of 设置 or of the sub-menu the operator opened.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        DIGIT: { guard: 'isValidPick', actions: ['pickByDigit', 'confirmPick'] },
        ENTER: [
          { guard: 'isSubmenuSelected', actions: 'openSubmenu' },
          ...SETTINGS_FLOW_IDS.map((id) => ({ guard: { type: 'isFlowSelected' as const, params: id }, target: id })),
        ],
        CANCEL: [{ guard: 'isInSubmenu', actions: 'closeSubmenu' }, { target: 'exited' }],
      },
    },
    ...flowStates,
    exited: { type: 'final' },
  },
  output: ({ context }) => ({ restart: context.restart }),
});
