// A device that nobody inspects hears its actors' steps without xstate's inspection (hearSteps):
// its watchers, the mailbox between terminal and phone, and a later inspector (model paths) hear
// exactly what they hear on a device whose every inspection event is observed.
import { describe, expect, it } from 'vitest';
import { createActor, setup, type InspectionEvent } from 'xstate';
import { hearSteps } from '../../src/device/actor-steps.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { stopAfterEach } from '../support/simulators.js';

const started = stopAfterEach();

/** A 500.01元 支付宝 payment the payer confirms on the phone: terminal and phone talk through the mailbox. */
const PROCEDURE: readonly ((sim: Simulator) => void)[] = [
  (sim) => sim.press('确认'),
  (sim) => sim.type('50001'),
  (sim) => sim.press('确认'),
  (sim) => sim.select('扫码'),
  (sim) => sim.select('支付宝'),
  (sim) => sim.phone.type('112233'),
  (sim) => sim.advance(2000),
  (sim) => sim.press('确认'),
];

/**
 * After each step: the innermost states of terminal and phone each time the device told its
 * watchers it changed (so, when it told them), and what both screens show.
 */
const played = (sim: Simulator) => {
  const heard: string[] = [];
  sim.session.subscribe(() => heard.push(`${sim.session.activeStates().at(-1)} ${sim.phone.states().at(-1)}`));
  return PROCEDURE.map((step) => {
    step(sim);
    return {
      heard: [...heard],
      version: sim.session.version(),
      screen: sim.screen(),
      phone: sim.phone.screen(),
      states: sim.session.activeStates(),
    };
  });
};

describe('steps heard without inspection', () => {
  it('tells the watchers of every step, and delivers the phone’s answer, as an inspected device does', () => {
    const events: string[] = [];
    const inspected = played(started(createSimulator({ fixture: 'default', observe: (event) => events.push(event.type) })));
    const quiet = played(started(createSimulator({ fixture: 'default' })));
    expect(events).toContain('@xstate.microstep');
    expect(quiet).toEqual(inspected);
    expect(quiet.at(-2)?.screen).toContain('付款人已在手机上确认');
    // Every key typed into the amount is a change the UI redraws for.
    expect(quiet[1]!.heard.length - quiet[0]!.heard.length).toBeGreaterThanOrEqual(5);
  });

  it('hands every event to an inspector attached later (model paths), the watchers still hearing each step', () => {
    const sim = started(createSimulator({ fixture: 'default' }));
    let heard = 0;
    sim.session.subscribe(() => (heard += 1));
    const events: InspectionEvent[] = [];
    sim.session.actor.system.inspect((event) => events.push(event));
    sim.press('确认', '8');
    const sent = events.flatMap((event) => (event.type === '@xstate.event' ? [event.event] : []));
    expect(sent).toContainEqual({ type: 'DIGIT', digit: '8' });
    const steps = events.filter((event) => event.type === '@xstate.snapshot').length;
    expect(steps).toBeGreaterThan(0);
    expect(heard).toBe(steps);
  });

  it('calls back at each @xstate.snapshot of a machine and of the child it spawns, in the order an inspector hears them', () => {
    const child = setup({}).createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: { type: 'final' } } });
    const parent = setup({ actors: { child } }).createMachine({
      initial: 'waiting',
      states: {
        waiting: {
          invoke: { id: 'child', src: 'child', onDone: 'done' },
          on: { GO: { actions: ({ self }) => self.getSnapshot().children.child?.send({ type: 'GO' }) } },
        },
        done: {},
      },
    });
    const run = (listen: (actor: ReturnType<typeof createActor<typeof parent>>, log: string[]) => void) => {
      const log: string[] = [];
      const actor = createActor(parent, {});
      listen(actor, log);
      actor.start();
      log.push('sent');
      actor.send({ type: 'GO' });
      actor.stop();
      return log;
    };
    const quiet = run((actor, log) => hearSteps(actor, () => log.push(`step ${String(actor.getSnapshot()?.value)}`)));
    const inspected = run((actor, log) =>
      actor.system.inspect((event) => {
        if (event.type === '@xstate.snapshot') log.push(`step ${String(actor.getSnapshot()?.value)}`);
      }),
    );
    expect(quiet).toEqual(inspected);
    expect(quiet.filter((line) => line.startsWith('step')).length).toBeGreaterThanOrEqual(3);
  });
});
