/**
 * A fault in the middle of an interactive command — a save that failed on a full disk or a folder
 * that became read-only — ends the Ink app with that error, instead of being thrown where it
 * happened (in a key handler or a machine action, where it crashed with the terminal still raw, the
 * cursor hidden and the lock left). The app unmounts, which gives the terminal back; once its
 * `waitUntilExit` settles the command throws the fault (`throwIfAny`), its own `finally` lets go of
 * what it holds, and the CLI prints the message and exits 2.
 */
import type { Instance } from 'ink';

export class TuiFault {
  private app: Pick<Instance, 'unmount'> | undefined;
  private fault: Error | undefined;

  /** Reports a fault (the first is the one to tell: later ones follow from it); the app attached ends with it as soon as the current key has been handled. */
  readonly report = (error: Error): void => {
    if (this.fault) return;
    this.fault = error;
    this.end();
  };

  /** The app to end on a fault; one already reported ends it at once. */
  attach(app: Pick<Instance, 'unmount'>): void {
    this.app = app;
    this.end();
  }

  /** Whether a fault has been reported. */
  get reported(): boolean {
    return this.fault !== undefined;
  }

  /** Throws the fault reported, if any: after the app has ended, or before there is one. */
  throwIfAny(): void {
    if (this.fault) throw this.fault;
  }

  private end(): void {
    const { app, fault } = this;
    // Ink's unmount does not pass an error on to waitUntilExit: throwIfAny tells it.
    if (app && fault) setImmediate(() => app.unmount());
  }
}
