// `pos-sim chart` draws every state and transition of the menu machines as Mermaid.
import { describe, expect, it } from 'vitest';
import { mermaidChart } from '../src/chart/mermaid-chart.js';
import { CoverageTracker } from '../src/walkthrough/coverage.js';

const universe = new CoverageTracker().report();

describe('the Mermaid chart', () => {
  const chart = mermaidChart('zh');
  const edges = chart.split('\n').filter((line) => / --> /.test(line) && !line.includes('[*]')).map((line) => line.trim());

  it('has a node for every state coverage counts', () => {
    for (const state of universe.states.missed) expect(chart, state).toContain(state.replace(/\./g, '_'));
  });

  it('has an edge for every transition, labelled with the device key', () => {
    expect(edges.length).toBeGreaterThanOrEqual(universe.transitions.total);
    expect(edges).toContain('device_home --> device_settings : 菜单');
    expect(chart).toContain('settings_menu --> settings_bindings : 确认 [isFlowSelected bindings]');
  });

  it('is well formed: one fenced stateDiagram-v2 per machine, braces balanced', () => {
    const blocks = chart.split('```mermaid\n').slice(1);
    expect(blocks.length).toBe(chart.split('\n### ').length);
    for (const block of blocks) {
      const body = block.slice(0, block.indexOf('```'));
      expect(body.startsWith('stateDiagram-v2\n')).toBe(true);
      expect(body.split('{').length).toBe(body.split('}').length);
      for (const line of body.trim().split('\n').slice(1)) {
        expect(line).toMatch(/^\s*(\[\*\] --> \w+|\w+ --> (\w+|\[\*\])( : .+)?|state \w+ \{|\}|\w+ : .+|note right of \w+ : .+)$/);
      }
    }
  });

  it('speaks English with --lang en', () => {
    expect(mermaidChart('en')).toContain('device_home --> device_settings : MENU');
  });
});
