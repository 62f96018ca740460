// `pos-sim paths`: xstate/graph finds a shortest key path to every menu state, and each one,
// written as a walkthrough, replays and ends where it says.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPaths } from '../../src/commands/list-paths.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { loadProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { hashPassword } from '../../src/store/password-hash.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { allMenuStates, pathToWalkthrough, shortestMenuPaths } from '../../src/walkthrough/model-paths.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The default profile with the settings operator's password changed from the factory one. */
const withChangedPassword = () => {
  const profile = loadProfile('default');
  return {
    ...profile,
    operators: profile.operators.map((operator) => (operator.id === '00' ? { ...operator, passwordHash: hashPassword('246810') } : operator)),
  };
};

describe('model-based paths', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

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
    expect(results.filter((result) => result.status !== 'passed').map((result) => `${result.file}: ${result.failure?.message}`)).toEqual([]);
    expect(readFileSync(join(out, 'settings-menu.yaml'), 'utf8')).toContain('expect: { state: settings.menu }');
  });

  it('say which states a profile cannot reach', () => {
    const lines = listPaths({ profile: loadProfile('unbound'), fixture: 'unbound', write: undefined }, {});
    expect(lines).toContain('Not reachable on this profile:');
    expect(lines).toContain('  bindingManagement.detail');
    expect(lines.join('\n')).not.toContain('123456');
  });

  it('open 设置 with POS_SIM_PASSWORD when the profile has no factory password, and refuse a wrong one', () => {
    const changed = withChangedPassword();
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

describe('pos-sim paths in Chinese (the default language)', () => {
  it('lists each path with its actions in words, the tally and what the profile cannot reach', () => {
    const lines = listPaths({ profile: loadProfile('unbound'), fixture: 'unbound', write: undefined }, {});
    expect(lines.find((line) => line.startsWith('settings.menu '))).toMatch(/ 菜单 \(密码\) 确认$/);
    expect(lines.find((line) => line.startsWith('device.home '))).toMatch(/ \(设备开机就在此状态\)$/);
    expect(lines).toContain('在此设备配置上到达不了：');
    expect(lines).toContain('  bindingManagement.detail');
    expect(lines.find((line) => line.startsWith('在设备配置 unbound 上到达了 '))).toMatch(/^在设备配置 unbound 上到达了 \d+ 个菜单状态中的 \d+ 个。$/);
  });

  it('says in Chinese that POS_SIM_PASSWORD is needed, or wrong', () => {
    const changed = withChangedPassword();
    expect(() => listPaths({ profile: changed, fixture: 'default', write: undefined }, {})).toThrow(
      '设备配置 default 中操作员 00 的密码已不是出厂密码；请把 POS_SIM_PASSWORD 设为其密码，路径才能进入设置。',
    );
    expect(() => listPaths({ profile: changed, fixture: 'default', write: undefined }, { POS_SIM_PASSWORD: '111111' })).toThrow(
      'POS_SIM_PASSWORD 不是设备配置 default 中操作员 00 的密码。',
    );
  });

  it('writes a path as a walkthrough whose comments and name are in Chinese, and which replays', () => {
    const text = pathToWalkthrough(
      { target: 'passwordPrompt.checking', actions: [{ type: '菜单' }, { type: 'password' }, { type: '确认' }], endsIn: false, active: ['device.settings', 'settings.menu'] },
      'default',
      '"123456"',
      300,
      dir,
      300,
    );
    expect(text).toContain('# 由 `pos-sim paths --write` 生成：到 passwordPrompt.checking 的最短按键路径。\n');
    expect(text).toContain('# passwordPrompt.checking 只是途经；设备随后停在 settings.menu。\n');
    expect(text).toContain('name: "到 passwordPrompt.checking 的路径"\n');
    expect(runWalkthrough(parseWalkthrough(text, join(dir, 'checking.yaml'), {})).failure?.message).toBeUndefined();
  });
});
