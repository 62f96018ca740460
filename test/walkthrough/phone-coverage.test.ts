// Coverage counts the phone's machines beside the terminal's: their states are in the universe,
// and keys pressed on the phone in a walkthrough reach them.
import { describe, expect, it } from 'vitest';
import { CoverageTracker } from '../../src/walkthrough/coverage.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

describe("coverage of the phone's machines", () => {
  it('counts their states, and a phone: step reaches them', () => {
    const tracker = new CoverageTracker();
    const all = tracker.report().states.missed;
    expect(all).toEqual(
      expect.arrayContaining(['phone.home', 'walletApp.menu', 'walletPasswordFree.showing', 'walletCards.closed', 'payerConfirm.entering']),
    );
    const walkthrough = parseWalkthrough(
      'name: t\nfixture: default\nsteps:\n  - phone: { select: 微信 }\n  - phone: { select: 免密支付 }\n',
      't.yaml',
      {},
    );
    expect(runWalkthrough(walkthrough, { observe: tracker.observe }).status).toBe('passed');
    const { states, transitions } = tracker.report();
    expect(states.missed).not.toContain('walletApp.menu');
    expect(states.missed).not.toContain('walletPasswordFree.showing');
    expect(states.missed).toContain('walletCards.closed');
    expect(transitions.missed.some((name) => name.startsWith('phone.home --ENTER'))).toBe(true);
    expect(transitions.missed).not.toContain('phone.home --ENTER #2--> phone.wallet');
  });
});
