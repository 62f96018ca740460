// Laying a screen out on the device's grid: a screen whose rows do not fit and cannot scroll is cut
// off. (Where lines break: test/line-breaks.test.ts.)
import { describe, expect, it } from 'vitest';
import { isCutOff } from '../../src/screen/text-layout.js';

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
