/**
 * The flow registry: every flow a menu item can run, the machine that runs it, and how its input
 * is made from what the device knows. The menus that host flows build their states from it, and
 * coverage, model paths and the chart find every machine through it, so a new flow is registered
 * here and nowhere else.
 */
import type { AnyStateMachine, InputFrom } from 'xstate';
import type { AcceptanceRules } from './acceptance.js';
import { bindingManagementMachine } from './binding-management.js';
import { changePasswordMachine } from './change-password.js';
import { dataBackupMachine } from './data-backup.js';
import type { DevicePort } from './device-port.js';
import type { Binding, FlowId, MenuNode, PasswordFreeLayout } from './domain.js';
import { operationRecordsMachine } from './operation-records.js';
import { passwordFreeMachine } from './password-free.js';
import { refundMachine } from './refund.js';
import { reprintMachine } from './reprint.js';
import { saleMachine } from './sale.js';
import { settlementMachine } from './settlement.js';
import { signInMachine } from './sign-in.js';
import { signOutMachine } from './sign-out.js';
import { transactionQueryMachine } from './transaction-query.js';
import { voidSaleMachine } from './void-sale.js';

/** What the device knows from its profile that flows need: menu trees, layouts, rules, operators. */
export type DeviceConfig = {
  /** The operator the 设置 password prompt starts at. */
  readonly settingsOperatorId: string;
  readonly settingsMenu: readonly MenuNode[];
  readonly mainMenu: readonly MenuNode[];
  readonly passwordFreeLayout: PasswordFreeLayout;
  /** Which service governs each payment method, which 免密 channel decides it. */
  readonly rules: AcceptanceRules;
  /** The payment services the profile binds, which a closed one is opened again from. */
  readonly services: readonly Binding[];
  /** The cashier who takes sales when nobody signed in by hand: signed in by itself at boot when autoSignIn. */
  readonly cashierId: string;
  /**
   * Whether the cashier is signed in by itself at every boot, as a device signed in for the day
   * (scripts and the API); when not, an operator signs in (签到) after power-on, like a real one.
   */
  readonly autoSignIn: boolean;
};

/** Who a working-day flow runs as: the operator signed in, else the profile's cashier. */
export const flowOperator = (port: Pick<DevicePort, 'signedIn'>, config: Pick<DeviceConfig, 'cashierId'>): string =>
  port.signedIn()?.operator ?? config.cashierId;

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
  /** Whether it is a transaction that needs an operator signed in (签到). */
  readonly needsSignIn: boolean;
};

const flow = <M extends AnyStateMachine>(
  machine: M,
  running: string,
  input: (env: FlowEnv) => InputFrom<M>,
  { restarts = false, needsSignIn = false } = {},
): FlowDefinition<M> => ({ machine, input, running, restarts, needsSignIn });

export const FLOWS = {
  bindings: flow(bindingManagementMachine, '绑定管理 is running.', ({ port, operatorId, config }) => ({
    port,
    operatorId,
    services: config.services,
  })),
  passwordFree: flow(
    passwordFreeMachine,
    '免密支付 is running.',
    ({ port, operatorId, config }) => ({ port, operatorId, layout: config.passwordFreeLayout, rules: config.rules }),
    { restarts: true },
  ),
  changePassword: flow(changePasswordMachine, '修改密码 is running.', ({ port, operatorId }) => ({ port, operatorId })),
  records: flow(operationRecordsMachine, '操作记录 is running.', ({ port }) => ({ port })),
  backup: flow(dataBackupMachine, '数据备份 is running.', ({ port, operatorId }) => ({ port, operatorId })),
  sale: flow(saleMachine, '消费 is running.', ({ port, operatorId, config }) => ({ port, operatorId, rules: config.rules }), {
    needsSignIn: true,
  }),
  void: flow(voidSaleMachine, '撤销 is running.', ({ port, operatorId, config }) => ({ port, operatorId, rules: config.rules }), {
    needsSignIn: true,
  }),
  refund: flow(refundMachine, '退货 is running.', ({ port, operatorId, config }) => ({ port, operatorId, rules: config.rules }), {
    needsSignIn: true,
  }),
  query: flow(transactionQueryMachine, '交易查询 is running.', ({ port }) => ({ port })),
  settle: flow(settlementMachine, '结算 is running.', ({ port, operatorId }) => ({ port, operatorId }), { needsSignIn: true }),
  reprint: flow(reprintMachine, '重打印 is running.', ({ port }) => ({ port })),
  signIn: flow(signInMachine, '签到 is running.', ({ port }) => ({ port })),
  signOut: flow(signOutMachine, '签退 is running.', ({ port }) => ({ port })),
} as const satisfies Record<FlowId, FlowDefinition>;

/** Each flow's machine by flow id, for a host machine's `actors`. */
export const flowActors = <Id extends FlowId>(ids: readonly Id[]): Record<Id, AnyStateMachine> =>
  Object.fromEntries(ids.map((id) => [id, FLOWS[id].machine])) as Record<Id, AnyStateMachine>;
