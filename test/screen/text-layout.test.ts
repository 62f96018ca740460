// Laying text out on the device's grid: Chinese characters take two columns, breaks prefer spaces,
// and no line starts with closing punctuation.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { isCutOff, wrapToWidth } from '../../src/screen/text-layout.js';

describe('wrapToWidth', () => {
  it('keeps a line that fits whole', () => {
    expect(wrapToWidth('确认关闭 微信支付服务？', 34)).toEqual(['确认关闭 微信支付服务？']);
  });

  it('breaks at a space where it can, counting Chinese characters as two columns', () => {
    expect(wrapToWidth('Password-free payment settings saved', 20)).toEqual(['Password-free', 'payment settings', 'saved']);
    for (const row of wrapToWidth('关闭后本机将不能再受理微信支付付款，已完成的交易不受影响。', 16)) expect(stringWidth(row)).toBeLessThanOrEqual(16);
  });

  it('never starts a line with closing punctuation', () => {
    const rows = wrapToWidth('关闭后本机将不能再受理微信支付付款；已完成的交易不受影响。', 34);
    expect(rows).toEqual(['关闭后本机将不能再受理微信支付付', '款；已完成的交易不受影响。']);
    for (const row of rows.slice(1)) expect(row).not.toMatch(/^[，。、；：？！）」』】》]/);
  });
});

describe('isCutOff', () => {
  const size = { columns: 20, rows: 3 };
  const lines = (...texts: string[]) => texts.map((text) => ({ text }));
  it('a screen whose rows fit is not cut off', () => {
    expect(isCutOff({ title: 't', lines: lines('a', 'b', 'c'), hints: {} }, size)).toBe(false);
  });
  it('a text that wraps past the last row is', () => {
    expect(isCutOff({ title: 't', lines: lines('a', 'b', 'a text long enough to wrap'), hints: {} }, size)).toBe(true);
  });
  it('a list longer than the display scrolls with its selection, so it is not', () => {
    expect(isCutOff({ title: 't', lines: [...lines('a', 'b', 'c'), { text: 'd', selected: true }], hints: {} }, size)).toBe(false);
  });
});
