/**
 * What a device is checked for — the screen, its title, the active states, the stored data, the
 * phone's texts — as walkthrough `expect:` steps and the vitest matchers (pos-sim/vitest) both ask
 * it, with the sentences that say what was expected and what the device had instead.
 */
import type { Simulator } from '../device/simulator.js';
import { matchableText } from '../screen/screen-text.js';
import { toolText } from '../i18n/tool-lang.js';
import { storeCheckHolds } from './conditions.js';
import { readStorePath } from './store-path.js';
import type { StoreCheck } from './store-values.js';
import { describeMatcher, shows, type TextMatcher } from './text-match.js';
import type { Expectation, PhoneExpectation } from './walkthrough.js';

const STORE_CHECK_TEXTS = { equals: 'run.storeEquals', includes: 'run.storeIncludes', excludes: 'run.storeExcludes' } as const;

/** A state name as scripts write it (home, passwordPrompt.entering) matches a full name or its end. */
export const isStateActive = (active: readonly string[], state: string): boolean => {
  // A loop, not a closure made at each check.
  const end = `.${state}`;
  for (const name of active) if (name === state || name.endsWith(end)) return true;
  return false;
};

/** The display as expectations read it: a person's reading, wrapped lines joined. */
export const screenText = (sim: Simulator): string => sim.session.matchText();

export const screenMissing = (matcher: TextMatcher): string => toolText('run.screenMissing', { text: describeMatcher(matcher) });
export const screenUnwanted = (matcher: TextMatcher): string => toolText('run.screenUnwanted', { text: describeMatcher(matcher) });
export const titleWrong = (matcher: TextMatcher, title: string): string =>
  toolText('run.titleWrong', { text: describeMatcher(matcher), title });
export const stateInactive = (state: string): string => toolText('run.stateInactive', { state });

/** What is wrong with a store check, or undefined when the data meets it. */
export const storeProblem = (data: unknown, check: StoreCheck): string | undefined => {
  const actual = readStorePath(data, check.path);
  return storeCheckHolds(actual, check)
    ? undefined
    : toolText(STORE_CHECK_TEXTS[check.kind], { path: check.path, value: JSON.stringify(check.value), actual: JSON.stringify(actual) });
};

/** What is not as expected on the phone beside the terminal. */
const unmetOnPhone = (sim: Simulator, expected: PhoneExpectation): string[] => {
  const { phone } = sim.session;
  const problems: string[] = [];
  // The phone's screen laid out once, and only when its text is checked; its title alone needs no layout.
  const rows = expected.screen.length > 0 || expected.not.length > 0 ? phone.rows() : undefined;
  const text = rows ? matchableText(rows) : '';
  for (const matcher of expected.screen)
    if (!shows(matcher, text)) problems.push(toolText('phoneRun.screenMissing', { text: describeMatcher(matcher) }));
  if (expected.title) {
    const title = rows ? rows.title : phone.screen().title;
    if (!shows(expected.title, title)) problems.push(toolText('phoneRun.titleWrong', { text: describeMatcher(expected.title), title }));
  }
  for (const matcher of expected.not)
    if (shows(matcher, text)) problems.push(toolText('phoneRun.screenUnwanted', { text: describeMatcher(matcher) }));
  if (expected.state.length > 0) {
    const active = phone.activeStates();
    for (const state of expected.state) if (!isStateActive(active, state)) problems.push(toolText('phoneRun.stateInactive', { state }));
  }
  return problems;
};

/** Every unmet part of an expectation, as sentences; empty when it holds. */
export const unmet = (sim: Simulator, expectation: Expectation): string[] => {
  const problems: string[] = [];
  // The screen laid out once for its text and its title, and only when they are checked: a third
  // of the expects check the state, the store or the phone alone, a fifth the title alone.
  const rows = expectation.screen.length > 0 || expectation.not.length > 0 ? sim.session.rows() : undefined;
  if (rows) {
    const text = matchableText(rows);
    for (const matcher of expectation.screen) if (!shows(matcher, text)) problems.push(screenMissing(matcher));
    if (expectation.title && !shows(expectation.title, rows.title)) problems.push(titleWrong(expectation.title, rows.title));
    for (const matcher of expectation.not) if (shows(matcher, text)) problems.push(screenUnwanted(matcher));
  } else if (expectation.title) {
    const title = sim.session.title();
    if (!shows(expectation.title, title)) problems.push(titleWrong(expectation.title, title));
  }
  if (expectation.state.length > 0) {
    const active = sim.session.activeStates();
    for (const state of expectation.state) if (!isStateActive(active, state)) problems.push(stateInactive(state));
  }
  if (expectation.sms.length > 0) {
    const sms = sim.sms();
    for (const matcher of expectation.sms) {
      if (!sms) problems.push(toolText('run.smsNone', { text: describeMatcher(matcher) }));
      else if (!shows(matcher, sms.text)) problems.push(toolText('run.smsWrong', { text: describeMatcher(matcher), sms: sms.text }));
    }
  }
  if (expectation.receipt.length > 0) {
    const receipt = sim.receipt();
    for (const matcher of expectation.receipt) {
      if (receipt === undefined) problems.push(toolText('run.receiptNone', { text: describeMatcher(matcher) }));
      // A line too long for the paper goes on to the next: a person reads it whole.
      else if (!shows(matcher, receipt) && !shows(matcher, receipt.replaceAll('\n', ''))) {
        problems.push(toolText('run.receiptWrong', { text: describeMatcher(matcher), receipt }));
      }
    }
  }
  if (expectation.phone) problems.push(...unmetOnPhone(sim, expectation.phone));
  if (expectation.store.length > 0) {
    const data = sim.store.stored();
    for (const check of expectation.store) {
      const problem = storeProblem(data, check);
      if (problem) problems.push(problem);
    }
  }
  return problems;
};
