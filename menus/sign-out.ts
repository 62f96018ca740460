/** 签退: the operator signed in ends the day's sign-in; the next transaction needs a 签到 again. */
import { setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';

export type SignOutInput = { readonly port: DevicePort };

export const signOutMachine = setup({
  types: {
    input: {} as SignOutInput,
    context: {} as SignOutInput,
    events: {} as KeyEvent,
  },
  guards: {
    isSignedIn: ({ context }) => context.port.signedIn() !== undefined,
  },
  actions: {
    signOut: ({ context }) => context.port.signOut(context.port.signedIn()?.operator ?? ''),
  },
}).createMachine({
  id: 'signOut',
  context: ({ input }) => input,
  initial: 'starting',
  states: {
    starting: {
      description: 'Decides whether anyone is signed in.',
      always: [{ guard: 'isSignedIn', target: 'confirming' }, { target: 'notSignedIn' }],
    },
    confirming: {
      description: 'Asks 确认签退? with the operator signed in.',
      on: { ENTER: { target: 'signedOut', actions: 'signOut' }, CANCEL: 'done' },
    },
    signedOut: {
      description: 'Says 签退成功: the next transaction needs a 签到.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    notSignedIn: {
      description: 'Says 本机未签到: there is nobody to sign out.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final' },
  },
});
