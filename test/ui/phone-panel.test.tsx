// The phone beside the device: a phone with a home screen and apps, on screen while it is needed (a
// texted code the terminal waits for, a payment to confirm, an app open) or kept there by the
// trainer (h); Tab moves the keypad to it and back, and the one that has the keypad shows it. It
// fits 80x24 beside the device (the legend gives way), goes beside the legend in a wide terminal and
// under the device in a narrow one; the device frame stays square, and no code or password shows on
// the terminal.
import { render } from 'ink-testing-library';
import { PHONE_DISPLAY } from '../../src/phone/phone-session.js';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { translator } from '../../src/i18n/messages.js';
import { App } from '../../src/ui/app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { PHONE_HEIGHT, PHONE_WIDTH, PhonePanel } from '../../src/ui/phone-panel.js';
import { deviceBox, KEY, plain, resize, waitForFrame, type Rendered } from '../support/ink.js';

/** What is drawn right of the device box, line by line. */
const besideDevice = (frame: string): string =>
  frame
    .split('\n')
    .map((line, index) => (index < FRAME_HEIGHT ? line.slice(deviceBox(frame)[index]?.length) : ''))
    .join('\n');

let simulator: Simulator | undefined;
let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  simulator?.stop();
  simulator = undefined;
});

const show = async (columns: number, rows: number, ready: (frame: string) => boolean, what: string, lang: 'zh' | 'en' = 'zh') => {
  simulator ??= createSimulator({ lang });
  rendered = render(<App session={simulator.session} />);
  resize(rendered, columns, rows);
  const frame = await waitForFrame(rendered, ready, what);
  return { sim: simulator, app: rendered, frame };
};

/** A device at 短信验证 of 解绑 结算卡: the code is on the phone. */
const atCodePrompt = async (columns: number, rows: number, ready: (frame: string) => boolean, lang: 'zh' | 'en' = 'zh') => {
  simulator = createSimulator({ lang });
  simulator.press('菜单');
  simulator.type('123456');
  simulator.press('确认', '1', '2', '确认', '1', '确认');
  expect(simulator.session.activeStates()).toContain('smsVerification.entering');
  const code = simulator.sms()?.code ?? 'none';
  const shown = await show(columns, rows, (each) => each.replace(/[|\s]/g, '').includes(code) && ready(each), 'the phone', lang);
  return { ...shown, code };
};

describe('the phone panel', () => {
  it('draws the phone’s number (masked), the time, the title, its rows and soft keys within its width, and who has the keypad', () => {
    const sim = (simulator = createSimulator());
    const t = translator('zh');
    const panel = render(<PhonePanel rows={sim.session.phone.rows()} t={t} focused={false} />);
    const frame = plain(panel.lastFrame());
    panel.unmount();
    const lines = frame.split('\n');
    expect(lines).toHaveLength(PHONE_HEIGHT);
    expect(lines[0]).toMatch(/^\+-+\+$/);
    expect(lines[1]).toMatch(/^\| 手机 138\*\*\*\*1234 +09:00 \|$/);
    expect(lines[2]).toContain('主屏幕');
    expect(frame).toContain('> 1.短信');
    expect(frame).toContain('4.支付宝');
    expect(frame).toContain('[确认]打开');
    expect(lines.at(-2)).toContain('按 Tab 操作手机');
    for (const line of lines) expect({ line, width: stringWidth(line) }).toEqual({ line, width: PHONE_WIDTH });
    expect(frame).not.toContain('13812341234');

    const focused = render(<PhonePanel rows={sim.session.phone.rows()} t={t} focused />);
    const withKeypad = plain(focused.lastFrame()).split('\n');
    focused.unmount();
    expect(withKeypad[0]).toMatch(/^\+=+\+$/);
    expect(withKeypad.at(-2)).toContain('按 Tab 回到POS机');
  });

  it('squeezed to fewer rows than a text needs, ends its last row with …; with room, shows all of it', () => {
    const sim = (simulator = createSimulator());
    sim.phone.select('微信');
    sim.phone.select('我');
    sim.phone.select('服务');
    sim.phone.select('钱包');
    sim.phone.select('支付设置');
    sim.phone.select('免密支付');
    const texts = (rows: number) => sim.session.phone.rows(rows).body.map((line) => line.text.trimEnd());
    const full = texts(PHONE_DISPLAY.rows).filter((text) => text !== '');
    expect(full.length).toBeGreaterThan(3);
    expect(full.join('')).not.toContain('…');
    const squeezed = texts(3);
    expect(squeezed.slice(0, 2)).toEqual(full.slice(0, 2));
    expect(squeezed[2]).toMatch(/…$/);
  });

  it('marks a list with rows out of view: v on the rule below, ^ on the rule above once it has scrolled', () => {
    const sim = (simulator = createSimulator());
    const t = translator('zh');
    const rules = (bodyRows: number) => {
      const panel = render(<PhonePanel rows={sim.session.phone.rows(bodyRows)} t={t} focused={false} />);
      const lines = plain(panel.lastFrame()).split('\n');
      panel.unmount();
      return { above: lines[3], below: lines.at(-4), all: lines };
    };
    // The home screen's four apps in two rows of room: 1.短信 selected at the top, 3 and 4 out of view.
    expect(rules(2).above).toBe(`| ${'-'.repeat(PHONE_DISPLAY.columns)} |`);
    expect(rules(2).below).toBe(`| ${'-'.repeat(PHONE_DISPLAY.columns - 2)} v |`);
    sim.phone.press('下', '下', '下');
    const scrolled = rules(2);
    expect(scrolled.all.join('\n')).toContain('> 4.支付宝');
    expect(scrolled.above).toBe(`| ${'-'.repeat(PHONE_DISPLAY.columns - 2)} ^ |`);
    expect(scrolled.below).toBe(`| ${'-'.repeat(PHONE_DISPLAY.columns)} |`);
    // With room for every row, no mark.
    expect(rules(PHONE_DISPLAY.rows).below).toBe(`| ${'-'.repeat(PHONE_DISPLAY.columns)} |`);
  });

  it('speaks English', () => {
    const sim = (simulator = createSimulator({ lang: 'en' }));
    const panel = render(<PhonePanel rows={sim.session.phone.rows()} t={translator('en')} focused={false} />);
    const frame = plain(panel.lastFrame());
    panel.unmount();
    expect(frame).toContain('Phone 138****1234');
    expect(frame).toContain('1.Messages');
    expect(frame).toContain('Tab: use the phone');
  });
});

describe('the phone beside the device', () => {
  it('is not there while nothing needs it: the legend is, naming Tab and h', async () => {
    const { frame } = await show(80, 24, (each) => each.includes('按键'), 'the legend');
    expect(frame).not.toContain('手机 138');
    expect(frame).toMatch(/Tab\s+切换POS机\/手机/);
    expect(frame).toMatch(/h\s+显示\/收起手机/);
  });

  it('in 80x24 it comes beside the device with the code, the legend gives way, and the code is on the phone only', async () => {
    const { frame, code } = await atCodePrompt(80, 24, (each) => each.includes('手机 138'));
    const side = besideDevice(frame);
    expect(side).toContain('手机 138****1234');
    expect(side).toContain('[新] 95534 09:00');
    expect(side.replace(/[|\s]/g, '')).toContain(`您的验证码为${code}，5分钟内有效`);
    expect(side).not.toContain('按键');
    // A column of space between the device's border and the phone's.
    expect(side.split('\n')[0]).toMatch(/^ \+-+\+$/);
    const box = deviceBox(frame);
    expect(box.join('\n')).toContain('验证码已发送至 138****1234');
    expect(box.join('\n')).not.toContain(code);
    for (const line of box) expect(stringWidth(line)).toBe(FRAME_WIDTH);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('in 80x24 a first R still asks for the second, under the phone', async () => {
    const { app } = await atCodePrompt(80, 24, (each) => each.includes('手机 138'));
    app.stdin.write('R');
    const frame = await waitForFrame(app, (each) => each.includes('再按 R 恢复出厂设置'), 'the reset prompt');
    expect(besideDevice(frame)).toContain('手机 138****1234');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('in a wide terminal the legend stays beside the phone', async () => {
    const { frame } = await atCodePrompt(120, 30, (each) => each.includes('按键'));
    const side = besideDevice(frame);
    expect(side).toContain('手机 138****1234');
    expect(side).toContain('按键');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(120);
  });

  it('in a narrow tall terminal it goes under the device', async () => {
    const { frame } = await atCodePrompt(FRAME_WIDTH + 10, 40, (each) => besideDevice(each).trim() === '');
    const under = frame.split('\n').slice(FRAME_HEIGHT).join('\n');
    expect(under).toContain('手机 138****1234');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(FRAME_WIDTH + 10);
  });

  it('with no room for it anywhere (60x20), says so beside the device and how big the window must be', async () => {
    simulator = createSimulator();
    simulator.press('菜单');
    simulator.type('123456');
    simulator.press('确认', '1', '2', '确认', '1', '确认');
    expect(simulator.session.activeStates()).toContain('smsVerification.entering');
    const narrow = (each: string) => each.split('\n').every((line) => stringWidth(line) <= 60);
    const { frame } = await show(60, 20, (each) => each.includes('短信验证') && narrow(each), 'the frame at 60x20');
    const side = besideDevice(frame).replace(/\s+/g, '');
    expect(side).toContain(`窗口太小，放不下手机：请放大到至少${FRAME_WIDTH + 1 + PHONE_WIDTH}x${FRAME_HEIGHT + 1}`);
    expect(frame).not.toContain('手机 138');
  });

  it('goes when the code runs out, and a new code brings it back', async () => {
    const { sim, app, code } = await atCodePrompt(80, 24, (each) => each.includes('手机 138'));
    sim.advance(5 * 60_000);
    const expired = await waitForFrame(app, (each) => !each.includes('手机 138'), 'the phone to go');
    expect(expired).toContain('验证码已过期，请重新获取');
    sim.press('确认');
    const again = sim.sms()?.code ?? 'none';
    expect(again).not.toBe(code);
    const frame = await waitForFrame(app, (each) => each.replace(/[|\s]/g, '').includes(again), 'the new code');
    expect(frame).toContain('手机 138****1234');
  });

  it('shows the English text in an English session', async () => {
    const { frame, code } = await atCodePrompt(80, 24, (each) => each.includes('Phone'), 'en');
    expect(frame).toContain('Phone 138****1234');
    expect(besideDevice(frame).replace(/[|\s]/g, '')).toContain(`[ChinaUMS]Yourverificationcodeis${code}.`);
  });
});

describe('the keypad on the terminal or the phone', () => {
  it('a burst of keys after Tab (tmux send-keys Tab 2) goes to the phone as the keys typed one by one would', async () => {
    const { app, sim } = await show(100, 30, (each) => each.includes('按键'), 'the legend');
    app.stdin.write('\t2');
    await waitForFrame(app, (each) => each.includes('按 Tab 回到POS机'), 'the phone with the keypad');
    expect(sim.phone.title()).toBe('云闪付');
    expect(sim.session.activeStates()).not.toContain('device.settings');
  });

  it('Tab moves it to the phone (which comes on screen) and back; the one that has it has the = border', async () => {
    const { app, sim } = await show(80, 24, (each) => each.includes('按键'), 'the legend');
    app.stdin.write('\t');
    let frame = await waitForFrame(app, (each) => each.includes('按 Tab 回到POS机'), 'the phone with the keypad');
    expect(besideDevice(frame).split('\n')[0]).toMatch(/^ \+=+\+$/);
    expect(frame.split('\n')[0]).toMatch(/^\+-+\+/);
    // The phone's keys go to the phone: 1 opens 短信; the terminal's own keys stay the terminal's.
    app.stdin.write('1');
    await waitForFrame(app, (each) => each.includes('暂无短信'), '短信 on the phone');
    expect(sim.session.activeStates()).toEqual(['device.home']);
    app.stdin.write('m');
    await waitForFrame(app, (each) => each.includes('请输入密码'), '设置 on the terminal');
    expect(sim.phone.states()).toEqual(['phone.sms']);
    app.stdin.write('\t');
    frame = await waitForFrame(app, (each) => each.includes('按 Tab 操作手机'), 'the keypad back on the terminal');
    expect(frame.split('\n')[0]).toMatch(/^\+=+\+/);
    app.stdin.write('1');
    await waitForFrame(app, (each) => each.includes('*_'), 'a digit of the password on the terminal');
    expect(sim.phone.states()).toEqual(['phone.sms']);
  });

  it('h keeps the phone on screen, and h again puts it away (it still comes when needed)', async () => {
    const { app } = await show(80, 24, (each) => each.includes('按键'), 'the legend');
    app.stdin.write('h');
    let frame = await waitForFrame(app, (each) => each.includes('手机 138') && each.includes('手机一直显示'), 'the phone kept');
    expect(frame).toContain('主屏幕');
    app.stdin.write('h');
    frame = await waitForFrame(app, (each) => !each.includes('手机 138'), 'the phone put away');
    expect(frame).toContain('手机已收起：需要时会出现');
  });

  it('a QR payment that needs a password brings the phone with the keypad; the password goes to the phone, never the terminal; then the keypad comes back', async () => {
    const { app, sim } = await show(80, 24, (each) => each.includes('按键'), 'the legend');
    app.stdin.write(`${KEY.enter}50001${KEY.enter}32`);
    let frame = await waitForFrame(app, (each) => each.includes('微信付款'), 'the payment sheet');
    expect(deviceBox(frame).join('\n')).toContain('请付款人在手机上确认');
    expect(frame).toContain('按 Tab 回到POS机');
    app.stdin.write('112233');
    frame = await waitForFrame(app, (each) => each.includes('支付成功'), 'paid on the phone');
    expect(frame).not.toContain('112233');
    expect(deviceBox(frame).join('\n')).toContain('交易处理中');
    expect(frame).toContain('按 Tab 操作手机');
    sim.advance(1500);
    await waitForFrame(app, (each) => each.includes('付款人已在手机上确认'), 'the sale approved');
    app.stdin.write(KEY.enter);
    await waitForFrame(app, (each) => each.includes('按[确认]键收款'), 'the terminal home');
    expect(sim.store.snapshot().records.at(-1)?.sale).toMatchObject({ method: 'qr-wechat', approved: true, passwordFree: false });
  });
});
