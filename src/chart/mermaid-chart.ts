/**
 * `pos-sim chart`: the menu machines (chart-model.ts) written as Mermaid state diagrams.
 *
 * Mermaid puts a state in the composite where it is mentioned last, so each composite lists its
 * edges first and then declares its states: every state's last mention is inside its own parent.
 * Mermaid draws a description on one line and refuses one on a composite, so notes are wrapped here
 * and a composite's note is a Mermaid note beside it.
 */
import stringWidth from 'string-width';
import type { AnyStateMachine } from 'xstate';
import { translator, type Lang } from '../i18n/messages.js';
import { wrapped } from '../line-breaks.js';
import { MENU_MACHINES } from '../walkthrough/coverage.js';
import { chartOf, type Chart, type ChartEdge, type ChartState } from './chart-model.js';

/** Columns a note line takes before it wraps: ten Chinese characters. */
const NOTE_COLUMNS = 20;

/**
 * Mermaid ends a description at an ASCII ':' or ';' and a name at '"' (the full-width ：；” are
 * plain text to it), and reads '<' as the start of a tag.
 */
const safe = (text: string): string => text.replace(/[:;]/g, ',').replace(/"/g, '”').replace(/</g, '‹');

const wrap = (text: string): string[] => wrapped(safe(text), NOTE_COLUMNS).split('\n');

/** Items joined by `separator` into lines of at most NOTE_COLUMNS, never breaking one (a key name, a guard). */
const pack = (items: readonly string[], separator: string): string[] => {
  const lines: string[] = [];
  for (const item of items.map(safe)) {
    const last = lines.at(-1);
    if (last === undefined) lines.push(item);
    else if (stringWidth(`${last}${separator}${item}`) <= NOTE_COLUMNS) lines[lines.length - 1] = `${last}${separator}${item}`;
    else lines.splice(-1, 1, `${last}${separator.trimEnd()}`, item);
  }
  return lines;
};

/** The note lines of a state: what it shows, the flows it runs, and ↻ with the transitions that keep it. */
const noteLines = (state: ChartState, lang: Lang): string[] => {
  const stays = state.stays.length > 0 ? pack([`↻ ${state.stays[0]}`, ...state.stays.slice(1)], translator(lang)('chart.staysJoin')) : [];
  return [...state.notes.flatMap(wrap), ...stays];
};

const drawEdges = (edges: readonly ChartEdge[], scope: string | undefined, indent: string): string[] =>
  edges
    .filter((edge) => edge.scope === scope)
    .map((edge) => `${indent}${edge.from} --> ${edge.to} : ${edge.labels.map(safe).join('<br/>')}`);

const drawState = (state: ChartState, edges: readonly ChartEdge[], lang: Lang, indent: string): string[] => {
  const notes = noteLines(state, lang);
  if (state.children.length > 0) {
    const inner = `${indent}  `;
    return [
      `${indent}state "${safe(state.name)}" as ${state.id} {`,
      ...(state.initial ? [`${inner}[*] --> ${state.initial}`] : []),
      ...drawEdges(edges, state.id, inner),
      ...state.children.flatMap((child) => drawState(child, edges, lang, inner)),
      `${indent}}`,
      ...(notes.length > 0 ? [`${indent}note right of ${state.id}`, ...notes.map((line) => `${inner}${line}`), `${indent}end note`] : []),
    ];
  }
  return [
    `${indent}state "${safe(state.name)}" as ${state.id}`,
    ...notes.map((line) => `${indent}${state.id} : ${line}`),
    ...(state.final ? [`${indent}${state.id} --> [*]`] : []),
  ];
};

/** One machine as a stateDiagram-v2, without its fence. */
export const mermaidDiagram = (chart: Chart, lang: Lang): string =>
  [
    'stateDiagram-v2',
    `  direction ${chart.direction}`,
    ...(chart.initial ? [`  [*] --> ${chart.initial}`] : []),
    ...drawEdges(chart.edges, undefined, '  '),
    ...chart.states.flatMap((state) => drawState(state, chart.edges, lang, '  ')),
  ].join('\n');

/** One state diagram per menu machine, in Markdown fences, each under the machine's name and id. */
export const mermaidChart = (lang: Lang, machines: readonly AnyStateMachine[] = MENU_MACHINES): string =>
  machines
    .map((machine) => {
      const chart = chartOf(machine, lang);
      return [`### ${chart.name} (${chart.machineId})`, '', '```mermaid', mermaidDiagram(chart, lang), '```'].join('\n');
    })
    .join('\n\n');
