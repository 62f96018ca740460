/**
 * What `pos-sim chart` draws of one menu machine, worked out from the machine definition alone: its
 * states nested as in the machine, each with a name and a note in the chart's language, and its
 * transitions as edges. A new machine is charted without code; only its words (a name and a note per
 * state) go into src/i18n/tool/chart-texts.ts. The Mermaid text is written by mermaid-chart.ts.
 *
 * Choices made for a readable drawing (Mermaid lays out with dagre):
 * - Transitions between the same two states are one edge with a label line per transition, so no
 *   label hides behind another.
 * - A transition that keeps the state (no target: 上/下 move the cursor, 断网 marks the network) is
 *   listed in the state's box, as UML lists internal transitions, instead of a loop whose label
 *   lands on the other edges' labels.
 * - No edge crosses a composite's border: dagre draws a composite tidily only then. An edge to or
 *   from a state inside a composite is drawn to or from the composite, its label naming that state;
 *   a composite's transition into itself (editing → editing.idle) is drawn from each state inside.
 * - The machine's own transitions (power, network) hold in any state: they start from one "any
 *   state" box, as a diagram has no border to draw them from.
 */
import type { AnyStateMachine } from 'xstate';
import { FORWARDED_EVENT_TYPES } from '../../menus/forward-keys.js';
import { FUNCTION_KEY_INFO } from '../keys/device-keys.js';
import { CATALOGS, translator, type Lang, type MessageKey } from '../i18n/messages.js';

type StateNodeLike = AnyStateMachine['root'];
type TransitionLike = NonNullable<StateNodeLike['always']>[number];

export type ChartState = {
  /** The id Mermaid knows it by: machine_path_to_state. */
  readonly id: string;
  readonly name: string;
  /** What the device shows there, then the flows it runs. */
  readonly notes: readonly string[];
  /** The transitions that keep the state, as labels. */
  readonly stays: readonly string[];
  readonly children: readonly ChartState[];
  /** The id of the child entered first. */
  readonly initial?: string;
  readonly final: boolean;
};

export type ChartEdge = {
  readonly from: string;
  readonly to: string;
  /** One line per transition, in the machine's order. */
  readonly labels: readonly string[];
  /** The id of the composite both ends are drawn in; undefined: the diagram itself. */
  readonly scope?: string;
};

export type Chart = {
  readonly machineId: string;
  readonly name: string;
  /** Top to bottom, or left to right for a machine that fans out wider than it runs deep. */
  readonly direction: 'TB' | 'LR';
  /** The states drawn in the diagram itself (the "any state" box last, when there is one). */
  readonly states: readonly ChartState[];
  readonly initial?: string;
  readonly edges: readonly ChartEdge[];
};

/** Mermaid ids may not contain dots: machine.path.to.state → machine_path_to_state. */
export const chartStateId = (node: StateNodeLike): string => [node.machine.id, ...node.path].join('_');
const anyStateId = (machine: AnyStateMachine) => `${machine.id}__any`;

const childrenOf = (node: StateNodeLike): StateNodeLike[] => Object.values(node.states as Record<string, StateNodeLike>);
const initialOf = (node: StateNodeLike): StateNodeLike | undefined => node.initial?.target?.[0];

/** The catalog key of a state's note: chart.state.<machine id>.<state path>. */
export const stateTextKey = (node: StateNodeLike): string => ['chart.state', node.machine.id, ...node.path].join('.');

/** The catalog key of a state's name: chart.name.<machine id>.<state path>, the machine's own name without a path. */
export const stateNameKey = (node: StateNodeLike): string => ['chart.name', node.machine.id, ...node.path].join('.');

/** A text of the chart catalog; a state without one is a bug, not a reason to show its id or English. */
const chartText = (key: string, lang: Lang): string => {
  if (!Object.hasOwn(CATALOGS[lang], key)) throw new Error(`No ${lang} chart text for ${key}: add it to src/i18n/tool/chart-texts.ts`);
  return translator(lang)(key as MessageKey);
};

const KEY_NAMES = new Map<string, { zh: string; en: string }>(
  FUNCTION_KEY_INFO.map((info) => [info.key, { zh: info.zh, en: info.en }] as const),
);
const OTHER_EVENTS: Readonly<Record<string, MessageKey>> = {
  DIGIT: 'chart.event.DIGIT',
  POWER_CYCLE: 'chart.event.POWER_CYCLE',
  NETWORK_DOWN: 'chart.event.NETWORK_DOWN',
  NETWORK_UP: 'chart.event.NETWORK_UP',
  APPLICATION_FILED: 'chart.event.APPLICATION_FILED',
  PAYMENT_REQUEST: 'chart.event.PAYMENT_REQUEST',
  PAYMENT_WITHDRAWN: 'chart.event.PAYMENT_WITHDRAWN',
  PAYER_CONFIRMED: 'chart.event.PAYER_CONFIRMED',
  PAYER_CANCELLED: 'chart.event.PAYER_CANCELLED',
  PAYER_LOCKED: 'chart.event.PAYER_LOCKED',
};

const eventLabel = (transition: TransitionLike, lang: Lang): string => {
  const t = translator(lang);
  const type = transition.eventType;
  if (type === '') return t('chart.event.always');
  if (type.startsWith('xstate.after.')) return t('chart.event.after', { delay: type.split('.')[2] ?? '' });
  if (type.startsWith('xstate.done.actor.')) return t('chart.event.done');
  const other = OTHER_EVENTS[type];
  return KEY_NAMES.get(type)?.[lang] ?? (other ? t(other) : type);
};

/**
 * The event, and the guard that picks this branch in brackets. A guard's parameter that is the
 * target's own key (isFlowSelected bindings → bindings) says nothing the arrow does not.
 */
const transitionLabel = (transition: TransitionLike, target: StateNodeLike | undefined, lang: Lang): string => {
  const guard = transition.guard as { type?: string; params?: unknown } | string | undefined;
  const name = typeof guard === 'string' ? guard : guard?.type;
  const params = typeof guard === 'object' && typeof guard.params === 'string' && guard.params !== target?.key ? ` ${guard.params}` : '';
  return `${eventLabel(transition, lang)}${name ? ` [${name}${params}]` : ''}`;
};

/** The machine an invoked flow runs, when it is one (the chart calls it by its name). */
const invokedMachine = (node: StateNodeLike, index: number): AnyStateMachine | undefined => {
  const src: unknown = node.invoke[index]?.src;
  // A named actor is found in the machine's setup; an inline one stays in the state's config.
  const logic: unknown =
    typeof src === 'string' ? (node.machine.implementations.actors[src] ?? [node.config.invoke].flat()[index]?.src) : src;
  return typeof logic === 'object' && logic !== null && 'root' in logic ? (logic as AnyStateMachine) : undefined;
};

/**
 * A transition that only hands a key to the running flow is plumbing, not behaviour; a targetless
 * system event (断网, 联网) beside an invoked actor is behaviour.
 */
const isForwarding = (transition: TransitionLike, node: StateNodeLike) =>
  !transition.target && node.invoke.length > 0 && FORWARDED_EVENT_TYPES.includes(transition.eventType);

const transitionsOf = (node: StateNodeLike): TransitionLike[] =>
  [...node.transitions.values(), node.always ?? []].flat().filter((transition) => !isForwarding(transition, node));

/** The composites holding a state, outermost first (the machine itself is the diagram, not one of them). */
const containers = (node: StateNodeLike | undefined): StateNodeLike[] => {
  const chain: StateNodeLike[] = [];
  for (let parent = node?.parent; parent?.parent; parent = parent.parent) chain.unshift(parent);
  return chain;
};

/** The innermost composite holding both ends of an edge; undefined: the diagram. */
const innermostCommon = (from: StateNodeLike | undefined, to: StateNodeLike | undefined): StateNodeLike | undefined => {
  const a = containers(from);
  const b = containers(to);
  let common: StateNodeLike | undefined;
  for (let index = 0; index < Math.min(a.length, b.length) && a[index] === b[index]; index++) common = a[index];
  return common;
};

/** The state itself, or the composite holding it that is drawn directly in `scope` (undefined: the diagram). */
const drawnIn = (node: StateNodeLike | undefined, scope: StateNodeLike | undefined): StateNodeLike | undefined => {
  let drawn = node;
  while (drawn?.parent?.parent && drawn.parent !== scope) drawn = drawn.parent;
  return drawn;
};

const isInside = (node: StateNodeLike, scope: StateNodeLike): boolean =>
  node.parent !== undefined && (node.parent === scope || isInside(node.parent, scope));

const handles = (node: StateNodeLike, eventType: string): boolean =>
  node.transitions.has(eventType) || (eventType === '' && node.always !== undefined);

/** The states a composite's transition into itself is drawn from: each inside that does not handle the event itself. */
const drawnSources = (node: StateNodeLike, transition: TransitionLike, target: StateNodeLike): StateNodeLike[] => {
  if (!node.parent || !isInside(target, node)) return [node];
  return childrenOf(node)
    .filter((child) => !handles(child, transition.eventType))
    .flatMap((child) => drawnSources(child, transition, target));
};

const edgesOf = (machine: AnyStateMachine, lang: Lang): ChartEdge[] => {
  const t = translator(lang);
  const name = (node: StateNodeLike) => chartText(stateNameKey(node), lang);
  const edges = new Map<string, { from: string; to: string; labels: string[]; scope?: string }>();
  const add = (source: StateNodeLike | undefined, target: StateNodeLike | undefined, transitionText: string) => {
    const scope = innermostCommon(source, target);
    const from = drawnIn(source, scope);
    const to = drawnIn(target, scope);
    let label = transitionText;
    if (source && from !== source) label = t('chart.edge.from', { state: name(source), event: label });
    if (target && to !== target) label = t('chart.edge.to', { state: name(target), event: label });
    const fromId = from ? chartStateId(from) : anyStateId(machine);
    const toId = to ? chartStateId(to) : anyStateId(machine);
    const edge = edges.get(`${fromId} ${toId}`) ?? { from: fromId, to: toId, labels: [], ...(scope ? { scope: chartStateId(scope) } : {}) };
    if (!edge.labels.includes(label)) edge.labels.push(label);
    edges.set(`${fromId} ${toId}`, edge);
  };
  const visit = (node: StateNodeLike): void => {
    for (const transition of transitionsOf(node)) {
      for (const target of transition.target ?? []) {
        const label = transitionLabel(transition, target, lang);
        const end = target.parent ? target : undefined;
        if (!node.parent) add(undefined, end, label);
        else for (const source of drawnSources(node, transition, target)) add(source, end, label);
      }
    }
    childrenOf(node).forEach(visit);
  };
  visit(machine.root);
  return [...edges.values()];
};

/** The labels of the transitions that keep the state: those without a target. */
const staysOf = (node: StateNodeLike, lang: Lang): string[] =>
  transitionsOf(node)
    .filter((transition) => !transition.target)
    .map((transition) => transitionLabel(transition, undefined, lang));

const chartState = (node: StateNodeLike, lang: Lang): ChartState => {
  const shows = node.description ? [chartText(stateTextKey(node), lang)] : [];
  const runs = node.invoke.map((invoke, index) => {
    const machine = invokedMachine(node, index);
    return translator(lang)('chart.runs', { flow: machine ? chartText(stateNameKey(machine.root), lang) : String(invoke.src) });
  });
  const initial = initialOf(node);
  return {
    id: chartStateId(node),
    name: chartText(stateNameKey(node), lang),
    notes: [...shows, ...runs],
    stays: staysOf(node, lang),
    children: childrenOf(node).map((child) => chartState(child, lang)),
    ...(initial ? { initial: chartStateId(initial) } : {}),
    final: node.type === 'final',
  };
};

/**
 * Top to bottom, unless the machine fans out wider than it runs deep (settings: one menu leading to
 * many flows), which reads better left to right with the flows in one column. Width and depth are
 * counted in levels of states one transition apart from the initial state.
 */
const directionOf = (initial: string | undefined, edges: readonly ChartEdge[]): Chart['direction'] => {
  if (!initial) return 'TB';
  const level = new Map<string, number>([[initial, 0]]);
  const sizes = [1];
  for (let depth = 0; depth < sizes.length; depth++) {
    for (const edge of edges) {
      if (edge.scope !== undefined || level.get(edge.from) !== depth || level.has(edge.to)) continue;
      level.set(edge.to, depth + 1);
      sizes[depth + 1] = (sizes[depth + 1] ?? 0) + 1;
    }
  }
  return Math.max(...sizes) > sizes.length ? 'LR' : 'TB';
};

/** One machine, ready to be written as a diagram. */
export const chartOf = (machine: AnyStateMachine, lang: Lang): Chart => {
  const edges = edgesOf(machine, lang);
  const own = transitionsOf(machine.root);
  const anyState: ChartState[] =
    own.length > 0
      ? [
          {
            id: anyStateId(machine),
            name: translator(lang)('chart.anyState'),
            notes: [],
            stays: staysOf(machine.root, lang),
            children: [],
            final: false,
          },
        ]
      : [];
  const initial = initialOf(machine.root);
  const initialId = initial ? chartStateId(initial) : undefined;
  return {
    machineId: machine.id,
    name: chartText(stateNameKey(machine.root), lang),
    direction: directionOf(initialId, edges),
    states: [...childrenOf(machine.root).map((child) => chartState(child, lang)), ...anyState],
    ...(initialId ? { initial: initialId } : {}),
    edges,
  };
};
