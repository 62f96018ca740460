/**
 * Printing a receipt or a 结算单: prints at once when the printer has paper; out of paper, the
 * device says so (打印机缺纸) and prints when the operator has loaded paper and presses 确认, or
 * goes on without the paper on 取消 (重打印 can print it later). What was done is done either way.
 */
import { setup } from 'xstate';
import type { KeyEvent } from './device-events.js';
import type { DevicePort, PrintRequest } from './device-port.js';

export type PrintJobInput = { readonly port: DevicePort; readonly request: PrintRequest };

export const printJobMachine = setup({
  types: {
    input: {} as PrintJobInput,
    context: {} as PrintJobInput,
    events: {} as KeyEvent,
  },
  guards: {
    hasPaper: ({ context }) => context.port.hasPaper(),
  },
  actions: {
    print: ({ context }) => context.port.print(context.request),
  },
}).createMachine({
  id: 'printJob',
  context: ({ input }) => input,
  initial: 'trying',
  states: {
    trying: {
      description: 'Prints at once when there is paper.',
      always: [{ guard: 'hasPaper', target: 'printed', actions: 'print' }, { target: 'paperOut' }],
    },
    paperOut: {
      description: 'Says 打印机缺纸: load paper and press 确认 to print, or 取消 to go on without it.',
      on: { ENTER: 'trying', CANCEL: 'skipped' },
    },
    printed: { type: 'final', description: 'The paper came out.' },
    skipped: { type: 'final', description: 'Nothing printed; 重打印 can print it later.' },
  },
});
