/**
 * The whole terminal: boot (with progress; pending settings are applied here, and the day's
 * sign-in is forgotten), 签到 when nobody is signed in, the home screen, 收款, the main menu, 设置,
 * and restart. A power cycle is a state change, not a new process: from anywhere the device goes
 * back to boot, and whatever was only on screen is gone.
 */
import { assign, setup } from 'xstate';
import type { DeviceEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { flowOperator, type DeviceConfig } from './flows.js';
import { forwardKeysTo } from './forward-keys.js';
import { FUNDS_TRANSFER_ID, fundsTransferMachine } from './funds-transfer.js';
import { mainMenuMachine } from './main-menu.js';
import { saleMachine } from './sale.js';
import { settingsMachine, type SettingsOutput } from './settings.js';
import { signInMachine } from './sign-in.js';

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
  actors: {
    settings: settingsMachine,
    sale: saleMachine,
    mainMenu: mainMenuMachine,
    signIn: signInMachine,
    fundsTransfer: fundsTransferMachine,
  },
  delays: { bootStep: BOOT_STEP_MS, shutdown: SHUTDOWN_MS },
  guards: {
    isBootComplete: ({ context }) => context.bootProgress + 1 >= BOOT_STEPS,
    isSignedIn: ({ context }) => context.port.signedIn() !== undefined,
    wantsRestart: (_, output: SettingsOutput) => output.restart,
  },
  actions: {
    startBoot: assign({
      bootProgress: 0,
      appliedOnBoot: ({ context }) => context.port.pendingPasswordFree() !== undefined,
      online: ({ context }) => context.port.isOnline(),
    }),
    applyPending: ({ context }) => {
      context.port.applyPending();
    },
    // A terminal that restarts no longer waits for a payer to confirm on the phone.
    forgetPayerRequest: ({ context }) => context.port.withdrawPayerRequest(),
    startDay: ({ context }) => context.port.startDay(context.config.autoSignIn ? context.config.cashierId : undefined),
    advanceBoot: assign({ bootProgress: ({ context }) => context.bootProgress + 1 }),
    noteOffline: assign({ online: false }),
    noteOnline: assign({ online: true }),
    takeNetworkDown: ({ context }) => context.port.setOnline(false),
    bringNetworkUp: ({ context }) => context.port.setOnline(true),
  },
}).createMachine({
  id: 'device',
  context: ({ input }) => ({ ...input, online: input.port.isOnline(), bootProgress: 0, appliedOnBoot: false }),
  initial: 'booting',
  // The acquirer reviews 解绑 applications whatever the device shows; it is not one of its screens.
  invoke: { id: FUNDS_TRANSFER_ID, systemId: FUNDS_TRANSFER_ID, src: 'fundsTransfer', input: ({ context }) => ({ port: context.port }) },
  on: {
    POWER_CYCLE: { target: '.booting', reenter: true },
    NETWORK_DOWN: { actions: ['takeNetworkDown', 'noteOffline'] },
    NETWORK_UP: { actions: ['bringNetworkUp', 'noteOnline'] },
  },
  states: {
    booting: {
      description: 'Boot screen with a progress bar; a pending change is applied now (正在应用新设置).',
      entry: ['startBoot', 'applyPending', 'startDay', 'forgetPayerRequest'],
      initial: 'loading',
      states: {
        loading: {
          after: {
            bootStep: [
              { guard: 'isBootComplete', target: '#device.starting', actions: 'advanceBoot' },
              { target: 'loading', reenter: true, actions: 'advanceBoot' },
            ],
          },
        },
      },
    },
    starting: {
      description: 'Booted: the terminal asks for 签到 unless an operator is signed in already.',
      always: [{ guard: 'isSignedIn', target: 'home' }, { target: 'signingIn' }],
    },
    signingIn: {
      description: '签到 is running.',
      invoke: { id: 'signIn', src: 'signIn', input: ({ context }) => ({ port: context.port }), onDone: 'home' },
      // 设置 is not a transaction: a technician may open it without signing in.
      on: { ...forwardKeysTo('signIn'), MENU: 'settings' },
    },
    home: {
      description: 'Home screen: merchant, terminal, who is signed in, 按[确认]键收款, 按[菜单]键进入设置 and the main menu key.',
      on: {
        MENU: 'settings',
        F1: 'mainMenu',
        ENTER: [{ guard: 'isSignedIn', target: 'sale' }, { target: 'signingIn' }],
      },
    },
    sale: {
      description: '收款 is running.',
      invoke: {
        id: 'sale',
        src: 'sale',
        input: ({ context }) => ({
          port: context.port,
          operatorId: flowOperator(context.port, context.config),
          rules: context.config.rules,
        }),
        onDone: 'home',
      },
      on: forwardKeysTo('sale'),
    },
    mainMenu: {
      description: 'The main menu is open.',
      invoke: { id: 'mainMenu', src: 'mainMenu', input: ({ context }) => ({ port: context.port, config: context.config }), onDone: 'home' },
      on: forwardKeysTo('mainMenu'),
    },
    settings: {
      description: '设置 is open.',
      invoke: {
        id: 'settings',
        src: 'settings',
        input: ({ context }) => ({ port: context.port, config: context.config }),
        onDone: [{ guard: { type: 'wantsRestart', params: ({ event }) => event.output }, target: 'shuttingDown' }, { target: 'home' }],
      },
      on: forwardKeysTo('settings'),
    },
    shuttingDown: {
      description: 'Says 正在重启 before the device boots again.',
      after: { shutdown: 'booting' },
    },
  },
});
