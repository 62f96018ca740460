// `pos-sim chart` draws every state and transition of the menu machines as Mermaid, in words.
import { FORWARDED_EVENT_TYPES } from '../../menus/forward-keys.js';
import { describe, expect, it } from 'vitest';
import { createMachine, type AnyStateMachine } from 'xstate';
import { chartOf, stateNameKey, stateTextKey, type ChartState } from '../../src/chart/chart-model.js';
import { mermaidChart } from '../../src/chart/mermaid-chart.js';
import { CATALOGS } from '../../src/i18n/messages.js';
import { MENU_MACHINES } from '../../src/walkthrough/coverage.js';

type StateNodeLike = AnyStateMachine['root'];
const allStateNodes = (node: StateNodeLike): StateNodeLike[] => [
  node,
  ...Object.values(node.states as Record<string, StateNodeLike>).flatMap(allStateNodes),
];
const everyNode = MENU_MACHINES.flatMap((machine) => allStateNodes(machine.root));
const described = everyNode.filter((node) => node.description);
const catalogText = (lang: 'zh' | 'en', key: string): string | undefined => (CATALOGS[lang] as Record<string, string>)[key];
const chartStates = (states: readonly ChartState[]): ChartState[] => states.flatMap((state) => [state, ...chartStates(state.children)]);
/** How the en chart names the events that are not keys with an English cap. */
const EN_EVENTS: Readonly<Record<string, string>> = {
  DIGIT: 'digit',
  POWER_CYCLE: 'power',
  NETWORK_DOWN: 'network down',
  NETWORK_UP: 'network up',
  APPLICATION_FILED: 'application filed',
  PAYMENT_REQUEST: 'payment request',
  PAYMENT_WITHDRAWN: 'payment withdrawn',
  PAYER_CONFIRMED: 'payer confirmed',
  PAYER_CANCELLED: 'payer cancelled',
  PAYER_LOCKED: 'payment password locked',
};
/** The diagram of one machine in a chart, from its fence. */
const diagramOf = (chart: string, machineId: string): string => chart.split(`(${machineId})\n\n\`\`\`mermaid\n`)[1]?.split('```')[0] ?? '';
const edgeLines = (diagram: string) =>
  diagram
    .split('\n')
    .filter((line) => / --> /.test(line) && !line.includes('[*]'))
    .map((line) => line.trim());

describe('the Mermaid chart', () => {
  const chart = mermaidChart('zh');

  it('declares every state coverage counts, by its name in words', () => {
    for (const node of everyNode.filter((candidate) => candidate.parent)) {
      const id = [node.machine.id, ...node.path].join('_');
      expect(chart, id).toMatch(new RegExp(`^\\s*state "${catalogText('zh', stateNameKey(node))}" as ${id}( \\{)?$`, 'm'));
    }
    expect(chart).toContain('state "检查网络" as passwordFree_checkingNetwork');
    expect(mermaidChart('en')).toContain('state "Checking the network" as passwordFree_checkingNetwork');
  });

  it('draws the transitions between two states as one edge, a label line per transition', () => {
    for (const machine of MENU_MACHINES) {
      const pairs = edgeLines(diagramOf(chart, machine.id)).map((line) => line.split(' : ')[0]);
      expect(new Set(pairs).size, machine.id).toBe(pairs.length);
    }
    expect(chart).toContain('settings_refused --> settings_exited : 确认<br/>取消');
    expect(chart).toContain('passwordFree_editing --> passwordFree_saving : 数字 [isPickOfSave]<br/>确认 [isOnSave]');
  });

  it('lists the transitions that keep the state in its box (↻), so none is a loop hiding another', () => {
    expect(chart).toContain('device__any : ↻ 断网、联网');
    expect(diagramOf(chart, 'settings')).toMatch(
      /settings_menu : ↻ 上、下、\n\s+settings_menu : 数字 \[isValidPick\]、\n\s+settings_menu : 确认 \[isSubmenuSelected\]、\n\s+settings_menu : 取消 \[isInSubmenu\]/,
    );
    expect(mermaidChart('en')).toContain('device__any : ↻ network down,');
  });

  it('has every transition coverage counts: on an edge, or on a ↻ line of its state', () => {
    for (const machine of MENU_MACHINES) {
      const drawn = chartOf(machine, 'en');
      const stays = new Map(chartStates(drawn.states).map((state) => [state.id, state.stays]));
      const edgeLabels = drawn.edges.flatMap((edge) => edge.labels);
      for (const node of allStateNodes(machine.root)) {
        const id = node.parent ? [machine.id, ...node.path].join('_') : `${machine.id}__any`;
        for (const transition of [...node.transitions.values(), node.always ?? []].flat()) {
          if (!transition.target && node.invoke.length > 0 && FORWARDED_EVENT_TYPES.includes(transition.eventType)) continue; // a key handed to the running flow
          const type = transition.eventType;
          const event = type.startsWith('xstate.') || type === '' ? '' : (EN_EVENTS[type] ?? type);
          const guard =
            typeof transition.guard === 'string' ? transition.guard : ((transition.guard as { type?: string } | undefined)?.type ?? '');
          const matches = (label: string) => label.includes(event) && label.includes(guard);
          const where = `${machine.id} ${node.path.join('.')} ${transition.eventType} ${guard}`;
          if (transition.target) expect(edgeLabels.some(matches), where).toBe(true);
          else expect((stays.get(id) ?? []).some(matches), where).toBe(true);
        }
      }
    }
    expect(chart).toContain('device_home --> device_settings : 菜单');
    expect(chart).toContain('settings_menu --> settings_bindings : 确认 [isFlowSelected]');
  });

  it('draws an edge to or from a state inside a composite from the composite, naming that state', () => {
    expect(chart).toContain('passwordFree_saving --> passwordFree_editing : 自动 → 设置未修改');
    expect(chart).toContain('device_booting --> device_starting : （加载）bootStep 后 [isBootComplete]');
    // The composite's own transition into itself starts at each state inside.
    expect(chart).toContain('passwordFree_editing_unchanged --> passwordFree_editing_idle : 上<br/>下<br/>数字 [isValidPick]<br/>确认');
  });

  it('starts the machine’s own transitions (power) at an "any state" box', () => {
    expect(chart).toContain('device__any --> device_booting : 电源');
    expect(chart).toContain('state "任何状态" as device__any');
    expect(diagramOf(chart, 'settings')).not.toContain('__any');
  });

  it('names the flow a state runs', () => {
    expect(chart).toContain('settings_authenticating : 运行「密码输入」');
    expect(mermaidChart('en')).toMatch(/settings_authenticating : runs\n\s+settings_authenticating : “Password prompt”/);
  });

  it('lays settings (one menu, many flows) out left to right and the deeper machines top to bottom', () => {
    const directions = Object.fromEntries(MENU_MACHINES.map((machine) => [machine.id, chartOf(machine, 'zh').direction]));
    expect(directions).toMatchObject({ settings: 'LR', device: 'TB', sale: 'TB', passwordFree: 'TB', bindingManagement: 'TB' });
    expect(diagramOf(chart, 'settings')).toMatch(/^stateDiagram-v2\n {2}direction LR\n/);
  });

  it('charts a new machine from its definition and its words alone', () => {
    // A machine the chart has no code for, with the words of 数据备份's states.
    const machine = createMachine({
      id: 'dataBackup',
      initial: 'asking',
      states: { asking: { on: { ENTER: 'finished', CANCEL: 'finished', UP: {} } }, finished: { type: 'final' } },
    });
    expect(mermaidChart('zh', [machine])).toBe(
      [
        '### 数据备份 (dataBackup)',
        '',
        '```mermaid',
        'stateDiagram-v2',
        '  direction TB',
        '  [*] --> dataBackup_asking',
        '  dataBackup_asking --> dataBackup_finished : 确认<br/>取消',
        '  state "是否备份" as dataBackup_asking',
        '  dataBackup_asking : ↻ 上',
        '  state "备份结果" as dataBackup_finished',
        '  dataBackup_finished --> [*]',
        '```',
      ].join('\n'),
    );
  });

  it('refuses a state without a name, naming the key', () => {
    const machine = createMachine({ id: 'extra', initial: 'a', states: { a: {} } });
    expect(() => mermaidChart('zh', [machine])).toThrow('chart.name.extra');
  });
});

describe('the state names and notes', () => {
  const zhChart = mermaidChart('zh');

  it('are keyed chart.name / chart.state.<machine id>.<state path>', () => {
    expect(described.map(stateTextKey)).toContain('chart.state.passwordFree.editing.unchanged');
    expect(everyNode.map(stateNameKey)).toContain('chart.name.passwordFree.checkingNetwork');
    expect(everyNode.map(stateNameKey)).toContain('chart.name.device');
  });

  it('have a Chinese and an English name for every state and machine, and a note for every described state', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const node of everyNode) expect(catalogText(lang, stateNameKey(node)), `${lang} ${stateNameKey(node)}`).toBeTruthy();
      for (const node of described) expect(catalogText(lang, stateTextKey(node)), `${lang} ${stateTextKey(node)}`).toBeTruthy();
    }
  });

  it('in English are the machine descriptions word for word, so the two cannot drift', () => {
    for (const node of described) expect(catalogText('en', stateTextKey(node)), stateTextKey(node)).toBe(node.description);
  });

  it('have no text left over for a state that is gone or lost its description', () => {
    const keys = (prefix: string) =>
      Object.keys(CATALOGS.zh)
        .filter((key) => key.startsWith(prefix))
        .sort();
    expect(keys('chart.state.')).toEqual(described.map(stateTextKey).sort());
    expect(keys('chart.name.')).toEqual(everyNode.map(stateNameKey).sort());
  });

  it('show in Chinese in the zh chart: names, notes and ↻ lines hold no English word', () => {
    const boxLines = [...zhChart.matchAll(/^\s*\w+ : (.*)$/gm)].map((match) => match[1] ?? '');
    const names = [...zhChart.matchAll(/^\s*state "(.*)" as/gm)].map((match) => match[1] ?? '');
    expect(boxLines.length).toBeGreaterThan(described.length);
    // Guard names in brackets are code, and POS is what 机 is called in Chinese too.
    for (const text of [...boxLines, ...names]) expect(text.replace(/\[\w+\]|POS/g, ''), text).not.toMatch(/[a-z]{2}/i);
    expect(zhChart).toMatch(/device_home : 主界面：商户号、终端\n\s+device_home : 号、已签到的操作员，/);
  });

  it('wrap to lines of at most 20 columns and hold nothing that ends a Mermaid description early', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [, text] of mermaidChart(lang).matchAll(/^\s*\w+ : (.*)$/gm)) {
        expect(text).not.toMatch(/[:;]/);
        if (!/\[\w+\]/.test(text ?? '')) expect([...(text ?? '')].length, text).toBeLessThanOrEqual(20);
      }
    }
    expect(zhChart).toContain('settings_refused : 显示「操作员无');
  });

  it('refuse a described state without a chart text, naming the key', () => {
    const machine = createMachine({ id: 'dataBackup', initial: 'done', states: { done: { description: 'Shows something new.' } } });
    expect(() => mermaidChart('zh', [machine])).toThrow('chart.state.dataBackup.done');
    expect(() => mermaidChart('en', [machine])).toThrow('chart.state.dataBackup.done');
  });
});
