/**
 * A device clock for scripts and tests. Unlike xstate's SimulatedClock, advancing it fires timers
 * in time order, each at its own moment, so a timer set by another timer (the boot's progress
 * steps) still fires within the same advance.
 */
import type { Clock } from './device-session.js';

type Timer = { readonly due: number; readonly order: number; readonly fn: () => void };

export class SteppingClock implements Clock {
  private current: number;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = this.nextId++;
    this.timers.set(id, { due: this.current + Math.max(0, timeout), order: id, fn });
    return id;
  }

  clearTimeout(id: number): void {
    this.timers.delete(id);
  }

  /** How many timers are waiting to fire. */
  pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      // The earliest timer due by then (the first set among those due at once).
      let id: number | undefined;
      let timer: Timer | undefined;
      for (const [candidateId, candidate] of this.timers) {
        if (candidate.due > target) continue;
        if (!timer || candidate.due < timer.due || (candidate.due === timer.due && candidate.order < timer.order)) {
          id = candidateId;
          timer = candidate;
        }
      }
      if (id === undefined || !timer) break;
      this.timers.delete(id);
      this.current = timer.due;
      timer.fn();
    }
    this.current = target;
  }
}
