/**
 * 操作记录: the operations the device has recorded (注销, 免密 changes, password changes, lockouts,
 * backups, sales), newest first. 上/下 scroll, 确认 opens one record, 取消 goes back.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import type { DeviceRecord } from './domain.js';
import { moveCursor } from './menu-cursor.js';

export type OperationRecordsInput = { readonly port: DevicePort };

export const operationRecordsMachine = setup({
  types: {
    input: {} as OperationRecordsInput,
    context: {} as OperationRecordsInput & {
      /** The records, newest first. */
      records: readonly DeviceRecord[];
      cursor: number;
    },
    events: {} as KeyEvent,
  },
  guards: {
    hasRecords: ({ context }) => context.records.length > 0,
  },
  actions: {
    cursorUp: assign({ cursor: ({ context }) => moveCursor(context.cursor, context.records.length, -1) }),
    cursorDown: assign({ cursor: ({ context }) => moveCursor(context.cursor, context.records.length, 1) }),
  },
}).createMachine({
  id: 'operationRecords',
  context: ({ input }) => ({ ...input, records: [...input.port.records()].reverse(), cursor: 0 }),
  initial: 'list',
  states: {
    list: {
      description: 'Lists the records newest first (time, operator, operation), or 暂无记录.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        ENTER: { guard: 'hasRecords', target: 'detail' },
        CANCEL: 'done',
      },
    },
    detail: {
      description: 'Shows one record in full: time, operator, operation and what it was about; 上/下 step through the records.',
      on: {
        UP: { actions: 'cursorUp' },
        DOWN: { actions: 'cursorDown' },
        ENTER: 'list',
        CANCEL: 'list',
      },
    },
    done: { type: 'final' },
  },
});
