/**
 * Plays a walkthrough on a fresh throw-away device with a simulated clock, step by step, and
 * stops at the first step that fails, keeping the screen as it was then. A result is plain data
 * (it crosses from a worker to the reporter): what ran, on which profile, and how it ended.
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
import { unmet } from './expectations.js';
import { SMS_CODE_VARIABLE, type PhoneAction, type Step, type Walkthrough } from './walkthrough.js';

export type StepFailure = {
  /** file:line:col of the step. */
  readonly at: string;
  /** The step as written. */
  readonly step: string;
  /** What was expected and what was found. */
  readonly message: string;
  /** The display as it was when the step failed. */
  readonly screen: string;
  readonly states: readonly string[];
  /** A screen that differs from its golden snapshot: the golden's screen beside the device's. */
  readonly snapshot?: SnapshotMismatch;
};

/** passed, failed, skipped (its `when` does not hold on the profile), or error (the file cannot be run). */
export type RunStatus = 'passed' | 'failed' | 'skipped' | 'error';

export type WalkthroughResult = {
  /** The walkthrough file, as given. */
  readonly file: string;
  readonly name: string;
  /** The profile it ran on: a name, or the path of a profile file. */
  readonly profile: string;
  readonly status: RunStatus;
  /** How many steps the walkthrough has, and how many ran (up to the failing one). */
  readonly steps: number;
  readonly stepsRun: number;
  readonly durationMs: number;
  readonly failure?: StepFailure;
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
};

/** How a profile is named in reports: its name, or the path it was given by. */
export const profileLabel = (fixture: string): string => (fixture.includes('/') || fixture.endsWith('.json') ? shownPath(fixture) : fixture);

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
      const snapshot = step.expectation.snapshot === undefined ? undefined : compareSnapshot(sim, step.expectation.snapshot, walkthrough, options);
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
  }
};

/** Compares the screen with its golden snapshot (or writes it); what is wrong, or undefined. */
const compareSnapshot = (sim: Simulator, name: string, walkthrough: Walkthrough, options: RunOptions): string | undefined => {
  if (options.snapshots === 'ignore') return undefined;
  const check = checkSnapshot(goldenPath(walkthrough.file, name, sim.profile.name), sim.capture(), options.snapshots === 'update');
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

export const runWalkthrough = (walkthrough: Walkthrough, options: RunOptions = {}): WalkthroughResult => {
  const started = performance.now();
  const sim = createSimulator({
    fixture: options.profile ?? walkthrough.fixture,
    lang: walkthrough.lang,
    signedIn: walkthrough.start !== 'power-on',
    ...(options.observe ? { observe: options.observe } : {}),
  });
  const base = { file: walkthrough.file, name: walkthrough.name, profile: profileLabel(walkthrough.fixture), steps: walkthrough.steps.length };
  const records = new ScreenRecords(walkthrough, options);
  let stepsRun = 0;
  try {
    for (const step of walkthrough.steps) {
      stepsRun += 1;
      const problem = records.step(step, sim, (stepOptions) => runStep(sim, step, walkthrough, stepOptions));
      if (problem !== undefined) {
        const failure: StepFailure = {
          at: `${shownPath(walkthrough.file)}:${step.at.line}:${step.at.column}`,
          step: step.source,
          message: problem,
          screen: sim.screen(),
          states: sim.session.activeStates(),
          ...records.failure(),
        };
        return { ...base, status: 'failed', stepsRun, durationMs: performance.now() - started, failure, ...records.result() };
      }
    }
    return { ...base, status: 'passed', stepsRun, durationMs: performance.now() - started, ...records.result() };
  } finally {
    sim.stop();
  }
};
