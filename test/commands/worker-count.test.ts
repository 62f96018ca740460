// How many worker threads `pos-sim run` uses: a small suite plays in the process itself (fastest to
// start, least memory), a large one on up to the cores, each worker with enough to pay for its
// start; --workers N is taken as asked.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { IN_PROCESS_PLAYS, PLAYS_PER_WORKER, workerCount } from '../../src/commands/run-walkthroughs.js';

describe('workerCount', () => {
  it('plays a small suite (the shipped one, 72 walkthroughs) in the process itself', () => {
    expect(workerCount(72, undefined)).toBe(0);
    expect(workerCount(IN_PROCESS_PLAYS - 1, undefined)).toBe(0);
  });

  it('gives a large suite up to one worker per core, each with at least PLAYS_PER_WORKER plays', () => {
    expect(workerCount(IN_PROCESS_PLAYS, undefined)).toBe(Math.min(availableParallelism(), 2));
    expect(workerCount(10_000, undefined)).toBe(availableParallelism());
    expect(workerCount(3 * PLAYS_PER_WORKER, undefined)).toBeLessThanOrEqual(3);
  });

  it('takes --workers N as asked, never more than there is to play', () => {
    expect(workerCount(64, 2)).toBe(2);
    expect(workerCount(64, 1)).toBe(1);
    expect(workerCount(3, 8)).toBe(3);
    expect(workerCount(0, 2)).toBe(0);
  });
});
