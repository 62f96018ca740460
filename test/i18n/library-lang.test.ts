// The package used from code (createSimulator, pos-sim/vitest) speaks the language POS_SIM_LANG
// names, as the pos-sim command does: a QA engineer who set POS_SIM_LANG=en reads English failures.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWhenStale, ROOT } from '../support/built-cli.js';

beforeAll(buildWhenStale, 120_000);

const selectMissing = (env: NodeJS.ProcessEnv): string => {
  const script = `
    const { createSimulator } = await import(${JSON.stringify(`${ROOT}/dist/index.js`)});
    const sim = createSimulator({ fixture: 'default' });
    try { sim.select('不存在'); } catch (error) { console.log(error.message); }
    sim.stop();`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return child.stdout.trim();
};

describe('the language of the package used from code', () => {
  it('is English with POS_SIM_LANG=en, Chinese without it', () => {
    expect(selectMissing({ POS_SIM_LANG: 'en' })).toMatch(/^no menu item matches "不存在"/);
    expect(selectMissing({ POS_SIM_LANG: '' })).toMatch(/^没有菜单项与 "不存在" 相符/);
  });
});
