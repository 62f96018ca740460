// Keys handed straight down the chain of forwarding machines (sendDown) do what xstate does with
// them: every shipped walkthrough, played on a device nobody inspects (the keys handed down) and on
// one whose every inspection event is observed (xstate's own macrosteps), shows the same screens,
// states, phone and flash after every step, and tells its watchers of the same steps in turn.
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { forwardKeysTo } from '../../menus/forward-keys.js';
import { deviceMachine } from '../../menus/device.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { liveFacts, runStep, stepsToPlay } from '../../src/walkthrough/run-walkthrough.js';
import type { Walkthrough } from '../../src/walkthrough/walkthrough.js';
import { sendDown } from '../../src/device/forward-down.js';
import { hearSteps } from '../../src/device/actor-steps.js';

const running: Simulator[] = [];
afterEach(() => {
  for (const sim of running.splice(0)) sim.stop();
});

/** What a walkthrough's device shows and holds after each of its steps, and what its watchers heard. */
const played = (walkthrough: Walkthrough, inspected: boolean) => {
  const sim = createSimulator({
    fixture: walkthrough.fixture,
    lang: walkthrough.lang,
    signedIn: walkthrough.start !== 'power-on',
    ...(inspected ? { observe: () => {} } : {}),
  });
  running.push(sim);
  const heard: string[] = [];
  sim.session.subscribe(() => heard.push(sim.session.activeStates().join()));
  // A changed password is salted anew on every device: its hashes are named in the order they appear.
  const hashes = new Map<string, string>();
  const flash = () =>
    JSON.parse(
      JSON.stringify(sim.store.stored(), (_, value: unknown) =>
        typeof value === 'string' && value.startsWith('scrypt$')
          ? (hashes.get(value) ?? hashes.set(value, `hash ${hashes.size + 1}`).get(value))
          : value,
      ),
    ) as unknown;
  const facts = liveFacts(sim, walkthrough.fixture);
  const seen = [];
  for (const { step } of stepsToPlay([...walkthrough.before, ...walkthrough.steps, ...walkthrough.after], facts)) {
    const problem = runStep(sim, step, walkthrough, { snapshots: 'ignore' });
    seen.push({
      step: step.source,
      problem,
      screen: sim.screen(),
      states: sim.session.activeStates(),
      phone: sim.phone.screen(),
      flash: flash(),
      heard: heard.splice(0),
    });
  }
  return seen;
};

describe('keys handed down the forwarding machines', () => {
  const walkthroughs = loadWalkthroughs(['fixtures/walkthroughs']);

  it('play every shipped walkthrough exactly as xstate’s own macrosteps do', () => {
    expect(walkthroughs.length).toBeGreaterThan(40);
    for (const walkthrough of walkthroughs) expect(played(walkthrough, false), walkthrough.file).toEqual(played(walkthrough, true));
  });

  it('skip the parents’ macrosteps: the device machine does not take a digit typed into a flow', () => {
    const sim = createSimulator({ fixture: 'default' });
    running.push(sim);
    sim.press('菜单');
    const machine = sim.session.actor.logic as { transition: (...args: unknown[]) => unknown };
    const transition = machine.transition;
    let deviceSteps = 0;
    machine.transition = (...args) => {
      deviceSteps += 1;
      return transition.apply(machine, args);
    };
    try {
      sim.press('1');
    } finally {
      machine.transition = transition;
    }
    expect(sim.session.activeStates().join()).not.toBe('device.settings,settings.menu');
    expect(deviceSteps).toBe(0);
    expect(machine).toBe(deviceMachine);
  });

  it('hand the parent an event its child sends it after the child’s step and the parent’s, as xstate queues it', () => {
    const child = setup({}).createMachine({ initial: 'a', states: { a: { on: { ENTER: 'done' } }, done: { type: 'final' } } });
    const forwarding = setup({ actors: { child } }).createMachine({
      initial: 'running',
      states: { running: { invoke: { id: 'child', src: 'child', onDone: 'finished' }, on: forwardKeysTo('child') }, finished: {} },
    });
    const run = (handDown: boolean) => {
      const log: string[] = [];
      const actor = createActor(forwarding);
      hearSteps(actor, () => log.push(`step ${JSON.stringify(actor.getSnapshot().value)}`));
      actor.start();
      log.length = 0;
      if (handDown) sendDown(actor, { type: 'ENTER' });
      else actor.send({ type: 'ENTER' });
      log.push(`now ${JSON.stringify(actor.getSnapshot().value)}`);
      actor.stop();
      return log;
    };
    expect(run(true)).toEqual(run(false));
    // The child's step, the parent's (the forward), then the parent's on the child's end (and its stop).
    expect(run(false)).toEqual(['step "running"', 'step "running"', 'step "finished"', 'now "finished"', 'step "finished"']);
  });
});
