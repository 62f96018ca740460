// The interactive UI rendered with ink-testing-library: what the frame shows, that Chinese text keeps
// the frame square, that terminal keys reach the device, that passwords stay masked, and what a
// too-small terminal gets.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOT_MS, createSimulator, type Simulator } from '../../src/device/simulator.js';
import { App } from '../../src/ui/app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { deviceBox, KEY, plain, press, resize, waitForFrame, waitForText, type Rendered } from '../support/ink.js';

/** The text right of the device box on each line (where the side-by-side legend is drawn). */
const besideBox = (frame: string): string => {
  const lines = frame.split('\n');
  const box = deviceBox(frame);
  return lines.map((line, index) => (index < box.length ? line.slice(box[index]?.length) : line)).join('\n');
};

const insideBox = (frame: string): string => deviceBox(frame).join('\n');

/** Every box line is exactly as wide as the frame, in terminal columns. */
const expectSquareBox = (frame: string) => {
  const lines = deviceBox(frame);
  expect(lines).toHaveLength(FRAME_HEIGHT);
  expect(lines[0]).toMatch(/^\+-+\+$/);
  expect(lines.at(-1)).toMatch(/^\+-+\+$/);
  for (const line of lines) expect({ line, width: stringWidth(line) }).toEqual({ line, width: FRAME_WIDTH });
};

let simulator: Simulator | undefined;
let rendered: Rendered | undefined;

const start = async (): Promise<Rendered> => {
  simulator = createSimulator();
  rendered = render(<App session={simulator.session} />);
  await waitForText(rendered, '上海浦东便利店');
  return rendered;
};

/** From home to the 设置 menu with the default profile's password. */
const openSettings = async (app: Rendered): Promise<string> => {
  await press(app, 'm', '请输入密码');
  await press(app, '123456', '******');
  return press(app, KEY.enter, '绑定管理');
};

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  simulator?.stop();
  simulator = undefined;
});

describe('the device frame', () => {
  it('shows the status bar, title, home menu and the key legend beside the frame', async () => {
    const app = await start();
    const frame = plain(app.lastFrame());
    const box = insideBox(frame);
    const lines = deviceBox(frame);
    // Status bar: network, terminal id and the device clock (09:00 Asia/Shanghai at simulation start).
    expect(lines[1]).toMatch(/^\| 在线\s+10086021\s+09:00 \|$/);
    expect(lines[2]).toMatch(/^\| -+ \|$/);
    // Title: the merchant; body: merchant and terminal numbers and how to get to 设置.
    expect(lines[3]).toMatch(/^\| 上海浦东便利店\s+\|$/);
    expect(box).toContain('商户号 898310058120134');
    expect(box).toContain('终端号 10086021');
    expect(box).toContain('按[菜单]键进入设置');
    // The legend is outside the frame, to its right, built from the key map.
    const legend = besideBox(frame);
    expect(box).not.toContain('Backspace');
    expect(legend).toContain('按键');
    expect(legend).toMatch(/Enter\s+确认/);
    expect(legend).toMatch(/Esc\s+取消/);
    expect(legend).toMatch(/Backspace\s+清除/);
    expect(legend).toMatch(/m\s+菜单\(设置\)/);
    expect(legend).toMatch(/p\s+电源\(重启\)/);
    expect(legend).toMatch(/Ctrl\+C\s+退出/);
    expectSquareBox(frame);
  });

  it('shows the soft-key hints 取消 and 确认 on the bottom line of a prompt', async () => {
    const app = await start();
    const frame = await press(app, 'm', '请输入密码');
    const lines = deviceBox(frame);
    expect(lines[3]).toContain('请输入密码');
    expect(insideBox(frame)).toContain('操作员 00 主管');
    // Bottom line inside the frame: cancel on the left, confirm on the right.
    expect(lines[FRAME_HEIGHT - 2]).toMatch(/^\| \[取消\]取消\s+\[确认\]确认 \|$/);
    expectSquareBox(frame);
  });

  it('keeps every line of the frame the same width with Chinese text on every screen', async () => {
    const app = await start();
    const screens = [plain(app.lastFrame())];
    screens.push(await press(app, 'm', '请输入密码'));
    screens.push(await press(app, '12', '**'));
    screens.push(await press(app, '3456', '******'));
    screens.push(await press(app, KEY.enter, '绑定管理'));
    screens.push(await press(app, KEY.enter, '6222 **** **** 1234'));
    screens.push(await press(app, KEY.down));
    for (const frame of screens) expectSquareBox(frame);
    // The settings menu and the 绑定管理 list did show, with a selected row.
    expect(screens[4]).toMatch(/> 1\.绑定管理/);
    expect(insideBox(screens[5] ?? '')).toContain('商户账号');
  });
});

describe('keys', () => {
  it("'m' opens the settings password prompt and Esc goes back home", async () => {
    const app = await start();
    const prompt = await press(app, 'm', '请输入密码');
    expect(deviceBox(prompt)[3]).toContain('请输入密码');
    const home = await press(app, KEY.escape, '按[菜单]键进入设置');
    expect(deviceBox(home)[3]).toContain('上海浦东便利店');
    expect(home).not.toContain('请输入密码');
  });

  it('masks the password: typed digits show as *, Backspace removes one, and no digit ever reaches a frame', async () => {
    const app = await start();
    await press(app, 'm', '请输入密码');
    // One key at a time, as a person types.
    for (const digit of '123') await press(app, digit);
    let frame = plain(app.lastFrame());
    expect(insideBox(frame)).toMatch(/\|\s+\*\*\*_\s+\|/);
    // Backspace is the device's 清除: one digit fewer.
    frame = await press(app, KEY.backspace);
    expect(insideBox(frame)).toMatch(/\|\s+\*\*_\s+\|/);
    // Fast typing arrives as one chunk.
    frame = await press(app, '3456', '******');
    expect(insideBox(frame)).toMatch(/\|\s+\*{6}_?\s+\|/);
    await press(app, KEY.enter, '绑定管理');

    const frames = app.frames.map(plain);
    expect(frames.length).toBeGreaterThan(5);
    for (const each of frames) {
      expect(each).not.toContain('123');
      expect(each).not.toContain('3456');
    }
    // On every prompt frame, the row under the operator holds only the mask and the cursor.
    const promptFrames = frames.filter((each) => each.includes('操作员 00 主管'));
    expect(promptFrames.length).toBeGreaterThan(3);
    for (const each of promptFrames) {
      const lines = deviceBox(each);
      const operator = lines.findIndex((line) => line.includes('操作员 00 主管'));
      expect(lines[operator + 1]).toMatch(/^\|\s+[*_]+\s+\|$/);
    }
  });

  it('a wrong password is refused without showing it', async () => {
    const app = await start();
    await press(app, 'm', '请输入密码');
    await press(app, '987654', '******');
    const frame = await press(app, KEY.enter, '还可尝试2次');
    expect(frame).toMatch(/密码错误/);
    for (const each of app.frames.map(plain)) expect(each).not.toMatch(/9876|8765|7654/);
  });

  it('arrow keys move the selection in 设置 and Enter opens the selected item', async () => {
    const app = await start();
    const menu = await openSettings(app);
    expect(menu).toMatch(/> 1\.绑定管理/);
    const down = await press(app, KEY.down, '> 2.支付方式管理');
    expect(down).not.toMatch(/> 1\.绑定管理/);
    const up = await press(app, KEY.up, '> 1.绑定管理');
    expect(up).not.toMatch(/> 2\.支付方式管理/);
    const bindings = await press(app, KEY.enter, '商户账号');
    expect(deviceBox(bindings)[3]).toContain('绑定管理');
    expect(insideBox(bindings)).toContain('云闪付');
  });

  it("'p' power-cycles the device: the boot screen shows, and the device comes back home on its clock", async () => {
    const app = await start();
    await press(app, 'm', '请输入密码');
    const boot = await press(app, 'p', '系统启动中');
    expect(boot).not.toContain('请输入密码');
    expectSquareBox(boot);
    // The boot runs on the device's clock, which the test holds still until it lets time pass.
    simulator?.advance(BOOT_MS);
    const home = await waitForText(app, '按[菜单]键进入设置');
    expect(home).not.toContain('系统启动中');
  });

  it('ignores keys that are not on the key map', async () => {
    const app = await start();
    const before = plain(app.lastFrame());
    const states = simulator?.session.activeStates();
    app.stdin.write('abz');
    app.stdin.write('\t');
    // A key that is mapped, written after the ignored ones, proves the earlier writes were handled.
    await press(app, 'm', '请输入密码');
    expect(before).toContain('按[菜单]键进入设置');
    expect(states).toEqual(['device.home']);
    expect(simulator?.session.activeStates()).toContain('passwordPrompt.entering');
    expect(app.frames.map(plain).filter((frame) => frame !== before && !frame.includes('请输入密码'))).toEqual([]);
  });
});

describe('terminal size', () => {
  it('a terminal narrower than the frame gets a message instead of a broken frame, and the frame returns when it grows', async () => {
    const app = await start();
    resize(app, FRAME_WIDTH - 5, 30);
    const small = await waitForFrame(app, (frame) => frame.replace(/\s/g, '').includes('终端窗口太小'), 'the too-small message');
    const flat = small.replace(/\s/g, '');
    expect(flat).toContain(`至少需要${FRAME_WIDTH}x${FRAME_HEIGHT}`);
    expect(flat).toContain(`当前${FRAME_WIDTH - 5}x30`);
    expect(small).not.toContain('+--');
    expect(small).not.toContain('上海浦东便利店');

    resize(app, 100, 30);
    const back = await waitForText(app, '上海浦东便利店');
    expect(back).not.toContain('终端窗口太小');
    expectSquareBox(back);
  });

  it('a terminal shorter than the frame gets the message too', async () => {
    const app = await start();
    resize(app, 100, FRAME_HEIGHT - 1);
    const small = await waitForFrame(app, (frame) => frame.includes('终端窗口太小'), 'the too-small message');
    expect(small.replace(/\s/g, '')).toContain(`当前100x${FRAME_HEIGHT - 1}`);
    expect(small).not.toContain('+--');
  });

  it('a narrow but tall terminal puts the legend under the frame; a narrow short one leaves it out', async () => {
    const app = await start();
    // The legend's rows under the frame, and a row spare.
    resize(app, FRAME_WIDTH + 2, FRAME_HEIGHT + 20);
    const tall = await waitForFrame(app, (frame) => frame.split('\n').length > FRAME_HEIGHT + 5, 'the legend under the frame');
    expectSquareBox(tall);
    const under = tall.split('\n').slice(FRAME_HEIGHT).join('\n');
    expect(under).toContain('按键');
    expect(under).toMatch(/Enter\s+确认/);

    resize(app, FRAME_WIDTH + 2, FRAME_HEIGHT + 2);
    const short = await waitForFrame(app, (frame) => !frame.includes('按键'), 'the legend to go');
    expectSquareBox(short);
    expect(short.split('\n').length).toBe(FRAME_HEIGHT);
  });
});
