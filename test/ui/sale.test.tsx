// 收款 in the interactive UI: Enter on the home screen starts a sale, the amount fills in from the
// fen side, the PIN shows only as * (never a digit of it in any frame), and the answer arrives on
// the device clock. Every frame keeps the device box square.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { SALE_PROCESSING_MS } from '../../menus/sale.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { App } from '../../src/ui/app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { deviceBox, plain, waitForFrame, type Rendered } from '../support/ink.js';

const ENTER = '\r';
const ESCAPE = '\u001B';
const BACKSPACE = '\u007F';
/** The shipped profiles' test card PIN. */
const CARD_PIN = '147258';

/** The frame's text with spaces and box borders gone, so a line wrapped in the box still reads whole. */
const flat = (frame: string): string => frame.replace(/[\s|]/g, '');

/** Waits until the frame shows `text`, maybe wrapped in the box. */
const waitForText = (rendered: Rendered, text: string): Promise<string> =>
  waitForFrame(rendered, (frame) => frame.includes(text) || flat(deviceBox(frame).join('')).includes(flat(text)), JSON.stringify(text));

/** Writes keys and waits for `text` to show. */
const press = (rendered: Rendered, keys: string, text: string): Promise<string> => {
  rendered.stdin.write(keys);
  return waitForText(rendered, text);
};

const expectSquareBox = (frame: string) => {
  const lines = deviceBox(frame);
  expect(lines).toHaveLength(FRAME_HEIGHT);
  for (const line of lines) expect({ line, width: stringWidth(line) }).toEqual({ line, width: FRAME_WIDTH });
};

let simulator: Simulator | undefined;
let rendered: Rendered | undefined;

const start = async (): Promise<Rendered> => {
  simulator = createSimulator();
  rendered = render(<App session={simulator.session} />);
  await waitForText(rendered, '按[确认]键收款');
  return rendered;
};

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  simulator?.stop();
  simulator = undefined;
});

describe('收款 in the terminal', () => {
  it('Enter starts a sale; digits fill the amount in from the fen side and Backspace takes one off', async () => {
    const app = await start();
    expect(deviceBox(plain(app.lastFrame())).join('\n')).toContain('按[菜单]键进入设置');
    let frame = await press(app, ENTER, '请输入金额');
    expect(frame).toContain('0.00元');
    await press(app, '1', '0.01元');
    await press(app, '2', '0.12元');
    await press(app, '3', '1.23元');
    frame = await press(app, '4', '12.34元');
    expectSquareBox(frame);
    frame = await press(app, BACKSPACE, '1.23元');
    expect(frame).not.toContain('12.34元');
    await press(app, ESCAPE, '按[确认]键收款');
    expect(simulator?.session.activeStates()).toEqual(['device.home']);
  });

  it('a small tap shows 交易处理中, then 免密免签 once the host answers on the device clock', async () => {
    const app = await start();
    await press(app, ENTER, '请输入金额');
    await press(app, '1234', '12.34元');
    let frame = await press(app, ENTER, '请选择支付方式');
    expect(frame).toMatch(/> 1\.挥卡\/闪付/);
    expectSquareBox(frame);
    frame = await press(app, '1', '交易处理中');
    expectSquareBox(frame);
    simulator?.advance(SALE_PROCESSING_MS);
    frame = await waitForText(app, '免密免签');
    expect(frame).toContain('[00]交易成功');
    expect(flat(frame)).toContain('交易金额未超过1000元，免密免签');
    expectSquareBox(frame);
  });

  it('the PIN shows only as *: no frame ever holds a digit of it', async () => {
    const app = await start();
    await press(app, ENTER, '请输入金额');
    await press(app, '5', '0.05元');
    await press(app, ENTER, '请选择支付方式');
    let frame = await press(app, '2', '请持卡人输入密码');
    expectSquareBox(frame);
    // One key at a time, as a cardholder types.
    for (const [index, digit] of [...CARD_PIN].entries()) await press(app, digit, `${'*'.repeat(index + 1)}_`);
    await press(app, BACKSPACE, '*****_');
    frame = await press(app, '8', '******_');
    const pinRow = deviceBox(frame).find((line) => line.includes('*'));
    expect(pinRow).toMatch(/^\|\s+\*{6}_\s+\|$/);
    await press(app, ENTER, '交易处理中');
    simulator?.advance(SALE_PROCESSING_MS);
    frame = await waitForText(app, '已验证持卡人密码');
    expectSquareBox(frame);

    const frames = app.frames.map(plain);
    expect(frames.length).toBeGreaterThan(10);
    for (const each of frames) {
      const digitRuns = deviceBox(each).join('\n').match(/\d+/g) ?? [];
      for (const run of digitRuns) {
        // Merchant, terminal, operator and batch numbers, the clock, the amount and menu numbers are the only digits on screen.
        expect(
          ['898310058120134', '10086021', '01', '000001', '09', '00', '05', '0', '1', '2', '3'],
          `frame shows ${run}:\n${each}`,
        ).toContain(run);
      }
      expect(each).not.toMatch(/147|258|1472|7258/);
    }
  });

  it('three wrong PINs end in [75]密码错误次数超限; Enter goes home', async () => {
    const app = await start();
    await press(app, ENTER, '请输入金额');
    await press(app, '9', '0.09元');
    await press(app, ENTER, '请选择支付方式');
    await press(app, '2', '请持卡人输入密码');
    for (const left of [2, 1]) {
      await press(app, '975319', '******_');
      await press(app, ENTER, '交易处理中');
      simulator?.advance(SALE_PROCESSING_MS);
      await waitForText(app, `还可输入${left}次`);
    }
    await press(app, '975319', '******_');
    await press(app, ENTER, '交易处理中');
    simulator?.advance(SALE_PROCESSING_MS);
    const frame = await waitForText(app, '[75]密码错误次数超限');
    expect(deviceBox(frame)[3]).toContain('交易失败');
    expectSquareBox(frame);
    for (const each of app.frames.map(plain)) expect(each).not.toMatch(/9753|7531|5319/);
    await press(app, ENTER, '按[确认]键收款');
  });
});
