// The merchant's phone beside the device: the texted code shows while it is good, replacing the key
// legend in an 80x24 terminal, beside it in a wide one, under the device in a narrow one; the
// device frame stays square and the code never appears on the device.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sms } from '../../src/device/device-session.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { translator } from '../../src/i18n/messages.js';
import { App } from '../../src/ui/app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { wrapToWidth } from '../../src/line-breaks.js';
import { PHONE_MIN_WIDTH, PHONE_WIDTH, PhonePanel } from '../../src/ui/phone-panel.js';
import { deviceBox, plain, resize, waitForFrame, type Rendered } from '../support/ink.js';

/** What is drawn right of the device box, line by line. */
const besideDevice = (frame: string): string =>
  frame
    .split('\n')
    .map((line, index) => (index < FRAME_HEIGHT ? line.slice(deviceBox(frame)[index]?.length) : ''))
    .join('\n');

const SMS: Sms = {
  from: '95534',
  to: '13812341234',
  text: '【银联商务】您的验证码为482913，5分钟内有效，请勿泄露。',
  code: '482913',
  at: Date.parse('2026-06-01T09:00:01.600+08:00'),
};

let simulator: Simulator | undefined;
let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  simulator?.stop();
  simulator = undefined;
});

/**
 * A device at 短信验证 of 解绑 结算卡, drawn in a terminal of the given size; `ready` tells the frame
 * drawn after the resize.
 */
const atCodePrompt = async (columns: number, rows: number, ready: (frame: string) => boolean, lang: 'zh' | 'en' = 'zh') => {
  simulator = createSimulator({ lang });
  simulator.press('菜单');
  simulator.type('123456');
  simulator.press('确认', '1', '2', '确认', '1', '确认');
  expect(simulator.session.activeStates()).toContain('smsVerification.entering');
  rendered = render(<App session={simulator.session} />);
  resize(rendered, columns, rows);
  const code = simulator.sms()?.code ?? 'none';
  const frame = await waitForFrame(rendered, (each) => each.includes(code) && ready(each), 'the phone');
  return { sim: simulator, app: rendered, code, frame };
};

describe('the phone panel', () => {
  it('shows the number (masked), the sender, the time on the device clock and the text, within its width', () => {
    const panel = render(<PhonePanel sms={SMS} t={translator('zh')} width={PHONE_WIDTH} />);
    const frame = plain(panel.lastFrame());
    panel.unmount();
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^\+-+\+$/);
    expect(lines[1]).toContain('手机 138****1234');
    expect(lines[2]).toContain('来自 95534  09:00');
    expect(frame.replace(/[|\s]/g, '')).toContain('【银联商务】您的验证码为482913，5分钟内有效，请勿泄露。');
    for (const line of lines) expect({ line, width: stringWidth(line) }).toEqual({ line, width: PHONE_WIDTH });
    expect(frame).not.toContain('13812341234');
  });

  it('breaks the text between words, as the device does: the code stays whole, even at its narrowest', () => {
    for (let width = PHONE_MIN_WIDTH; width <= PHONE_WIDTH; width += 1) {
      const panel = render(<PhonePanel sms={SMS} t={translator('zh')} width={width} />);
      const rows = plain(panel.lastFrame())
        .split('\n')
        .slice(3, -1)
        .map((line) => line.slice(2, -2).trimEnd());
      panel.unmount();
      expect(rows, `width ${width}`).toEqual(wrapToWidth(SMS.text, width - 4));
      expect(rows.some((row) => row.includes('482913')), `width ${width}`).toBe(true);
    }
  });

  it('speaks English', () => {
    const panel = render(<PhonePanel sms={{ ...SMS, text: 'Your code is 482913' }} t={translator('en')} width={30} />);
    const frame = plain(panel.lastFrame());
    panel.unmount();
    expect(frame).toContain('Phone 138****1234');
    expect(frame).toContain('From 95534');
  });

});

describe('the phone beside the device', () => {
  it('is not there before a code is texted', async () => {
    simulator = createSimulator();
    rendered = render(<App session={simulator.session} />);
    resize(rendered, 80, 24);
    const frame = await waitForFrame(rendered, (each) => each.includes('按键'), 'the legend');
    expect(frame).not.toContain('手机');
  });

  it('in 80x24 it goes beside the device with the legend under it, and the code is on the phone only', async () => {
    const { frame, code } = await atCodePrompt(80, 24, (each) => each.includes('手机'));
    const side = besideDevice(frame);
    expect(side).toContain('手机 138****1234');
    expect(side).toContain('来自 95534');
    expect(side.replace(/[|\s]/g, '')).toContain(`您的验证码为${code}，5分钟内有效`);
    expect(side.indexOf('按键')).toBeGreaterThan(side.indexOf('手机 138****1234'));
    // A column of space between the device's border and the phone's.
    const phoneTop = side.split('\n').find((line) => line.includes('+-'));
    expect(phoneTop).toMatch(/^ \+-+\+$/);
    const box = deviceBox(frame);
    expect(box.join('\n')).toContain('验证码已发送至 138****1234');
    expect(box.join('\n')).not.toContain(code);
    for (const line of box) expect(stringWidth(line)).toBe(FRAME_WIDTH);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('in 80x24 a first R still asks for the second, under the phone', async () => {
    const { app } = await atCodePrompt(80, 24, (each) => each.includes('手机'));
    app.stdin.write('R');
    const frame = await waitForFrame(app, (each) => each.includes('再按 R 恢复出厂设置'), 'the reset prompt');
    expect(besideDevice(frame)).toContain('手机 138****1234');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
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
    expect(besideDevice(frame).trim()).toBe('');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(FRAME_WIDTH + 10);
  });

  it('goes when the code runs out, and a new code brings it back', async () => {
    const { sim, app, code } = await atCodePrompt(80, 24, (each) => each.includes('手机'));
    sim.advance(5 * 60_000);
    const expired = await waitForFrame(app, (each) => !each.includes('手机'), 'the phone to go');
    expect(expired).not.toContain('手机');
    expect(expired).toContain('验证码已过期，请重新获取');
    sim.press('确认');
    const again = sim.sms()?.code ?? 'none';
    expect(again).not.toBe(code);
    const frame = await waitForFrame(app, (each) => each.includes(again), 'the new code');
    expect(frame).toContain('手机 138****1234');
  });

  it('shows the English text in an English session', async () => {
    const { frame, code } = await atCodePrompt(80, 24, (each) => each.includes('Phone'), 'en');
    expect(frame).toContain('Phone 138****1234');
    expect(besideDevice(frame).replace(/[|\s]/g, '')).toContain(`[ChinaUMS]Yourverificationcodeis${code}.`);
  });
});
