/**
 * `pos-sim chart`: the menu machines as Mermaid state diagrams, drawn from the machine definitions
 * themselves (the same ones coverage counts), so the chart cannot drift from the device.
 */
import type { AnyStateMachine } from 'xstate';
import { FUNCTION_KEY_INFO } from '../keys/device-keys.js';
import { CATALOGS, translator, type Lang, type MessageKey } from '../i18n/messages.js';
import { MENU_MACHINES } from '../walkthrough/coverage.js';

type StateNodeLike = AnyStateMachine['root'];
type TransitionLike = NonNullable<StateNodeLike['always']>[number];

/** Mermaid ids may not contain dots: machine.path.to.state → machine_path_to_state. */
const nodeId = (node: StateNodeLike) => [node.machine.id, ...node.path].join('_');

const KEY_NAMES = new Map<string, { zh: string; en: string }>(FUNCTION_KEY_INFO.map((info) => [info.key, { zh: info.zh, en: info.en }] as const));
const OTHER_EVENTS: Readonly<Record<string, MessageKey>> = {
  DIGIT: 'chart.event.DIGIT',
  POWER_CYCLE: 'chart.event.POWER_CYCLE',
  NETWORK_DOWN: 'chart.event.NETWORK_DOWN',
  NETWORK_UP: 'chart.event.NETWORK_UP',
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

/** Guards say which branch a transition is; Mermaid shows them in brackets. */
const guardLabel = (transition: TransitionLike): string => {
  const guard = transition.guard as { type?: string; params?: unknown } | string | undefined;
  const name = typeof guard === 'string' ? guard : guard?.type;
  const params = typeof guard === 'object' && typeof guard.params === 'string' ? ` ${guard.params}` : '';
  return name ? ` [${name}${params}]` : '';
};

/** The catalog key of a state's note: chart.state.<machine id>.<state path>. */
export const stateTextKey = (node: StateNodeLike): string => ['chart.state', node.machine.id, ...node.path].join('.');

/**
 * What a described state shows, in the chart's language. The descriptions are English, so the note
 * comes from chart-texts.ts; a described state without a text there is a bug, not a reason to mix
 * English into the Chinese chart. Mermaid ends a description at an ASCII ':' or ';' (the
 * full-width ：； are plain text to it), so those become commas.
 */
const stateNote = (node: StateNodeLike, lang: Lang): string => {
  const key = stateTextKey(node);
  if (!Object.hasOwn(CATALOGS[lang], key)) throw new Error(`No ${lang} chart text for ${key}: add it to src/i18n/tool/chart-texts.ts`);
  return translator(lang)(key as MessageKey).replace(/[:;]/g, ',');
};

const isForwarding = (transition: TransitionLike, node: StateNodeLike) => !transition.target && node.invoke.length > 0;

const drawNode = (node: StateNodeLike, lang: Lang, indent: string): string[] => {
  const lines: string[] = [];
  const children = Object.values(node.states as Record<string, StateNodeLike>);
  if (children.length > 0) {
    lines.push(`${indent}state ${nodeId(node)} {`);
    const initial = node.initial?.target?.[0];
    if (initial) lines.push(`${indent}  [*] --> ${nodeId(initial)}`);
    for (const child of children) lines.push(...drawNode(child, lang, `${indent}  `));
    lines.push(`${indent}}`);
  } else if (node.type === 'final') {
    lines.push(`${indent}${nodeId(node)} --> [*]`);
  }
  if (node.description) lines.push(`${indent}${nodeId(node)} : ${node.key} - ${stateNote(node, lang)}`);
  for (const invoke of node.invoke) lines.push(`${indent}note right of ${nodeId(node)} : ${translator(lang)('chart.runs', { actor: String(invoke.src) })}`);
  const transitions = [...node.transitions.values(), node.always ?? []].flat();
  for (const transition of transitions) {
    if (isForwarding(transition, node)) continue;
    for (const target of transition.target ?? [node]) {
      lines.push(`${indent}${nodeId(node)} --> ${nodeId(target)} : ${eventLabel(transition, lang)}${guardLabel(transition)}`);
    }
  }
  return lines;
};

/** One state diagram per menu machine, in Markdown fences. */
export const mermaidChart = (lang: Lang, machines: readonly AnyStateMachine[] = MENU_MACHINES): string =>
  machines
    .map((machine) =>
      // The machine is one composite state, so that its own transitions (power, network) have a source.
      [`### ${machine.id}`, '', '```mermaid', 'stateDiagram-v2', `  [*] --> ${nodeId(machine.root)}`, ...drawNode(machine.root, lang, '  '), '```'].join('\n'),
    )
    .join('\n\n');
