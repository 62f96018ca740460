/**
 * What a walkthrough's run keeps of its screens besides passing or failing: how its snapshot
 * checks ended (the goldens written, a failed check's screens) and, for the HTML report, the
 * screen each step left and how long it took.
 */
import type { Simulator } from '../device/simulator.js';
import { mapCaptureText, type ScreenCapture } from '../picture/screen-capture.js';
import { ScreenTrace } from '../picture/screen-trace.js';
import { redact } from '../walkthrough/params.js';
import type { RunOptions } from '../walkthrough/run-walkthrough.js';
import type { Secret, Step, Walkthrough } from '../walkthrough/walkthrough.js';
import { SnapshotLog } from './snapshot-log.js';

export class ScreenRecords {
  private readonly log: SnapshotLog;
  private readonly trace: ScreenTrace | undefined;
  private readonly options: RunOptions;

  private readonly hide: (capture: ScreenCapture) => ScreenCapture;

  /** `secrets`: values from outside the files, shown as ${NAME} wherever a screen is kept. */
  constructor(walkthrough: Pick<Walkthrough, 'before' | 'steps' | 'after'>, options: RunOptions, secrets: readonly Secret[] = []) {
    this.log = new SnapshotLog(walkthrough);
    this.trace = options.trace ? new ScreenTrace() : undefined;
    this.hide = secrets.length === 0 ? (capture) => capture : (capture) => mapCaptureText(capture, (text) => redact(text, secrets));
    this.options = {
      ...options,
      capture: (sim) => this.hide(sim.capture()),
      onSnapshot: (name, check) => {
        this.log.add(name, check);
        options.onSnapshot?.(name, check);
      },
    };
  }

  /** Runs a step with the options that record its snapshot checks, and traces the screen it leaves. */
  step(step: Step, sim: Simulator, run: (options: RunOptions) => string | undefined): string | undefined {
    const started = performance.now();
    const problem = run(this.options);
    this.trace?.add(step, this.hide(sim.capture()), performance.now() - started);
    return problem;
  }

  /** What the failing step's failure adds: the screens of a snapshot that did not match. */
  failure(): { readonly snapshot?: NonNullable<SnapshotLog['mismatch']> } {
    return this.log.mismatch ? { snapshot: this.log.mismatch } : {};
  }

  /** What the walkthrough's result adds. */
  result() {
    return { ...this.log.result(), ...(this.trace ? this.trace.result() : {}) };
  }
}
