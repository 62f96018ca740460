/**
 * Which states and transitions of the menu machines a set of runs reached. The universe comes
 * from the machine definitions; what was reached comes from the actors' inspection events.
 */
import type { AnyStateMachine, InspectionEvent } from 'xstate';
import { FORWARDED_EVENT_TYPES } from '../../menus/forward-keys.js';
import { MENU_MACHINES } from '../../menus/machines.js';
import { toolText } from '../i18n/tool-lang.js';

export { MENU_MACHINES };

type StateNodeLike = AnyStateMachine['root'];
type TransitionLike = StateNodeLike['always'] extends (infer T)[] | undefined ? T : never;

const allStateNodes = (node: StateNodeLike): StateNodeLike[] => [
  node,
  ...Object.values(node.states as Record<string, StateNodeLike>).flatMap(allStateNodes),
];

const stateName = (node: StateNodeLike) => `${node.machine.id}.${node.path.join('.') || '(root)'}`;

const eventName = (eventType: string) =>
  eventType.startsWith('xstate.after.')
    ? `after ${eventType.split('.')[2]}`
    : eventType.startsWith('xstate.done.')
      ? 'done'
      : eventType || 'always';

const transitionName = (transition: TransitionLike, index: number, total: number): string => {
  const targets = transition.target?.map(stateName).join(', ') ?? '(stays)';
  const branch = total > 1 ? ` #${index + 1}` : '';
  return `${stateName(transition.source)} --${eventName(transition.eventType)}${branch}--> ${targets}`;
};

/**
 * A transition that only hands a key (or the payer's answer) to the running flow is plumbing, not behaviour; a targetless
 * system event (断网, 联网) beside an invoked actor is behaviour.
 */
const isForwarding = (transition: TransitionLike) =>
  !transition.target && transition.source.invoke.length > 0 && FORWARDED_EVENT_TYPES.includes(transition.eventType);

export type CoverageReport = {
  readonly states: { readonly total: number; readonly reached: number; readonly missed: readonly string[] };
  readonly transitions: { readonly total: number; readonly reached: number; readonly missed: readonly string[] };
};

type Universe = { readonly stateNames: Map<StateNodeLike, string>; readonly transitionNames: Map<TransitionLike, string> };

// The names of every state and transition depend only on the machines, and model paths make a
// tracker for every replay: work them out once per set of machines.
const universes = new WeakMap<readonly AnyStateMachine[], Universe>();

const universeOf = (machines: readonly AnyStateMachine[]): Universe => {
  const known = universes.get(machines);
  if (known) return known;
  const universe: Universe = { stateNames: new Map(), transitionNames: new Map() };
  for (const machine of machines) {
    for (const node of allStateNodes(machine.root)) {
      if (node.parent) universe.stateNames.set(node, stateName(node));
      const groups = [...node.transitions.values(), node.always ?? []];
      for (const group of groups) {
        group.forEach((transition, index) => {
          if (!isForwarding(transition)) universe.transitionNames.set(transition, transitionName(transition, index, group.length));
        });
      }
    }
  }
  universes.set(machines, universe);
  return universe;
};

/** The names of the states and transitions a tracker saw. */
export type Reached = { readonly states: readonly string[]; readonly transitions: readonly string[] };

export class CoverageTracker {
  private readonly stateNames: ReadonlyMap<StateNodeLike, string>;
  private readonly transitionNames: ReadonlyMap<TransitionLike, string>;
  private readonly reachedStates = new Set<string>();
  private readonly reachedTransitions = new Set<string>();

  constructor(machines: readonly AnyStateMachine[] = MENU_MACHINES) {
    ({ stateNames: this.stateNames, transitionNames: this.transitionNames } = universeOf(machines));
  }

  /** Feed it every inspection event of a run. */
  readonly observe = (event: InspectionEvent): void => {
    if (event.type === '@xstate.snapshot' || event.type === '@xstate.microstep') {
      // Microsteps also show the states an eventless transition passes straight through.
      const nodes = (event.snapshot as { _nodes?: StateNodeLike[] })._nodes ?? [];
      for (const node of nodes) this.markReached(node);
    }
    if (event.type === '@xstate.actor') {
      // An actor's first state can be passed straight through (an eventless check) before any snapshot.
      const root = (event.actorRef as { logic?: Partial<AnyStateMachine> }).logic?.root;
      for (const node of root?.initial?.target ?? []) this.markReached(node);
    }
    if (event.type === '@xstate.microstep') {
      for (const transition of (event as unknown as { _transitions: TransitionLike[] })._transitions) {
        const name = this.transitionNames.get(transition);
        if (name) this.reachedTransitions.add(name);
      }
    }
  };

  /** The states reached so far, by name. */
  reachedStateNames(): string[] {
    return [...this.reachedStates];
  }

  /** What this tracker saw, by name: a run in workers merges each worker's into one. */
  reached(): Reached {
    return { states: [...this.reachedStates], transitions: [...this.reachedTransitions] };
  }

  /** Adds what another tracker saw. */
  merge(reached: Reached): void {
    for (const name of reached.states) this.reachedStates.add(name);
    for (const name of reached.transitions) this.reachedTransitions.add(name);
  }

  private markReached(node: StateNodeLike): void {
    const name = this.stateNames.get(node);
    if (name) this.reachedStates.add(name);
  }

  report(): CoverageReport {
    const summarise = (all: Iterable<string>, reached: Set<string>) => {
      const names = [...new Set(all)];
      return {
        total: names.length,
        reached: names.filter((name) => reached.has(name)).length,
        missed: names.filter((name) => !reached.has(name)),
      };
    };
    return {
      states: summarise(this.stateNames.values(), this.reachedStates),
      transitions: summarise(this.transitionNames.values(), this.reachedTransitions),
    };
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? '100.0' : ((100 * part) / whole).toFixed(1));

export const formatCoverage = (report: CoverageReport): string => {
  const lines = [
    toolText('coverage.summary', {
      states: report.states.reached,
      statesTotal: report.states.total,
      statesPercent: percent(report.states.reached, report.states.total),
      transitions: report.transitions.reached,
      transitionsTotal: report.transitions.total,
      transitionsPercent: percent(report.transitions.reached, report.transitions.total),
    }),
  ];
  if (report.states.missed.length > 0) lines.push(toolText('coverage.statesMissed'), ...report.states.missed.map((name) => `  ${name}`));
  if (report.transitions.missed.length > 0) {
    lines.push(toolText('coverage.transitionsMissed'), ...report.transitions.missed.map((name) => `  ${name}`));
  }
  return lines.join('\n');
};
