/**
 * 数据备份: writes the device's records, bindings and settings (never passwords) to a backup file
 * and shows where it went, so that it can be kept before a 注销.
 */
import { assign, setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort } from './device-port.js';
import type { BackupResult } from './domain.js';

export type DataBackupInput = { readonly port: DevicePort; readonly operatorId: string };

export const dataBackupMachine = setup({
  types: {
    input: {} as DataBackupInput,
    context: {} as DataBackupInput & { result: BackupResult | undefined },
    events: {} as KeyEvent,
  },
  actions: {
    backUp: assign({ result: ({ context }) => context.port.backup(context.operatorId) }),
  },
}).createMachine({
  id: 'dataBackup',
  context: ({ input }) => ({ ...input, result: undefined }),
  initial: 'asking',
  states: {
    asking: {
      description: 'Asks 是否备份POS机上的数据? (records, bindings, settings; no passwords).',
      on: { ENTER: { target: 'finished', actions: 'backUp' }, CANCEL: 'done' },
    },
    finished: {
      description: 'Says 备份成功 with the path of the backup file, or 备份失败 and why.',
      on: { ENTER: 'done', CANCEL: 'done' },
    },
    done: { type: 'final' },
  },
});
