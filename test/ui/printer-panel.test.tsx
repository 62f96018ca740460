// The receipt printer beside the device: a new printout appears after a sale (beside the device in
// 80x24, the end of the paper in view), stays while the transaction's screens do, and is torn off
// by a key at the home screen; the trainer's o takes the paper out (打印机缺纸) and puts it back,
// and 确认 then prints.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { translator } from '../../src/i18n/messages.js';
import { App } from '../../src/ui/app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { paperInView, PRINTER_CHROME_ROWS, PRINTER_WIDTH, PrinterPanel } from '../../src/ui/printer-panel.js';
import { deviceBox, KEY, plain, press, resize, waitForFrame, waitForText, type Rendered } from '../support/ink.js';

/** What is drawn right of the device box, line by line (a panel beside it may go on below its bottom). */
const besideDevice = (frame: string): string =>
  frame
    .split('\n')
    .map((line, index) =>
      index < FRAME_HEIGHT
        ? line.slice(deviceBox(frame)[index]?.length)
        : line.startsWith(' '.repeat(FRAME_WIDTH))
          ? line.slice(FRAME_WIDTH)
          : '',
    )
    .join('\n');

const insideDevice = (frame: string): string => deviceBox(frame).join('\n');

/** Whether the printer panel is drawn: its title in its border (the legend's o line also says 打印机…). */
const PRINTER_TITLE = /\|\s*打印机\s*\|/;
const hasPrinter = (frame: string): boolean => PRINTER_TITLE.test(frame);

let simulator: Simulator | undefined;
let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  simulator?.stop();
  simulator = undefined;
});

/** The device drawn in a terminal of the given size, at the home screen. */
const drawn = async (columns: number, rows: number, lang: 'zh' | 'en' = 'zh') => {
  simulator = createSimulator({ lang });
  rendered = render(<App session={simulator.session} />);
  resize(rendered, columns, rows);
  await waitForText(rendered, lang === 'zh' ? '上海浦东便利店' : 'Pudong Corner Shop');
  return { sim: simulator, app: rendered };
};

/** A 12.34元 tap keyed on the terminal: Enter, the amount, Enter, 1; the host answers. */
const tapSale = async (sim: Simulator, app: Rendered, answer = '交易成功') => {
  await press(app, KEY.enter);
  await press(app, '1234');
  await press(app, KEY.enter);
  await press(app, '1');
  sim.advance(HOST_REPLY_MS);
  return waitForFrame(app, (frame) => insideDevice(frame).includes(answer), answer);
};

describe('the printer panel', () => {
  const lines = Array.from({ length: 40 }, (_, index) => `line ${index + 1}`);

  it('keeps the end of the paper in view and says how much is above it', () => {
    expect(paperInView(lines.slice(0, 5), 20)).toEqual({ above: 0, shown: lines.slice(0, 5) });
    const tall = 20;
    const { above, shown } = paperInView(lines, tall);
    expect(shown.at(-1)).toBe('line 40');
    expect(above + shown.length).toBe(40);
    expect(shown.length + 1 + PRINTER_CHROME_ROWS).toBe(tall);
  });

  it('draws the title, the count above and the last lines, each row as wide as the panel', () => {
    const panel = render(<PrinterPanel lines={lines} t={translator('zh')} height={12} />);
    const frame = plain(panel.lastFrame());
    panel.unmount();
    const rows = frame.split('\n');
    expect(rows).toHaveLength(12);
    expect(rows[1]).toContain('打印机');
    expect(rows[2]).toContain('(上面还有32行)');
    expect(rows.at(-2)).toContain('line 40');
    expect(frame).not.toContain('line 32 ');
    for (const row of rows) expect({ row, width: stringWidth(row) }).toEqual({ row, width: PRINTER_WIDTH });
  });

  it('speaks English', () => {
    const panel = render(<PrinterPanel lines={lines} t={translator('en')} height={12} />);
    const frame = plain(panel.lastFrame());
    panel.unmount();
    expect(frame).toContain('Printer');
    expect(frame).toContain('(32 more lines above)');
  });
});

describe('the printer beside the device', () => {
  it('in 80x24: not there before anything is printed; after a sale beside the device, the end of the 签购单 in view', async () => {
    const { sim, app } = await drawn(80, 24);
    expect(hasPrinter(plain(app.lastFrame()))).toBe(false);
    const frame = await tapSale(sim, app);
    const printer = await waitForFrame(app, (each) => hasPrinter(besideDevice(each)), 'the printer');
    const side = besideDevice(printer);
    expect(side).toContain('持卡人存根');
    expect(side).toContain('交易金额未超过1000元，免密免签');
    expect(side).toMatch(/\(上面还有\d+行\)/);
    // The paper's first lines are above, out of view.
    expect(side).not.toContain('商户存根');
    expect(insideDevice(frame)).toContain('交易成功');
    for (const line of deviceBox(printer)) expect(stringWidth(line)).toBe(FRAME_WIDTH);
    for (const line of printer.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(printer.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('in 80x24 with the phone kept on screen (h): the new 签购单 takes its place, and the phone comes back once it is torn off', async () => {
    const { sim, app } = await drawn(80, 24);
    await press(app, 'h', '主屏幕');
    await tapSale(sim, app);
    const printer = await waitForFrame(app, (each) => hasPrinter(besideDevice(each)), 'the printer');
    expect(besideDevice(printer)).toContain('持卡人存根');
    expect(besideDevice(printer)).not.toContain('主屏幕');
    await press(app, KEY.enter, '按[确认]键收款');
    const back = await press(app, KEY.enter, '主屏幕');
    expect(hasPrinter(besideDevice(back))).toBe(false);
  });

  it('stays through the transaction’s last screen, and goes with a key pressed at the home screen', async () => {
    const { sim, app } = await drawn(80, 24);
    await tapSale(sim, app);
    await waitForFrame(app, (each) => hasPrinter(besideDevice(each)), 'the printer');
    const home = await press(app, KEY.enter, '按[确认]键收款');
    expect(hasPrinter(besideDevice(home))).toBe(true);
    const torn = await press(app, KEY.down);
    expect(hasPrinter(torn)).toBe(false);
    expect(besideDevice(torn)).toContain('按键');
    expect(insideDevice(torn)).toContain('按[确认]键收款');
  });

  it('a new printout brings it back (重打印 from the main menu)', async () => {
    const { sim, app } = await drawn(80, 24);
    await tapSale(sim, app);
    await press(app, KEY.enter, '按[确认]键收款');
    await press(app, KEY.down);
    await press(app, 'f', '主菜单');
    await press(app, '4', '重打印最后一笔');
    const again = await press(app, '1', '重打印凭证');
    expect(hasPrinter(besideDevice(again))).toBe(true);
    expect(insideDevice(again)).toContain('按[确认]键收款');
  });

  it('still shows a new printout after a long day (the printer keeps only its last 50)', async () => {
    simulator = createSimulator();
    const sim = simulator;
    sim.press('确认');
    sim.type('100');
    sim.press('确认', '1');
    sim.advance(HOST_REPLY_MS);
    sim.press('确认');
    for (let copy = 1; copy < 60; copy++) sim.store.print({ kind: 'transaction', reprint: true });
    expect(sim.receipts()).toHaveLength(50);
    rendered = render(<App session={sim.session} />);
    resize(rendered, 80, 24);
    const home = await waitForText(rendered, '上海浦东便利店');
    expect(hasPrinter(home)).toBe(false);
    await tapSale(sim, rendered);
    const frame = await waitForFrame(rendered, (each) => hasPrinter(besideDevice(each)), 'the printer');
    expect(besideDevice(frame)).toContain('持卡人存根');
  });

  it('o takes the paper out: 打印机缺纸 on the device, nothing printed; o puts it back and 确认 prints', async () => {
    const { sim, app } = await drawn(100, 40);
    const out = await press(app, 'o', '已取出打印纸：打印机缺纸');
    expect(sim.store.printer.hasPaper()).toBe(false);
    expect(hasPrinter(out)).toBe(false);
    const paperOut = await tapSale(sim, app, '打印机缺纸');
    expect(insideDevice(paperOut)).toContain('装纸后按[确认]键打印');
    expect(besideDevice(paperOut)).not.toContain('持卡人存根');
    expect(sim.receipts()).toEqual([]);

    await press(app, 'o', '已装纸');
    expect(sim.store.printer.hasPaper()).toBe(true);
    const printed = await press(app, KEY.enter, '持卡人存根');
    expect(insideDevice(printed)).toContain('交易成功');
    expect(hasPrinter(besideDevice(printed))).toBe(true);
    expect(sim.receipts()).toHaveLength(1);
  });

  it('in a narrow tall terminal it goes under the device', async () => {
    const { sim, app } = await drawn(FRAME_WIDTH + 4, 60);
    await tapSale(sim, app);
    const frame = await waitForFrame(app, hasPrinter, 'the printer');
    expect(besideDevice(frame).trim()).toBe('');
    expect(frame.split('\n').slice(FRAME_HEIGHT).join('\n')).toContain('持卡人存根');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(FRAME_WIDTH + 4);
  });

  it('speaks English', async () => {
    const { sim, app } = await drawn(80, 24, 'en');
    await tapSale(sim, app, 'Approved');
    const frame = await waitForFrame(app, (each) => besideDevice(each).includes('Printer'), 'the printer');
    expect(besideDevice(frame)).toContain('CARDHOLDER COPY');
  });
});
