// Brand profiles: terminal families differ in display size, key names and where the menus live;
// the shipped walkthroughs (written with `select` and pieces) pass on each of them where their
// when: says they apply, and are skipped elsewhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/device/simulator.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { loadProfile, parseProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { WalkthroughLibrary } from '../../src/walkthrough/library.js';
import { ProfileCache, runFile } from '../../src/walkthrough/run-file.js';
import { findWalkthroughFiles } from '../../src/walkthrough/suite.js';

const BRANDS = ['default', 'pax-a920', 'landi-a8', 'newland-n910'];

describe('brand profiles', () => {
  const files = findWalkthroughFiles(['fixtures/walkthroughs']);
  const profiles = new ProfileCache();
  const library = new WalkthroughLibrary();

  it.each(shippedProfileNames())('%s passes the shipped walkthroughs that apply to it, and skips the others', (fixture) => {
    const results = files.flatMap((file) => runFile(file, { profiles, library, fixtures: [fixture] }));
    expect(results.filter((result) => result.status !== 'passed' && result.status !== 'skipped').map((result) => `${result.name}: ${result.failure?.message ?? result.reason}`)).toEqual([]);
    // Every profile gets a share of the suite; the brands most of it.
    expect(results.filter((result) => result.status === 'passed').length).toBeGreaterThanOrEqual(BRANDS.includes(fixture) ? 28 : 9);
  });

  it('differ in where 免密支付 lives, and select finds it in each', () => {
    const route = (fixture: string) => {
      const sim = createSimulator({ fixture });
      sim.press('菜单');
      sim.type('123456');
      sim.press('确认');
      const top = sim.screen();
      sim.select('免密支付');
      return { top, title: sim.title() };
    };
    expect(route('pax-a920').top).toContain('2.安全设置');
    expect(route('newland-n910').top).toContain('2.交易设置');
    expect(route('landi-a8').top).toContain('1.支付方式管理');
    for (const fixture of BRANDS) expect(route(fixture).title).toBe('免密支付');
  });

  it('draw the display at the size of each model', () => {
    for (const fixture of BRANDS) {
      const { columns, rows } = loadProfile(fixture).device.display;
      const lines = createSimulator({ fixture }).screen().split('\n');
      expect(lines, fixture).toHaveLength(rows + 3);
      expect(Math.max(...lines.map((line) => [...line].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)))).toBe(columns);
    }
  });

  it('name the settings key as the model prints it', () => {
    expect(createSimulator({ fixture: 'pax-a920' }).screen()).toContain('按[功能]键进入设置');
    expect(createSimulator({ fixture: 'newland-n910' }).screen()).toContain('按[设置]键进入设置');
    expect(createSimulator({ fixture: 'landi-a8' }).screen()).toContain('按[菜单]键进入设置');
  });
});

describe('a brand profile whose display is too small', () => {
  const tinyProfile = () => {
    const profile = structuredClone(loadProfile('pax-a920')) as { device: { display: { columns: number } } };
    profile.device.display.columns = 16;
    return JSON.stringify(profile);
  };

  it('is refused with the field and the fix, in Chinese by default', () => {
    expect(() => parseProfile(tinyProfile(), 'tiny.json')).toThrow('tiny.json：设备配置有误：\n  device.display.columns：至少 28 列(14 个汉字)');
  });

  describe('in English', () => {
    beforeEach(() => setToolLang('en'));
    afterEach(() => setToolLang('zh'));

    it('is refused with the field and the fix', () => {
      expect(() => parseProfile(tinyProfile(), 'tiny.json')).toThrow(/tiny\.json[\s\S]*device\.display\.columns[\s\S]*at least 28 columns/);
    });
  });
});
