// The panels around the device, placed by one rule (src/ui/layout-plan.ts), as a table.
import { describe, expect, it } from 'vitest';
import { planLayout, type PanelRequest } from '../../src/ui/layout-plan.js';

const FRAME = { width: 40, height: 17 };
const legend: PanelRequest = { id: 'legend', width: 30, minWidth: 26, height: 16, padded: true };
const phone: PanelRequest = { id: 'phone', width: 36, minWidth: 24, height: 7 };
const printer: PanelRequest = { id: 'printer', width: 36, minWidth: 34, height: 40, minHeight: 8 };
const aside: PanelRequest = { id: 'aside', width: 60, minWidth: 30, height: 23, minHeight: 10, padded: true };
const note: PanelRequest = { id: 'note', width: 30, minWidth: 10, height: 1, padded: true };

/** Each placement as "id:place@column width×height", and what was left out. */
const summary = (columns: number, rows: number, panels: readonly PanelRequest[]) => {
  const plan = planLayout({ columns, rows }, FRAME, panels);
  if (plan.kind === 'tooSmall') return `too small: needs ${plan.columns}x${plan.rows}`;
  const placed = plan.placements.map((p) => `${p.id}:${p.place}@${p.column} ${p.indent > 0 ? `+${p.indent} ` : ''}${p.width}x${p.height}`);
  return [...placed, ...(plan.left.length ? [`left: ${plan.left.join(',')}`] : [])].join(' | ');
};

describe('planLayout', () => {
  it.each([
    ['the device alone does not fit', 39, 24, [legend], 'too small: needs 40x17'],
    ['too short for the device', 80, 16, [legend], 'too small: needs 40x17'],
    ['80x24: the legend beside the device', 80, 24, [legend], 'legend:beside@0 30x16'],
    [
      '80x24 with the phone: the legend goes under it, in its column',
      80,
      24,
      [phone, legend],
      'phone:beside@0 36x7 | legend:beside@0 36x16',
    ],
    [
      'a wide terminal: the printer under the phone, cut to the rows left; the legend in a column of its own',
      120,
      24,
      [phone, printer, legend],
      'phone:beside@0 36x7 | printer:beside@0 36x16 | legend:beside@1 30x16',
    ],
    [
      'the printer beside, cut to the rows; the legend has no room left',
      80,
      24,
      [printer, legend],
      'printer:beside@0 36x23 | left: legend',
    ],
    ['narrow and tall: the legend under the device', 42, 34, [legend], 'legend:below@0 30x16'],
    ['narrow and not tall enough: the legend left out, the device never scrolls away', 42, 30, [legend], 'left: legend'],
    ['40x17 with a phone: no room anywhere, left out', 40, 17, [phone], 'left: phone'],
    [
      'the printer takes the room beside: a note goes under the device',
      80,
      24,
      [printer, note, legend],
      'printer:beside@0 36x23 | note:below@0 30x1 | left: legend',
    ],
    [
      'a note under the phone; the legend then finds no room',
      80,
      24,
      [phone, note, legend],
      'phone:beside@0 36x7 | note:beside@0 36x1 | left: legend',
    ],
    ["practice: the card beside the device, a row short of the terminal's height", 80, 24, [aside], 'aside:beside@0 40x23'],
    [
      'practice with the phone: the card under the phone, in the rows left',
      80,
      24,
      [phone, aside],
      'phone:beside@0 36x7 | aside:beside@0 36x16',
    ],
    ['practice in a narrow terminal: the card under the device, cut to the rows', 42, 30, [aside], 'aside:below@0 42x12'],
    [
      'a demo: the phone under the captions keeps its gap from the device',
      80,
      24,
      [{ ...aside, height: 8, minHeight: 6 }, phone],
      'aside:beside@0 40x8 | phone:beside@0 +1 39x7',
    ],
    [
      'no room for the gap under the captions: the phone is not squeezed into it',
      73,
      24,
      [
        { ...aside, width: 33, minWidth: 30, height: 8, minHeight: 6 },
        { ...phone, minWidth: 33 },
      ],
      'aside:beside@0 33x8 | left: phone',
    ],
  ])('%s', (_what, columns, rows, panels, expected) => {
    expect(summary(columns, rows, panels)).toBe(expected);
  });

  it('never places more rows under the device than the terminal has', () => {
    for (let rows = 17; rows <= 60; rows++) {
      const plan = planLayout({ columns: 45, rows }, FRAME, [phone, legend, note]);
      if (plan.kind !== 'fits') throw new Error('the device fits');
      const below = plan.placements
        .filter((placement) => placement.place === 'below')
        .reduce((sum, placement) => sum + placement.height, 0);
      expect(FRAME.height + below).toBeLessThanOrEqual(rows);
    }
  });
});
