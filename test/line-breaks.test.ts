// The one line breaker (device screen, cards, captions, phone, demo list): Chinese between words with
// 禁则, English at spaces, numbers whole unless wider than a row, continued rows indented under their
// text, and every break kept so the line can be put back exactly as it was.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { breakLine, rejoin, wrapped, wrapToWidth } from '../src/line-breaks.js';

const lines = (text: string, columns: number) => wrapped(text, columns).split('\n');

describe('Chinese breaks between words', () => {
  it.each([
    // The breaks the issue found inside words (请检查网 / 络后重试, 受理微信支付付 / 款).
    ['网络连接失败，请检查网络后重试', 24, ['网络连接失败，请检查网络', '后重试']],
    ['关闭后本机将不能再受理微信支付付款；已完成的交易不受影响。', 34, ['关闭后本机将不能再受理微信支付', '付款；已完成的交易不受影响。']],
    ['关闭后本机将不能再受理云闪付付款', 28, ['关闭后本机将不能再受理云闪付', '付款']],
    ['让这台POS机不再绑定云闪付，其他绑定保持不变。', 44, ['让这台POS机不再绑定云闪付，其他绑定保持', '不变。']],
    ['注销前请确认已备份POS机上的数据', 24, ['注销前请确认已备份', 'POS机上的数据']],
    ['目标：商户不再使用云闪付收款。让这台POS机不再绑定云闪付。', 36, ['目标：商户不再使用云闪付收款。让这台', 'POS机不再绑定云闪付。']],
  ] as const)('%s at %i columns', (text, columns, rows) => {
    expect(wrapToWidth(text, columns)).toEqual(rows);
  });

  it('moves a phrase between spaces whole when it fits on the next row', () => {
    expect(wrapToWidth('1.[ ] 开启免密支付 待重启生效', 28)).toEqual(['1.[ ] 开启免密支付', '      待重启生效']);
    expect(wrapToWidth('确认关闭 微信支付服务？', 20)).toEqual(['确认关闭', '微信支付服务？']);
  });

  it('keeps 禁则: no closing punctuation starts a row, no opening punctuation ends one', () => {
    expect(lines('输入主管密码(出厂密码 123456)，按[确认]', 26)).toEqual(['输入主管密码(出厂密码', '123456)，按[确认]']);
    expect(lines('选项：--speed N(0.5 放慢，2 加快)，--lang zh|en，--record FILE.cast(asciinema 录像)。', 80)).toEqual([
      '选项：--speed N(0.5 放慢，2 加快)，--lang zh|en，--record',
      'FILE.cast(asciinema 录像)。',
    ]);
    expect(wrapToWidth('【银联商务】您的验证码为123456，5分钟内有效，请勿泄露。', 24)).toEqual([
      '【银联商务】您的验证码为',
      '123456，5分钟内有效，',
      '请勿泄露。',
    ]);
  });

  it('keeps a number whole, and with its unit, unless it is wider than a row', () => {
    expect(wrapToWidth('交易金额未超过300元，免密免签', 16)).toEqual(['交易金额未超过', '300元，免密免签']);
    expect(wrapToWidth('商户号 898310058120134', 16)).toEqual(['商户号', '898310058120134']);
    expect(wrapToWidth('商户号 898310058120134', 10)).toEqual(['商户号', '8983100581', '20134']);
  });
});

describe('English breaks at spaces', () => {
  it('with no row starting with a space', () => {
    expect(wrapToWidth('Password-free payment settings saved', 20)).toEqual(['Password-free', 'payment settings', 'saved']);
    const text = 'Goal: The merchant is changing settlement accounts. Unbind the settlement card from this terminal.';
    expect(lines(text, 38)).toEqual([
      'Goal: The merchant is changing',
      'settlement accounts. Unbind the',
      'settlement card from this terminal.',
    ]);
  });

  it('indents a continued row under the text it continues: past leading spaces, an item number, a check box', () => {
    expect(wrapToWidth('    Limit 300 yuan *unsaved', 20)).toEqual(['    Limit 300 yuan', '    *unsaved']);
    expect(wrapToWidth('3.    Limit 300 yuan *unsaved', 20)).toEqual(['3.    Limit 300 yuan', '      *unsaved']);
    expect(wrapToWidth('2.Merchant account 898310058120134', 26)).toEqual(['2.Merchant account', '  898310058120134']);
    expect(wrapToWidth('1.[x] Password-free payment *Pending restart', 28)).toEqual([
      '1.[x] Password-free payment',
      '      *Pending restart',
    ]);
  });
});

describe('breakLine keeps each break', () => {
  it('says what the break took out and how far the row is indented', () => {
    expect(breakLine('1.[ ] 开启免密支付 待重启生效', 28)).toEqual([
      { text: '1.[ ] 开启免密支付', joint: '', indent: 0 },
      { text: '      待重启生效', joint: ' ', indent: 6 },
    ]);
    expect(breakLine('网络连接失败，请检查网络后重试', 24)[1]).toEqual({ text: '后重试', joint: '', indent: 0 });
  });

  const word = fc.oneof(
    fc.constantFrom(
      '免密支付',
      '云闪付',
      '待重启生效',
      '请检查网络后重试',
      '关闭后本机将不能再受理微信支付付款',
      '【银联商务】',
      '（可选）',
    ),
    fc.constantFrom('，', '。', '：', '；', '、'),
    fc.constantFrom('Limit', 'Password-free', 'payment', '*unsaved', '(factory', '123456)', '898310058120134', '300元'),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
  );
  const text = fc
    .tuple(
      fc.constantFrom('', '    ', '3.', '3.    ', '1.[x] '),
      fc.array(fc.tuple(fc.constantFrom('', ' ', '  '), word), { minLength: 1, maxLength: 12 }),
    )
    .map(([lead, words]) => (lead + words.map(([gap, piece]) => gap + piece).join('')).trimEnd());

  it('for any line and width: rows fit, and rejoined they give back the line exactly', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 12, max: 40 }), (line, columns) => {
        const rows = breakLine(line, columns);
        for (const row of rows) expect(stringWidth(row.text), row.text).toBeLessThanOrEqual(columns);
        expect(rejoin(rows)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('wrapped', () => {
  it('leaves text that fits alone, and breaks each line of several', () => {
    expect(wrapped('按[菜单]键进入设置。', 38)).toBe('按[菜单]键进入设置。');
    expect(wrapped('第一行\n请检查网络后重试', 12)).toBe('第一行\n请检查网络后\n重试');
  });

  it('never makes a row wider than asked', () => {
    const text =
      '商户要更换结算账户。把结算卡从这台POS机解绑，等资金清算完成、商户信息更新。 The merchant is changing settlement accounts.';
    for (const columns of [8, 13, 20, 38])
      for (const line of lines(text, columns)) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  });
});
