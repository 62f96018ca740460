// The classic terminal in the interactive UI: a 20-column frame around the LCD's icon strip and its
// four lines (the title's in reverse video), square with Chinese text in it, the selected item alone
// in reverse video where two share a line, 上/下 paging, and the legend, phone and printer beside it
// in 80x24.
import chalk, { type ColorSupportLevel } from 'chalk';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { App } from '../../src/ui/app.js';
import { frameSize } from '../../src/ui/device-frame.js';
import { padEnd } from '../../src/text-width.js';
import { deviceBox, KEY, plain, press, resize, waitForFrame, waitForText, type Rendered } from '../support/ink.js';

const FRAME = frameSize(loadProfile('classic-s80').device.display);
/** Reverse video on, and off, as Ink writes them. */
const INVERSE = '\u001B[7m';
const INVERSE_OFF = '\u001B[27m';

/** A line of the box: the LCD's 16 columns between the border and its padding. */
const row = (text: string): string => `| ${padEnd(text, 16)} |`;

// Chalk sees no terminal under vitest: turn it on to see the reverse video Ink writes at a real one.
let level: ColorSupportLevel;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

let simulator: Simulator | undefined;
let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  simulator?.stop();
  simulator = undefined;
});

const start = async (columns = 80, rows = 24): Promise<Rendered> => {
  simulator = createSimulator({ fixture: 'classic-s80' });
  rendered = render(<App session={simulator.session} />);
  resize(rendered, columns, rows);
  await waitForText(rendered, '西湖面馆');
  return rendered;
};

/** The device box, checked square: every line exactly as wide as the frame, in terminal columns. */
const squareBox = (frame: string): string[] => {
  const box = deviceBox(frame, FRAME.height);
  expect(box).toHaveLength(FRAME.height);
  expect(box[0]).toMatch(/^\+([-=])\1{17}\+$/);
  expect(box.at(-1)).toMatch(/^\+([-=])\1{17}\+$/);
  for (const line of box) expect({ line, width: stringWidth(line) }).toEqual({ line, width: FRAME.width });
  return box;
};

/** The frame's rows in ASCII and Chinese only: no ambiguous-width character that CJK terminals draw two columns wide. */
const expectNoAmbiguousWidth = (box: readonly string[]) => {
  for (const line of box) expect(line).not.toMatch(/[↑↓…—“”‘’·]/);
};

describe('the classic frame', () => {
  it("is 20 columns by 8 rows: icon strip, rule, then the LCD's four lines, square with Chinese text", async () => {
    const frame = plain((await start()).lastFrame());
    const box = squareBox(frame);
    expect(FRAME).toEqual({ width: 20, height: 8 });
    expect(box.slice(1, -1)).toEqual(
      ['在线       09:00', '-'.repeat(16), '    西湖面馆 1/3', '商户号', '898310058120134', '终端号 33018826'].map(row),
    );
    expectNoAmbiguousWidth(box);
    // The legend beside it.
    expect(frame.split('\n')[0]).toContain('按键');
  });

  it('draws the title line in reverse video, as the LCD does', async () => {
    const app = await start();
    const raw = (app.lastFrame() ?? '').split('\n').find((line) => line.includes('西湖面馆')) ?? '';
    const reversed = raw.slice(raw.indexOf(INVERSE), raw.indexOf(INVERSE_OFF) + INVERSE_OFF.length);
    expect(plain(reversed)).toBe('    西湖面馆 1/3');
    expect(plain(raw.slice(0, raw.indexOf(INVERSE)))).toBe('| ');
  });

  it('shows the main menu two items a line, the selected one alone in reverse video', async () => {
    const app = await start();
    const menu = await press(app, 'f', '7.管理');
    expect(squareBox(menu).slice(3, 7)).toEqual(['>1.消费 2.撤销', ' 3.退货 4.预授权', ' 5.离线 6.打印', ' 7.管理'].map(row));
    await press(app, KEY.down, '>2.撤销');
    const raw = app.lastFrame() ?? '';
    expect(raw).toContain(`${INVERSE}>2.撤销${INVERSE_OFF}`);
    expect(raw).not.toContain(`${INVERSE} 1.消费`);
  });

  it('turns pages with Up and Down, and the next screen opens at its own page', async () => {
    const app = await start();
    await press(app, KEY.down, '西湖面馆 2/3');
    const second = plain(app.lastFrame());
    expect(squareBox(second).slice(3, 7)).toEqual(['    西湖面馆 2/3', '柜员01', '批次000001', '按[确认]键收款'].map(row));
    await press(app, KEY.up, '西湖面馆 1/3');
  });

  it('fits 80x24 with the phone beside it while a code is texted, and the printer when a receipt prints', async () => {
    const app = await start();
    await press(app, 'm', '请输入密码');
    await press(app, '123456', '******_');
    await press(app, KEY.enter, '1.绑定管理');
    await press(app, '1', '结算卡');
    await press(app, '2');
    await press(app, KEY.enter);
    await press(app, '1', '解绑申请');
    const withPhone = await press(app, KEY.enter, '手机 138****1234');
    squareBox(withPhone);
    expect(withPhone).toContain(`${simulator?.sms()?.code ?? 'none'}`.slice(0, 8));
    for (const line of withPhone.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(withPhone.split('\n').length).toBeLessThanOrEqual(24);
    // Back home, a sale prints its receipt: the printer comes beside the device too.
    // Esc goes back one step: 解绑申请, the reason, the card (its first page), 绑定管理, 设置, home.
    for (const screen of ['解绑申请', '解绑原因', '类型：结算卡', '绑定管理', '设置', '西湖面馆']) await press(app, KEY.escape, screen);
    await press(app, KEY.enter, '请输入金额');
    await press(app, '100', '1.00元');
    await press(app, KEY.enter, '挥卡/闪付');
    await press(app, '1');
    simulator?.advance(2000);
    const withPrinter = await waitForFrame(app, (frame) => frame.includes('打印机') && frame.includes('交易成功'), 'the printer');
    squareBox(withPrinter);
    for (const line of withPrinter.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(withPrinter.split('\n').length).toBeLessThanOrEqual(24);
  });
});
