/**
 * 免密支付 in a wallet app: the payer's own 小额免密 — on or off and its limit — switched off (or
 * on) with the wallet's payment password. The wallet applies it at once (no restart: it is the
 * wallet's setting, kept by its provider, not the terminal's) and sends its notice.
 */
import { setup } from 'xstate';
import type { KeyEvent } from '../device-events.js';
import { forwardKeysTo } from '../forward-keys.js';
import type { WalletId } from './phone-domain.js';
import type { PhonePort } from './phone-port.js';
import { walletPasswordMachine, type WalletPasswordOutput } from './wallet-password.js';

export type WalletPasswordFreeInput = { readonly port: PhonePort; readonly wallet: WalletId };

export const walletPasswordFreeMachine = setup({
  types: {
    input: {} as WalletPasswordFreeInput,
    context: {} as WalletPasswordFreeInput,
    events: {} as KeyEvent,
  },
  actors: { walletPassword: walletPasswordMachine },
  guards: {
    wasAccepted: (_, output: WalletPasswordOutput) => output.result === 'accepted',
  },
  actions: {
    switchPasswordFree: ({ context }) => {
      const { enabled } = context.port.account(context.wallet).passwordFree;
      context.port.setWalletPasswordFree(context.wallet, !enabled);
    },
  },
}).createMachine({
  id: 'walletPasswordFree',
  context: ({ input }) => input,
  initial: 'showing',
  states: {
    showing: {
      description: 'Shows 小额免密支付 已开启 or 已关闭 with its limit per payment; 确认 switches it off (or on).',
      on: { ENTER: 'authorising', CANCEL: 'done' },
    },
    authorising: {
      description: 'Asks for the wallet’s payment password to confirm the switch.',
      invoke: {
        id: 'password',
        src: 'walletPassword',
        input: ({ context }) => ({ port: context.port, wallet: context.wallet, purpose: 'passwordFree' as const }),
        onDone: [
          { guard: { type: 'wasAccepted', params: ({ event }) => event.output }, target: 'changed', actions: 'switchPasswordFree' },
          { target: 'showing' },
        ],
      },
      on: forwardKeysTo('password'),
    },
    changed: {
      description: 'Says 已关闭小额免密支付 (or 已开启): in force at once; the wallet sends its notice.',
      on: { ENTER: 'showing', CANCEL: 'showing' },
    },
    done: { type: 'final', description: 'Back to the app’s menu.' },
  },
});
