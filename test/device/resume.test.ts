// A simulator can go on from another's device (its actor's persisted snapshot over a copy of its
// flash), as model paths fork devices: the copy then does exactly what the original does.
import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { memoryMedium } from '../../src/store/flash-medium.js';
import { stopAfterEach } from '../support/simulators.js';

const started = stopAfterEach();

/** A device that goes on from `sim` as it is now. */
const resumed = (sim: Simulator) =>
  started(
    createSimulator({
      medium: memoryMedium(sim.store.snapshot()),
      startTime: sim.store.now(),
      resume: sim.session.actor.getPersistedSnapshot(),
    }),
  );

/** Everything a person or a script can tell about a device. */
const observed = (sim: Simulator) => ({
  screen: sim.screen(),
  states: sim.session.activeStates(),
  flash: sim.store.snapshot(),
  now: sim.store.now(),
});

/** A 0.08元 tap sale, approved and printed, back at the home screen. */
const afterASale = () => {
  const sim = started(createSimulator());
  sim.press('确认', '8', '确认', '1');
  sim.advance(1500);
  sim.press('确认');
  return sim;
};

describe('a device resumed from another', () => {
  it('shows the same screen in the middle of 撤销 and goes on exactly as the original', () => {
    const original = afterASale();
    original.press('F1', '2');
    original.type('123456');
    original.press('确认');
    original.type('1');
    expect(original.session.activeStates()).toContain('voidSale.trace');
    const copy = resumed(original);
    expect(observed(copy)).toEqual(observed(original));
    for (const sim of [original, copy]) {
      sim.press('确认', '确认', '1');
      sim.advance(1500);
    }
    expect(copy.title()).toBe('撤销成功');
    expect(observed(copy)).toEqual(observed(original));
    expect(copy.store.journal().map((entry) => entry.kind)).toEqual(['sale', 'void']);
  });

  it('is idle only when nothing is due on its clock, and its power cut boots from its flash', () => {
    const sim = started(createSimulator());
    sim.press('确认', '8', '确认', '1');
    expect(sim.session.activeStates()).toContain('sale.processing');
    expect(sim.idle()).toBe(false);
    sim.advance(1500);
    expect(sim.idle()).toBe(true);
    sim.press('确认');
    const copy = resumed(sim);
    copy.powerCut();
    expect(copy.session.activeStates()).toContain('device.booting.loading');
    copy.advance(1600);
    expect(copy.session.activeStates()).toEqual(['device.home']);
    expect(copy.store.journal()).toHaveLength(1);
  });
});
