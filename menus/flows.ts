/**
 * The flow registry: every flow a menu item can run, the machine that runs it, and how its input
 * is made from what the device knows. The menus that host flows build their states from it, and
 * coverage, model paths and the chart find every machine through it, so a new flow is registered
 * here and nowhere else.
 */
import type { AnyStateMachine, InputFrom } from 'xstate';
import { bindingManagementMachine } from './binding-management.js';
import { changePasswordMachine } from './change-password.js';
import { dataBackupMachine } from './data-backup.js';
import type { DevicePort } from './device-port.js';
import type { ChannelCoverage, FlowId, MenuNode, PasswordFreeLayout } from './domain.js';
import { operationRecordsMachine } from './operation-records.js';
import { passwordFreeMachine } from './password-free.js';

/** What the device knows from its profile that flows need: menu trees, layouts, operators. */
export type DeviceConfig = {
  /** The operator the 设置 password prompt starts at. */
  readonly settingsOperatorId: string;
  readonly settingsMenu: readonly MenuNode[];
  readonly passwordFreeLayout: PasswordFreeLayout;
  /** 收款: the operator who takes sales, and which 免密 channel decides each payment method. */
  readonly sale: { readonly operatorId: string; readonly channels: readonly ChannelCoverage[] };
};

/** What a flow is started with: the device's port and config, and who runs it. */
export type FlowEnv = {
  readonly port: DevicePort;
  readonly config: DeviceConfig;
  /** The operator who opened the menu the flow runs from. */
  readonly operatorId: string;
};

/** What a flow may ask of the menu it ran from when it ends: a restart (免密支付 after saving). */
export type FlowOutput = { readonly restart?: boolean } | undefined;

type FlowDefinition<M extends AnyStateMachine = AnyStateMachine> = {
  readonly machine: M;
  readonly input: (env: FlowEnv) => InputFrom<M>;
  /** The host's state while the flow runs, e.g. "绑定管理 is running." */
  readonly running: string;
  /** Whether the flow can end asking for a restart (its output's `restart`). */
  readonly restarts: boolean;
};

const flow = <M extends AnyStateMachine>(
  machine: M,
  running: string,
  input: (env: FlowEnv) => InputFrom<M>,
  { restarts = false } = {},
): FlowDefinition<M> => ({ machine, input, running, restarts });

export const FLOWS = {
  bindings: flow(bindingManagementMachine, '绑定管理 is running.', ({ port, operatorId }) => ({ port, operatorId })),
  passwordFree: flow(
    passwordFreeMachine,
    '免密支付 is running.',
    ({ port, operatorId, config }) => ({ port, operatorId, layout: config.passwordFreeLayout }),
    { restarts: true },
  ),
  changePassword: flow(changePasswordMachine, '修改密码 is running.', ({ port, operatorId }) => ({ port, operatorId })),
  records: flow(operationRecordsMachine, '操作记录 is running.', ({ port }) => ({ port })),
  backup: flow(dataBackupMachine, '数据备份 is running.', ({ port, operatorId }) => ({ port, operatorId })),
} as const satisfies Record<FlowId, FlowDefinition>;

/** Each flow's machine by flow id, for a host machine's `actors`. */
export const flowActors = <Id extends FlowId>(ids: readonly Id[]): Record<Id, AnyStateMachine> =>
  Object.fromEntries(ids.map((id) => [id, FLOWS[id].machine])) as Record<Id, AnyStateMachine>;
