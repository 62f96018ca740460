/**
 * Every machine of the device, found by walking the actors each machine declares from the device
 * machine down: coverage, the chart, practice and model paths count exactly what the device runs.
 */
import type { AnyStateMachine } from 'xstate';
import { deviceMachine } from './device.js';

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

/** The machines whose states and transitions coverage counts and the chart draws. */
export const MENU_MACHINES: readonly AnyStateMachine[] = machinesUnder(deviceMachine);
