/**
 * 设置: the settings gate (operator password) and the settings menu tree from the device profile.
 * Branches open sub-menus (e.g. 支付方式管理); leaves run a flow (绑定管理, 免密支付, 修改密码,
 * 操作记录, 数据备份). At the gate 上/下 choose who logs in; the 主管 and the 系统管理员 may open 设置,
 * an ordinary operator is refused (操作员无权限). 取消 leaves a sub-menu, and from the top menu 设置.
 */
import { assign, raise, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import type { FlowId, MenuNode, PasswordFreeLayout } from './domain.js';
import { bindingManagementMachine } from './binding-management.js';
import { changePasswordMachine } from './change-password.js';
import { dataBackupMachine } from './data-backup.js';
import { mayOpenSettings } from './domain.js';
import { operationRecordsMachine } from './operation-records.js';
import { forwardKeysTo } from './forward-keys.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { passwordFreeMachine, type PasswordFreeOutput } from './password-free.js';
import { passwordPromptMachine, type PasswordPromptOutput } from './password-prompt.js';

export type SettingsInput = {
  readonly port: DevicePort;
  /** The operator the password prompt starts at; once logged in, the one who opened 设置 (confirms changes). */
  readonly operatorId: string;
  readonly menu: readonly MenuNode[];
  readonly passwordFreeLayout: PasswordFreeLayout;
};

export type SettingsOutput = { readonly restart: boolean };

type Context = SettingsInput & {
  /** Cursor positions of the menus above the one shown; empty at the top menu. */
  path: readonly number[];
  cursor: number;
  restart: boolean;
};

/** The items of the menu the operator is in. */
export const currentMenuItems = (menu: readonly MenuNode[], path: readonly number[]): readonly MenuNode[] =>
  path.reduce<readonly MenuNode[]>((items, index) => {
    const node = items[index];
    return node && 'items' in node ? node.items : items;
  }, menu);

const selectedNode = (context: Context): MenuNode | undefined =>
  currentMenuItems(context.menu, context.path)[context.cursor];

const itemCount = (context: Context) => currentMenuItems(context.menu, context.path).length;

export const settingsMachine = setup({
  types: {
    input: {} as SettingsInput,
    context: {} as Context,
    events: {} as KeyEvent,
    output: {} as SettingsOutput,
  },
  actors: {
    passwordPrompt: passwordPromptMachine,
    bindingManagement: bindingManagementMachine,
    passwordFree: passwordFreeMachine,
    changePassword: changePasswordMachine,
    operationRecords: operationRecordsMachine,
    dataBackup: dataBackupMachine,
  },
  guards: {
    isSubmenuSelected: ({ context }) => {
      const node = selectedNode(context);
      return node !== undefined && 'items' in node;
    },
    isFlowSelected: ({ context }, flow: FlowId) => {
      const node = selectedNode(context);
      return node !== undefined && 'flow' in node && node.flow === flow;
    },
    isInSubmenu: ({ context }) => context.path.length > 0,
    isValidPick: ({ context, event }) =>
      event.type === 'DIGIT' && pickByDigit(event.digit, itemCount(context)) !== undefined,
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    mayOpenSettings: ({ context }, output: PasswordPromptOutput) =>
      output.accepted && mayOpenSettings(context.port.operators().find((operator) => operator.id === output.operatorId)?.role),
    wantsRestart: (_, output: PasswordFreeOutput) => output.restart,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, itemCount(context), -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, itemCount(context), 1) }),
    pickByDigit: assign({
      cursor: ({ context, event }) =>
        (event.type === 'DIGIT' ? pickByDigit(event.digit, itemCount(context)) : undefined) ?? context.cursor,
    }),
    confirmPick: raise({ type: 'ENTER' }),
    openSubmenu: assign({ path: ({ context }) => [...context.path, context.cursor], cursor: 0 }),
    closeSubmenu: assign({
      cursor: ({ context }) => context.path.at(-1) ?? 0,
      path: ({ context }) => context.path.slice(0, -1),
    }),
    chooseRestart: assign({ restart: true }),
    rememberOperator: assign({ operatorId: (_, output: PasswordPromptOutput) => output.operatorId }),
  },
}).createMachine({
  id: 'settings',
  context: ({ input }) => ({ ...input, path: [], cursor: 0, restart: false }),
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
          { guard: { type: 'isFlowSelected', params: 'bindings' }, target: 'bindings' },
          { guard: { type: 'isFlowSelected', params: 'passwordFree' }, target: 'passwordFree' },
          { guard: { type: 'isFlowSelected', params: 'changePassword' }, target: 'changePassword' },
          { guard: { type: 'isFlowSelected', params: 'records' }, target: 'records' },
          { guard: { type: 'isFlowSelected', params: 'backup' }, target: 'backup' },
        ],
        CANCEL: [{ guard: 'isInSubmenu', actions: 'closeSubmenu' }, { target: 'exited' }],
      },
    },
    bindings: {
      description: '绑定管理 is running.',
      invoke: {
        id: 'flow',
        src: 'bindingManagement',
        input: ({ context }) => ({ port: context.port, operatorId: context.operatorId }),
        onDone: 'menu',
      },
      on: forwardKeysTo('flow'),
    },
    passwordFree: {
      description: '免密支付 is running.',
      invoke: {
        id: 'flow',
        src: 'passwordFree',
        input: ({ context }) => ({
          port: context.port,
          operatorId: context.operatorId,
          layout: context.passwordFreeLayout,
        }),
        onDone: [
          { guard: { type: 'wantsRestart', params: ({ event }) => event.output }, target: 'exited', actions: 'chooseRestart' },
          { target: 'menu' },
        ],
      },
      on: forwardKeysTo('flow'),
    },
    changePassword: {
      description: '修改密码 is running.',
      invoke: {
        id: 'flow',
        src: 'changePassword',
        input: ({ context }) => ({ port: context.port, operatorId: context.operatorId }),
        onDone: 'menu',
      },
      on: forwardKeysTo('flow'),
    },
    records: {
      description: '操作记录 is running.',
      invoke: { id: 'flow', src: 'operationRecords', input: ({ context }) => ({ port: context.port }), onDone: 'menu' },
      on: forwardKeysTo('flow'),
    },
    backup: {
      description: '数据备份 is running.',
      invoke: {
        id: 'flow',
        src: 'dataBackup',
        input: ({ context }) => ({ port: context.port, operatorId: context.operatorId }),
        onDone: 'menu',
      },
      on: forwardKeysTo('flow'),
    },
    exited: { type: 'final' },
  },
  output: ({ context }) => ({ restart: context.restart }),
});
