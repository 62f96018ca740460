/**
 * A persisted actor snapshot made to go on over another device's world: every machine in it (the
 * flows it runs included) gets `port`, what the machines talk to — the device store's methods for
 * the terminal, the phone's port for the phone. Model paths fork devices this way.
 */
import type { Snapshot } from 'xstate';

type PersistedMachine = {
  readonly context?: Record<string, unknown>;
  readonly children?: Record<string, { readonly snapshot: PersistedMachine }>;
};

const withPort = (snapshot: PersistedMachine, port: unknown): PersistedMachine => ({
  ...snapshot,
  ...(snapshot.context && 'port' in snapshot.context ? { context: { ...snapshot.context, port } } : {}),
  ...(snapshot.children
    ? {
        children: Object.fromEntries(
          Object.entries(snapshot.children).map(([id, child]) => [id, { ...child, snapshot: withPort(child.snapshot, port) }]),
        ),
      }
    : {}),
});

/** The snapshot with every machine's `port` pointed at `port`. */
export const onPort = (snapshot: Snapshot<unknown>, port: unknown): Snapshot<unknown> =>
  withPort(snapshot as PersistedMachine, port) as Snapshot<unknown>;
