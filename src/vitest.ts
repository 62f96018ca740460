/**
 * `pos-sim/vitest`: matchers for QA who write their device tests in TypeScript with vitest. They
 * read the device exactly as walkthrough `expect:` steps do (the screen as a person reads it, with
 * Chinese and ASCII punctuation alike; the title; the active states; the stored data) and, when
 * they fail, say what was expected and show the screen and the states as they were.
 *
 *   import 'pos-sim/vitest';
 *   expect(sim).toShow('请输入密码');
 */
import { expect } from 'vitest';
import type { Simulator } from './device/simulator.js';
import { toolText } from './i18n/tool-lang.js';
import { isStateActive, screenMissing, screenText, screenUnwanted, stateInactive, titleWrong } from './walkthrough/expectations.js';
import { readStorePath } from './walkthrough/store-path.js';
import { normaliseRegexSource, shows, type TextMatcher } from './walkthrough/text-match.js';

/** A text to find (a substring) or a regular expression. */
export type ScreenText = string | RegExp;

const matcherOf = (text: ScreenText): TextMatcher =>
  typeof text === 'string'
    ? { kind: 'text', text }
    : { kind: 'regex', regex: new RegExp(normaliseRegexSource(text.source), text.flags.replace(/[gy]/g, '')), text: String(text) };

/** The screen and the states, as a failed walkthrough step shows them. */
const device = (sim: Simulator): string =>
  [
    toolText('report.screen'),
    ...sim
      .screen()
      .split('\n')
      .map((line) => `  | ${line}`),
    toolText('report.states', { states: sim.session.activeStates().join(', ') }),
  ].join('\n');

const result = (sim: Simulator, pass: boolean, failed: () => string, negated: () => string) => ({
  pass,
  message: () => `${pass ? negated() : failed()}\n${device(sim)}`,
});

export const posSimMatchers = {
  /** The screen shows every text (or matches every regex). */
  toShow(sim: Simulator, ...texts: ScreenText[]) {
    const screen = screenText(sim);
    const matchers = texts.map(matcherOf);
    const missing = matchers.filter((matcher) => !shows(matcher, screen));
    return result(
      sim,
      missing.length === 0,
      () => missing.map(screenMissing).join('\n'),
      () => matchers.map(screenUnwanted).join('\n'),
    );
  },
  /** The title contains the text (or matches the regex). */
  toHaveTitle(sim: Simulator, text: ScreenText) {
    const matcher = matcherOf(text);
    return result(
      sim,
      shows(matcher, sim.title()),
      () => titleWrong(matcher, sim.title()),
      () => toolText('run.titleUnwanted', { title: sim.title() }),
    );
  },
  /** The device or a flow running in it is in this state (home, passwordPrompt.entering). */
  toBeIn(sim: Simulator, state: string) {
    return result(
      sim,
      isStateActive(sim.session.activeStates(), state),
      () => stateInactive(state),
      () => toolText('run.stateActive', { state }),
    );
  },
  /** The store holds this value at the path (null: nothing there); vitest's asymmetric matchers work. */
  toHaveStored(this: { equals: (a: unknown, b: unknown) => boolean }, sim: Simulator, path: string, value: unknown) {
    const actual = readStorePath(sim.store.snapshot(), path);
    const shown = (item: unknown) =>
      item !== null && typeof item === 'object' && 'asymmetricMatch' in item ? String(item) : JSON.stringify(item);
    return result(
      sim,
      this.equals(actual, value),
      () => toolText('run.storeEquals', { path, value: shown(value), actual: JSON.stringify(actual) }),
      () => toolText('run.storeUnwanted', { path, value: shown(value) }),
    );
  },
};

expect.extend(posSimMatchers);

declare module 'vitest' {
  // The type parameter must read exactly as vitest declares it for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> {
    /** The screen shows every text (or matches every regex), as a person reads it. */
    toShow(...texts: ScreenText[]): T;
    /** The title contains the text (or matches the regex). */
    toHaveTitle(text: ScreenText): T;
    /** The device or a flow running in it is in this state, e.g. home or passwordPrompt.entering. */
    toBeIn(state: string): T;
    /** The device's stored data holds this value at the path (bindings[*].id, passwordFree.active.enabled); null: nothing there. */
    toHaveStored(path: string, value: unknown): T;
  }
}
