// A walkthrough's header: a name in each language the tool speaks (reports show the one for
// --lang), a profile that may be left out (default), and a profile that does not exist reported at
// its line:col together with the file's other problems.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { shippedProfileNames } from '../../src/profile/load-profile.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { formatResults } from '../../src/walkthrough/reporters/index.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';
import { thrownMessage } from '../support/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-name-and-fixture-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setToolLang('zh'));

/** Writes a walkthrough into a fresh folder and returns its path. */
const written = (name: string, text: string): string => {
  const folder = mkdtempSync(join(dir, 'suite-'));
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
};

const BOOT_STEPS = 'steps:\n  - expect: 商户号\n';
const CLOSE_WECHAT = `name: { zh: 关闭微信支付, en: Close WeChat Pay }\nfixture: default\n${BOOT_STEPS}`;
const CJK = /[\u4e00-\u9fff]/;

describe('a walkthrough name in both languages', () => {
  it('is the Chinese one by default and the English one with --lang en', () => {
    expect(parseWalkthrough(CLOSE_WECHAT, 'wechat.yaml', {}).name).toBe('关闭微信支付');
    setToolLang('en');
    expect(parseWalkthrough(CLOSE_WECHAT, 'wechat.yaml', {}).name).toBe('Close WeChat Pay');
  });

  it('falls back to the other language when one is missing, and plain text stays as written', () => {
    setToolLang('en');
    expect(parseWalkthrough(`name: { zh: 只有中文 }\n${BOOT_STEPS}`, 'zh-only.yaml', {}).name).toBe('只有中文');
    expect(parseWalkthrough(`name: 关闭微信支付\n${BOOT_STEPS}`, 'plain.yaml', {}).name).toBe('关闭微信支付');
    setToolLang('zh');
    expect(parseWalkthrough(`name: { en: English only }\n${BOOT_STEPS}`, 'en-only.yaml', {}).name).toBe('English only');
  });

  it('heads the run report in the tool language', () => {
    setToolLang('en');
    const report = formatResults('pretty', [runWalkthrough(parseWalkthrough(CLOSE_WECHAT, 'wechat.yaml', {}))]);
    expect(report.split('\n')[0]).toMatch(/^✓ Close WeChat Pay {2}\(1 step, \d+\.\d ms\)$/);
  });

  it('is checked at its line:col like any other field', () => {
    const bad = `name: { zh: 关闭微信支付, fr: Fermer }\nfixture: default\n${BOOT_STEPS}`;
    expect(thrownMessage(() => parseWalkthrough(bad, 'bad.yaml', {}))).toBe('bad.yaml:1:21: name 没有 "fr"；请用 zh, en');
    expect(thrownMessage(() => parseWalkthrough(`name: { en: "" }\n${BOOT_STEPS}`, 'empty.yaml', {}))).toBe(
      'empty.yaml:1:13: name.en 要写文字',
    );
    setToolLang('en');
    expect(thrownMessage(() => parseWalkthrough(`name: {}\n${BOOT_STEPS}`, 'none.yaml', {}))).toBe(
      'none.yaml:1:7: name: give the walkthrough a name, as text or one per language: { zh: …, en: … }',
    );
  });

  it('is given in English for every shipped walkthrough, and in Chinese as before', () => {
    const chinese = loadWalkthroughs(['fixtures/walkthroughs']);
    setToolLang('en');
    const english = loadWalkthroughs(['fixtures/walkthroughs']);
    expect(english.filter((walkthrough) => CJK.test(walkthrough.name)).map((walkthrough) => walkthrough.file)).toEqual([]);
    expect(chinese.filter((walkthrough) => !CJK.test(walkthrough.name)).map((walkthrough) => walkthrough.file)).toEqual([]);
    expect(english.map((walkthrough) => walkthrough.file)).toContain(
      join(process.cwd(), 'fixtures/walkthroughs/working-day/shift-on-every-model.yaml'),
    );
  });
});

describe('a walkthrough without fixture:', () => {
  it('plays on the default profile', () => {
    const walkthrough = parseWalkthrough(`name: 开机\n${BOOT_STEPS}`, 'boot.yaml', {});
    expect(walkthrough.fixture).toBe('default');
    expect(runWalkthrough(walkthrough).status).toBe('passed');
  });

  it('loads from a file, and --fixture still replaces it', () => {
    const file = written('boot.yaml', `name: 开机\n${BOOT_STEPS}`);
    expect(loadWalkthroughs([file]).map((walkthrough) => walkthrough.fixture)).toEqual(['default']);
    expect(loadWalkthroughs([file], 'offline').map((walkthrough) => walkthrough.fixture)).toEqual(['offline']);
  });

  it('is told the fixture may be left out when the value is empty', () => {
    expect(thrownMessage(() => parseWalkthrough(`name: 开机\nfixture:\n${BOOT_STEPS}`, 'empty.yaml', {}))).toBe(
      'empty.yaml:2:9: fixture：请给出设备配置的名称(如 default)或 .json 设备配置文件的路径；不写 fixture 即用 default',
    );
  });
});

describe('a fixture that does not exist', () => {
  const BAD = `name: 坏脚本\nfixture: nope\nsteps:\n  - press: 确定\n`;

  it('is reported at its line:col together with the other problems of the file', () => {
    const file = written('fx.yaml', BAD);
    expect(thrownMessage(() => loadWalkthroughs([file])).split('\n')).toEqual([
      `${file}:2:10: fixture: 没有名为 "nope" 的设备配置。自带的设备配置有：${shippedProfileNames().join(', ')}；也可以给出 .json 文件的路径。`,
      expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:12: 设备没有 "确定" 键；`)),
    ]);
  });

  it('names the missing profile file when the fixture is a path', () => {
    setToolLang('en');
    const file = written('path.yaml', `name: x\nfixture: profiles/missing.json\n${BOOT_STEPS}`);
    expect(thrownMessage(() => loadWalkthroughs([file]))).toBe(
      `${file}:2:10: fixture: No device profile at ${join(file, '..', 'profiles/missing.json')}.`,
    );
  });

  it('does not matter when --fixture replaces it', () => {
    const file = written('fx.yaml', `name: 坏脚本\nfixture: nope\n${BOOT_STEPS}`);
    expect(loadWalkthroughs([file], 'default').map((walkthrough) => walkthrough.fixture)).toEqual(['default']);
  });

  it('is told apart from a profile that exists but is not valid, which is about the profile file', () => {
    const file = written('broken-profile.yaml', `name: x\nfixture: profiles/broken.json\n${BOOT_STEPS}`);
    mkdirSync(join(file, '..', 'profiles'));
    writeFileSync(join(file, '..', 'profiles', 'broken.json'), '{ "name": 1 }\n');
    expect(thrownMessage(() => loadWalkthroughs([file]))).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: fixture: .*broken\\.json：设备配置有误：\n`),
    );
  });
});
