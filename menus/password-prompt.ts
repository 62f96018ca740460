/**
 * Password entry (请输入密码): digits show as asterisks, 清除 deletes one, 确认 checks it.
 * Wrong attempts are counted by the store, per operator; after too many the operator is locked out
 * for the profile's lockout period, and the prompt waits that out on the device clock. Where the
 * prompt lets the operator say who they are (设置), 上/下 switch between the device's operators.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort, PasswordCheck } from './device-port.js';
import { forwardKeysTo } from './forward-keys.js';

export type PasswordPurpose =
  'enterSettings' | 'confirmDeregister' | 'confirmSave' | 'changePasswordOld' | 'signIn' | 'authorise' | 'confirmBind';

export type PasswordPromptInput = {
  readonly port: DevicePort;
  readonly operatorId: string;
  /** Why the password is asked: decides the prompt's title. */
  readonly purpose: PasswordPurpose;
  /** Operators 上/下 switch between, in order (the prompt starts at operatorId); absent: only operatorId. */
  readonly operatorIds?: readonly string[];
};

export type PasswordPromptOutput = {
  readonly accepted: boolean;
  /** Whose password was asked for last: the operator who logged in when accepted. */
  readonly operatorId: string;
};

const switchedOperator = (context: PasswordPromptInput, delta: 1 | -1): string => {
  const ids = context.operatorIds ?? [];
  const index = ids.indexOf(context.operatorId);
  return ids[(index + delta + ids.length) % ids.length] ?? context.operatorId;
};

/** Longest password the keypad accepts (system administrator passwords have 8 digits). */
export const MAX_PASSWORD_LENGTH = 12;

export const passwordPromptMachine = setup({
  types: {
    input: {} as PasswordPromptInput,
    context: {} as PasswordPromptInput & {
      /** Digits typed so far; never rendered, only their count. */
      entered: string;
      lastCheck: PasswordCheck | undefined;
    },
    events: {} as KeyEvent,
    output: {} as PasswordPromptOutput,
  },
  guards: {
    isLockedOut: ({ context }) => {
      const until = context.port.lockedUntil(context.operatorId);
      return until !== undefined && until > context.port.now();
    },
    hasRoom: ({ context }) => context.entered.length < MAX_PASSWORD_LENGTH,
    hasDigits: ({ context }) => context.entered.length > 0,
    wasAccepted: ({ context }) => context.lastCheck?.result === 'accepted',
    wasLockedOut: ({ context }) => context.lastCheck?.result === 'locked',
    canSwitchOperator: ({ context }) => (context.operatorIds?.length ?? 0) > 1,
  },
  actions: {
    appendDigit: assign({
      entered: ({ context, event }) => (event.type === 'DIGIT' ? context.entered + event.digit : context.entered),
    }),
    deleteDigit: assign({ entered: ({ context }) => context.entered.slice(0, -1) }),
    checkPassword: assign({
      lastCheck: ({ context }) => context.port.checkPassword(context.operatorId, context.entered),
      entered: '',
    }),
    forgetCheck: assign({ lastCheck: undefined }),
    previousOperator: assign({ operatorId: ({ context }) => switchedOperator(context, -1), entered: '', lastCheck: undefined }),
    nextOperator: assign({ operatorId: ({ context }) => switchedOperator(context, 1), entered: '', lastCheck: undefined }),
  },
  delays: {
    lockoutRemaining: ({ context }) => Math.max(0, (context.port.lockedUntil(context.operatorId) ?? 0) - context.port.now()),
  },
}).createMachine({
  id: 'passwordPrompt',
  context: ({ input }) => ({ ...input, entered: '', lastCheck: undefined }),
  initial: 'starting',
  states: {
    starting: {
      description: 'Decides whether the operator may try at all.',
      always: [{ guard: 'isLockedOut', target: 'lockedOut' }, { target: 'entering' }],
    },
    entering: {
      description: 'Shows 请输入密码 with one * per digit typed, and 密码错误 with the attempts left after a wrong one.',
      on: {
        DIGIT: { guard: 'hasRoom', actions: 'appendDigit' },
        CLEAR: { actions: 'deleteDigit' },
        ENTER: { guard: 'hasDigits', target: 'checking', actions: 'checkPassword' },
        CANCEL: 'cancelled',
        UP: { guard: 'canSwitchOperator', target: 'starting', actions: 'previousOperator' },
        DOWN: { guard: 'canSwitchOperator', target: 'starting', actions: 'nextOperator' },
      },
    },
    checking: {
      description: 'The store has judged the password; the device moves on at once.',
      always: [{ guard: 'wasAccepted', target: 'accepted' }, { guard: 'wasLockedOut', target: 'lockedOut' }, { target: 'entering' }],
    },
    lockedOut: {
      description: 'Shows 密码错误次数过多 and when the operator may try again; 取消 leaves, 上/下 pick another operator.',
      after: { lockoutRemaining: { target: 'entering', actions: 'forgetCheck' } },
      on: {
        CANCEL: 'cancelled',
        UP: { guard: 'canSwitchOperator', target: 'starting', actions: 'previousOperator' },
        DOWN: { guard: 'canSwitchOperator', target: 'starting', actions: 'nextOperator' },
      },
    },
    accepted: { type: 'final', description: 'Password correct.' },
    cancelled: { type: 'final', description: 'The operator pressed 取消.' },
  },
  output: ({ context }) => ({ accepted: context.lastCheck?.result === 'accepted', operatorId: context.operatorId }),
});

/**
 * A flow's state that asks for the 主管's password whoever is signed in (撤销, 退货, opening a
 * service again): on to `accepted` once it is right, to `refused` when it is given up. The flow's
 * setup provides the `passwordPrompt` actor and the `wasAccepted` guard.
 */
export const supervisorPasswordState = <Accepted extends string, Refused extends string>(options: {
  readonly description: string;
  readonly purpose: PasswordPurpose;
  readonly accepted: Accepted;
  readonly refused: Refused;
}) =>
  ({
    description: options.description,
    invoke: {
      id: 'password',
      src: 'passwordPrompt',
      input: ({ context }: { context: { port: DevicePort; operatorId: string } }) => ({
        port: context.port,
        operatorId: supervisorOf(context.port, context.operatorId),
        purpose: options.purpose,
      }),
      onDone: [
        {
          guard: { type: 'wasAccepted', params: ({ event }: { event: { output: PasswordPromptOutput } }) => event.output },
          target: options.accepted,
        },
        { target: options.refused },
      ],
    },
    on: forwardKeysTo('password'),
  }) as const;

/** The 主管 who authorises, or the operator signed in when the device has none. */
const supervisorOf = (port: DevicePort, fallback: string) =>
  port.operators().find((operator) => operator.role === 'supervisor')?.id ?? fallback;
