/**
 * Plays a walkthrough on a fresh throw-away device with a simulated clock, step by step — its
 * `before:` steps, its steps, then its `after:` steps whatever happened — the steps of the pieces it
 * calls in their place, each step whose `when` does not hold on the device as it comes passed over.
 * It stops at the first step that fails, keeping the screen as it was then and the chain of calls
 * it was in; a failure in `after:` is kept apart. A result is plain data (it crosses from a worker
 * to the reporter): what ran, on which profile, and how it ended.
 */
import type { InspectionEvent } from 'xstate';
import { SelectError } from '../device/select-item.js';
import { BOOT_MS, createSimulator, type Simulator } from '../device/simulator.js';
import { checkSnapshot, goldenPath, type SnapshotCheck } from '../golden/golden-files.js';
import { snapshotProblem, type SnapshotMismatch } from '../golden/snapshot-log.js';
import { ScreenRecords } from '../golden/screen-records.js';
import { toolText } from '../i18n/tool-lang.js';
import type { ScreenCapture } from '../picture/screen-capture.js';
import type { StepTrace } from '../picture/screen-trace.js';
import type { Profile } from '../profile/profile-schema.js';
import { shownPath } from '../shown-path.js';
import { holds, type DeviceFacts } from './conditions.js';
import { screenText, unmet } from './expectations.js';
import { redact } from './params.js';
import { SMS_CODE_VARIABLE, type PhoneAction, type Secret, type Step, type Walkthrough } from './walkthrough.js';

/** A `run:` step a failing step was played from. */
export type CalledAt = {
  /** file:line:col of the `run:` step. */
  readonly at: string;
  /** The `run:` step as written. */
  readonly step: string;
};

export type StepFailure = {
  /** file:line:col of the step (in the piece it is written in, when it is inside one). */
  readonly at: string;
  /** The step as written. */
  readonly step: string;
  /** The `run:` steps it was played from, innermost first; absent when it is the walkthrough's own. */
  readonly calledFrom?: readonly CalledAt[];
  /** What was expected and what was found. */
  readonly message: string;
  /** The display as it was when the step failed. */
  readonly screen: string;
  readonly states: readonly string[];
  /** The phone's screen and states, when the step was taken on the phone or expected something of it. */
  readonly phone?: { readonly screen: string; readonly states: readonly string[] };
  /** A screen that differs from its golden snapshot: the golden's screen beside the device's. */
  readonly snapshot?: SnapshotMismatch;
};

/** passed, failed, skipped (its `when` does not hold on the profile), or error (the file cannot be run). */
export type RunStatus = 'passed' | 'failed' | 'skipped' | 'error';

export type WalkthroughResult = {
  /** The walkthrough file, as given. */
  readonly file: string;
  readonly name: string;
  /** The profile it ran on: a name, or the path of a profile file; absent for a file that could not be read, whose profile is not known. */
  readonly profile?: string;
  readonly status: RunStatus;
  /**
   * How many steps the walkthrough has (`before:`, steps and `after:`, with the steps of the pieces
   * it calls), and how many played up to the first that failed (all that played when none did).
   */
  readonly steps: number;
  readonly stepsRun: number;
  readonly durationMs: number;
  /** The step that failed, in `before:` or the steps. */
  readonly failure?: StepFailure;
  /** The step of `after:` that failed (reported apart: `after:` plays whatever happened before it). */
  readonly afterFailure?: StepFailure;
  /** Why it was skipped, or why the file cannot be run (file:line:col: …). */
  readonly reason?: string;
  /** The snapshot names its steps use, and the goldens --update-snapshots wrote or replaced. */
  readonly snapshots?: { readonly names: readonly string[]; readonly written: readonly string[]; readonly updated: readonly string[] };
  /** The screens the steps left (told apart, each once) and each step's screen, when traced. */
  readonly screens?: readonly ScreenCapture[];
  readonly trace?: readonly StepTrace[];
};

export type RunOptions = {
  /** Golden screen snapshots: compared (the default), written anew where they differ (--update-snapshots), or not looked at (demos, guides). */
  readonly snapshots?: 'check' | 'update' | 'ignore';
  /** Hears how each snapshot check ended. */
  readonly onSnapshot?: (name: string, check: SnapshotCheck) => void;
  /** Keep the screen after every step (the HTML report shows them). */
  readonly trace?: boolean;
  /** Hears every inspection event (coverage). */
  readonly observe?: (event: InspectionEvent) => void;
  /** The walkthrough's profile, already loaded (a run loads each profile once). */
  readonly profile?: Profile;
  /** What a snapshot compares and keeps of the screen (secrets hidden); the whole capture when absent. */
  readonly capture?: (sim: Simulator) => ScreenCapture;
};

/** How a profile is named in reports: its name, or the path it was given by. */
export const profileLabel = (fixture: string): string =>
  fixture.includes('/') || fixture.endsWith('.json') ? shownPath(fixture) : fixture;

/** Runs one step; returns what went wrong, or undefined when it passed. (pos-sim demo plays steps one by one.) */
export const runStep = (sim: Simulator, step: Step, walkthrough: Walkthrough, options: RunOptions): string | undefined => {
  switch (step.kind) {
    case 'press':
      sim.press(...step.keys);
      return undefined;
    case 'type':
      sim.type(step.digits);
      return undefined;
    case 'typeSmsCode': {
      const sms = sim.sms(step.index);
      if (!sms) {
        return step.index === undefined
          ? toolText('run.noSmsYet', { variable: SMS_CODE_VARIABLE })
          : toolText('run.noSuchSms', { variable: `${SMS_CODE_VARIABLE}_${step.index}`, count: sim.session.store.smsMessages().length });
      }
      sim.type(sms.code);
      return undefined;
    }
    case 'select':
      try {
        sim.select(step.label);
        return undefined;
      } catch (error) {
        if (error instanceof SelectError) return error.message;
        throw error;
      }
    case 'expect': {
      const problems = unmet(sim, step.expectation);
      const snapshot =
        step.expectation.snapshot === undefined ? undefined : compareSnapshot(sim, step.expectation.snapshot, walkthrough, options);
      if (snapshot !== undefined) problems.push(snapshot);
      return problems.length > 0 ? problems.join('\n') : undefined;
    }
    case 'wait':
      sim.advance(step.ms);
      return undefined;
    case 'network':
      if (step.state === 'down') sim.networkDown();
      else sim.networkUp();
      return undefined;
    case 'power':
      if (step.mode === 'cycle') sim.powerCycle();
      else sim.powerCut();
      // Power steps leave the device booted, as a technician would wait for it.
      sim.advance(BOOT_MS);
      return undefined;
    case 'paper':
      sim.setPaper(step.state === 'in');
      return undefined;
    case 'phone':
      return runPhoneStep(sim, step.action);
    case 'snapshot':
      return compareSnapshot(sim, step.name, walkthrough, options);
    case 'run':
      // A call's steps are played one by one (stepsToPlay), never the call itself.
      return undefined;
  }
};

/** Compares the screen with its golden snapshot (or writes it); what is wrong, or undefined. */
const compareSnapshot = (sim: Simulator, name: string, walkthrough: Walkthrough, options: RunOptions): string | undefined => {
  if (options.snapshots === 'ignore') return undefined;
  const check = checkSnapshot(
    goldenPath(walkthrough.file, name, sim.profile.name),
    options.capture?.(sim) ?? sim.capture(),
    options.snapshots === 'update',
  );
  options.onSnapshot?.(name, check);
  return snapshotProblem(name, check);
};

/** A step on the phone beside the terminal; returns what went wrong, or undefined. */
const runPhoneStep = (sim: Simulator, action: PhoneAction): string | undefined => {
  switch (action.kind) {
    case 'press':
      sim.phone.press(...action.keys);
      return undefined;
    case 'type':
      sim.phone.type(action.digits);
      return undefined;
    case 'typeSmsCode': {
      const sms = sim.sms(action.index);
      if (!sms) return toolText('run.noSmsYet', { variable: SMS_CODE_VARIABLE });
      sim.phone.type(sms.code);
      return undefined;
    }
    case 'select':
      try {
        sim.phone.select(action.label);
        return undefined;
      } catch (error) {
        if (error instanceof SelectError) return error.message;
        throw error;
      }
  }
};

/** The device as `when:` asks it while it runs: its network, data and screen as they are now. */
export const liveFacts = (sim: Simulator, fixture: string): DeviceFacts => new LiveFacts(sim, fixture);

/** The device's facts read as they are asked: methods, not closures made for each walkthrough. */
class LiveFacts implements DeviceFacts {
  readonly profile: Profile;

  constructor(
    private readonly sim: Simulator,
    readonly fixture: string,
  ) {
    this.profile = sim.profile;
  }

  online(): boolean {
    return this.sim.store.isOnline();
  }

  store(): unknown {
    return this.sim.store.stored();
  }

  screen(): string {
    return screenText(this.sim);
  }
}

/** A step to play, and the `run:` steps it is played from, outermost first. */
export type StepToPlay = { readonly step: Step; readonly calls: readonly Step[] };

/**
 * The steps to play in turn, the steps of each call in its place. A step or call whose `when` (or
 * whose piece's own `when`) does not hold on the device is passed over; each is asked only when the
 * steps before it have played, so a step may depend on what they did.
 */
export function* stepsToPlay(steps: readonly Step[], facts: DeviceFacts, calls: readonly Step[] = []): Generator<StepToPlay> {
  for (const step of steps) {
    if (step.when && !holds(step.when, facts)) continue;
    if (step.kind !== 'run') {
      yield { step, calls };
      continue;
    }
    if (step.call.when && !holds(step.call.when, facts)) continue;
    yield* stepsToPlay(step.steps, facts, [...calls, step]);
  }
}

/** How many steps there are to play, those of the pieces called included, whatever their `when`. */
export const countSteps = (steps: readonly Step[]): number => {
  let count = 0;
  for (const step of steps) count += step.kind === 'run' ? countSteps(step.steps) : 1;
  return count;
};

const where = (step: Step) => `${step.file}:${step.at.line}:${step.at.column}`;

/** Every value from outside the files that the steps were written with, those of the pieces they call included. */
export const secretsIn = (steps: readonly Step[]): Secret[] => {
  // Loops, not closures made at each walkthrough (see parse-walkthrough.ts).
  const secrets: Secret[] = [];
  for (const step of steps) {
    if (step.secrets) secrets.push(...step.secrets);
    if (step.kind === 'run') secrets.push(...secretsIn(step.steps));
  }
  return secrets;
};

/**
 * A failure as reports show it: every secret the walkthrough was written with shows as ${NAME}, in
 * the message and on the screen (a value typed where the display echoes it, in any earlier step).
 */
const failureOf = (sim: Simulator, { step, calls }: StepToPlay, problem: string, secrets: readonly Secret[]): StepFailure => ({
  at: where(step),
  step: step.source,
  ...(calls.length > 0 ? { calledFrom: [...calls].reverse().map((call) => ({ at: where(call), step: call.source })) } : {}),
  message: redact(problem, secrets),
  screen: redact(sim.screen(), secrets),
  states: sim.session.activeStates(),
  ...(step.kind === 'phone' || (step.kind === 'expect' && step.expectation.phone !== undefined)
    ? { phone: { screen: redact(sim.phone.screen(), secrets), states: sim.phone.states() } }
    : {}),
});

/**
 * A walkthrough being played on its device: the steps played so far and the screens kept. A class,
 * not closures made for each walkthrough: V8 optimised each walkthrough's closures anew.
 */
class Playthrough {
  /** Steps played up to the first that failed: `after:` still plays after a failure, uncounted. */
  stepsRun = 0;
  readonly records: ScreenRecords;
  private failed = false;
  private readonly facts: DeviceFacts;
  /** The step being played, for `runCurrent`. */
  private current: Step | undefined;
  private readonly runCurrent: (stepOptions: RunOptions) => string | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly walkthrough: Walkthrough,
    options: RunOptions,
    private readonly secrets: readonly Secret[],
  ) {
    this.facts = liveFacts(sim, walkthrough.fixture);
    this.records = new ScreenRecords(walkthrough, options, secrets);
    this.runCurrent = this.playCurrent.bind(this);
  }

  play(steps: readonly Step[]): StepFailure | undefined {
    for (const toPlay of stepsToPlay(steps, this.facts)) {
      if (!this.failed) this.stepsRun += 1;
      this.current = toPlay.step;
      const problem = this.records.step(toPlay.step, this.sim, this.runCurrent);
      if (problem !== undefined) {
        this.failed = true;
        return { ...failureOf(this.sim, toPlay, problem, this.secrets), ...this.records.failure() };
      }
    }
    return undefined;
  }

  private playCurrent(stepOptions: RunOptions): string | undefined {
    return runStep(this.sim, this.current as Step, this.walkthrough, stepOptions);
  }
}

export const runWalkthrough = (walkthrough: Walkthrough, options: RunOptions = {}): WalkthroughResult => {
  const started = performance.now();
  const sim = createSimulator({
    fixture: options.profile ?? walkthrough.fixture,
    lang: walkthrough.lang,
    signedIn: walkthrough.start !== 'power-on',
    ...(options.observe ? { observe: options.observe } : {}),
  });
  const secrets = secretsIn([...walkthrough.before, ...walkthrough.steps, ...walkthrough.after]);
  const playing = new Playthrough(sim, walkthrough, options, secrets);
  try {
    const failure = playing.play(walkthrough.before) ?? playing.play(walkthrough.steps);
    const afterFailure = playing.play(walkthrough.after);
    return {
      file: walkthrough.file,
      name: walkthrough.name,
      profile: profileLabel(walkthrough.fixture),
      status: failure || afterFailure ? 'failed' : 'passed',
      steps: countSteps(walkthrough.before) + countSteps(walkthrough.steps) + countSteps(walkthrough.after),
      stepsRun: playing.stepsRun,
      durationMs: performance.now() - started,
      ...(failure ? { failure } : {}),
      ...(afterFailure ? { afterFailure } : {}),
      ...playing.records.result(),
    };
  } finally {
    sim.stop();
  }
};
