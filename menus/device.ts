/**
 * The whole terminal: boot (with progress; pending settings are applied here), the home screen,
 * 设置, and restart. A power cycle is a state change, not a new process: from anywhere the device
 * goes back to boot, and whatever was only on screen is gone.
 */
import { assign, setup } from 'xstate';
import type { DeviceEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import type { DeviceConfig } from './flows.js';
import { forwardKeysTo } from './forward-keys.js';
import { saleMachine } from './sale.js';
import { settingsMachine, type SettingsOutput } from './settings.js';

export type DeviceInput = {
  readonly port: DevicePort;
  readonly config: DeviceConfig;
};

/** Boot takes BOOT_STEPS steps of BOOT_STEP_MS on the device clock. */
export const BOOT_STEPS = 8;
export const BOOT_STEP_MS = 200;
export const SHUTDOWN_MS = 800;

export const deviceMachine = setup({
  types: {
    input: {} as DeviceInput,
    context: {} as DeviceInput & {
      online: boolean;
      /** Boot steps done, 0 to BOOT_STEPS. */
      bootProgress: number;
      /** Whether this boot applied a pending change. */
      appliedOnBoot: boolean;
    },
    events: {} as DeviceEvent,
  },
  actors: { settings: settingsMachine, sale: saleMachine },
  delays: { bootStep: BOOT_STEP_MS, shutdown: SHUTDOWN_MS },
  guards: {
    isBootComplete: ({ context }) => context.bootProgress + 1 >= BOOT_STEPS,
    wantsRestart: (_, output: SettingsOutput) => output.restart,
  },
  actions: {
    startBoot: assign({
      bootProgress: 0,
      appliedOnBoot: ({ context }) => context.port.applyPending(),
      online: ({ context }) => context.port.isOnline(),
    }),
    advanceBoot: assign({ bootProgress: ({ context }) => context.bootProgress + 1 }),
    takeNetworkDown: assign({
      online: ({ context }) => {
        context.port.setOnline(false);
        return false;
      },
    }),
    bringNetworkUp: assign({
      online: ({ context }) => {
        context.port.setOnline(true);
        return true;
      },
    }),
  },
}).createMachine({
  id: 'device',
  context: ({ input }) => ({ ...input, online: input.port.isOnline(), bootProgress: 0, appliedOnBoot: false }),
  initial: 'booting',
  on: {
    POWER_CYCLE: { target: '.booting', reenter: true },
    NETWORK_DOWN: { actions: 'takeNetworkDown' },
    NETWORK_UP: { actions: 'bringNetworkUp' },
  },
  states: {
    booting: {
      description: 'Boot screen with a progress bar; a pending change is applied now (正在应用新设置).',
      entry: 'startBoot',
      initial: 'loading',
      states: {
        loading: {
          after: {
            bootStep: [
              { guard: 'isBootComplete', target: '#device.home', actions: 'advanceBoot' },
              { target: 'loading', reenter: true, actions: 'advanceBoot' },
            ],
          },
        },
      },
    },
    home: {
      description: 'Home screen: merchant, terminal, 按[确认]键收款 and 按[菜单]键进入设置.',
      on: { MENU: 'settings', ENTER: 'sale' },
    },
    sale: {
      description: '收款 is running.',
      invoke: {
        id: 'sale',
        src: 'sale',
        input: ({ context }) => ({ port: context.port, operatorId: context.config.sale.operatorId, channels: context.config.sale.channels }),
        onDone: 'home',
      },
      on: forwardKeysTo('sale'),
    },
    settings: {
      description: '设置 is open.',
      invoke: {
        id: 'settings',
        src: 'settings',
        input: ({ context }) => ({ port: context.port, config: context.config }),
        onDone: [
          { guard: { type: 'wantsRestart', params: ({ event }) => event.output }, target: 'shuttingDown' },
          { target: 'home' },
        ],
      },
      on: forwardKeysTo('settings'),
    },
    shuttingDown: {
      description: 'Says 正在重启 before the device boots again.',
      after: { shutdown: 'booting' },
    },
  },
});
