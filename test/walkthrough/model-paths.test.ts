// `pos-sim paths`: xstate/graph finds a shortest key path to every menu state, and each one,
// written as a walkthrough, replays and ends where it says.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listPaths } from '../../src/commands/list-paths.js';
import { loadProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { hashPassword } from '../../src/store/password-hash.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { allMenuStates, shortestMenuPaths } from '../../src/walkthrough/model-paths.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('model-based paths', () => {
  it('reach every menu state on the default profile, each by a shortest path', () => {
    const paths = shortestMenuPaths(loadProfile('default'), '123456');
    expect(paths.map((path) => path.target)).toEqual(allMenuStates());
    const byTarget = new Map(paths.map((path) => [path.target, path.actions.map((action) => action.type)]));
    expect(byTarget.get('settings.menu')).toEqual(['菜单', 'password', '确认']);
    expect(byTarget.get('passwordPrompt.lockedOut')).toEqual(['菜单', 'wrongPassword', '确认', 'wrongPassword', '确认', 'wrongPassword', '确认']);
    expect(byTarget.get('bindingManagement.offline')).toContain('networkDown');
  });

  it.each(shippedProfileNames())('written for %s, every path replays and ends where it says', (name) => {
    const out = join(dir, name);
    const lines = listPaths({ profile: loadProfile(name), fixture: name, write: out }, {});
    const written = readdirSync(out);
    expect(lines.filter((line) => line.startsWith('wrote '))).toHaveLength(written.length);
    const results = loadWalkthroughs([out]).map((walkthrough) => runWalkthrough(walkthrough));
    expect(results.filter((result) => !result.passed).map((result) => `${result.walkthrough.file}: ${result.failure?.message}`)).toEqual([]);
    expect(readFileSync(join(out, 'settings-menu.yaml'), 'utf8')).toContain('expect: { state: settings.menu }');
  });

  it('say which states a profile cannot reach', () => {
    const lines = listPaths({ profile: loadProfile('unbound'), fixture: 'unbound', write: undefined }, {});
    expect(lines).toContain('Not reachable on this profile:');
    expect(lines).toContain('  bindingManagement.detail');
    expect(lines.join('\n')).not.toContain('123456');
  });

  it('open 设置 with POS_SIM_PASSWORD when the profile has no factory password, and refuse a wrong one', () => {
    const profile = loadProfile('default');
    const changed = {
      ...profile,
      operators: profile.operators.map((operator) => (operator.id === '00' ? { ...operator, passwordHash: hashPassword('246810') } : operator)),
    };
    expect(() => listPaths({ profile: changed, fixture: 'default', write: undefined }, {})).toThrow(/POS_SIM_PASSWORD/);
    expect(() => listPaths({ profile: changed, fixture: 'default', write: undefined }, { POS_SIM_PASSWORD: '111111' })).toThrow(/not the password/);
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    const lines = listPaths({ profile: changed, fixture: file, write: join(dir, 'changed') }, { POS_SIM_PASSWORD: '246810' });
    const total = allMenuStates().length;
    expect(lines.at(-1)).toBe(`${total} of ${total} menu states reached on default.`);
    const written = readFileSync(join(dir, 'changed', 'settings-menu.yaml'), 'utf8');
    expect(written).toContain('fixture: ../changed.json');
    expect(written).toContain('type: $POS_SIM_PASSWORD');
    expect(written).not.toContain('246810');
  });
});
