// Laying a screen out on the device's grid: a screen whose rows do not fit and cannot scroll is cut
// off. (Where lines break: test/line-breaks.test.ts.)
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages.js';
import type { Screen } from '../../src/screen/screen.js';
import { displayRows } from '../../src/screen/screen-text.js';
import { isCutOff, layoutBody } from '../../src/screen/text-layout.js';
import { DeviceFrame } from '../../src/ui/device-frame.js';
import { plain } from '../support/ink.js';

const STATUS = { online: true, time: '09:00', terminalId: '1' };

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

describe('a list scrolled with its selection', () => {
  const size = { columns: 20, rows: 2 };
  const list = (selected: number) => ({
    title: 't',
    lines: ['a', 'b', 'c', 'd'].map((text, index) => ({ text, selected: index === selected })),
    hints: {},
  });
  it('says where rows are out of view: v below, ^ above, both between', () => {
    expect(layoutBody(list(0), size).more).toBe('v');
    expect(layoutBody(list(2), size).more).toBe('^v');
    expect(layoutBody(list(3), size).more).toBe('^');
    expect(layoutBody(list(0), { columns: 20, rows: 4 }).more).toBe('');
  });
  it('marks them on the smart device’s rules, and says nothing of a text cut off (nothing to scroll to)', () => {
    const frame = (screen: Screen) => {
      const display = { columns: 20, rows: 2 };
      const drawn = render(<DeviceFrame rows={displayRows(screen, STATUS, translator('zh'), display)} display={display} />);
      const lines = plain(drawn.lastFrame()).split('\n');
      drawn.unmount();
      return { above: lines[2], below: lines.at(-3) };
    };
    expect(frame(list(3))).toEqual({ above: `| ${'-'.repeat(18)} ^ |`, below: `| ${'-'.repeat(20)} |` });
    expect(frame(list(0))).toEqual({ above: `| ${'-'.repeat(20)} |`, below: `| ${'-'.repeat(18)} v |` });
    const text = { title: 't', lines: ['a', 'b', 'c'].map((line) => ({ text: line })), hints: {} };
    expect(frame(text).below).toBe(`| ${'-'.repeat(20)} |`);
  });
});
