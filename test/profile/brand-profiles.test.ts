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

const BRANDS = ['default', 'pax-a920', 'landi-a8', 'newland-n910', 'classic-s80'];

describe('brand profiles', () => {
  const files = findWalkthroughFiles(['fixtures/walkthroughs']);
  const profiles = new ProfileCache();
  const library = new WalkthroughLibrary();

  it.each(shippedProfileNames())('%s passes the shipped walkthroughs that apply to it, and skips the others', (fixture) => {
    const results = files.flatMap((file) => runFile(file, { profiles, library, fixtures: [fixture] }));
    expect(
      results
        .filter((result) => result.status !== 'passed' && result.status !== 'skipped')
        .map((result) => `${result.name}: ${result.failure?.message ?? result.reason}`),
    ).toEqual([]);
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
    expect(route('classic-s80').top).toContain('2.支付设置');
    for (const fixture of BRANDS) expect(route(fixture).title).toBe('免密支付');
  });

  it('let a walkthrough in English select by the Chinese label (and one in Chinese by the English), on every model', () => {
    for (const fixture of BRANDS) {
      const sim = createSimulator({ fixture, lang: 'en' });
      sim.press('菜单');
      sim.type('123456');
      sim.press('确认');
      sim.select('免密支付');
      expect(sim.session.activeStates(), fixture).toContain('passwordFree.editing');
    }
    const zh = createSimulator();
    zh.press('菜单');
    zh.type('123456');
    zh.press('确认');
    zh.select('Bindings');
    expect(zh.title()).toBe('绑定管理');
    zh.select('WeChat Pay');
    expect(zh.screen()).toContain('微信支付');
    // On the phone too: its apps' names.
    const phone = createSimulator({ lang: 'en' });
    phone.phone.select('微信');
    expect(phone.phone.title()).toBe('WeChat');
  });

  it('let select pick by a /regex/, punctuation as expect reads it: one step for labels that differ by model', () => {
    for (const fixture of BRANDS) {
      const sim = createSimulator({ fixture });
      sim.press('菜单');
      sim.type('123456');
      sim.press('确认');
      sim.select('免密支付');
      // 免密限额 1000元 on a smart terminal, 限额1000元 on the classic one.
      sim.select('/限额 ?1000元/');
      expect(sim.screen(), fixture).toContain('未保存');
    }
    // A bad pattern says so, on the phone too (its steps are checked as they are played).
    expect(() => createSimulator().phone.select('/(/')).toThrow('正则表达式 /(/ 无效');
  });

  it('draw the display at the size of each model', () => {
    for (const fixture of BRANDS) {
      const { columns, rows, kind } = loadProfile(fixture).device.display;
      const lines = createSimulator({ fixture }).screen().split('\n');
      // Smart: status, title, body rows, soft keys. Classic: the icon strip, then all its lines.
      expect(lines, fixture).toHaveLength(kind === 'classic' ? rows + 1 : rows + 3);
      expect(Math.max(...lines.map((line) => [...line].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)))).toBe(
        columns,
      );
    }
  });

  it('are each one merchant: the merchant number set up in the device is the bound 商户账号’s, which it shows and prints', () => {
    for (const name of shippedProfileNames()) {
      const profile = loadProfile(name);
      const merchant = profile.bindings.find((binding) => binding.kind === 'merchant');
      if (merchant) expect(profile.device.merchantId, name).toBe(merchant.account);
    }
  });

  it('name the settings key as the model prints it', () => {
    expect(createSimulator({ fixture: 'pax-a920' }).screen()).toContain('按[功能]键进入设置');
    expect(createSimulator({ fixture: 'classic-s80' }).session.matchText()).toContain('按[功能]键设置');
    expect(createSimulator({ fixture: 'newland-n910' }).screen()).toContain('按[设置]键进入设置');
    expect(createSimulator({ fixture: 'landi-a8' }).screen()).toContain('按[菜单]键进入设置');
  });
});

describe('a brand profile whose display is too small', () => {
  const withDisplay = (display: object) => {
    const profile = structuredClone(loadProfile('pax-a920')) as { device: { display: object } };
    profile.device.display = display;
    return JSON.stringify(profile);
  };
  const tinyProfile = () => withDisplay({ columns: 16, rows: 13 });

  it('is refused with the field and the fix, in Chinese by default', () => {
    expect(() => parseProfile(tinyProfile(), 'tiny.json')).toThrow(
      'tiny.json：设备配置有误：\n  device.display.columns：至少 28 列(14 个汉字)；16 列 4 行的传统单色屏请写 "kind": "classic"',
    );
  });

  it("is a classic display when it says so, within a classic LCD's sizes", () => {
    expect(parseProfile(withDisplay({ kind: 'classic', columns: 16, rows: 4 }), 'classic.json').device.display).toEqual({
      kind: 'classic',
      columns: 16,
      rows: 4,
    });
    expect(() => parseProfile(withDisplay({ kind: 'classic', columns: 12, rows: 4 }), 'c.json')).toThrow(
      'device.display.columns：传统屏至少 16 列(8 个汉字)',
    );
    expect(() => parseProfile(withDisplay({ kind: 'classic', columns: 16, rows: 3 }), 'c.json')).toThrow(
      'device.display.rows：传统屏至少 4 行(标题行在内)',
    );
    expect(() => parseProfile(withDisplay({ kind: 'round', columns: 16, rows: 4 }), 'c.json')).toThrow(
      'device.display.kind："kind" 只能是 "smart"(默认)或 "classic"',
    );
  });

  describe('in English', () => {
    beforeEach(() => setToolLang('en'));
    afterEach(() => setToolLang('zh'));

    it('is refused with the field and the fix', () => {
      expect(() => parseProfile(tinyProfile(), 'tiny.json')).toThrow(/tiny\.json[\s\S]*device\.display\.columns[\s\S]*at least 28 columns/);
    });
  });
});
