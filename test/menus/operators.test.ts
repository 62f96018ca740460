// Operators as real terminals have them: 00 主管 (6 digits), 99 系统管理员 (8), 01 操作员 (4), each
// with their own password and their own lockout. Who may open 设置, whose password 注销 and 保存
// ask for, and 修改密码: old password, new twice, the role's length, stored as a new salted hash.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOT_MS, confMedium, createSimulator, loadProfile, parseProfile, type Simulator } from '../../src/index.js';
import { PASSWORD_HASH_PATTERN, verifyPassword } from '../../src/store/password-hash.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';

const SUPERVISOR = '123456';
const ADMIN = '12345678';
const OPERATOR = '0000';

const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
const stored = (sim: Simulator) => sim.store.snapshot();

const simulators: Simulator[] = [];
const device = (...options: Parameters<typeof createSimulator>): Simulator => {
  const sim = createSimulator(...options);
  simulators.push(sim);
  return sim;
};
afterEach(() => {
  for (const sim of simulators.splice(0)) sim.stop();
});

const enter = (sim: Simulator, password: string) => {
  sim.type(password);
  sim.press('确认');
};

/** 菜单, then 下 `downs` times on the prompt (0: 00 主管, 1: 01 操作员, 2: 99 系统管理员), then the password. */
const logIn = (sim: Simulator, downs: number, password: string) => {
  sim.press('菜单');
  for (let index = 0; index < downs; index += 1) sim.press('下');
  enter(sim, password);
};

const AS_ADMIN = 2;
const AS_OPERATOR = 1;

describe('the 设置 prompt: who logs in', () => {
  it('starts at the profile’s settings operator, 00 主管, and 上/下 cycle through the operators', () => {
    const sim = device();
    sim.press('菜单');
    expect(sim.title()).toBe('请输入密码');
    expect(display(sim)).toContain('操作员 00 主管');
    expect(display(sim)).toContain('按[上][下]切换操作员');
    sim.press('下');
    expect(display(sim)).toContain('操作员 01 收银员');
    sim.press('下');
    expect(display(sim)).toContain('操作员 99 系统管理员');
    sim.press('下');
    expect(display(sim)).toContain('操作员 00 主管');
    sim.press('上');
    expect(display(sim)).toContain('操作员 99 系统管理员');
    expect(states(sim)).toContain('passwordPrompt.entering');
  });

  it('switching clears what was typed and the last 密码错误', () => {
    const sim = device();
    sim.press('菜单');
    enter(sim, '111111');
    // The 主管's own words on terminals: 主管密码错.
    expect(display(sim)).toContain('主管密码错误，还可尝试2次');
    sim.type('12');
    expect(sim.screen()).toContain('**_');
    sim.press('下');
    expect(sim.screen()).toContain('  _');
    expect(sim.screen()).not.toContain('*');
    expect(display(sim)).not.toContain('密码错误');
  });

  it('the 系统管理员 opens 设置 with their 8-digit password; the 主管’s password is wrong for them', () => {
    const sim = device();
    sim.press('菜单', '上');
    enter(sim, SUPERVISOR);
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(display(sim)).not.toContain('主管密码错');
    expect(stored(sim).lockouts).toEqual({ '99': { failedAttempts: 1 } });
    sim.type(ADMIN);
    expect(sim.screen()).toContain('********_');
    expect(sim.screen()).not.toContain(ADMIN);
    sim.press('确认');
    expect(sim.title()).toBe('设置');
    expect(states(sim)).toContain('settings.menu');
    expect(stored(sim).lockouts).toEqual({ '99': { failedAttempts: 0 } });
  });

  it('an ordinary operator is refused with 操作员无权限 after their right password, and nothing changes', () => {
    const sim = device();
    const before = stored(sim);
    logIn(sim, AS_OPERATOR, OPERATOR);
    expect(states(sim)).toEqual(['device.settings', 'settings.refused']);
    expect(sim.title()).toBe('无权限');
    expect(display(sim)).toContain('操作员无权限');
    expect(display(sim)).toContain('操作员 01 收银员');
    expect(display(sim)).toContain('请由主管或系统管理员进入设置');
    const after = stored(sim);
    expect({ ...after, lockouts: {} }).toEqual(before);
    expect(after.lockouts).toEqual({ '01': { failedAttempts: 0 } });

    sim.press('确认');
    expect(states(sim)).toEqual(['device.home']);
    logIn(sim, AS_OPERATOR, OPERATOR);
    sim.press('取消');
    expect(states(sim)).toEqual(['device.home']);
    expect(stored(sim).records).toEqual([]);
  });

  it('a wrong password of an ordinary operator is 密码错误, not 无权限', () => {
    const sim = device();
    logIn(sim, AS_OPERATOR, '1234');
    expect(states(sim)).toContain('passwordPrompt.entering');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(display(sim)).not.toContain('无权限');
  });

  it('a prompt for one operator only (注销, 保存) does not switch and shows no hint', () => {
    const sim = device();
    logIn(sim, 0, SUPERVISOR);
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认', '确认');
    expect(display(sim)).toContain('操作员 00 主管');
    expect(display(sim)).not.toContain('切换操作员');
    sim.press('下');
    expect(display(sim)).toContain('操作员 00 主管');
  });

  it('a profile with one operator has nothing to switch to', () => {
    const base = loadProfile('default');
    const alone = { ...base, operators: base.operators.filter((operator) => operator.id === '00') };
    const sim = device({ fixture: alone });
    sim.press('菜单', '下', '上');
    expect(display(sim)).toContain('操作员 00 主管');
    expect(display(sim)).not.toContain('切换操作员');
  });
});

describe('lockout counts per operator', () => {
  it('with the 主管 locked out, 上/下 on the locked screen pick another operator who can still log in', () => {
    const sim = device();
    sim.press('菜单');
    for (const wrong of ['111111', '222222', '333333']) enter(sim, wrong);
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('按[上][下]切换操作员');
    expect(stored(sim).records).toEqual([expect.objectContaining({ operator: '00', action: 'lockout' })]);

    sim.press('下');
    expect(states(sim)).toContain('passwordPrompt.entering');
    expect(display(sim)).toContain('操作员 01 收银员');
    sim.press('上');
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(display(sim)).toContain('操作员 00 主管');
    sim.press('上');
    expect(display(sim)).toContain('操作员 99 系统管理员');
    enter(sim, ADMIN);
    expect(sim.title()).toBe('设置');
    expect(sim.store.lockedUntil('00')).toBeGreaterThan(sim.store.now());
    expect(sim.store.lockedUntil('99')).toBeUndefined();
  });

  it('locks the 系统管理员 alone after their own wrong attempts, and the lockout record names 99', () => {
    const sim = device();
    sim.press('菜单', '上');
    for (const wrong of ['11111111', '22222222', '33333333']) enter(sim, wrong);
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(stored(sim).records).toEqual([expect.objectContaining({ operator: '99', action: 'lockout' })]);
    sim.press('下');
    enter(sim, SUPERVISOR);
    expect(sim.title()).toBe('设置');
  });
});

describe('whose password each step asks for', () => {
  it('注销 asks for the 主管 password (请输入主管密码) even when the 系统管理员 opened 设置; the record names who did it', () => {
    const sim = device();
    logIn(sim, AS_ADMIN, ADMIN);
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认', '确认');
    expect(sim.title()).toBe('请输入密码确认注销');
    expect(display(sim)).toContain('请输入主管密码');
    expect(display(sim)).toContain('操作员 00 主管');
    enter(sim, ADMIN);
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(stored(sim).lockouts['00']).toEqual({ failedAttempts: 1 });
    expect(stored(sim).bindings.map((binding) => binding.id)).toContain('unionpay-qr');
    enter(sim, SUPERVISOR);
    expect(stored(sim).bindings.map((binding) => binding.id)).not.toContain('unionpay-qr');
    expect(stored(sim).records).toEqual([
      expect.objectContaining({ operator: '99', action: 'deregister', subject: '云闪付 898310058120134' }),
    ]);
  });

  it('保存 of 免密 settings asks for the password of the operator who opened 设置', () => {
    const sim = device();
    logIn(sim, AS_ADMIN, ADMIN);
    sim.select('免密支付');
    sim.press('1');
    sim.select('保存设置');
    expect(sim.title()).toBe('请输入密码确认保存');
    expect(display(sim)).toContain('操作员 99 系统管理员');
    expect(display(sim)).not.toContain('请输入主管密码');
    enter(sim, SUPERVISOR);
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(stored(sim).passwordFree.pending).toBeUndefined();
    enter(sim, ADMIN);
    expect(stored(sim).passwordFree.pending?.enabled).toBe(false);
    expect(stored(sim).records).toEqual([expect.objectContaining({ operator: '99', action: 'savePasswordFree' })]);
  });
});

describe('修改密码', () => {
  /** From home: log in and open 修改密码 (the old-password prompt). */
  const openChangePassword = (sim: Simulator, downs = 0, password = SUPERVISOR) => {
    logIn(sim, downs, password);
    sim.select('修改密码');
  };

  it('is in every shipped profile’s 设置', () => {
    for (const name of ['default', 'offline', 'unbound']) {
      const sim = device({ fixture: name });
      logIn(sim, 0, SUPERVISOR);
      expect(display(sim)).toContain('修改密码');
    }
  });

  it('changes the 主管’s password: old, new, new again, all masked; stored as a new salted hash, recorded', () => {
    const sim = device();
    openChangePassword(sim);
    expect(sim.title()).toBe('请输入原密码');
    expect(display(sim)).toContain('操作员 00 主管');
    sim.type(SUPERVISOR);
    expect(sim.screen()).not.toContain(SUPERVISOR);
    sim.press('确认');
    expect(sim.title()).toBe('请输入新密码');
    expect(states(sim)).toContain('changePassword.newPassword');
    expect(display(sim)).toContain('新密码为6位数字');
    sim.type('246813');
    expect(sim.screen()).toContain('******_');
    expect(sim.screen()).not.toContain('246813');
    sim.press('确认');
    expect(sim.title()).toBe('请再次输入新密码');
    sim.type('246813');
    expect(sim.screen()).not.toContain('246813');
    const hashBefore = stored(sim).operators['00']?.passwordHash ?? '';
    sim.press('确认');
    expect(sim.title()).toBe('修改密码');
    expect(display(sim)).toContain('修改密码成功');
    expect(display(sim)).toContain('新密码已生效，原密码不再可用');

    const hash = stored(sim).operators['00']?.passwordHash ?? '';
    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    expect(hash).not.toBe(hashBefore);
    expect(verifyPassword('246813', hash)).toBe(true);
    expect(verifyPassword(SUPERVISOR, hash)).toBe(false);
    expect(JSON.stringify(stored(sim))).not.toContain('246813');
    expect(stored(sim).records).toEqual([
      { at: new Date(sim.store.now()).toISOString(), operator: '00', action: 'changePassword', subject: '00 主管' },
    ]);
    // The other operators keep theirs.
    expect(stored(sim).operators['99']).toEqual({ passwordHash: loadProfile('default').operators[2]?.passwordHash });

    sim.press('确认');
    expect(states(sim)).toContain('settings.menu');
  });

  it('the old password stops working at once and the new one works, also after a restart', () => {
    const sim = device();
    openChangePassword(sim);
    enter(sim, SUPERVISOR);
    enter(sim, '246813');
    enter(sim, '246813');
    sim.press('确认', '取消');
    expect(states(sim)).toEqual(['device.home']);
    logIn(sim, 0, SUPERVISOR);
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    enter(sim, '246813');
    expect(sim.title()).toBe('设置');
    sim.powerCycle();
    sim.advance(BOOT_MS);
    logIn(sim, 0, '246813');
    expect(sim.title()).toBe('设置');
  });

  it('salts every change: the same new password twice gives two different hashes', () => {
    const sim = device();
    const hashes: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      openChangePassword(sim, 0, round === 0 ? SUPERVISOR : '888888');
      enter(sim, round === 0 ? SUPERVISOR : '888888');
      enter(sim, '888888');
      enter(sim, '888888');
      hashes.push(stored(sim).operators['00']?.passwordHash ?? '');
      sim.press('确认', '取消');
    }
    expect(hashes[0]).not.toBe(hashes[1]);
    expect(hashes.every((hash) => verifyPassword('888888', hash))).toBe(true);
  });

  it('the new password needs the role’s length: 6 digits for the 主管 (more cannot be typed), 8 for the 系统管理员', () => {
    const sim = device();
    openChangePassword(sim);
    enter(sim, SUPERVISOR);
    enter(sim, '2468');
    expect(display(sim)).toContain('密码须为6位数字');
    expect(states(sim)).toContain('changePassword.newPassword');
    sim.type('24681357');
    expect(sim.screen()).toContain('******_');
    sim.press('确认');
    expect(states(sim)).toContain('changePassword.repeating');
    enter(sim, '246813');
    expect(verifyPassword('246813', stored(sim).operators['00']?.passwordHash ?? '')).toBe(true);

    const admin = device();
    openChangePassword(admin, AS_ADMIN, ADMIN);
    expect(display(admin)).toContain('操作员 99 系统管理员');
    enter(admin, ADMIN);
    expect(display(admin)).toContain('新密码为8位数字');
    enter(admin, '246813');
    expect(display(admin)).toContain('密码须为8位数字');
    enter(admin, '24681357');
    enter(admin, '24681357');
    expect(display(admin)).toContain('修改密码成功');
    expect(verifyPassword('24681357', stored(admin).operators['99']?.passwordHash ?? '')).toBe(true);
    expect(stored(admin).records).toEqual([
      expect.objectContaining({ operator: '99', action: 'changePassword', subject: '99 系统管理员' }),
    ]);
  });

  it('two different entries say 两次输入的密码不一致 and ask for the new password again; nothing is stored', () => {
    const sim = device();
    openChangePassword(sim);
    enter(sim, SUPERVISOR);
    enter(sim, '246813');
    sim.type('246810');
    sim.press('清除');
    expect(sim.screen()).toContain('*****_');
    sim.type('9');
    sim.press('确认');
    expect(states(sim)).toContain('changePassword.newPassword');
    expect(sim.title()).toBe('请输入新密码');
    expect(display(sim)).toContain('两次输入的密码不一致');
    expect(sim.screen()).toContain('  _');
    expect(stored(sim).records).toEqual([]);
    expect(verifyPassword(SUPERVISOR, stored(sim).operators['00']?.passwordHash ?? '')).toBe(true);
    // Typing again clears the message.
    sim.type('1');
    expect(display(sim)).not.toContain('两次输入的密码不一致');
  });

  it('a wrong old password counts towards the lockout, and three lock the 主管 out', () => {
    const sim = device();
    openChangePassword(sim);
    enter(sim, '111111');
    expect(display(sim)).toContain('密码错误，还可尝试2次');
    expect(stored(sim).lockouts['00']).toEqual({ failedAttempts: 1 });
    enter(sim, '222222');
    enter(sim, '333333');
    expect(states(sim)).toContain('passwordPrompt.lockedOut');
    expect(stored(sim).records).toEqual([expect.objectContaining({ operator: '00', action: 'lockout' })]);
    // Only 取消 leaves the locked screen here: the old password is always the logged-in operator's.
    sim.press('下');
    expect(display(sim)).toContain('操作员 00 主管');
    sim.press('取消');
    expect(states(sim)).toContain('settings.menu');
  });

  it('取消 at any step changes nothing', () => {
    for (const keys of [[], [SUPERVISOR], [SUPERVISOR, '246813']]) {
      const sim = device();
      openChangePassword(sim);
      const before = stored(sim);
      for (const digits of keys) enter(sim, digits);
      sim.press('取消');
      expect(states(sim)).toContain('settings.menu');
      expect(stored(sim).operators).toEqual(before.operators);
      expect(stored(sim).records).toEqual([]);
    }
  });

  it('the new password survives a new process on the same data (the flash holds only its hash)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-sim-operators-'));
    try {
      const first = device({ medium: confMedium(dir, 'default') });
      openChangePassword(first);
      enter(first, SUPERVISOR);
      enter(first, '246813');
      enter(first, '246813');
      first.stop();
      const file = readFileSync(join(dir, 'default.json'), 'utf8');
      expect(file).not.toContain('246813');
      expect(file).toContain('changePassword');

      const second = device({ medium: confMedium(dir, 'default') });
      logIn(second, 0, SUPERVISOR);
      expect(display(second)).toContain('密码错误');
      enter(second, '246813');
      expect(second.title()).toBe('设置');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('profiles', () => {
  // The profile's messages, read in English (the tool speaks Chinese unless told otherwise).
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  const base = JSON.parse(readFileSync('fixtures/profiles/default.json', 'utf8')) as {
    operators: { id: string; role: string }[];
  };

  it('need a 主管: 注销 asks for the 主管 password', () => {
    const noSupervisor = {
      ...base,
      operators: base.operators.map((operator) => ({ ...operator, role: operator.role === 'supervisor' ? 'admin' : operator.role })),
    };
    expect(() => parseProfile(JSON.stringify(noSupervisor), 'p.json')).toThrow(/operators: list a 主管 \(role "supervisor"/);
  });

  it('number their operators once each', () => {
    const twice = { ...base, operators: [...base.operators, { ...base.operators[1], role: 'operator' }] };
    expect(() => parseProfile(JSON.stringify(twice), 'p.json')).toThrow(/operators\[3\]\.id: operator 01 is listed twice/);
  });
});
