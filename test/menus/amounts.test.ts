// Amounts as the device shows and prints them, including below zero: a batch whose 退货 of an
// earlier batch's sale outweighs its sales nets out negative (found by the fuzzer: 结算 showed
// 净额 -1.-12元 for -0.12元).
import { afterEach, describe, expect, it } from 'vitest';
import { formatFen } from '../../menus/domain.js';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import { createSimulator, type Simulator } from '../../src/index.js';

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1234, '12.34'],
    [-12, '-0.12'],
    [-1234, '-12.34'],
    [-100, '-1.00'],
  ])('%i fen reads %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('a batch that nets out negative', () => {
  const simulators: Simulator[] = [];
  afterEach(() => {
    for (const sim of simulators.splice(0)) sim.stop();
  });

  /** A 0.12元 sale by 挥卡 (免密), 结算, then a full 退货 of it in the new batch, up to the 结算 screen. */
  const refundAcrossBatches = (): Simulator => {
    const sim = createSimulator({ fixture: 'default' });
    simulators.push(sim);
    sim.press('确认');
    sim.type('12');
    sim.press('确认');
    sim.select('挥卡/闪付');
    sim.advance(HOST_REPLY_MS);
    sim.press('确认', 'F1');
    sim.select('管理');
    sim.select('结算');
    sim.press('确认');
    sim.advance(HOST_REPLY_MS);
    sim.press('确认');
    const [sale] = sim.store.journal();
    sim.press('F1');
    sim.select('退货');
    sim.type('123456');
    sim.press('确认');
    sim.type(sale?.reference ?? '');
    sim.press('确认');
    sim.type('0601');
    sim.press('确认');
    sim.type('12');
    sim.press('确认');
    sim.select('挥卡/闪付');
    sim.advance(HOST_REPLY_MS);
    sim.press('确认', 'F1');
    sim.select('管理');
    sim.select('结算');
    return sim;
  };

  it('shows and prints the net as -0.12', () => {
    const sim = refundAcrossBatches();
    expect(sim.session.matchText()).toContain('净额 -0.12元');
    sim.press('确认');
    sim.advance(HOST_REPLY_MS);
    expect(sim.session.matchText()).toContain('批次000002 净额 -0.12元');
    expect(sim.receipt()).toMatch(/净额\s+-0\.12/);
  });
});
