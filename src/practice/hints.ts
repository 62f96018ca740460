/**
 * The hint behind `?`: the next step of the procedure from where the device is. Tasks key their
 * hints by device state (and optionally by what the store holds or the screen shows); the innermost
 * active state with a matching hint wins, and where none matches, the procedure's first step.
 */
import type { Lang } from '../i18n/messages.js';
import { normalisePunctuation } from '../walkthrough/text-match.js';
import { holdsAll } from './store-checks.js';
import { isStateNamed, type Hint, type Task } from './task.js';

/** Where the device is, as hints need it. */
export type DevicePosition = {
  /** Active states, outermost first (DeviceSession.activeStates). */
  readonly states: readonly string[];
  /** The stored data (DeviceStore.snapshot). */
  readonly store: unknown;
  /** The display text (DeviceSession.matchText). */
  readonly screen: string;
};

/** The hint that applies where the device is, or undefined when only the first step does. */
export const matchingHint = (task: Pick<Task, 'hints'>, position: DevicePosition): Hint | undefined => {
  for (const state of [...position.states].reverse()) {
    const hint = task.hints.find(
      (candidate) =>
        isStateNamed(state, candidate.at) &&
        holdsAll(position.store, candidate.when) &&
        (candidate.screen === undefined || normalisePunctuation(position.screen).includes(normalisePunctuation(candidate.screen))),
    );
    if (hint) return hint;
  }
  return undefined;
};

/** The text of the next step for the technician, in their language. */
export const hintFor = (task: Pick<Task, 'hints' | 'firstStep'>, position: DevicePosition, lang: Lang): string =>
  (matchingHint(task, position)?.text ?? task.firstStep)[lang];
