/**
 * A procedure guide made from a walkthrough: the demo's plan of it (which plays the walkthrough
 * headless first, so a walkthrough that fails makes no guide), replayed on a device in the guide's
 * language to take a picture of the screen before the first step and after every step, with the
 * step's caption in the device's words and the cautions that apply there.
 */
import type { KeyEvent } from '../../menus/device-events.js';
import { createSimulator, type Simulator } from '../device/simulator.js';
import { planDemo, type DemoAction, type DemoPlan } from '../demo/demo-plan.js';
import type { Lang } from '../i18n/messages.js';
import type { ScreenCapture } from '../picture/screen-capture.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Walkthrough } from '../walkthrough/walkthrough.js';
import { needsNetwork, stepCautions, type CautionId, type StepFacts } from './cautions.js';

export type GuideStep = {
  /** 1-based, as the demo counts steps. */
  readonly number: number;
  /** What to do, in the device's words (the step's caption). */
  readonly caption: string;
  /** The screen once the step is done. */
  readonly screen: ScreenCapture;
  readonly cautions: readonly CautionId[];
};

export type Guide = {
  readonly walkthrough: Walkthrough;
  readonly profile: Profile;
  readonly lang: Lang;
  /** The screen before the first step. */
  readonly start: ScreenCapture;
  readonly steps: readonly GuideStep[];
  /** What must hold before starting. */
  readonly before: readonly CautionId[];
};

export type GuideOptions = {
  readonly lang?: Lang;
  readonly profile?: Profile;
};

/** A key as the simulator names it: 7, ENTER, MENU. */
const keyName = (event: KeyEvent): string => (event.type === 'DIGIT' ? event.digit : event.type);

const perform = (sim: Simulator, action: DemoAction): void => {
  switch (action.kind) {
    case 'key':
      return sim.press(keyName(action.event));
    case 'system':
      if (action.event.type === 'POWER_CYCLE') return sim.powerCycle();
      return action.event.type === 'NETWORK_DOWN' ? sim.networkDown() : sim.networkUp();
    case 'powerCut':
      return sim.powerCut();
    case 'paper':
      return sim.setPaper(action.paper);
    case 'wait':
      return sim.advance(action.ms);
    case 'phoneKey':
      return sim.session.phone.send(action.event);
  }
};

const RESTARTING = ['device.shuttingDown', 'device.booting'];

/** Plays the plan's actions on `sim`, step by step, noting what the device did at each. */
const replay = (plan: DemoPlan, sim: Simulator): Guide => {
  const start = sim.capture();
  const steps: GuideStep[] = [];
  let network = false;
  for (const step of plan.steps) {
    const pendingBefore = sim.store.pendingPasswordFree() !== undefined;
    // The step that starts a restart gets the note, not the waits while it goes on.
    const restartingBefore = RESTARTING.some((state) => sim.session.activeStates().includes(state));
    const visited = new Set<string>();
    for (const action of step.actions) {
      perform(sim, action);
      for (const state of sim.session.activeStates()) visited.add(state);
    }
    const restarted = !restartingBefore && RESTARTING.some((state) => visited.has(state));
    const facts: StepFacts = {
      states: [...visited],
      endStates: sim.session.activeStates(),
      pendingBefore,
      pendingAfter: sim.store.pendingPasswordFree() !== undefined,
      restarted: restarted || step.actions.some((action) => action.kind === 'powerCut'),
    };
    network ||= needsNetwork(facts);
    steps.push({ number: step.number, caption: step.caption, screen: sim.capture(), cautions: stepCautions(facts) });
  }
  return { walkthrough: plan.walkthrough, profile: plan.profile, lang: plan.lang, start, steps, before: network ? ['network'] : [] };
};

/** The guide of a walkthrough; throws DemoError when the walkthrough fails on its profile. */
export const planGuide = (walkthrough: Walkthrough, options: GuideOptions = {}): Guide => {
  const plan = planDemo(walkthrough, options);
  const sim = createSimulator({
    fixture: plan.profile,
    lang: plan.lang,
    startTime: plan.startTime,
    signedIn: walkthrough.start !== 'power-on',
  });
  try {
    return replay(plan, sim);
  } finally {
    sim.stop();
  }
};
