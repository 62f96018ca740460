// `pos-sim record`: what a person presses becomes a walkthrough that replays and passes, with
// waits for what the device did on its own and an expect on every new title.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { WalkthroughRecorder } from '../../src/walkthrough/recorder.js';
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

const replay = (text: string, env: NodeJS.ProcessEnv = {}) =>
  runWalkthrough(parseWalkthrough(text, 'recorded.yaml', env));

/** The default profile with the settings operator's password changed from the factory one. */
const withChangedPassword = (): Profile => {
  const profile = loadProfile('default');
  return {
    ...profile,
    operators: profile.operators.map((operator) => (operator.id === '00' ? { ...operator, passwordHash: hashPassword('246810') } : operator)),
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
    expect(text).toContain('type: "111111"');
    const result = replay(text);
    expect(result.failure?.message).toBeUndefined();
    expect(text.trimEnd().split('\n').at(-1)).toBe('  - expect: { title: "设置" }');
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
    expect(recorder.text()).toContain('type: "123456"');
    expect(recorder.text()).not.toContain('清除');
    expect(replay(recorder.text()).status).toBe('passed');
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
    expect(recorder.typesPassword).toBe(true);
    expect(() => parseWalkthrough(recorder.text(), 'recorded.yaml', {})).toThrow(/recorded\.yaml:\d+:\d+: type: \$POS_SIM_PASSWORD is not set/);
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
    expect(recorder.typesNewPassword).toBe(true);
    expect(recorder.typesPassword).toBe(false);
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
      /^recorded\.yaml:\d+:\d+: type: \$POS_SIM_PASSWORD 没有设置；请把这个环境变量设为要输入的数字\(如密码\)$/,
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
      await expect(recordWalkthrough({ ...options, file: 'notes.txt' })).rejects.toThrow('notes.txt：操作脚本文件须以 .yaml 或 .yml 结尾。');
      await expect(recordWalkthrough({ ...options, file: existing })).rejects.toThrow(`${existing} 已存在；请录制到一个新文件(未做任何修改)。`);
    } finally {
      process.stdin.isTTY = tty;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
