// P2 · 支付方式管理 → 免密支付: editing, saving with the password, the change pending until the
// next boot (restart now, later, power cut, or the process killed), and the refusals.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHUTDOWN_MS } from '../../menus/device.js';
import { BOOT_MS, confMedium, createSimulator, type FlashData, type Simulator } from '../../src/index.js';

const PASSWORD = '123456';

const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
const passwordFree = (sim: Simulator) => sim.store.snapshot().passwordFree;
const lines = (sim: Simulator) => sim.screen().split('\n');

/** 设置 → password → 支付方式管理 → 免密支付. */
const openPasswordFree = (sim: Simulator) => {
  sim.press('菜单');
  sim.type(PASSWORD);
  sim.press('确认');
  sim.select('支付方式管理');
  sim.select('免密支付');
};

/** 保存设置, then the password to confirm: the device asks whether to restart now. */
const saveWithPassword = (sim: Simulator) => {
  sim.select('保存设置');
  sim.type(PASSWORD);
  sim.press('确认');
};

/** Backs out with 取消 until the home screen. */
const leaveToHome = (sim: Simulator) => {
  for (let presses = 0; presses < 10 && !states(sim).includes('device.home'); presses++) sim.press('取消');
  expect(states(sim)).toEqual(['device.home']);
};

describe('免密支付 (P2)', () => {
  it('turns password-free payment off, restarts so it takes effect, then on again the same way', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    expect(sim.title()).toBe('免密支付');
    expect(states(sim)).toContain('passwordFree.editing.idle');
    expect(lines(sim)).toEqual(
      expect.arrayContaining([
        '> 1.[x] 开启免密支付',
        '  2.[x] 银联闪付 小额免密',
        '  3.    免密限额 1000元',
        '  4.[x] 微信 小额免密',
        '  8.保存设置',
      ]),
    );

    sim.select('开启免密支付');
    expect(lines(sim)).toContain('> 1.[ ] 开启免密支付 *未保存');
    expect(passwordFree(sim)).toEqual({ active: expect.objectContaining({ enabled: true }) });

    sim.select('保存设置');
    expect(sim.title()).toBe('请输入密码确认保存');
    expect(states(sim)).toEqual(expect.arrayContaining(['passwordFree.authorising', 'passwordPrompt.entering']));
    sim.type(PASSWORD);
    expect(sim.screen()).not.toContain(PASSWORD);
    sim.press('确认');

    expect(sim.title()).toBe('保存成功');
    expect(states(sim)).toContain('passwordFree.saved');
    expect(display(sim)).toContain('设置已保存，重启后生效');
    expect(display(sim)).toContain('保存设置并重启POS机，以确保新的设置生效');
    expect(display(sim)).toContain('是否立即重启POS机？');
    expect(passwordFree(sim).active.enabled).toBe(true);
    expect(passwordFree(sim).pending?.enabled).toBe(false);
    expect(sim.store.snapshot().records.at(-1)).toMatchObject({
      operator: '00',
      action: 'savePasswordFree',
      subject: '免密支付 关；银联闪付 开 限额1000元；微信 开 限额500元；支付宝 开 限额500元',
    });

    sim.press('确认');
    expect(states(sim)).toEqual(['device.shuttingDown']);
    expect(display(sim)).toContain('POS机正在重启，请稍候...');
    sim.advance(SHUTDOWN_MS);
    expect(states(sim)).toContain('device.booting');
    expect(display(sim)).toContain('正在应用新设置...');
    sim.advance(BOOT_MS);
    expect(states(sim)).toEqual(['device.home']);
    expect(display(sim)).not.toContain('有设置待重启生效');
    expect(passwordFree(sim)).toEqual({ active: expect.objectContaining({ enabled: false }) });
    expect(sim.store.snapshot().records.at(-1)).toMatchObject({ operator: 'system', action: 'applyPasswordFree' });

    openPasswordFree(sim);
    expect(lines(sim)).toContain('> 1.[ ] 开启免密支付');
    sim.select('开启免密支付');
    expect(lines(sim)).toContain('> 1.[x] 开启免密支付 *未保存');
    saveWithPassword(sim);
    expect(passwordFree(sim).pending?.enabled).toBe(true);
    expect(passwordFree(sim).active.enabled).toBe(false);
    sim.press('确认');
    sim.advance(SHUTDOWN_MS + BOOT_MS);
    expect(states(sim)).toEqual(['device.home']);
    expect(passwordFree(sim)).toEqual({ active: expect.objectContaining({ enabled: true }) });
  });

  it('until the restart the old setting stays in force and the screens say 待重启生效; a restart applies it', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    sim.select('银联闪付');
    saveWithPassword(sim);
    sim.press('取消');

    expect(display(sim)).toContain('2.[ ] 银联闪付 小额免密 待重启生效');
    expect(passwordFree(sim).active.channels[0]).toEqual({ id: 'unionpay', smallAmountEnabled: true, limit: 1000 });
    expect(passwordFree(sim).pending?.channels[0]).toEqual({ id: 'unionpay', smallAmountEnabled: false, limit: 1000 });

    leaveToHome(sim);
    expect(display(sim)).toContain('有设置待重启生效');

    sim.powerCycle();
    expect(display(sim)).toContain('正在应用新设置...');
    sim.advance(BOOT_MS);
    expect(states(sim)).toEqual(['device.home']);
    expect(display(sim)).not.toContain('有设置待重启生效');
    expect(passwordFree(sim).active.channels[0]?.smallAmountEnabled).toBe(false);
    expect(passwordFree(sim).pending).toBeUndefined();
  });

  it('restart later: 取消 at 是否立即重启 goes back to the editor, and leaving asks nothing more', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    sim.select('开启免密支付');
    saveWithPassword(sim);
    sim.press('取消');
    expect(states(sim)).toContain('passwordFree.editing.idle');
    expect(sim.title()).toBe('免密支付');
    expect(display(sim)).not.toContain('未保存');

    sim.press('取消');
    expect(states(sim)).toContain('settings.menu');
    expect(sim.title()).toBe('支付方式管理');
    expect(passwordFree(sim).active.enabled).toBe(true);
    expect(passwordFree(sim).pending?.enabled).toBe(false);
  });

  describe('leaving with unsaved changes asks 放弃未保存的修改?', () => {
    const editAndLeave = () => {
      const sim = createSimulator();
      openPasswordFree(sim);
      const before = sim.store.snapshot();
      sim.select('开启免密支付');
      sim.press('取消');
      expect(sim.title()).toBe('未保存');
      expect(states(sim)).toContain('passwordFree.confirmingDiscard');
      expect(display(sim)).toContain('放弃未保存的修改？');
      return { sim, before };
    };

    it('取消 keeps editing with the edit still there', () => {
      const { sim, before } = editAndLeave();
      sim.press('取消');
      expect(states(sim)).toContain('passwordFree.editing.idle');
      expect(lines(sim)).toContain('> 1.[ ] 开启免密支付 *未保存');
      expect(sim.store.snapshot()).toEqual(before);
    });

    it('确认 discards the edit and leaves; nothing was stored', () => {
      const { sim, before } = editAndLeave();
      sim.press('确认');
      expect(states(sim)).toContain('settings.menu');
      expect(sim.title()).toBe('支付方式管理');
      expect(sim.store.snapshot()).toEqual(before);
      sim.select('免密支付');
      expect(lines(sim)).toContain('> 1.[x] 开启免密支付');
      expect(display(sim)).not.toContain('未保存');
    });
  });

  it('saving with nothing changed says 设置未修改 and asks for no password', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    const before = sim.store.snapshot();
    sim.select('保存设置');
    expect(states(sim)).toContain('passwordFree.editing.unchanged');
    expect(display(sim)).toContain('设置未修改');
    expect(states(sim)).not.toContain('passwordPrompt.entering');

    // Toggling twice is no change either.
    sim.select('微信');
    sim.select('微信');
    expect(display(sim)).not.toContain('未保存');
    sim.select('保存设置');
    expect(display(sim)).toContain('设置未修改');
    expect(sim.store.snapshot()).toEqual(before);
  });

  it('saving the setting in force again withdraws the pending change', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    sim.select('开启免密支付');
    saveWithPassword(sim);
    sim.press('取消');
    expect(passwordFree(sim).pending).toBeDefined();

    sim.select('开启免密支付');
    expect(lines(sim)).toContain('> 1.[x] 开启免密支付 *未保存');
    saveWithPassword(sim);
    sim.press('取消');
    expect(passwordFree(sim)).toEqual({ active: expect.objectContaining({ enabled: true }) });
    expect(display(sim)).toContain('1.[x] 开启免密支付');
    expect(display(sim)).not.toMatch(/待重启生效|未保存/);
  });

  it('取消 at the password confirmation saves nothing and keeps the edit', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    const before = sim.store.snapshot();
    sim.select('开启免密支付');
    sim.select('保存设置');
    sim.type('12');
    sim.press('取消');
    expect(states(sim)).toContain('passwordFree.editing.idle');
    expect(sim.title()).toBe('免密支付');
    expect(display(sim)).toContain('[ ] 开启免密支付 *未保存');
    expect(sim.store.snapshot()).toEqual(before);
  });

  it('offline, saving is refused with 网络连接失败 before any password, and nothing changes', () => {
    const sim = createSimulator();
    sim.networkDown();
    openPasswordFree(sim);
    const before = sim.store.snapshot();
    sim.select('开启免密支付');
    sim.select('保存设置');
    expect(states(sim)).toContain('passwordFree.offline');
    expect(states(sim)).not.toContain('passwordPrompt.entering');
    expect(sim.title()).toBe('网络连接失败');
    expect(display(sim)).toContain('网络连接失败，设置未保存。请检查网络后重试。');
    expect(sim.store.snapshot()).toEqual(before);

    sim.press('确认');
    expect(display(sim)).toContain('[ ] 开启免密支付 *未保存');

    // Back online, the same edit saves.
    sim.networkUp();
    saveWithPassword(sim);
    expect(sim.title()).toBe('保存成功');
    expect(passwordFree(sim).pending?.enabled).toBe(false);
  });

  it('a power cut before the restart keeps the saved change, applies it at boot, and loses unsaved edits', () => {
    const sim = createSimulator();
    openPasswordFree(sim);
    sim.select('开启免密支付');
    saveWithPassword(sim);
    sim.press('取消');
    sim.select('微信');
    expect(lines(sim)).toContain('> 4.[ ] 微信 小额免密 *未保存');

    sim.powerCut();
    expect(states(sim)).toContain('device.booting');
    expect(display(sim)).toContain('正在应用新设置...');
    sim.advance(BOOT_MS);
    expect(states(sim)).toEqual(['device.home']);
    const { active, pending } = passwordFree(sim);
    expect(pending).toBeUndefined();
    expect(active.enabled).toBe(false);
    expect(active.channels.find((channel) => channel.id === 'wechat')?.smallAmountEnabled).toBe(true);
  });

  describe('on a conf medium', () => {
    const dirs: string[] = [];
    afterEach(() => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it('the process killed before the restart: a new simulator on the same data applies the change at boot', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pos-sim-p2-'));
      dirs.push(dir);
      const first = createSimulator({ medium: confMedium(dir, 'default') });
      openPasswordFree(first);
      first.select('开启免密支付');
      saveWithPassword(first);
      expect(first.title()).toBe('保存成功');
      first.stop();

      const onDisk = JSON.parse(readFileSync(join(dir, 'default.json'), 'utf8')) as FlashData;
      expect(onDisk.passwordFree.active.enabled).toBe(true);
      expect(onDisk.passwordFree.pending?.enabled).toBe(false);

      const second = createSimulator({ medium: confMedium(dir, 'default'), stayAtBoot: true });
      expect(states(second)).toContain('device.booting');
      expect(display(second)).toContain('正在应用新设置...');
      expect(passwordFree(second)).toEqual({ active: expect.objectContaining({ enabled: false }) });
      second.advance(BOOT_MS);
      expect(states(second)).toEqual(['device.home']);
      expect(display(second)).not.toContain('有设置待重启生效');
      second.stop();

      const afterBoot = JSON.parse(readFileSync(join(dir, 'default.json'), 'utf8')) as FlashData;
      expect(afterBoot.passwordFree).toEqual({ active: expect.objectContaining({ enabled: false }) });
    });
  });
});
