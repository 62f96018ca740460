// The README stays true: its key table is the key map, its commands exist, and CI runs its test command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedChart } from '../src/chart/readme-chart.js';
import { COMMANDS } from '../src/cli-args.js';
import { KEY_BINDINGS, keyLabel, TRAINER_BINDINGS } from '../src/keys/key-map.js';
import { CONDITION_FACETS } from '../src/walkthrough/conditions.js';
import { EXPECT_KEYS, STEP_KINDS } from '../src/walkthrough/format.js';

const readme = readFileSync('README.md', 'utf8');
const section = (heading: string) => readme.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';

describe('README', () => {
  it('lists every key of the key map, with its device key', () => {
    const rows = section('Keys')
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .slice(1);
    const table = rows.map((row) => row.split('|').map((cell) => cell.trim()));
    for (const binding of KEY_BINDINGS) {
      expect(
        table.some(([, terminal, device]) => terminal === binding.terminalKeys && device === keyLabel(binding, {}, 'zh')),
        binding.terminalKeys,
      ).toBe(true);
    }
    expect(table).toHaveLength(KEY_BINDINGS.length + 1); // and Ctrl+C
  });

  it('lists every trainer control of the key map', () => {
    const rows = section('Trainer controls')
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    const keys = rows.map((row) => (row.split('|')[1] ?? '').replaceAll('`', '').trim());
    expect(keys.sort()).toEqual(TRAINER_BINDINGS.map((binding) => binding.terminalKeys).sort());
  });

  it('documents every command and every walkthrough step', () => {
    for (const command of COMMANDS.filter((name) => name !== 'start')) expect(readme).toContain(`pos-sim ${command}`);
    const steps = section('Walkthroughs');
    for (const kind of STEP_KINDS) expect(steps).toContain(`| \`${kind}\` |`);
    expect(steps).toContain(`expect: { ${EXPECT_KEYS.join(', ')} }`);
    for (const facet of CONDITION_FACETS) expect(steps).toContain(`| \`${facet}\` |`);
    for (const flag of ['--workers N', '--shard I/N', '--fixture NAME|PATH|all']) expect(steps).toContain(flag);
  });

  it('embeds the current menu chart (regenerate with `npm run generate`)', () => {
    expect(embedChart(readme) === readme, 'README chart is stale').toBe(true);
  });

  it('gives the test command that CI runs', () => {
    const setup = section('Set up');
    expect(setup).toMatch(/^npm test\b/m);
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm ci\b.*\nnpm test$/m);
  });
});
