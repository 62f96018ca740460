// A golden screen snapshot as text: written from a capture and read back to the same capture
// (display rows between bars with their notes, the phone, the printer), a file that is no snapshot
// refused at its line, and the differences between two screens shown cell by cell.
import { afterEach, describe, expect, it } from 'vitest';
import { GoldenFormatError, goldenText, readGolden } from '../../src/golden/golden-text.js';
import { changedCells, screenDiff } from '../../src/golden/screen-diff.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import type { ScreenCapture } from '../../src/picture/screen-capture.js';

afterEach(() => setToolLang('zh'));

const line = (text: string, extra: Partial<ScreenCapture['body'][number]> = {}) => ({
  text,
  selected: false,
  tone: 'normal' as const,
  ...extra,
});

const CAPTURE: ScreenCapture = {
  lang: 'zh',
  display: { columns: 20, rows: 3 },
  status: '在线  1008     09:00',
  title: '免密支付',
  body: [line('> 1.[x] 开启', { selected: true }), line('  免密限额 300元', { tone: 'muted' }), line('')],
  hints: '[取消]返回',
  phone: {
    status: '138****1234                09:03',
    title: '短信',
    body: [line('95534 09:03', { selected: true }), line('【银联商务】您的验证码为123456')],
    hints: '[取消]返回',
  },
  paper: ['     签购单', '', '金额 10.00'],
};

const GOLDEN = `pos-sim screen 20x3 zh
|在线  1008     09:00|
|免密支付            |
|> 1.[x] 开启        | selected
|  免密限额 300元    | muted
|                    |
|[取消]返回          |
phone 32x2
|138****1234                09:03|
|短信                            |
|95534 09:03                     | selected
|【银联商务】您的验证码为123456  |
|[取消]返回                      |
printer
|     签购单
|
|金额 10.00
`;

const readError = (text: string): GoldenFormatError => {
  try {
    readGolden(text);
  } catch (error) {
    return error as GoldenFormatError;
  }
  throw new Error('read, but it should not have');
};

describe('a golden screen snapshot', () => {
  it('is the display between bars (a Chinese character two columns), its notes, the phone and the printer', () => {
    expect(goldenText(CAPTURE)).toBe(GOLDEN);
  });

  it('reads back to the same screen, with Windows line ends too', () => {
    expect(readGolden(GOLDEN)).toEqual(CAPTURE);
    expect(readGolden(GOLDEN.replace(/\n/g, '\r\n'))).toEqual(CAPTURE);
    const plain = { ...CAPTURE, phone: undefined, paper: undefined };
    delete plain.phone;
    delete plain.paper;
    expect(readGolden(goldenText(plain))).toEqual(plain);
  });

  it('that is no snapshot is refused at the line that is wrong, saying what it should hold', () => {
    expect(readError('screen 20x3\n')).toMatchObject({ line: 1, message: 'pos-sim screen COLUMNSxROWS zh|en' });
    expect(readError(GOLDEN.replace('|免密支付            |', '免密支付'))).toMatchObject({ line: 3, message: '|…|' });
    expect(readError(GOLDEN.replace('| muted', '| grey'))).toMatchObject({ line: 5 });
    expect(readError(GOLDEN.replace('printer', 'scanner'))).toMatchObject({ line: 14, message: 'phone … | printer' });
  });
});

describe('the differences between two screens', () => {
  it('mark the changed cells, two for a Chinese character', () => {
    expect(changedCells('|> 1.[x] 开启免密支付|', '|> 1.[ ] 开启免密支付|')).toBe('      ^');
    expect(changedCells('开启免密支付', '关闭免密支付')).toBe('^^^^');
    expect(changedCells('ab', 'abcd')).toBe('  ^^');
  });

  it('show each row that differs as the golden writes it, expected over actual, and the phone or printer that came or went', () => {
    setToolLang('en');
    const actual: ScreenCapture = {
      ...CAPTURE,
      body: [line('> 1.[ ] 开启', { selected: true }), ...CAPTURE.body.slice(1)],
      paper: undefined,
    };
    delete (actual as { paper?: unknown }).paper;
    expect(screenDiff(CAPTURE, actual)).toEqual([
      'line 4:',
      '  - |> 1.[x] 开启        | selected',
      '  + |> 1.[ ] 开启        | selected',
      '          ^',
      'the snapshot shows the printer, the screen does not:',
      'line 14:',
      '  - printer',
      'line 15:',
      '  - |     签购单',
      'line 16:',
      '  - |',
      'line 17:',
      '  - |金额 10.00',
    ]);
    expect(screenDiff(CAPTURE, CAPTURE)).toEqual([]);
  });
});
