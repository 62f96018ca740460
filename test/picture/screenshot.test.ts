// Pictures of the device: the screen drawn by the UI's own components, played into a headless
// terminal and written as SVG — the same rows and columns as the terminal shows, a Chinese
// character across two cells, and the device's colours (the inverse selection, muted and the tone
// colours, the bold title) — and as PNG.
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { terminalFrame } from '../../src/picture/picture-frame.js';
import { captureRows, type ScreenCapture } from '../../src/picture/screen-capture.js';
import { screenshotSvg } from '../../src/picture/screenshot.js';
import { CELL_HEIGHT, CELL_WIDTH } from '../../src/picture/svg-writer.js';
import { svgRects, svgRows } from '../support/svg.js';

let sim: Simulator | undefined;
afterEach(() => sim?.stop());

const openPasswordFree = (): Simulator => {
  sim = createSimulator({ fixture: 'default' });
  sim.press('菜单');
  sim.type('123456');
  sim.press('确认');
  sim.select('支付方式管理');
  sim.select('免密支付');
  return sim;
};

/** Columns a text takes in a terminal: two for a Chinese character. */
const columns = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);

describe('a picture of a list with rows out of view', () => {
  it('marks its rules as the terminal does: v while rows wait below, ^ once scrolled', () => {
    const sim = createSimulator();
    sim.press('菜单');
    sim.type('123456');
    sim.press('确认');
    for (let count = 0; count < 12; count += 1) {
      sim.advance(60_000);
      sim.select('数据备份');
      sim.press('确认', '确认');
    }
    sim.select('操作记录');
    const rules = () =>
      stripVTControlCharacters(terminalFrame(captureRows(sim.session.rows(), sim.profile.device.display, 'zh')).text)
        .split('\n')
        .filter((line) => /^\| -{10}/.test(line));
    expect(rules()).toEqual([`| ${'-'.repeat(36)} |`, `| ${'-'.repeat(34)} v |`]);
    sim.press('上');
    expect(rules()).toEqual([`| ${'-'.repeat(34)} ^ |`, `| ${'-'.repeat(36)} |`]);
    sim.stop();
  });
});

describe('a screenshot', () => {
  it('shows the rows the terminal shows, each character at its own column, a Chinese one across two', async () => {
    const device = openPasswordFree();
    const svg = await device.screenshot();
    const rows = svgRows(svg);
    const terminal = stripVTControlCharacters(terminalFrame(device.capture()).text).split('\n');
    // The frame is the display's 36 columns with its border and padding, and 10 body rows with
    // status, rules, title, soft keys and the border around them.
    expect(terminal).toHaveLength(17);
    expect(terminal.every((line) => columns(line) === 40)).toBe(true);
    // Row by row, the picture holds the terminal's text (blank rows have no text).
    const byRow = new Map(rows.map((row) => [Math.floor(row.y / CELL_HEIGHT), row]));
    terminal.forEach((line, index) => expect(byRow.get(index)?.text ?? '', `row ${index}`).toBe(line.trim()));
    const item = rows.find((row) => row.text.startsWith('| > 1.[x] 开启免密支付 '));
    expect(item?.text.endsWith('|') && columns(item.text)).toBe(40);
    // Every character sits at its column: after 在线 (four columns) the terminal id starts at column 8.
    const status = byRow.get(1);
    const text = status?.text ?? '';
    let column = 0;
    [...text].forEach((char, index) => {
      const wide = columns(char) === 2;
      expect(status?.xs[index], `${char} of ${text}`).toBe(column * CELL_WIDTH + (wide ? 2 : 0));
      column += columns(char);
    });
    expect(status?.xs[text.indexOf('1')]).toBe(8 * CELL_WIDTH);
  });

  it('keeps the device colours: the selected row inverse, the status cyan, the title bold, rules dim', async () => {
    const svg = await openPasswordFree().screenshot();
    const rows = svgRows(svg);
    const selected = rows.find((row) => row.text.includes('开启免密支付'));
    // Inverse: a light block behind the selected item's text, drawn in the background colour.
    const block = svgRects(svg).find((rect) => rect.y === Math.floor((selected?.y ?? 0) / CELL_HEIGHT) * CELL_HEIGHT);
    expect(block).toMatchObject({ x: 2 * CELL_WIDTH, fill: '#dcdfe4' });
    expect(block?.width).toBe(columns('> 1.[x] 开启免密支付') * CELL_WIDTH);
    expect(selected?.markup).toContain('<tspan fill="#1c1f26">&gt; 1.[x]');
    expect(rows.find((row) => row.text.includes('在线'))?.markup).toContain('<tspan fill="#56b6c2">在线');
    expect(rows.find((row) => row.text.startsWith('| 免密支付'))?.markup).toContain('<tspan font-weight="700">免密支付');
    expect(rows.find((row) => row.text.startsWith('| ---'))?.markup).toContain('fill-opacity="0.55"');
  });

  it('draws each tone of a line in its colour', async () => {
    const tones = ['normal', 'muted', 'error', 'success', 'warning'] as const;
    const capture: ScreenCapture = captureRows(
      {
        status: '在线  10086021              09:00',
        title: '颜色',
        body: tones.map((tone) => ({ text: `  ${tone}`, selected: false, tone, continued: false, joint: '', indent: 0 })),
        hints: '',
      },
      { columns: 28, rows: 5 },
      'zh',
    );
    const rows = svgRows(await screenshotSvg(capture));
    const fill = (tone: string) => /<tspan fill="([^"]+)">/.exec(rows.find((row) => row.text.includes(tone))?.markup ?? '')?.[1];
    expect(fill('normal')).toBeUndefined();
    expect({ muted: fill('muted'), error: fill('error'), success: fill('success'), warning: fill('warning') }).toEqual({
      muted: '#7f848e',
      error: '#e06c75',
      success: '#98c379',
      warning: '#e5c07b',
    });
  });

  it('shows the printer beside the device until a key is pressed on the home screen, and the phone while a code is awaited', async () => {
    sim = createSimulator({ fixture: 'default' });
    sim.press('确认');
    sim.type('1000');
    sim.press('确认', '1');
    sim.advance(5000);
    expect(sim.capture().paper?.join('\n')).toContain('持卡人存根');
    const picture = svgRows(await sim.screenshot())
      .map((row) => row.text)
      .join('\n');
    // The printer shows the end of the paper, as tall as the device, and how much is above it.
    expect(picture).toContain('打印机');
    expect(picture).toMatch(/上面还有\d+行/);
    expect(picture).toContain(sim.capture().paper?.at(-2)?.trim());
    // Back home the paper stays until a key is pressed there.
    while (!sim.session.activeStates().includes('device.home')) sim.press('确认');
    expect(sim.capture().paper).toBeDefined();
    sim.press('下');
    expect(sim.capture().paper).toBeUndefined();

    sim.press('菜单');
    sim.type('123456');
    sim.press('确认');
    sim.select('绑定管理');
    sim.select('结算卡');
    sim.press('确认');
    sim.select('更换结算账户');
    sim.press('确认');
    const phone = sim.capture().phone;
    expect(phone?.body.map((row) => row.text).join('')).toMatch(/验证码\D*\d{6}/);
    expect(
      svgRows(await sim.screenshot())
        .map((row) => row.text)
        .join('\n'),
    ).toContain('手机 138****1234');
  });

  it('is a PNG at twice the size where asked', async () => {
    const device = openPasswordFree();
    const [svg, png] = await Promise.all([device.screenshot(), device.screenshot({ format: 'png' })]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(png.readUInt32BE(16)).toBe(2 * width);
  });

  it('is the same picture every time (simulated clock, no real time or paths)', async () => {
    const first = await openPasswordFree().screenshot();
    sim?.stop();
    const second = await openPasswordFree().screenshot();
    expect(second).toBe(first);
    expect(first).not.toMatch(/\/tmp|\/work|\d{4}-\d{2}-\d{2}/);
  });
});
