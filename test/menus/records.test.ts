// Records and backup: 设置 → 操作记录 lists what the device recorded, newest first, on the device
// clock (China Standard Time); 设置 → 数据备份 and 注销's 按[1]先备份数据 write the records, bindings and
// settings (never a password hash) to a backup file and show where it went.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceSession } from '../../src/device/device-session.js';
import { SteppingClock } from '../../src/device/simulated-clock.js';
import { toKeyEvent } from '../../src/device/simulator.js';
import { BOOT_MS, createSimulator, loadProfile, memoryMedium, SIMULATION_START, type Simulator } from '../../src/index.js';
import { folderShelf } from '../../src/store/backup-shelf.js';
import { DeviceStore } from '../../src/store/device-store.js';
import { seedFlash, type FlashData } from '../../src/store/flash-data.js';

const PASSWORD = '123456';

const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
const lines = (sim: Simulator) => sim.screen().split('\n');

const simulators: Simulator[] = [];
const sessions: DeviceSession[] = [];
const dirs: string[] = [];
const device = (...options: Parameters<typeof createSimulator>): Simulator => {
  const sim = createSimulator(...options);
  simulators.push(sim);
  return sim;
};
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-records-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const sim of simulators.splice(0)) sim.stop();
  for (const session of sessions.splice(0)) session.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const openSettings = (sim: Simulator) => {
  sim.press('菜单');
  sim.type(PASSWORD);
  sim.press('确认');
};

/** 设置 → 数据备份 → 确认, and back to 设置. */
const backUp = (sim: Simulator) => {
  sim.select('数据备份');
  sim.press('确认', '确认');
};

/** A device whose flash already holds `records` (of any kind: other flows add their own). */
const withRecords = (records: readonly { at: string; operator: string; action: string; subject: string }[]): Simulator => {
  const profile = loadProfile('default');
  return device({ fixture: profile, medium: memoryMedium({ ...seedFlash(profile), records: records as FlashData['records'] }) });
};

describe('操作记录', () => {
  it('says 暂无记录 on a new device; 确认 opens nothing and 取消 goes back to 设置', () => {
    const sim = device();
    openSettings(sim);
    sim.select('操作记录');
    expect(sim.title()).toBe('操作记录');
    expect(display(sim)).toContain('暂无记录');
    sim.press('确认');
    expect(states(sim)).toContain('operationRecords.list');
    sim.press('取消');
    expect(states(sim)).toContain('settings.menu');
  });

  it('lists the records newest first: device date and time, operator, operation', () => {
    const sim = device();
    openSettings(sim);
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认', '确认');
    sim.type(PASSWORD);
    sim.press('确认', '确认', '取消');
    sim.advance(60_000);
    backUp(sim);
    sim.select('操作记录');
    expect(lines(sim).slice(2, 5)).toEqual(['  共2条，按[确认]查看', '> 06-01 09:01 00 数据备份', '  06-01 09:00 00 注销']);
  });

  it('shows times on the device clock (China Standard Time), whatever the records store (UTC)', () => {
    const sim = withRecords([{ at: '2026-05-31T16:30:05.000Z', operator: '00', action: 'deregister', subject: '支付宝 2088621934405173' }]);
    openSettings(sim);
    sim.select('操作记录');
    expect(display(sim)).toContain('> 06-01 00:30 00 注销');
    sim.press('确认');
    expect(display(sim)).toContain('时间：2026-06-01 00:30:05');
  });

  it('opens a record in full; 上/下 step through the records, 确认 or 取消 go back to the list', () => {
    const sim = withRecords([
      { at: '2026-06-01T01:00:00.000Z', operator: '00', action: 'lockout', subject: '连续3次密码错误' },
      { at: '2026-06-01T01:05:00.000Z', operator: 'system', action: 'applyPasswordFree', subject: '免密支付 关' },
      { at: '2026-06-01T01:10:00.000Z', operator: '99', action: 'deregister', subject: '云闪付 898310058120134' },
    ]);
    openSettings(sim);
    sim.select('操作记录');
    sim.press('确认');
    expect(states(sim)).toContain('operationRecords.detail');
    expect(lines(sim).slice(1, 7)).toEqual([
      '操作记录',
      '  第1/3条',
      '  时间：2026-06-01 09:10:00',
      '  操作员：99 系统管理员',
      '  操作：注销',
      '  内容：云闪付 898310058120134',
    ]);
    sim.press('下');
    expect(display(sim)).toContain('第2/3条');
    expect(display(sim)).toContain('操作员：系统');
    expect(display(sim)).toContain('操作：免密设置生效');
    sim.press('下');
    expect(display(sim)).toContain('操作：密码锁定');
    sim.press('下');
    expect(display(sim)).toContain('第1/3条');
    sim.press('上');
    expect(display(sim)).toContain('第3/3条');
    sim.press('确认');
    expect(states(sim)).toContain('operationRecords.list');
    expect(display(sim)).toContain('> 06-01 09:00 00 密码锁定');
    sim.press('确认', '取消');
    expect(states(sim)).toContain('operationRecords.list');
  });

  it('names the working day’s records (签到, 签退, 撤销, 退货, 结算, 绑定) in both languages', () => {
    const kinds = ['signIn', 'signOut', 'void', 'refund', 'settle', 'bind'];
    const records = kinds.map((action, index) => ({ at: `2026-06-01T01:0${index}:00.000Z`, operator: '01', action, subject: '' }));
    const sim = withRecords(records);
    openSettings(sim);
    sim.select('操作记录');
    for (const [minute, word] of ['签到', '签退', '撤销', '退货', '结算', '绑定'].entries()) {
      expect(display(sim)).toContain(`06-01 09:0${minute} 01 ${word}`);
    }
    const profile = loadProfile('default');
    const english = device({
      fixture: profile,
      lang: 'en',
      medium: memoryMedium({ ...seedFlash(profile), records: records as FlashData['records'] }),
    });
    openSettings(english);
    english.select('Operation records');
    expect(english.session.matchText()).not.toMatch(/\b(signIn|signOut|void|refund|settle|bind)\b/);
  });

  it('names sales (another flow’s records) and shows a kind it does not know as stored', () => {
    const sim = withRecords([
      { at: '2026-06-01T01:00:00.000Z', operator: '01', action: 'sale', subject: '12.00元 挥卡/闪付 银联闪付 免密免签 [00]交易成功' },
      { at: '2026-06-01T01:01:00.000Z', operator: '42', action: 'teleport', subject: 'from a newer version' },
    ]);
    openSettings(sim);
    sim.select('操作记录');
    expect(display(sim)).toContain('06-01 09:01 42 teleport');
    expect(display(sim)).toContain('06-01 09:00 01 收款');
    sim.press('确认');
    expect(display(sim)).toContain('操作员：42');
    sim.press('下');
    expect(display(sim)).toContain('操作员：01 收银员');
    // The subject wraps onto a second row at a space.
    expect(lines(sim)).toEqual(expect.arrayContaining(['  内容：12.00元 挥卡/闪付 银联闪付', '  免密免签 [00]交易成功']));
  });

  it('scrolls a long list with 上/下, keeping the selected record on screen', () => {
    const sim = device();
    openSettings(sim);
    for (let count = 0; count < 12; count += 1) {
      sim.advance(60_000);
      backUp(sim);
    }
    sim.select('操作记录');
    expect(display(sim)).toContain('共12条');
    expect(display(sim)).toContain('> 06-01 09:12 00 数据备份');
    sim.press('上');
    // The oldest, at the bottom of the list, scrolled into view.
    expect(lines(sim)).toContain('> 06-01 09:01 00 数据备份');
    expect(lines(sim).slice(2).join('\n')).not.toContain('09:12');
    sim.press('下');
    expect(lines(sim)).toContain('> 06-01 09:12 00 数据备份');
  });

  it('reads the records afresh each time it opens', () => {
    const sim = device();
    openSettings(sim);
    sim.select('操作记录');
    expect(display(sim)).toContain('暂无记录');
    sim.press('取消');
    backUp(sim);
    sim.select('操作记录');
    expect(display(sim)).toContain('共1条');
  });
});

describe('数据备份', () => {
  it('asks first; 取消 writes nothing', () => {
    const sim = device();
    openSettings(sim);
    sim.select('数据备份');
    expect(sim.title()).toBe('数据备份');
    expect(display(sim)).toContain('是否备份POS机上的数据？');
    expect(display(sim)).toContain('备份操作记录、绑定和设置，不含密码');
    sim.press('取消');
    expect(states(sim)).toContain('settings.menu');
    expect(sim.backups()).toEqual([]);
    expect(sim.store.snapshot().records).toEqual([]);
  });

  it('writes records, bindings and settings, never a password hash, shows the path and records the backup', () => {
    const sim = device();
    openSettings(sim);
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认', '确认');
    sim.type(PASSWORD);
    sim.press('确认', '确认', '取消');
    sim.select('数据备份');
    sim.press('确认');
    expect(states(sim)).toContain('dataBackup.finished');
    expect(display(sim)).toContain('备份成功');
    const [backup] = sim.backups();
    expect(backup?.path).toBe('(memory)/backups/default-2026-06-01_09-00-01.json');
    expect(sim.screen()).toContain('(memory)/backups/default-2026-06-0');
    expect(backup?.text).not.toMatch(/scrypt|passwordHash/);
    const data = JSON.parse(backup?.text ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      kind: 'pos-sim-backup',
      profile: 'default',
      operator: '00',
      device: { merchantId: '898310058120134', terminalId: '10086021' },
      network: 'online',
      passwordFree: { active: { enabled: true } },
    });
    expect((data.bindings as { id: string }[]).map((binding) => binding.id)).toEqual([
      'merchant',
      'settlement-card',
      'wechat-pay',
      'alipay',
    ]);
    expect(data.records).toEqual([expect.objectContaining({ action: 'deregister', operator: '00' })]);
    expect(data.operators).toEqual(
      expect.arrayContaining([{ id: '99', role: 'admin', name: { zh: '系统管理员', en: 'System administrator' } }]),
    );
    expect(sim.store.snapshot().records.at(-1)).toEqual({
      at: new Date(sim.store.now()).toISOString(),
      operator: '00',
      action: 'backup',
      subject: '(memory)/backups/default-2026-06-01_09-00-01.json',
    });
    sim.press('确认');
    expect(states(sim)).toContain('settings.menu');
  });

  it('never overwrites: a second backup in the same second gets its own name', () => {
    const sim = device();
    openSettings(sim);
    backUp(sim);
    backUp(sim);
    expect(sim.backups().map((backup) => backup.path)).toEqual([
      '(memory)/backups/default-2026-06-01_09-00-01.json',
      '(memory)/backups/default-2026-06-01_09-00-01-2.json',
    ]);
  });

  it('on the interactive device goes to backups/ in the data folder, as a file the user can open', () => {
    const dir = folder();
    const profile = loadProfile('default');
    const store = new DeviceStore({
      profile,
      medium: memoryMedium(),
      now: () => SIMULATION_START,
      backups: folderShelf(join(dir, 'backups')),
    });
    const first = store.backup('99');
    const second = store.backup('99');
    expect(first).toEqual({ ok: true, path: join(dir, 'backups', 'default-2026-06-01_09-00-00.json') });
    expect(second).toEqual({ ok: true, path: join(dir, 'backups', 'default-2026-06-01_09-00-00-2.json') });
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(['default-2026-06-01_09-00-00-2.json', 'default-2026-06-01_09-00-00.json']);
    const written = JSON.parse(readFileSync(join(dir, 'backups', 'default-2026-06-01_09-00-00-2.json'), 'utf8')) as { records: unknown[] };
    expect(written.records).toEqual([expect.objectContaining({ action: 'backup', operator: '99' })]);
  });

  it('says 备份失败 and why when the file cannot be written, and records nothing', () => {
    const dir = folder();
    const blocked = join(dir, 'backups');
    writeFileSync(blocked, 'a file where the folder should be');
    const profile = loadProfile('default');
    const store = new DeviceStore({ profile, medium: memoryMedium(), now: () => SIMULATION_START, backups: folderShelf(blocked) });
    const result = store.backup('00');
    expect(result.ok).toBe(false);
    expect(store.records()).toEqual([]);

    // The same on screen: a device whose backup folder cannot be made.
    const clock = new SteppingClock(SIMULATION_START);
    const session = new DeviceSession({
      store: new DeviceStore({ profile, medium: memoryMedium(), now: () => clock.now(), backups: folderShelf(blocked) }),
      clock,
    });
    sessions.push(session);
    clock.advance(BOOT_MS);
    const press = (...keys: string[]) => keys.forEach((name) => session.send(toKeyEvent(name)));
    press('菜单', ...PASSWORD, '确认', '5', '确认');
    expect(session.activeStates()).toContain('dataBackup.finished');
    expect(session.matchText()).toMatch(/备份失败：.*这里已有一个同名的文件\(EEXIST\)/);
    expect(session.store.snapshot().records).toEqual([]);
  });
});

describe('注销 offers the backup first', () => {
  const atConfirmation = (): Simulator => {
    const sim = device();
    openSettings(sim);
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.confirming');
    return sim;
  };

  it('按[1]先备份数据 writes the backup, shows where, and goes back to 确认注销 with the binding still there', () => {
    const sim = atConfirmation();
    expect(display(sim)).toContain('注销前请确认已备份POS机上的数据');
    expect(display(sim)).toContain('按[1]先备份数据');
    sim.press('1');
    expect(states(sim)).toContain('bindingManagement.backedUp');
    expect(sim.title()).toBe('数据备份');
    expect(display(sim)).toContain('备份成功');
    expect(sim.backups()).toHaveLength(1);
    expect(sim.store.snapshot().bindings.map((binding) => binding.id)).toContain('unionpay-qr');
    expect(sim.store.snapshot().records).toEqual([expect.objectContaining({ action: 'backup', operator: '00' })]);
    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.confirming');
    sim.press('1', '取消');
    expect(states(sim)).toContain('bindingManagement.confirming');
    expect(sim.backups()).toHaveLength(2);
  });

  it('other digits do nothing there', () => {
    const sim = atConfirmation();
    sim.press('2', '9', '0');
    expect(states(sim)).toContain('bindingManagement.confirming');
    expect(sim.backups()).toEqual([]);
  });

  it('a backup taken before 注销 still holds the binding that 注销 then removes', () => {
    const sim = atConfirmation();
    sim.press('1', '确认', '确认');
    sim.type(PASSWORD);
    sim.press('确认');
    expect(sim.store.snapshot().bindings.map((binding) => binding.id)).not.toContain('unionpay-qr');
    const backup = JSON.parse(sim.backups()[0]?.text ?? '{}') as { bindings: { id: string }[] };
    expect(backup.bindings.map((binding) => binding.id)).toContain('unionpay-qr');
  });
});
