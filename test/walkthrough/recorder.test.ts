// `pos-sim record`: what a person presses becomes a walkthrough that replays and passes, with
// waits for what the device did on its own and an expect on every new title.
import { execFileSync } from 'node:child_process';
import { scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../menus/device-events.js';
import { recordWalkthrough } from '../../src/commands/record-walkthrough.js';
import { BOOT_MS, createSimulator, toKeyEvent } from '../../src/device/simulator.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { hashPassword } from '../../src/store/password-hash.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { replayCommand, WalkthroughRecorder } from '../../src/walkthrough/recorder.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

/** A device at power-on with a recorder in front of it; a person pauses 200 ms between keys. */
const recording = (profile: Profile = loadProfile('default')) => {
  const sim = createSimulator({ fixture: profile, stayAtBoot: true });
  const saved: string[] = [];
  const recorder = new WalkthroughRecorder({
    session: sim.session,
    fixture: 'default',
    name: 'recorded',
    dir: 'fixtures/walkthroughs',
    now: () => sim.store.now(),
    onChange: (text) => saved.push(text),
  });
  sim.advance(BOOT_MS + 500);
  const send = (event: DeviceEvent) => {
    recorder.send(event);
    sim.advance(200);
  };
  const press = (...keys: string[]) => keys.forEach((key) => send(toKeyEvent(key)));
  const type = (digits: string) => press(...digits);
  return { sim, recorder, saved, send, press, type };
};

const replay = (text: string, env: NodeJS.ProcessEnv = {}) => runWalkthrough(parseWalkthrough(text, 'recorded.yaml', env));

/**
 * Replays a recording made on a profile of its own: the default profile's file with `change` made to
 * it, written beside the walkthrough, stands in for the recording's `fixture: default`.
 */
const replayOn = (
  change: (profile: { operators: { passwordHash: string }[]; sale: { cardPinHash: string } }) => void,
  text: string,
  env: NodeJS.ProcessEnv,
) => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-replay-'));
  try {
    const profile = JSON.parse(readFileSync('fixtures/profiles/default.json', 'utf8')) as Parameters<typeof change>[0] & {
      $schema?: string;
    };
    delete profile.$schema;
    change(profile);
    const file = join(dir, 'default.json');
    writeFileSync(file, JSON.stringify(profile));
    return runWalkthrough(
      parseWalkthrough(text.replace('fixture: "default"', `fixture: ${JSON.stringify(file)}`), join(dir, 'recorded.yaml'), env),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** 246810 hashed once for the file: each hash costs a sixth of a second. */
const HASH_OF_246810 = hashPassword('246810');

/** The default profile with the settings operator's password changed from the factory one. */
const withChangedPassword = (): Profile => {
  const profile = loadProfile('default');
  return {
    ...profile,
    operators: profile.operators.map((operator) => (operator.id === '00' ? { ...operator, passwordHash: HASH_OF_246810 } : operator)),
  };
};

describe('the recorder', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('writes P2 with a restart as a walkthrough that replays', () => {
    const { sim, recorder, saved, press, type } = recording();
    press('菜单');
    type('123456');
    press('确认', '2', '确认', '确认', '8', '确认');
    type('123456');
    press('确认', '确认');
    sim.advance(5000);
    press('菜单');
    const text = recorder.text();
    expect(sim.store.snapshot().passwordFree.active.enabled).toBe(false);
    expect(text).toMatch(/expect: \{ title: "重启" \}\n {2}- wait: 2400ms\n {2}- expect: \{ title: "上海浦东便利店" \}/);
    expect(text).toContain('expect: { title: "请输入密码" }');
    expect(text).toContain('type: "123456"');
    expect(saved.at(-1)).toBe(text);
    const result = replay(text);
    expect(result.failure?.message).toBeUndefined();
    expect(result.status).toBe('passed');
  });

  it('waits out what the device does by itself: a restart and a lockout', () => {
    const { sim, recorder, press, type, send } = recording();
    press('菜单');
    for (const wrong of ['111111', '222222', '333333']) {
      type(wrong);
      press('确认');
    }
    expect(sim.session.activeStates()).toContain('passwordPrompt.lockedOut');
    sim.advance(300_000);
    press('取消');
    send({ type: 'POWER_CYCLE' });
    sim.advance(BOOT_MS + 1000);
    press('菜单');
    type('123456');
    press('确认');
    recorder.stop();
    const text = recorder.text();
    expect(text).toMatch(/wait: (29\d\.\d|300)\S*/);
    expect(text).toContain('power: cycle');
    // Mistyped passwords are secrets too (one digit off the real one, often): typed from the environment.
    expect(text).not.toMatch(/111111|222222|333333/);
    expect(text.match(/type: \$POS_SIM_WRONG_PASSWORD/g)).toHaveLength(3);
    const result = replay(text, { POS_SIM_WRONG_PASSWORD: '999999' });
    expect(result.failure?.message).toBeUndefined();
    // The login at the end is the known opening: a call of the shipped piece.
    expect(text.trimEnd().split('\n').at(-1)).toBe('  - run: pos-sim:_lib/login.yaml');
  });

  it('records a power cut and the network as steps that replay', () => {
    const { sim, recorder, press, type, send } = recording();
    press('菜单');
    type('123456');
    press('确认', '2', '确认', '确认', '8');
    type('123456');
    press('确认', '取消');
    recorder.powerCut();
    sim.advance(BOOT_MS + 300);
    send({ type: 'NETWORK_DOWN' });
    press('菜单');
    recorder.stop();
    const text = recorder.text();
    expect(text).toContain('  - power: cut\n  - expect: { title: "上海浦东便利店" }');
    expect(text).toContain('  - network: down\n  - press: 菜单');
    expect(sim.store.snapshot().passwordFree.active.enabled).toBe(false);
    expect(replay(text).failure?.message).toBeUndefined();
  });

  it('keeps a digit deleted with 清除 out of what it types', () => {
    const { recorder, press, type } = recording();
    press('菜单');
    type('1239');
    press('清除');
    type('456');
    press('确认');
    // What was typed is the factory password: the opening is written as the login piece.
    expect(recorder.text()).toContain('  - run: pos-sim:_lib/login.yaml\n');
    expect(recorder.text()).not.toMatch(/清除|type:/);
    expect(replay(recorder.text()).status).toBe('passed');
  });

  it('writes the known opening (菜单, the factory password, 确认, into 设置) as a call of the shipped login piece, wherever it comes', () => {
    const { recorder, press, type } = recording();
    // 下 does nothing on the home screen: it stays in the press step before the call.
    press('下', '菜单');
    type('123456');
    press('确认', '1', '取消', '取消', '菜单');
    type('123456');
    press('确认');
    recorder.stop();
    expect(recorder.text().split('steps:\n')[1]).toBe(
      [
        // The boot's end, as every recording starts.
        '  - expect: { title: "上海浦东便利店" }',
        '  - press: 下',
        '  - run: pos-sim:_lib/login.yaml',
        '  - press: 1',
        '  - expect: { title: "绑定管理" }',
        '  - press: 取消',
        '  - expect: { title: "设置" }',
        '  - press: 取消',
        '  - expect: { title: "上海浦东便利店" }',
        '  - run: pos-sim:_lib/login.yaml',
        '',
      ].join('\n'),
    );
    const result = replay(recorder.text());
    expect(result.failure?.message).toBeUndefined();
    expect(result.status).toBe('passed');
  });

  it('never writes a password that is not a factory one: it types $POS_SIM_PASSWORD instead', () => {
    const { recorder, saved, press, type } = recording(withChangedPassword());
    press('菜单');
    type('246');
    expect(saved.join('\n')).not.toContain('246');
    type('810');
    press('确认');
    recorder.stop();
    expect(saved.join('\n')).not.toContain('246810');
    expect(recorder.text()).toContain('type: $POS_SIM_PASSWORD');
    expect(recorder.variables).toEqual(['POS_SIM_PASSWORD']);
    expect(() => parseWalkthrough(recorder.text(), 'recorded.yaml', {})).toThrow(
      /recorded\.yaml:\d+:\d+: type: \$POS_SIM_PASSWORD is not set/,
    );
  });

  it('never writes a mistyped password: it types $POS_SIM_WRONG_PASSWORD, and the replay is refused as the recording was', () => {
    const { recorder, saved, press, type } = recording(withChangedPassword());
    press('菜单');
    // One digit off the real password 246810.
    type('246811');
    press('确认');
    type('246810');
    press('确认');
    recorder.stop();
    const text = recorder.text();
    expect(saved.join('\n')).not.toMatch(/24681[01]/);
    expect(text).toMatch(/type: \$POS_SIM_WRONG_PASSWORD\n {2}- press: 确认\n[^]*type: \$POS_SIM_PASSWORD\n/);
    expect(recorder.variables).toEqual(['POS_SIM_WRONG_PASSWORD', 'POS_SIM_PASSWORD']);
    expect(text).toContain('Types a wrong password from $POS_SIM_WRONG_PASSWORD');
    const result = replayOn(
      (profile) => {
        const supervisor = profile.operators[0];
        if (supervisor) supervisor.passwordHash = HASH_OF_246810;
      },
      text,
      { POS_SIM_WRONG_PASSWORD: '135790', POS_SIM_PASSWORD: '246810' },
    );
    expect(result.failure?.message).toBeUndefined();
    expect(text).toContain('expect: { title: "设置" }');
  });

  it('never writes a card PIN that is not the factory one: the right and a wrong one are typed from the environment', () => {
    const profile = loadProfile('default');
    const cardPinHash = hashPassword('369258');
    const { sim, recorder, saved, press, type } = recording({ ...profile, sale: { ...profile.sale, cardPinHash } });
    // A chip payment of 10.00元 always asks for the PIN.
    press('确认', '1', '0', '0', '0', '确认', '2');
    type('963852');
    press('确认');
    sim.advance(3000);
    type('369258');
    press('确认');
    sim.advance(3000);
    recorder.stop();
    const text = recorder.text();
    expect(saved.join('\n')).not.toMatch(/963852|369258|9,? 6,? 3|3,? 6,? 9/);
    expect(text).toMatch(/type: \$POS_SIM_WRONG_CARD_PIN\n[^]*type: \$POS_SIM_CARD_PIN\n/);
    expect(recorder.variables).toEqual(['POS_SIM_WRONG_CARD_PIN', 'POS_SIM_CARD_PIN']);
    expect(sim.session.matchText()).toContain('交易成功');
    const result = replayOn(
      (changed) => {
        changed.sale.cardPinHash = cardPinHash;
      },
      text,
      { POS_SIM_WRONG_CARD_PIN: '111111', POS_SIM_CARD_PIN: '369258' },
    );
    expect(result.failure?.message).toBeUndefined();
  });

  it('writes keys pressed on the phone as phone: steps, the factory wallet password as it is, and a new phone title as expect.phone', () => {
    const { sim, recorder, saved, send, press, type } = recording();
    const phone = (...keys: string[]) => keys.forEach((key) => recorder.sendPhone(toKeyEvent(key)) ?? sim.advance(200));
    // 微信 → 我 → 服务 → 钱包 → 支付设置 → 免密支付, switched off with the payment password.
    phone('3', '2', '1', '1', '2', '1');
    expect(sim.phone.title()).toBe('免密支付');
    phone('确认', '1', '1', '2', '2', '3', '3');
    expect(sim.phone.title()).toBe('免密支付');
    expect(sim.phone.screen()).toContain('已关闭小额免密支付');
    phone('确认', '取消', '取消', '取消', '取消', '取消', '取消');
    // The proof on the terminal: the payer confirms on the phone.
    press('确认');
    type('1000');
    press('确认', '3', '2');
    phone('1', '1', '2', '2', '3', '3');
    sim.advance(3000);
    send(toKeyEvent('确认'));
    recorder.stop();
    const text = recorder.text();
    expect(text).toContain('  - phone: { press: 3 }\n  - expect: { phone: { title: "微信" } }\n  - phone: { press: 2 }\n');
    expect(text).toMatch(
      / {2}- phone: \{ press: 确认 \}\n {2}- expect: \{ phone: \{ title: "请输入支付密码" \} \}\n {2}- phone: \{ type: "112233" \}\n/,
    );
    expect(text).toMatch(
      / {2}- expect: \{ title: "请付款人在手机上确认" \}\n[^]* {2}- phone: \{ type: "112233" \}\n[^]*expect: \{ title: "交易成功" \}/,
    );
    expect(recorder.variables).toEqual([]);
    expect(saved.length).toBeGreaterThan(10);
    expect(replay(text).failure?.message).toBeUndefined();
  });

  it('never writes a wallet payment password that is not the factory one, nor a mistyped one', () => {
    const profile = loadProfile('default');
    const paymentPasswordHash = hashPassword('975310');
    const wallets = profile.phone.wallets.map((wallet) => ({ ...wallet, paymentPasswordHash }));
    const { sim, recorder, saved } = recording({ ...profile, phone: { ...profile.phone, wallets } });
    const phone = (...keys: string[]) => keys.forEach((key) => recorder.sendPhone(toKeyEvent(key)) ?? sim.advance(200));
    phone('3', '2', '1', '1', '2', '1', '确认');
    phone(...'135790', ...'975310');
    recorder.stop();
    const text = recorder.text();
    expect(saved.join('\n')).not.toMatch(/135790|975310|1,? 3,? 5|9,? 7,? 5/);
    expect(text).toMatch(/phone: \{ type: \$POS_SIM_WRONG_WALLET_PASSWORD \}\n[^]*phone: \{ type: \$POS_SIM_WALLET_PASSWORD \}\n/);
    expect(recorder.variables).toEqual(['POS_SIM_WRONG_WALLET_PASSWORD', 'POS_SIM_WALLET_PASSWORD']);
    expect(text).toContain('$POS_SIM_WALLET_PASSWORD: set it when you run this');
  });

  it('writes the factory card PIN as it is', () => {
    const { sim, recorder, press, type } = recording();
    press('确认', '1', '0', '0', '0', '确认', '2');
    type('147258');
    press('确认');
    sim.advance(3000);
    recorder.stop();
    expect(recorder.text()).toContain('type: "147258"');
    expect(recorder.variables).toEqual([]);
    expect(replay(recorder.text()).failure?.message).toBeUndefined();
  });

  it("a password whose hash the device made anew at today's cost is still the password, not a new one", () => {
    const profile = loadProfile('default');
    // 246810 hashed as pos-sim did before the cost was raised (N=2^10, no cost in the hash).
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const legacy = `scrypt$${salt.toString('hex')}$${scryptSync('246810', salt, 32, { N: 1024, r: 8, p: 1 }).toString('hex')}`;
    const { recorder, press, type } = recording({
      ...profile,
      operators: profile.operators.map((operator) => (operator.id === '00' ? { ...operator, passwordHash: legacy } : operator)),
    });
    for (let time = 0; time < 2; time += 1) {
      press('菜单');
      type('246810');
      press('确认', '取消');
    }
    recorder.stop();
    expect(recorder.text().match(/type: \$POS_SIM_PASSWORD\n/g)).toHaveLength(2);
    expect(recorder.variables).toEqual(['POS_SIM_PASSWORD']);
  });

  it('never writes a new password (修改密码): it types $POS_SIM_NEW_PASSWORD, also when logging in with it later', () => {
    const { recorder, saved, press, type } = recording();
    press('菜单');
    type('123456');
    press('确认', '3');
    type('123456');
    press('确认');
    type('246813');
    press('确认');
    type('246813');
    press('确认', '确认', '取消', '菜单');
    type('246813');
    press('确认');
    recorder.stop();
    const text = recorder.text();
    expect(saved.join('\n')).not.toContain('246813');
    expect(text.match(/type: \$POS_SIM_NEW_PASSWORD/g)).toHaveLength(3);
    expect(text).toContain('Types the new password (修改密码) from $POS_SIM_NEW_PASSWORD.');
    expect(recorder.variables).toEqual(['POS_SIM_NEW_PASSWORD']);
    const result = replay(text, { POS_SIM_NEW_PASSWORD: '246813' });
    expect(result.failure?.message).toBeUndefined();
    expect(result.status).toBe('passed');
  });
});

describe('the recorder in Chinese (the default language)', () => {
  it('heads the file with a Chinese comment saying where the password comes from', () => {
    const { recorder, press, type } = recording(withChangedPassword());
    press('菜单');
    type('246810');
    press('确认');
    recorder.stop();
    const [schema, comment] = recorder.text().split('\n');
    expect(schema).toMatch(/^# yaml-language-server: /);
    expect(comment).toBe('# 由 `pos-sim record` 录制。密码从 $POS_SIM_PASSWORD 输入：回放前请设置它。');
    expect(() => parseWalkthrough(recorder.text(), 'recorded.yaml', {})).toThrow(
      /^recorded\.yaml:\d+:\d+: type: \$POS_SIM_PASSWORD 没有设置；请把这个环境变量设为要输入的数字\(如密码\)，或用 --env POS_SIM_PASSWORD=… 给出$/,
    );
  });

  it('pos-sim record refuses, in Chinese, without a terminal, a file that is not YAML, or one that exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-sim-record-'));
    const existing = join(dir, 'done.yaml');
    writeFileSync(existing, 'name: done\n');
    const options = { profile: loadProfile('default'), fixture: 'default', lang: 'zh' } as const;
    const tty = process.stdin.isTTY;
    try {
      process.stdin.isTTY = false;
      await expect(recordWalkthrough({ ...options, file: join(dir, 'new.yaml') })).rejects.toThrow('pos-sim record 需要交互式终端。');
      process.stdin.isTTY = true;
      await expect(recordWalkthrough({ ...options, file: 'notes.txt' })).rejects.toThrow(
        'notes.txt：操作脚本文件须以 .yaml 或 .yml 结尾。',
      );
      await expect(recordWalkthrough({ ...options, file: existing })).rejects.toThrow(
        `${existing} 已存在；请录制到一个新文件(未做任何修改)。`,
      );
    } finally {
      process.stdin.isTTY = tty;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the replay command pos-sim record prints', () => {
  it('names the file so that a shell reads it back, whatever it is called', () => {
    const file = `my walks/it's #1 ]]> "x" $HOME.yaml`;
    const command = replayCommand(file, ['POS_SIM_WRONG_PASSWORD']);
    expect(command).toMatch(/^POS_SIM_WRONG_PASSWORD=\S.* pos-sim run /);
    const words = command.slice(command.indexOf('pos-sim run'));
    expect(execFileSync('sh', ['-c', `set -- ${words}; printf %s "$#:$3"`], { encoding: 'utf8' })).toBe(`3:${file}`);
    expect(replayCommand('qa/p1.yaml', [])).toBe('pos-sim run qa/p1.yaml');
  });
});
