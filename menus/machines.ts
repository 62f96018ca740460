/**
 * Every machine of the simulation, found by walking the actors each machine declares from the
 * device machine down, and from the phone's beside it: coverage, the chart, practice and model
 * paths count exactly what the terminal and the phone run.
 */
import type { AnyStateMachine } from 'xstate';
import { deviceMachine } from './device.js';
import { phoneMachine } from './phone/phone.js';

const isMachine = (logic: unknown): logic is AnyStateMachine =>
  typeof logic === 'object' && logic !== null && 'root' in logic && 'implementations' in logic;

/** `root` and every machine it can run, directly or inside another, each once, outermost first. */
export const machinesUnder = (root: AnyStateMachine): AnyStateMachine[] => {
  const found: AnyStateMachine[] = [];
  const visit = (machine: AnyStateMachine) => {
    if (found.includes(machine)) return;
    found.push(machine);
    for (const logic of Object.values(machine.implementations.actors as Record<string, unknown>)) if (isMachine(logic)) visit(logic);
  };
  visit(root);
  return found;
};

/** The phone's machines: the phone and the apps it runs. */
export const PHONE_MACHINES: readonly AnyStateMachine[] = machinesUnder(phoneMachine);

/** The machines whose states and transitions coverage counts and the chart draws: the terminal's, then the phone's. */
export const MENU_MACHINES: readonly AnyStateMachine[] = [...machinesUnder(deviceMachine), ...PHONE_MACHINES];
