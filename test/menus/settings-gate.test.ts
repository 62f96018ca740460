// The 设置 gate: the operator password is masked, wrong attempts are counted, too many lock the
// operator out for the profile's period, and the lockout lives in the flash (power, new process).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOT_MS, confMedium, createSimulator, loadProfile, type Simulator } from '../../src/index.js';

const PASSWORD = '123456';
const LOCKOUT_MS = 300_000;

const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
/** The prompt's entry line: one * per digit typed and the cursor. */
const entryLine = (sim: Simulator) => sim.screen().split('\n')[3]?.trim();

const enter = (sim: Simulator, password: string) => {
  sim.type(password);
  sim.press('确认');
};

/** From the home screen: 菜单 and three wrong passwords. */
const lockOut = (sim: Simulator) => {
  sim.press('菜单');
  for (const wrong of ['111111', '222222', '333333']) enter(sim, wrong);
  expect(states(sim)).toContain('passwordPrompt.lockedOut');
};

describe('设置 password gate', () => {
  it('asks for the password and masks it: one * per digit, never the digits', () => {
    const sim = createSimulator();
    sim.press('菜单');
    expect(sim.title()).toBe('请输入密码');
    expect(states(sim)).toEqual(['device.settings', 'settings.authenticating', 'passwordPrompt.entering']);
    expect(display(sim)).toContain('操作员 00 主管');
    expect(entryLine(sim)).toBe('_');

    // 7 shows nowhere else on this screen (status bar, operator line), so any 7 would be a leak.
    sim.type('7777');
    expect(entryLine(sim)).toBe('****_');
    expect(sim.screen()).not.toContain('7');
    sim.press('清除');
    expect(entryLine(sim)).toBe('***_');

    sim.press('清除', '清除', '清除');
    sim.type(PASSWORD);
    expect(entryLine(sim)).toBe('******_');
    expect(sim.screen()).not.toContain(PASSWORD);
    sim.press('确认');
    expect(sim.title()).toBe('设置');
    expect(states(sim)).toContain('settings.menu');
  });

  it('a wrong password says 密码错误 with the attempts left and clears the entry', () => {
    const sim = createSimulator();
    sim.press('菜单');
    enter(sim, '111111');
    expect(states(sim)).toContain('passwordPrompt.entering');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(entryLine(sim)).toBe('_');
    expect(sim.screen()).not.toContain('111111');
    expect(sim.store.snapshot().lockouts['00']).toEqual({ failedAttempts: 1 });

    enter(sim, '222222');
    expect(display(sim)).toContain('密码错误，还可尝试1次');

    // The right password resets the count.
    enter(sim, PASSWORD);
    expect(sim.title()).toBe('设置');
    expect(sim.store.snapshot().lockouts['00']).toEqual({ failedAttempts: 0 });
    sim.press('取消');
    sim.press('菜单');
    enter(sim, '333333');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
  });

  it('3 wrong passwords lock the operator out; even the right one is not accepted then', () => {
    const sim = createSimulator();
    lockOut(sim);
    expect(display(sim)).toContain('密码错误次数过多，已锁定');
    expect(display(sim)).toContain('请5分0秒后重试');
    const { lockouts, records } = sim.store.snapshot();
    expect(lockouts['00']).toEqual({ failedAttempts: 0, lockedUntil: sim.store.now() + LOCKOUT_MS });
    expect(records).toEqual([expect.objectContaining({ operator: '00', action: 'lockout' })]);

    enter(sim, PASSWORD);
    expect(states(sim)).toContain('passwordPrompt.lockedOut');

    sim.press('取消');
    expect(states(sim)).toEqual(['device.home']);
    sim.press('菜单');
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('密码错误次数过多，已锁定');
  });

  it.each([
    { how: 'a power cycle', restart: (sim: Simulator) => sim.powerCycle() },
    { how: 'a power cut', restart: (sim: Simulator) => sim.powerCut() },
  ])('the lockout survives $how', ({ restart }) => {
    const sim = createSimulator();
    lockOut(sim);
    sim.advance(60_000);
    restart(sim);
    sim.advance(BOOT_MS);
    expect(states(sim)).toEqual(['device.home']);
    sim.press('菜单');
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('请3分59秒后重试');
  });

  describe('on a conf medium', () => {
    const dirs: string[] = [];
    afterEach(() => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it('the lockout survives a new simulator on the same data', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pos-sim-gate-'));
      dirs.push(dir);
      const first = createSimulator({ medium: confMedium(dir, 'default') });
      lockOut(first);
      const lockedAt = first.store.now();
      first.stop();

      // The new process starts a minute later; 4 minutes (less its boot) are left.
      const second = createSimulator({ medium: confMedium(dir, 'default'), startTime: lockedAt + 60_000 - BOOT_MS });
      second.press('菜单');
      expect(states(second)).toContain('passwordPrompt.lockedOut');
      expect(display(second)).toContain('请4分0秒后重试');
      second.advance(4 * 60_000);
      expect(states(second)).toContain('passwordPrompt.entering');
      enter(second, PASSWORD);
      expect(second.title()).toBe('设置');
      second.stop();
    });
  });

  it("expires after the profile's lockout period, on the locked screen and from the home screen", () => {
    const sim = createSimulator();
    lockOut(sim);
    sim.advance(LOCKOUT_MS - 1);
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('请1秒后重试');
    sim.advance(1);
    expect(states(sim)).toContain('passwordPrompt.entering');
    expect(display(sim)).toContain('请输入密码');
    expect(display(sim)).not.toContain('已锁定');

    // A fresh set of attempts: one wrong is not a lockout again.
    enter(sim, '444444');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    enter(sim, PASSWORD);
    expect(sim.title()).toBe('设置');

    const waiting = createSimulator();
    lockOut(waiting);
    waiting.press('取消');
    waiting.advance(LOCKOUT_MS);
    waiting.press('菜单');
    expect(states(waiting)).toContain('passwordPrompt.entering');
  });

  it("follows the profile's attempts and lockout period, not fixed numbers", () => {
    const base = loadProfile('default');
    const profile = { ...base, security: { ...base.security, maxAttempts: 2, lockoutSeconds: 90 } };
    const sim = createSimulator({ fixture: profile });
    sim.press('菜单');
    enter(sim, '111111');
    expect(display(sim)).toContain('密码错误，还可尝试1次');
    enter(sim, '222222');
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('请1分30秒后重试');
    sim.advance(89_999);
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    sim.advance(1);
    expect(states(sim)).toContain('passwordPrompt.entering');
  });
});
