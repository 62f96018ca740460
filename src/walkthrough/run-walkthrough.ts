/**
 * Plays a walkthrough on a fresh throw-away device with a simulated clock, step by step, and
 * stops at the first step that fails, keeping the screen as it was then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { InspectionEvent } from 'xstate';
import { SelectError } from '../device/select-item.js';
import { BOOT_MS, createSimulator, type Simulator } from '../device/simulator.js';
import { toolText } from '../i18n/tool-lang.js';
import { readStorePath } from './store-path.js';
import { SMS_CODE_VARIABLE, type Expectation, type Step, type StoreCheck, type TextMatcher, type Walkthrough } from './walkthrough.js';

export type StepFailure = {
  readonly step: Step;
  /** What was expected and what was found. */
  readonly message: string;
  /** The display as it was when the step failed. */
  readonly screen: string;
  readonly states: readonly string[];
};

export type WalkthroughResult = {
  readonly walkthrough: Walkthrough;
  readonly passed: boolean;
  readonly failure?: StepFailure;
  readonly stepsRun: number;
  readonly durationMs: number;
};

export type RunOptions = {
  /** Where `snapshot:` steps write screen text. */
  readonly snapshotDir?: string;
  /** Hears every inspection event (coverage). */
  readonly observe?: (event: InspectionEvent) => void;
};

const FULLWIDTH_PUNCTUATION: Record<string, string> = { '，': ',', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '；': ';' };

/** Chinese and ASCII punctuation match each other, so scripts need not type full-width commas. */
export const normalisePunctuation = (text: string): string => text.replace(/[，：？！（）；]/g, (char) => FULLWIDTH_PUNCTUATION[char] ?? char);

const describeMatcher = (matcher: TextMatcher) => (matcher.kind === 'text' ? `"${matcher.text}"` : String(matcher.regex));
const matches = (matcher: TextMatcher, text: string) =>
  matcher.kind === 'text'
    ? normalisePunctuation(text).includes(normalisePunctuation(matcher.text))
    : matcher.regex.test(normalisePunctuation(text));

const checkStore = (actual: unknown, check: StoreCheck): boolean => {
  switch (check.kind) {
    case 'equals':
      // `null` in a script also means "not there".
      return isDeepStrictEqual(actual ?? null, check.value);
    case 'includes':
      return Array.isArray(actual) && actual.some((item) => isDeepStrictEqual(item, check.value));
    case 'excludes':
      return Array.isArray(actual) && !actual.some((item) => isDeepStrictEqual(item, check.value));
  }
};

const STORE_CHECK_TEXTS = { equals: 'run.storeEquals', includes: 'run.storeIncludes', excludes: 'run.storeExcludes' } as const;

const isStateActive = (active: readonly string[], state: string) =>
  active.some((name) => name === state || name.endsWith(`.${state}`));

/** Every unmet part of an expectation, as sentences; empty when it holds. */
const unmet = (sim: Simulator, expectation: Expectation): string[] => {
  const text = sim.session.matchText();
  const problems: string[] = [];
  for (const matcher of expectation.screen) {
    if (!matches(matcher, text)) problems.push(toolText('run.screenMissing', { text: describeMatcher(matcher) }));
  }
  if (expectation.title && !matches(expectation.title, sim.title())) {
    problems.push(toolText('run.titleWrong', { text: describeMatcher(expectation.title), title: sim.title() }));
  }
  for (const matcher of expectation.not) {
    if (matches(matcher, text)) problems.push(toolText('run.screenUnwanted', { text: describeMatcher(matcher) }));
  }
  const active = sim.session.activeStates();
  for (const state of expectation.state) {
    if (!isStateActive(active, state)) problems.push(toolText('run.stateInactive', { state }));
  }
  if (expectation.sms.length > 0) {
    const sms = sim.sms();
    for (const matcher of expectation.sms) {
      if (!sms) problems.push(toolText('run.smsNone', { text: describeMatcher(matcher) }));
      else if (!matches(matcher, sms.text)) problems.push(toolText('run.smsWrong', { text: describeMatcher(matcher), sms: sms.text }));
    }
  }
  const data = sim.store.snapshot();
  for (const { path, check } of expectation.store) {
    const actual = readStorePath(data, path);
    if (!checkStore(actual, check)) {
      problems.push(toolText(STORE_CHECK_TEXTS[check.kind], { path, value: JSON.stringify(check.value), actual: String(JSON.stringify(actual)) }));
    }
  }
  return problems;
};

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
      const sms = sim.sms();
      if (!sms) return toolText('run.noSmsYet', { variable: SMS_CODE_VARIABLE });
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
    case 'snapshot': {
      const dir = join(options.snapshotDir ?? 'pos-sim-snapshots', walkthrough.name.replace(/[^\w.\u4e00-\u9fff-]+/g, '_'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${step.name}.txt`), `${sim.screen()}\n`);
      return undefined;
    }
  }
};

export const runWalkthrough = (walkthrough: Walkthrough, options: RunOptions = {}): WalkthroughResult => {
  const started = performance.now();
  const sim = createSimulator({
    fixture: walkthrough.fixture,
    lang: walkthrough.lang,
    ...(options.observe ? { observe: options.observe } : {}),
  });
  let stepsRun = 0;
  try {
    for (const step of walkthrough.steps) {
      stepsRun += 1;
      const problem = runStep(sim, step, walkthrough, options);
      if (problem !== undefined) {
        return {
          walkthrough,
          passed: false,
          failure: { step, message: problem, screen: sim.screen(), states: sim.session.activeStates() },
          stepsRun,
          durationMs: performance.now() - started,
        };
      }
    }
    return { walkthrough, passed: true, stepsRun, durationMs: performance.now() - started };
  } finally {
    sim.stop();
  }
};
