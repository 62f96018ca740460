// `pos-sim paths`: xstate/graph finds a shortest key path to every menu state, and each one,
// written as a walkthrough, replays and ends where it says.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPaths } from '../../src/commands/list-paths.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { hashPassword } from '../../src/store/password-hash.js';
import { allMenuStates, pathToWalkthrough, shortestMenuPaths, type ModelPath } from '../../src/walkthrough/model-paths.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The default profile with the settings operator's password changed from the factory one. */
const withChangedPassword = () => {
  const profile = loadProfile('default');
  return {
    ...profile,
    operators: profile.operators.map((operator) =>
      operator.id === '00' ? { ...operator, passwordHash: hashPassword('246810') } : operator,
    ),
  };
};

/** States that need a main menu with an item the terminal does not offer (预授权 on classic-s80). */
const ONLY_ON_CLASSIC = ['mainMenu.unavailable'];

/** The default profile's paths, searched once for the tests that read them. */
let defaultPaths: ModelPath[] | undefined;
const pathsOnDefault = () => (defaultPaths ??= shortestMenuPaths(loadProfile('default'), '123456'));

/** A path's steps as words: an action, with what it typed after a colon (trace:000001). */
const stepsTo = (target: string): string[] =>
  (pathsOnDefault().find((path) => path.target === target)?.actions ?? []).map((step) =>
    step.digits === undefined ? step.type : `${step.type}:${step.digits}`,
  );

/** The 0.08元 tap sale, approved and printed, back home: what 撤销 and 退货 start from. */
const A_SALE = ['确认', '8', '确认', '1', 'waitHost', '确认'];

describe('model-based paths', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('reach every menu state on the default profile, each by a shortest path', () => {
    expect(pathsOnDefault().map((path) => path.target)).toEqual(allMenuStates().filter((state) => !ONLY_ON_CLASSIC.includes(state)));
    expect(stepsTo('settings.menu')).toEqual(['菜单', 'password', '确认']);
    expect(stepsTo('passwordPrompt.lockedOut')).toEqual([
      '菜单',
      'wrongPassword',
      '确认',
      'wrongPassword',
      '确认',
      'wrongPassword',
      '确认',
    ]);
    expect(stepsTo('bindingManagement.offline')).toContain('networkDown');
  });

  it("reach the working day's states the way a technician would: a sale before its 撤销 or 退货, typed by the numbers a fresh device gives it", () => {
    // On the simulated clock the first sale of a fresh device is 凭证号 000001, 参考号 090003000001 (09:00:03), on 0601.
    expect(stepsTo('voidSale.approved')).toEqual([
      ...A_SALE,
      'F1',
      '2',
      'password',
      '确认',
      'trace:000001',
      '确认',
      '确认',
      '1',
      'waitHost',
    ]);
    expect(stepsTo('voidSale.notFound')).toEqual(['F1', '2', 'password', '确认', 'wrongTrace:999999', '确认']);
    expect(stepsTo('refund.notFound')).toEqual([
      ...A_SALE,
      'F1',
      '3',
      'password',
      '确认',
      'reference:090003000001',
      '确认',
      'wrongDate:0602',
      '确认',
    ]);
    // More than is left of the 8 fen sale, or all of it.
    expect(stepsTo('refund.overLimit').slice(-2)).toEqual(['refundOver:9', '确认']);
    expect(stepsTo('refund.approved')).toContain('refundLeft:8');
    // Nothing is left to refund once the sale is voided.
    const nothingLeft = stepsTo('refund.nothingLeft');
    expect(nothingLeft.indexOf('trace:000001')).toBeGreaterThan(0);
    expect(nothingLeft.indexOf('trace:000001')).toBeLessThan(nothingLeft.indexOf('reference:090003000001'));
    // Refused: the sale was paid with a wallet (扫码 云闪付) whose service was closed in 设置 afterwards.
    const refused = stepsTo('voidSale.refused');
    expect(refused.slice(0, 5)).toEqual(['确认', '8', '确认', '3', '1']);
    expect(refused.indexOf('菜单')).toBeGreaterThan(refused.indexOf('waitHost'));
    expect(refused.indexOf('菜单')).toBeLessThan(refused.indexOf('F1'));
    // 请先签到 and 签到 need a 签退 first; 签到 is refused once the merchant account is unbound (资金清算 waited out).
    expect(stepsTo('mainMenu.signInFirst').slice(0, 4)).toEqual(['F1', '5', '2', '确认']);
    const signInRefused = stepsTo('signIn.refused');
    expect(signInRefused.indexOf('waitSettlement')).toBeLessThan(signInRefused.indexOf('cashierId:01'));
    // Binding again: an account unbound first (资金清算 waited out), then its new number typed.
    const bindReview = stepsTo('bind.review');
    expect(bindReview.indexOf('waitSettlement')).toBeLessThan(bindReview.indexOf('merchantNumber:898310058120134'));
    expect(stepsTo('printJob.paperOut')).toEqual(['paperOut', ...A_SALE.slice(0, 5)]);
  });

  it("reach the phone's states by the payer's keys, and the terminal's wait for the payer by a wallet switched off on the phone", () => {
    expect(stepsTo('phone.home')).toEqual([]);
    expect(stepsTo('walletCards.closed')).toEqual([
      'phone:2',
      'phone:2',
      'phone:1',
      'phone:确认',
      'phone:确认',
      'phone:确认',
      'phone:1',
      'walletPassword',
    ]);
    expect(stepsTo('walletCards.byCode.void').filter((step) => step === 'wrongWalletCode')).toHaveLength(3);
    // 短信 has something to read once a wallet texted a code (短信验证码 picked to close a card's service).
    const reading = stepsTo('phone.reading');
    expect(reading.slice(0, 7)).toEqual(['phone:2', 'phone:2', 'phone:1', 'phone:确认', 'phone:确认', 'phone:确认', 'phone:2']);
    expect(reading.slice(-2)).toEqual(['phone:1', 'phone:确认']);
    // A QR payment waits for the payer only once the wallet's 小额免密 is off (0.08元 is under every limit).
    const awaiting = stepsTo('sale.awaitingPayer');
    expect(awaiting.indexOf('walletPassword')).toBeLessThan(awaiting.indexOf('确认'));
    expect(awaiting.slice(-5)).toEqual(['确认', '8', '确认', '3', awaiting.at(-1)]);
    expect(stepsTo('sale.payerCancelled').slice(-1)).toEqual(['phone:取消']);
    const text = pathToWalkthrough(
      pathsOnDefault().find((path) => path.target === 'walletCards.closed') as ModelPath,
      'default',
      '"123456"',
      300,
      dir,
      300,
    );
    expect(text).toContain('  - phone: { press: [2, 2, 1, 确认, 确认, 确认, 1] }\n  - phone: { type: "112233" }\n');
    expect(text).toContain('  - expect: { phone: { state: walletCards.closed } }\n');
    expect(runWalkthrough(parseWalkthrough(text, join(dir, 'closed.yaml'), {})).failure?.message).toBeUndefined();
  });

  it("write what the device decided as the digits it typed, and the host's answer as a wait", () => {
    const path = pathsOnDefault().find((candidate) => candidate.target === 'voidSale.approved') as ModelPath;
    const text = pathToWalkthrough(path, 'default', '"123456"', 300, dir, 300);
    expect(text).toContain('  - type: "000001"\n');
    expect(text).toContain('  - wait: 1500ms\n');
    expect(text).toContain('  - expect: { state: voidSale.approved }\n');
    expect(runWalkthrough(parseWalkthrough(text, join(dir, 'void.yaml'), {})).failure?.message).toBeUndefined();
  });

  it('open 设置 with POS_SIM_PASSWORD when the profile has no factory password, and refuse a wrong one', () => {
    const changed = withChangedPassword();
    expect(() => listPaths({ profile: changed, fixture: 'default', write: undefined }, {})).toThrow(/POS_SIM_PASSWORD/);
    expect(() => listPaths({ profile: changed, fixture: 'default', write: undefined }, { POS_SIM_PASSWORD: '111111' })).toThrow(
      /not the password/,
    );
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    const lines = listPaths({ profile: changed, fixture: file, write: join(dir, 'changed') }, { POS_SIM_PASSWORD: '246810' });
    const total = allMenuStates().length;
    expect(lines).toContain(`${total - ONLY_ON_CLASSIC.length} of ${total} menu states reached on default.`);
    expect(lines.slice(-ONLY_ON_CLASSIC.length)).toEqual(ONLY_ON_CLASSIC.map((state) => `  ${state}`));
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
    expect(lines.find((line) => line.startsWith('bind.review '))).toMatch(/ F1 1 \(新结算卡卡号 6228480076543211\) 确认$/);
    expect(lines).toContain('在此设备配置上到达不了：');
    expect(lines).toContain('  bindingManagement.confirming');
    expect(lines.find((line) => line.startsWith('在设备配置 unbound 上到达了 '))).toMatch(
      /^在设备配置 unbound 上到达了 \d+ 个菜单状态中的 \d+ 个。$/,
    );
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
      {
        target: 'passwordPrompt.checking',
        actions: [{ type: '菜单' }, { type: 'password' }, { type: '确认' }],
        endsIn: false,
        active: ['device.settings', 'settings.menu'],
        phoneActive: ['phone.home'],
      },
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
