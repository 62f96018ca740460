/**
 * The acquirer's side of 解绑, after the terminal has let the account go: the application is
 * reviewed (审核) and, once approved, the funds held for the account are moved (资金已划转). It runs
 * beside the device's screens for as long as the device is on, on the device clock, so a script's
 * `wait` or a trainer's fast-forward reaches the end of a review; the applications live in the
 * flash, so a review that a power cut or a restart interrupts goes on where it was.
 */
import { setup } from 'xstate';
import type { DevicePort } from './device-port.js';

/** How long the acquirer's review of a 解绑 application takes, on the device clock. */
export const UNBIND_REVIEW_MS = 2 * 60 * 60 * 1000;

/** The actor's id and systemId: 解绑 tells it about a new application. */
export const FUNDS_TRANSFER_ID = 'fundsTransfer';

/** What 解绑 sends when it has filed an application. */
export type FundsTransferEvent = { readonly type: 'APPLICATION_FILED' };

/** The earliest review still running, as ms from now (0 when it is already over), or undefined when none runs. */
export const nextReviewIn = (port: DevicePort): number | undefined => {
  const due = port
    .unbindApplications()
    .filter((application) => application.transferredAt === undefined)
    .map((application) => application.reviewedAt);
  return due.length === 0 ? undefined : Math.max(0, Math.min(...due) - port.now());
};

export const fundsTransferMachine = setup({
  types: {
    input: {} as { readonly port: DevicePort },
    context: {} as { readonly port: DevicePort },
    events: {} as FundsTransferEvent,
  },
  delays: {
    reviewEnds: ({ context }) => nextReviewIn(context.port) ?? 0,
  },
  guards: {
    isUnderReview: ({ context }) => nextReviewIn(context.port) !== undefined,
  },
  actions: {
    transferFunds: ({ context }) => context.port.transferUnbindFunds(),
  },
}).createMachine({
  id: 'fundsTransfer',
  context: ({ input }) => ({ port: input.port }),
  initial: 'checking',
  states: {
    checking: {
      description: 'Looks in the flash for a 解绑 application still under review.',
      always: [{ guard: 'isUnderReview', target: 'reviewing' }, { target: 'idle' }],
    },
    idle: {
      description: 'No application is under review.',
      on: { APPLICATION_FILED: 'checking' },
    },
    reviewing: {
      description: '审核: the earliest application is under review until its time; then its funds are moved (资金已划转).',
      // A later application is due later: it is found when this one is done.
      after: { reviewEnds: { target: 'checking', actions: 'transferFunds' } },
    },
  },
});
