/**
 * 修改密码: the operator who opened 设置 changes their own password. The old password comes first
 * (a wrong one counts towards the lockout like any other), then the new one twice; it must have the
 * role's number of digits (主管 6, 系统管理员 8, 操作员 4). Every entry is masked. The new password
 * is stored as a new salted hash at once, so the old one stops working; 取消 leaves with nothing
 * changed.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import { PASSWORD_LENGTHS } from './domain.js';
import { forwardKeysTo } from './forward-keys.js';
import { passwordPromptMachine, type PasswordPromptOutput } from './password-prompt.js';

export type ChangePasswordInput = { readonly port: DevicePort; readonly operatorId: string };

/** Why the last new password was not taken: wrong number of digits, or the two entries differ. */
export type ChangePasswordProblem = 'length' | 'mismatch';

type Context = ChangePasswordInput & {
  /** Digits the new password needs, from the operator's role. */
  length: number;
  /** Digits typed into the entry on screen; never rendered, only their count. */
  entered: string;
  /** The new password as typed the first time, to compare the second entry with. */
  first: string;
  problem: ChangePasswordProblem | undefined;
};

export const changePasswordMachine = setup({
  types: {
    input: {} as ChangePasswordInput,
    context: {} as Context,
    events: {} as KeyEvent,
  },
  actors: { passwordPrompt: passwordPromptMachine },
  guards: {
    wasAccepted: (_, output: PasswordPromptOutput) => output.accepted,
    hasRoom: ({ context }) => context.entered.length < context.length,
    hasRightLength: ({ context }) => context.entered.length === context.length,
    matchesFirstEntry: ({ context }) => context.entered === context.first,
  },
  actions: {
    appendDigit: assign({
      entered: ({ context, event }) => (event.type === 'DIGIT' ? context.entered + event.digit : context.entered),
      problem: undefined,
    }),
    deleteDigit: assign({ entered: ({ context }) => context.entered.slice(0, -1) }),
    rememberFirstEntry: assign({ first: ({ context }) => context.entered, entered: '', problem: undefined }),
    reportLength: assign({ entered: '', problem: 'length' }),
    reportMismatch: assign({ entered: '', first: '', problem: 'mismatch' }),
    storePassword: assign({
      entered: ({ context }) => {
        context.port.changePassword(context.operatorId, context.entered);
        return '';
      },
      first: '',
    }),
  },
}).createMachine({
  id: 'changePassword',
  context: ({ input }) => {
    const role = input.port.operators().find((operator) => operator.id === input.operatorId)?.role ?? 'operator';
    return { ...input, length: PASSWORD_LENGTHS[role], entered: '', first: '', problem: undefined };
  },
  initial: 'verifying',
  states: {
    verifying: {
      description: 'Asks for the old password (请输入原密码); a wrong one counts towards the lockout.',
      invoke: {
        id: 'password',
        src: 'passwordPrompt',
        input: ({ context }) => ({ port: context.port, operatorId: context.operatorId, purpose: 'changePasswordOld' as const }),
        onDone: [{ guard: { type: 'wasAccepted', params: ({ event }) => event.output }, target: 'newPassword' }, { target: 'done' }],
      },
      on: forwardKeysTo('password'),
    },
    newPassword: {
      description:
        'Asks 请输入新密码 with the digits it needs, masked; says 密码须为N位数字 or 两次输入的密码不一致 after a refused entry.',
      on: {
        DIGIT: { guard: 'hasRoom', actions: 'appendDigit' },
        CLEAR: { actions: 'deleteDigit' },
        ENTER: [{ guard: 'hasRightLength', target: 'repeating', actions: 'rememberFirstEntry' }, { actions: 'reportLength' }],
        CANCEL: 'done',
      },
    },
    repeating: {
      description: 'Asks 请再次输入新密码, masked.',
      on: {
        DIGIT: { guard: 'hasRoom', actions: 'appendDigit' },
        CLEAR: { actions: 'deleteDigit' },
        ENTER: [
          { guard: 'matchesFirstEntry', target: 'changed', actions: 'storePassword' },
          { target: 'newPassword', actions: 'reportMismatch' },
        ],
        CANCEL: 'done',
      },
    },
    changed: {
      description: 'Says 修改密码成功: the new password is in force, the old one no longer works.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final' },
  },
});
