/**
 * 免密支付: check boxes (开启免密支付, 启用小额免密支付 per channel) and the 免密限额 per channel.
 * 保存设置 needs the network and the password; the saved change is pending until the next boot,
 * and the device offers to restart now. Leaving with unsaved edits asks whether to discard them.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { AcceptanceRules } from './acceptance.js';
import type { DevicePort } from './device-port.js';
import { CANCEL_KEEPS_WORK, samePasswordFreeSettings, type PasswordFreeLayout, type PasswordFreeSettings } from './domain.js';
import { forwardKeysTo } from './forward-keys.js';
import { moveCursor, pickByDigit } from './menu-cursor.js';
import { passwordPromptMachine } from './password-prompt.js';

export type PasswordFreeRow =
  | { readonly kind: 'master' }
  | { readonly kind: 'channelSwitch'; readonly channel: number }
  | { readonly kind: 'channelLimit'; readonly channel: number }
  | { readonly kind: 'save' };

/** The editor's rows, top to bottom: the master switch, each channel's switch and limit, 保存设置. */
export const passwordFreeRows = (layout: PasswordFreeLayout): readonly PasswordFreeRow[] => {
  // A loop, not closures made at each screen and key: V8 optimised each anew.
  const rows: PasswordFreeRow[] = [{ kind: 'master' }];
  for (let channel = 0; channel < layout.channels.length; channel += 1) {
    rows.push({ kind: 'channelSwitch', channel }, { kind: 'channelLimit', channel });
  }
  rows.push({ kind: 'save' });
  return rows;
};

/** The settings after activating one row (toggle a box, step the limit); 'save' changes nothing. */
export const applyRow = (settings: PasswordFreeSettings, row: PasswordFreeRow, layout: PasswordFreeLayout): PasswordFreeSettings => {
  switch (row.kind) {
    case 'master':
      return { ...settings, enabled: !settings.enabled };
    case 'channelSwitch':
    case 'channelLimit':
      return {
        ...settings,
        channels: settings.channels.map((channel, index) => {
          if (index !== row.channel) return channel;
          if (row.kind === 'channelSwitch') return { ...channel, smallAmountEnabled: !channel.smallAmountEnabled };
          const options = layout.limitOptions;
          const next = options[(options.indexOf(channel.limit) + 1) % options.length] ?? channel.limit;
          return { ...channel, limit: next };
        }),
      };
    case 'save':
      return settings;
  }
};

export type PasswordFreeInput = {
  readonly port: DevicePort;
  readonly operatorId: string;
  readonly layout: PasswordFreeLayout;
  /** Which service governs each method: a channel whose every method is closed no longer applies. */
  readonly rules: AcceptanceRules;
};

export type PasswordFreeOutput = { readonly restart: boolean };

type Context = PasswordFreeInput & {
  /** What is in force now. */
  inForce: PasswordFreeSettings;
  /** What is saved: the pending change if any, else what is in force. */
  saved: PasswordFreeSettings;
  /** What the operator is editing. */
  draft: PasswordFreeSettings;
  cursor: number;
  restart: boolean;
};

const rowCount = (context: Context) => passwordFreeRows(context.layout).length;
const currentRow = (context: Context) => passwordFreeRows(context.layout)[context.cursor] ?? { kind: 'save' as const };

export const passwordFreeMachine = setup({
  types: {
    input: {} as PasswordFreeInput,
    context: {} as Context,
    events: {} as KeyEvent,
    output: {} as PasswordFreeOutput,
    tags: {} as typeof CANCEL_KEEPS_WORK,
  },
  actors: { passwordPrompt: passwordPromptMachine },
  guards: {
    isOnSave: ({ context }) => currentRow(context).kind === 'save',
    isValidPick: ({ context, event }) => event.type === 'DIGIT' && pickByDigit(event.digit, rowCount(context)) !== undefined,
    isPickOfSave: ({ context, event }) => event.type === 'DIGIT' && pickByDigit(event.digit, rowCount(context)) === rowCount(context) - 1,
    hasUnsavedEdits: ({ context }) => !samePasswordFreeSettings(context.draft, context.saved),
    isOnline: ({ context }) => context.port.isOnline(),
    wasAccepted: (_, output: { accepted: boolean }) => output.accepted,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, rowCount(context), -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, rowCount(context), 1) }),
    pickByDigit: assign({
      cursor: ({ context, event }) => (event.type === 'DIGIT' ? pickByDigit(event.digit, rowCount(context)) : undefined) ?? context.cursor,
    }),
    activateRow: assign({
      draft: ({ context }) => applyRow(context.draft, currentRow(context), context.layout),
    }),
    saveDraft: ({ context }) => context.port.savePasswordFree(context.draft, context.operatorId),
    noteSaved: assign({ saved: ({ context }) => context.draft }),
    chooseRestart: assign({ restart: true }),
  },
}).createMachine({
  id: 'passwordFree',
  context: ({ input }) => {
    const inForce = input.port.activePasswordFree();
    const saved = input.port.pendingPasswordFree() ?? inForce;
    return { ...input, inForce, saved, draft: saved, cursor: 0, restart: false };
  },
  initial: 'editing',
  states: {
    editing: {
      description:
        'Shows the check boxes and limits as edited; rows not yet saved are marked 未保存, saved rows awaiting a restart 待重启生效.',
      initial: 'idle',
      states: {
        idle: {},
        unchanged: { description: 'Says 设置未修改: there is nothing new to save.' },
      },
      on: {
        UP: { target: '.idle', actions: 'cursorUp' },
        DOWN: { target: '.idle', actions: 'cursorDown' },
        DIGIT: [
          { guard: 'isPickOfSave', target: 'saving', actions: 'pickByDigit' },
          { guard: 'isValidPick', target: '.idle', actions: ['pickByDigit', 'activateRow'] },
        ],
        ENTER: [
          { guard: 'isOnSave', target: 'saving' },
          { target: '.idle', actions: 'activateRow' },
        ],
        CANCEL: [{ guard: 'hasUnsavedEdits', target: 'confirmingDiscard' }, { target: 'done' }],
      },
    },
    saving: {
      description: 'Decides whether there is anything to save and whether the network allows it.',
      always: [{ guard: { type: 'hasUnsavedEdits' }, target: 'checkingNetwork' }, { target: 'editing.unchanged' }],
    },
    checkingNetwork: {
      always: [{ guard: 'isOnline', target: 'authorising' }, { target: 'offline' }],
    },
    authorising: {
      description: 'Asks for the password to confirm saving.',
      invoke: {
        id: 'password',
        src: 'passwordPrompt',
        input: ({ context }) => ({ port: context.port, operatorId: context.operatorId, purpose: 'confirmSave' }),
        onDone: [{ guard: { type: 'wasAccepted', params: ({ event }) => event.output }, target: 'storing' }, { target: 'editing' }],
      },
      on: forwardKeysTo('password'),
    },
    storing: {
      always: [{ guard: 'isOnline', target: 'saved', actions: ['saveDraft', 'noteSaved'] }, { target: 'offline' }],
    },
    saved: {
      description: 'Says 设置已保存,重启后生效 and asks whether to restart now (确认) or later (取消).',
      tags: [CANCEL_KEEPS_WORK],
      on: { ENTER: { target: 'done', actions: 'chooseRestart' }, CANCEL: 'editing' },
    },
    offline: {
      description: 'Says 网络连接失败: the settings were not saved; the edits are kept.',
      on: { ENTER: 'editing', CANCEL: 'editing' },
    },
    confirmingDiscard: {
      description: 'Asks 放弃未保存的修改?: 确认 discards and leaves, 取消 goes back to editing.',
      tags: [CANCEL_KEEPS_WORK],
      on: { ENTER: 'done', CANCEL: 'editing' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ restart: context.restart }),
});
