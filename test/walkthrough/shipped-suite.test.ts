// The shipped walkthroughs (fixtures/walkthroughs) pass, and together they reach every state and
// transition of the menu machines.
import { afterAll, describe, expect, it } from 'vitest';
import { CoverageTracker, formatCoverage } from '../../src/walkthrough/coverage.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

const walkthroughs = loadWalkthroughs(['fixtures/walkthroughs']);
const tracker = new CoverageTracker();

describe('shipped walkthroughs', () => {
  it.each(walkthroughs.map((walkthrough) => [walkthrough.name, walkthrough] as const))('%s', (_, walkthrough) => {
    const result = runWalkthrough(walkthrough, { observe: tracker.observe });
    expect(result.failure?.message ?? '', result.failure?.screen).toBe('');
    expect(result.status).toBe('passed');
  });

  afterAll(() => {
    console.log(formatCoverage(tracker.report()));
  });

  it('cover every state and transition of the menu machines', () => {
    for (const walkthrough of walkthroughs) runWalkthrough(walkthrough, { observe: tracker.observe });
    const report = tracker.report();
    expect(report.states.missed).toEqual([]);
    expect(report.transitions.missed).toEqual([]);
    expect(report.states.total).toBeGreaterThan(30);
  });
});
