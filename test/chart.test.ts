// `pos-sim chart` draws every state and transition of the menu machines as Mermaid.
import { describe, expect, it } from 'vitest';
import { createMachine, type AnyStateMachine } from 'xstate';
import { mermaidChart, stateTextKey } from '../src/chart/mermaid-chart.js';
import { CATALOGS } from '../src/i18n/messages.js';
import { CoverageTracker, MENU_MACHINES } from '../src/walkthrough/coverage.js';

const universe = new CoverageTracker().report();

type StateNodeLike = AnyStateMachine['root'];
const allStateNodes = (node: StateNodeLike): StateNodeLike[] => [node, ...Object.values(node.states as Record<string, StateNodeLike>).flatMap(allStateNodes)];
const described = MENU_MACHINES.flatMap((machine) => allStateNodes(machine.root)).filter((node) => node.description);
const catalogText = (lang: 'zh' | 'en', key: string): string | undefined => (CATALOGS[lang] as Record<string, string>)[key];
/** The text of each state note (`id : key - text`), without the id and key. */
const noteTexts = (chart: string) => [...chart.matchAll(/^\s*\w+ : \w+ - (.*)$/gm)].map((match) => match[1] ?? '');

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

describe('the state notes', () => {
  const zhChart = mermaidChart('zh');
  const enChart = mermaidChart('en');

  it('are keyed chart.state.<machine id>.<state path>', () => {
    const keys = described.map(stateTextKey);
    expect(keys).toContain('chart.state.device.home');
    expect(keys).toContain('chart.state.passwordFree.editing.unchanged');
  });

  it('have a Chinese and an English text for every described state of every menu machine', () => {
    expect(described.length).toBeGreaterThan(0);
    for (const node of described) {
      expect(catalogText('zh', stateTextKey(node)), `zh ${stateTextKey(node)}`).toBeTruthy();
      expect(catalogText('en', stateTextKey(node)), `en ${stateTextKey(node)}`).toBeTruthy();
    }
  });

  it('in English are the machine descriptions word for word, so the two cannot drift', () => {
    for (const node of described) expect(catalogText('en', stateTextKey(node)), stateTextKey(node)).toBe(node.description);
  });

  it('have no text left over for a state that is gone or lost its description', () => {
    const chartKeys = Object.keys(CATALOGS.zh).filter((key) => key.startsWith('chart.state.'));
    expect(chartKeys.sort()).toEqual(described.map(stateTextKey).sort());
  });

  it('show in Chinese in the zh chart, with no English sentence', () => {
    expect(zhChart).toContain('device_home : home - 主界面：商户号、终端号，以及「按[确认]键收款」和「按[菜单]键进入设置」。');
    expect(zhChart).toContain('sale_processing : processing - 主机应答前显示「交易处理中，请稍候」。');
    expect(zhChart).toContain('passwordFree_editing_unchanged : unchanged - 显示「设置未修改」：没有新的内容要保存。');
    expect(noteTexts(zhChart)).toHaveLength(described.length);
    for (const text of noteTexts(zhChart)) expect(text).not.toMatch(/[a-z]/);
  });

  it('show the machine descriptions in the en chart, as before', () => {
    expect(enChart).toContain('device_home : home - Home screen, merchant, terminal, 按[确认]键收款 and 按[菜单]键进入设置.');
    expect(enChart).toContain('sale_processing : processing - Says 交易处理中，请稍候 while the host answers.');
    expect(enChart).toContain('passwordFree_editing_unchanged : unchanged - Says 设置未修改, there is nothing new to save.');
  });

  it('hold nothing that ends a Mermaid description early (an ASCII : or ;)', () => {
    for (const chart of [zhChart, enChart]) for (const text of noteTexts(chart)) expect(text).not.toMatch(/[:;]/);
    // Chinese punctuation stays as it is: Mermaid reads ：and ；as text.
    expect(zhChart).toContain('settings_refused : refused - 显示「操作员无权限」：普通操作员不能进入设置；未做任何修改。');
  });

  it('refuse a described state without a chart text, naming the key', () => {
    const machine = createMachine({ id: 'extra', initial: 'a', states: { a: { description: 'Shows something new.' } } });
    expect(() => mermaidChart('zh', [machine])).toThrow('chart.state.extra.a');
    expect(() => mermaidChart('en', [machine])).toThrow('chart.state.extra.a');
  });
});
