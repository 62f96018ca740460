// Trainer controls, off the device's keypad: take the network down and up, cut the power, reset
// the device to its profile (R twice).
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOT_MS, createSimulator, type Simulator } from '../../src/device/simulator.js';
import { SALE_PROCESSING_MS } from '../../menus/sale.js';
import { App } from '../../src/ui/app.js';
import { FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { press, resize, waitForFrame, waitForText, type Rendered } from '../support/ink.js';

let sim: Simulator;
let app: Rendered;

const start = () => {
  sim = createSimulator({ fixture: 'default' });
  app = render(<App session={sim.session} />);
  return waitForText(app, '培训控制');
};

afterEach(() => {
  app.unmount();
  sim.stop();
});

describe('trainer controls', () => {
  it('are listed beside the device, outside its frame', async () => {
    const frame = await start();
    // The legend is right of the frame (and runs on under it).
    const legendLines = frame
      .split('\n')
      .map((line) => line.slice(FRAME_WIDTH).trim())
      .filter((text) => /^(n|x|R R) /.test(text));
    expect(legendLines).toEqual(['n         断网/联网', 'x         断电', 'R R       恢复出厂(按两次)']);
  });

  it('n takes the network down and brings it back', async () => {
    await start();
    await press(app, 'n', '已断网');
    expect(app.lastFrame()).toContain('离线');
    expect(sim.store.isOnline()).toBe(false);
    await press(app, 'n', '已联网');
    expect(app.lastFrame()).toContain('在线');
    expect(sim.store.isOnline()).toBe(true);
  });

  it('x cuts the power: an unsaved edit is gone, the device boots again', async () => {
    await start();
    await press(app, 'm', '请输入密码');
    await press(app, '123456\r', '绑定管理');
    const cut = await press(app, 'x', '已断电：未保存的修改丢失');
    expect(cut).toContain('系统启动中');
    sim.advance(BOOT_MS);
    await waitForText(app, '按[菜单]键进入设置');
    // A device key and the note has done its job.
    await press(app, 'm', '请输入密码');
    expect(app.lastFrame()).not.toContain('已断电');
  });

  it('R asks for a second R, then returns the device to its profile', async () => {
    await start();
    sim.press('菜单');
    sim.type('123456');
    sim.press('确认');
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认', '确认');
    sim.type('123456');
    sim.press('确认', '取消', '取消', '取消');
    expect(sim.store.snapshot().bindings.map((binding) => binding.id)).not.toContain('unionpay-qr');
    await press(app, 'R', '再按 R 恢复出厂设置');
    await press(app, 'q');
    expect(app.lastFrame()).not.toContain('再按 R');
    expect(sim.store.snapshot().bindings.map((binding) => binding.id)).not.toContain('unionpay-qr');
    await press(app, 'R', '再按 R 恢复出厂设置');
    const reset = await press(app, 'R', '已恢复为设备配置 default');
    expect(reset).toContain('系统启动中');
    expect(sim.store.snapshot().bindings.map((binding) => binding.id)).toContain('unionpay-qr');
    expect(sim.store.snapshot().records).toEqual([]);
  });
});

describe('t: the device clock fast-forwarded', () => {
  /** A device on its own clock, which t moves on to the next thing the device waits for. */
  const startWithClock = () => {
    sim = createSimulator({ fixture: 'default' });
    const fastForward = () => {
      const ms = 5 * 60_000;
      sim.advance(ms);
      return ms;
    };
    app = render(<App session={sim.session} fastForward={fastForward} />);
    return waitForText(app, '培训控制');
  };

  it('is listed only where the clock may be moved', async () => {
    const frame = await startWithClock();
    expect(frame).toMatch(/(^|[|+ ]) t {9}快进\(到下一个定时\)/m);
    app.unmount();
    sim.stop();
    await start();
    expect(app.lastFrame()).not.toContain('快进');
  });

  it('ends a lockout at once, and says how far the clock went', async () => {
    await startWithClock();
    await press(app, 'm', '请输入密码');
    await press(app, '111111\r111111\r111111\r', '密码错误次数过多');
    const after = await press(app, 't', '设备时钟已快进 5分0秒');
    expect(after).not.toContain('密码错误次数过多');
    expect(sim.session.activeStates().at(-1)).toBe('passwordPrompt.entering');
    // A device key and the note has done its job.
    await press(app, '1');
    expect(app.lastFrame()).not.toContain('已快进');
  });
});

describe('the screenshot key', () => {
  it('s saves a picture of the screen in the current folder, never over another file, and says its name', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pos-sim-s-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await start();
      await press(app, 'm', '请输入密码');
      // Named after the device clock, HHMMSS.
      const stem = `screen-${new Date(sim.store.now() + 8 * 3600_000).toISOString().slice(11, 19).replaceAll(':', '')}`;
      await press(app, 's', `截图：${stem}.svg`);
      await press(app, 's', `截图：${stem}-2.svg`);
      expect(readdirSync(dir).sort()).toEqual([`${stem}-2.svg`, `${stem}.svg`]);
      const picture = readFileSync(join(dir, `${stem}.svg`), 'utf8');
      expect(picture).toContain('请输入密码');
      expect(picture).toContain('操作员\u00a000\u00a0主管');
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the legend in English at 80x24', () => {
  it('keeps each key on one line, so the device does not scroll away', async () => {
    sim = createSimulator({ fixture: 'default', lang: 'en' });
    app = render(<App session={sim.session} fastForward={() => 60_000} />);
    resize(app, 80, 24);
    const frame = await waitForText(app, 'Trainer');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThan(24);
    expect(lines[0]).toMatch(/^\+-+\+ +Keys/);
    // The trainer's keys are written as the other trainer keys are, in lower case.
    for (const label of ['printer paper out/in', 'reset to profile (twice)', 'fast-forward the clock', 'show / put away the phone']) {
      expect(frame).toContain(label);
    }
    // Where the legend has less room than it wants, a line is cut rather than wrapped.
    resize(app, 70, 24);
    const narrow = await waitForFrame(app, (shown) => !shown.includes('show / put away the phone'), 'the legend cut to 70 columns');
    expect(narrow.split('\n').length).toBeLessThan(24);
    expect(narrow.split('\n')[0]).toMatch(/^\+-+\+ +Keys/);
  });
});

describe('a note while the printer fills the column beside the device at 80x24', () => {
  it('goes under the device, not under the printer, so the device does not scroll away', async () => {
    await start();
    resize(app, 80, 24);
    await press(app, '\r', '请输入金额');
    await press(app, '100', '1.00元');
    await press(app, '\r', '请选择支付方式');
    await press(app, '1', '交易处理中');
    sim.advance(SALE_PROCESSING_MS);
    await waitForText(app, '打印机');
    const frame = await press(app, 'n', '已断网');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThan(24);
    expect(lines[0]).toMatch(/^\+-+\+ \+-+\+$/);
    // On a line of its own under the frame, with the printer still beside it.
    expect(lines[17]).toMatch(/^ 已断网 +\| /);
  });
});
