// @vitest-environment happy-dom
// The chart as Mermaid itself reads it: its own parser (mermaid.parse) and the model its renderer draws.
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { mermaidChart } from '../../src/chart/mermaid-chart.js';
import { MENU_MACHINES } from '../../src/walkthrough/coverage.js';

type DrawnNode = {
  readonly id: string;
  readonly parentId?: string;
  readonly label?: string;
  readonly isGroup: boolean;
  readonly shape: string;
};
type DrawnEdge = { readonly start: string; readonly end: string };
type StateDb = { getData(): { nodes: DrawnNode[]; edges: DrawnEdge[] } };

/** Each ```mermaid block of a chart. */
const diagrams = (chart: string): string[] => [...chart.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** Mermaid draws a note as a node joined to its state by an edge. */
const isNote = (id: string) => id.includes('----');

/** What Mermaid's renderer would draw: the state database its parser fills (once mermaid.parse has registered the diagram types). */
const drawn = async (diagram: string) => {
  const parsed = (await mermaid.mermaidAPI.getDiagramFromText(diagram)) as unknown as { db: StateDb };
  return parsed.db.getData();
};

/** The shapes of states proper, not of start and end markers or notes. */
const STATE_SHAPES = new Set(['rect', 'rectWithTitle', 'roundedWithTitle']);

type StateNodeLike = AnyStateMachine['root'];
const children = (node: StateNodeLike) => Object.values(node.states as Record<string, StateNodeLike>);
const descendants = (node: StateNodeLike): StateNodeLike[] => children(node).flatMap((child) => [child, ...descendants(child)]);
const nodeId = (node: StateNodeLike) => [node.machine.id, ...node.path].join('_');

describe('the chart, read by Mermaid', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`parses (${lang}): every diagram is valid stateDiagram-v2`, async () => {
      for (const diagram of diagrams(mermaidChart(lang)))
        await expect(mermaid.parse(diagram)).resolves.toMatchObject({ diagramType: 'stateDiagram' });
    });
  }

  const blocks = diagrams(mermaidChart('zh'));
  let drawing: Promise<{ machine: AnyStateMachine; nodes: DrawnNode[]; edges: DrawnEdge[] }[]> | undefined;
  const drawnMachines = () =>
    (drawing ??= mermaid
      .parse(blocks[0] ?? '')
      .then(() => Promise.all(MENU_MACHINES.map(async (machine, index) => ({ machine, ...(await drawn(blocks[index] ?? '')) })))));

  it('draws every child state inside its parent, and a state with children as a composite', async () => {
    for (const { machine, nodes } of await drawnMachines()) {
      const byId = new Map(nodes.map((node) => [node.id, node]));
      for (const state of descendants(machine.root)) {
        const parent = state.parent === machine.root ? undefined : nodeId(state.parent!);
        expect(byId.get(nodeId(state))?.parentId, nodeId(state)).toBe(parent);
        expect(byId.get(nodeId(state))?.isGroup, nodeId(state)).toBe(children(state).length > 0);
      }
    }
  });

  it('labels every state in words, never with its id', async () => {
    for (const { nodes } of await drawnMachines()) {
      for (const node of nodes.filter((candidate) => STATE_SHAPES.has(candidate.shape))) {
        expect(node.label, node.id).toBeTruthy();
        expect(node.label, node.id).not.toBe(node.id);
        expect(node.label, node.id).not.toMatch(/[a-z]/);
      }
    }
  });

  it('draws one edge per pair of states, so no label lies on another', async () => {
    for (const { machine, edges } of await drawnMachines()) {
      const pairs = edges.map((edge) => `${edge.start} → ${edge.end}`);
      expect(
        pairs.filter((pair, index) => pairs.indexOf(pair) !== index),
        machine.id,
      ).toEqual([]);
    }
  });

  it('draws no edge across a composite’s border (Mermaid lays such a composite out badly)', async () => {
    for (const { nodes, edges } of await drawnMachines()) {
      const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
      for (const edge of edges.filter((candidate) => !isNote(candidate.start) && !isNote(candidate.end)))
        expect(parentOf.get(edge.start), `${edge.start} → ${edge.end}`).toBe(parentOf.get(edge.end));
    }
  });
});
