// Simulators a test file starts, stopped after each test (their clocks and actors end with it).
import { afterEach } from 'vitest';
import type { Simulator } from '../../src/device/simulator.js';

/** Registers the stop after each test; returns `started`, which keeps a simulator for it and hands it back. */
export const stopAfterEach = (): ((sim: Simulator) => Simulator) => {
  const running: Simulator[] = [];
  afterEach(() => {
    for (const sim of running.splice(0)) sim.stop();
  });
  return (sim) => {
    running.push(sim);
    return sim;
  };
};
