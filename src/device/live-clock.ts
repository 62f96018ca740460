/**
 * The interactive device's clock: real time, run `scale` times as fast (--time-scale), that a
 * trainer can also move ahead at once, so a room sees a 5-minute lockout end or a texted code
 * expire without waiting 5 minutes. Moving ahead fires every device timer that falls due on the
 * way, in time order, each at its own moment (as the SteppingClock does for scripts), and the
 * timers still waiting are re-armed for the time that is left.
 */
import type { Clock } from './device-session.js';

/** The host's timers, replaceable in tests. */
export type RealTimers = {
  readonly now: () => number;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
};

const HOST_TIMERS: RealTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How far a fast-forward goes when the device waits for nothing. */
export const IDLE_FAST_FORWARD_MS = 60_000;

type Timer = { readonly due: number; readonly order: number; readonly fn: () => void; handle?: unknown };

export type LiveClockOptions = {
  /** Device time at the start, ms since the epoch; the real time when absent. */
  readonly start?: number;
  /** Device seconds per real second (1: real time). */
  readonly scale?: number;
  readonly timers?: RealTimers;
};

export class LiveClock implements Clock {
  readonly scale: number;
  private readonly real: RealTimers;
  private readonly realStart: number;
  private readonly start: number;
  /** Device time added by fast-forwards. */
  private skipped = 0;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  constructor({ start, scale = 1, timers = HOST_TIMERS }: LiveClockOptions = {}) {
    this.real = timers;
    this.scale = scale;
    this.realStart = timers.now();
    this.start = start ?? this.realStart;
  }

  now(): number {
    return this.start + (this.real.now() - this.realStart) * this.scale + this.skipped;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = this.nextId++;
    const timer: Timer = { due: this.now() + Math.max(0, timeout), order: id, fn };
    this.timers.set(id, timer);
    this.arm(id, timer);
    return id;
  }

  clearTimeout(id: number): void {
    const timer = this.timers.get(id);
    if (timer) this.real.clearTimeout(timer.handle);
    this.timers.delete(id);
  }

  /** Device time until the next timer falls due, or undefined when the device waits for nothing. */
  untilNext(): number | undefined {
    const next = this.next(Infinity);
    return next && Math.max(0, next[1].due - this.now());
  }

  /** Moves device time ahead by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.now() + Math.max(0, ms);
    for (let next = this.next(target); next; next = this.next(target)) {
      const [id, timer] = next;
      this.timers.delete(id);
      this.real.clearTimeout(timer.handle);
      this.skipped += Math.max(0, timer.due - this.now());
      timer.fn();
    }
    this.skipped += Math.max(0, target - this.now());
    for (const [id, timer] of this.timers) {
      this.real.clearTimeout(timer.handle);
      this.arm(id, timer);
    }
  }

  /**
   * A trainer's fast-forward: on to the next thing the device waits for (a lockout's end, a code's
   * expiry, the next step of a boot), or a minute on when it waits for nothing. Returns how far it went.
   */
  fastForward(): number {
    const ms = this.untilNext() ?? IDLE_FAST_FORWARD_MS;
    this.advance(ms);
    return ms;
  }

  /** The earliest timer due by `limit`, first set first among equals. */
  private next(limit: number): [number, Timer] | undefined {
    let found: [number, Timer] | undefined;
    for (const entry of this.timers) {
      const [, timer] = entry;
      if (timer.due > limit) continue;
      if (!found || timer.due < found[1].due || (timer.due === found[1].due && timer.order < found[1].order)) found = entry;
    }
    return found;
  }

  /** A host timer that fires the device timer when its moment has come on the device clock. */
  private arm(id: number, timer: Timer): void {
    const left = timer.due - this.now();
    timer.handle = this.real.setTimeout(
      () => {
        if (!this.timers.has(id)) return;
        // Host timers round to whole ms: wait on rather than fire before the device's moment.
        if (this.now() < timer.due) return this.arm(id, timer);
        this.timers.delete(id);
        timer.fn();
      },
      Math.max(1, Math.ceil(left / this.scale)),
    );
  }
}
