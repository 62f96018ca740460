/**
 * Plays a demo plan at a human pace: one step at a time, keys a moment apart, a pause after each
 * step. It can pause, step forward while paused, and stop. Time comes from an injected scheduler
 * (the real timers, or a simulated clock in tests); the device's own time passes only in `wait`
 * steps (and the boots of power steps), exactly as in the script, so that checks see what the
 * headless run saw however slowly the demo plays.
 */
import type { DeviceEvent, KeyEvent } from '../../menus/device-events.js';
import { BOOT_MS } from '../device/simulator.js';
import type { Step } from '../walkthrough/walkthrough.js';
import { LONG_WAIT_MS } from './captions.js';
import type { DemoAction, DemoPlan } from './demo-plan.js';

/** Real milliseconds at speed 1. */
export type Timing = {
  /** The pause after each step, to read the screen. */
  readonly stepMs: number;
  /** Between keys within a step (and before the first). */
  readonly keyMs: number;
  /** How often the device clock moves while time passes (the restart's progress). */
  readonly tickMs: number;
};

export const DEFAULT_TIMING: Timing = { stepMs: 1200, keyMs: 250, tickMs: 40 };

/** setTimeout/clearTimeout and the time in ms: the real ones, or a simulated clock's. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A monotonic time in ms (performance.now, or the simulated clock's). */
  now(): number;
}

/** What the player drives: the demo's device. */
export interface DemoDevice {
  send(event: DeviceEvent): void;
  /** A key pressed on the phone beside the terminal. */
  sendPhone(event: KeyEvent): void;
  powerCut(): void;
  /** The printer's paper taken out, or loaded again. */
  setPaper(paper: boolean): void;
  /** Lets device time pass. */
  advance(ms: number): void;
  /** What is wrong with an expect step, or undefined when it holds. */
  check(step: Step): string | undefined;
}

export type PlayerStatus = 'ready' | 'playing' | 'paused' | 'done' | 'failed' | 'stopped';

export type PlayerView = {
  readonly status: PlayerStatus;
  /** Index into plan.steps of the step on screen, or -1 while the device boots. */
  readonly stepIndex: number;
  /** The keys pressed so far in this step, as shown ([确认], [*], the power key). */
  readonly keys: readonly string[];
  /** Counts every key pressed, so a view can flash the newest. */
  readonly keyPresses: number;
  readonly failure?: { readonly step: Step; readonly message: string };
};

type Op =
  | { readonly kind: 'begin'; readonly index: number }
  | { readonly kind: 'act'; readonly action: DemoAction }
  | { readonly kind: 'check'; readonly steps: readonly Step[] }
  | { readonly kind: 'hold' }
  | { readonly kind: 'end' };

/** The boot, the first checks, then per step: begin, its actions, its checks, the pause after it. */
const program = (plan: DemoPlan): Op[] => [
  { kind: 'act', action: { kind: 'wait', ms: BOOT_MS } },
  { kind: 'check', steps: plan.firstChecks },
  ...plan.steps.flatMap((step, index): Op[] => [
    { kind: 'begin', index },
    ...step.actions.map((action): Op => ({ kind: 'act', action })),
    { kind: 'check', steps: step.checks },
    { kind: 'hold' },
  ]),
  { kind: 'end' },
];

/** Device milliseconds per tick of a wait: real time times the speed, faster still for long waits. */
const deviceMsPerTick = (waitMs: number, speed: number, timing: Timing) => timing.tickMs * speed * Math.max(1, waitMs / LONG_WAIT_MS);

/** Real milliseconds the player waits after an op before the next one. */
const delayAfter = (op: Op, speed: number, timing: Timing): number => {
  switch (op.kind) {
    case 'begin':
      return timing.keyMs / speed;
    case 'act':
      return op.action.kind === 'wait' ? 0 : timing.keyMs / speed;
    case 'hold':
      return timing.stepMs / speed;
    case 'check':
    case 'end':
      return 0;
  }
};

/** How long a plan plays, in real milliseconds, without pauses. */
export const playingTimeMs = (plan: DemoPlan, speed = 1, timing: Timing = DEFAULT_TIMING): number =>
  program(plan).reduce((total, op) => {
    if (op.kind === 'act' && op.action.kind === 'wait') {
      return total + Math.ceil(op.action.ms / deviceMsPerTick(op.action.ms, speed, timing)) * timing.tickMs;
    }
    return total + delayAfter(op, speed, timing);
  }, 0);

export type PlayerOptions = {
  readonly speed?: number;
  readonly timing?: Timing;
  readonly scheduler: Scheduler;
};

export class DemoPlayer {
  private readonly ops: Op[];
  private readonly speed: number;
  private readonly timing: Timing;
  private readonly scheduler: Scheduler;
  private pc = 0;
  /** Device time still to pass in the current wait (undefined when not inside one). */
  private waitLeft: number | undefined;
  private timer: unknown;
  private hasTimer = false;
  /** Playing one step while paused (→): pause again at the end of the step. */
  private stepping = false;
  private current: PlayerView = { status: 'ready', stepIndex: -1, keys: [], keyPresses: 0 };
  /** Time spent playing before the current stretch of play. */
  private playedBefore = 0;
  /** When the current stretch of play began (undefined while not playing). */
  private playingSince: number | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly plan: DemoPlan,
    private readonly device: DemoDevice,
    options: PlayerOptions,
  ) {
    this.ops = program(plan);
    this.speed = options.speed ?? 1;
    this.timing = options.timing ?? DEFAULT_TIMING;
    this.scheduler = options.scheduler;
  }

  /** Read afresh (TypeScript would otherwise keep an earlier check's narrowing). */
  private status(): PlayerStatus {
    return this.current.status;
  }

  /**
   * How long the demo has played, in real ms: from start to the end (or to now), without the time
   * it was paused and without the time the end stays on screen.
   */
  playedMs(): number {
    return this.playedBefore + (this.playingSince === undefined ? 0 : this.scheduler.now() - this.playingSince);
  }

  /** What to show now; a new object whenever something changed. */
  readonly view = (): PlayerView => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.current.status !== 'ready') return;
    this.update({ status: 'playing' });
    this.run();
  }

  /** Space: pause, or play on from where it stopped. */
  togglePause(): void {
    if (this.current.status === 'playing') {
      this.cancelTimer();
      this.stepping = false;
      this.update({ status: 'paused' });
    } else if (this.current.status === 'paused') {
      this.update({ status: 'playing' });
      this.run();
    }
  }

  /**
   * →: while paused, play the rest of the current step, or the whole next one when the current one
   * has pressed all its keys; then pause.
   */
  stepForward(): void {
    if (this.current.status !== 'paused') return;
    this.update({ status: 'playing' });
    // What is left of a played step: its checks at once, its pause skipped.
    for (let op = this.ops[this.pc]; op?.kind === 'check' || op?.kind === 'hold'; op = this.ops[this.pc]) {
      if (op.kind === 'hold') this.pc += 1;
      else this.perform(op);
      if (this.status() !== 'playing') return;
    }
    this.stepping = true;
    this.run();
  }

  /** q: stop where it is. */
  stop(): void {
    this.cancelTimer();
    if (this.current.status === 'ready' || this.current.status === 'playing' || this.current.status === 'paused')
      this.update({ status: 'stopped' });
  }

  private update(change: Partial<PlayerView>): void {
    const wasPlaying = this.current.status === 'playing';
    this.current = { ...this.current, ...change };
    const playing = this.current.status === 'playing';
    if (playing && !wasPlaying) this.playingSince = this.scheduler.now();
    if (wasPlaying && !playing) {
      this.playedBefore = this.playedMs();
      this.playingSince = undefined;
    }
    for (const listener of this.listeners) listener();
  }

  private cancelTimer(): void {
    if (this.hasTimer) this.scheduler.clearTimeout(this.timer);
    this.hasTimer = false;
  }

  private schedule(ms: number): void {
    this.hasTimer = true;
    this.timer = this.scheduler.setTimeout(() => {
      this.hasTimer = false;
      this.run();
    }, ms);
  }

  /** Runs ops until one asks for a delay, the demo pauses, fails or ends. */
  private run(): void {
    while (this.current.status === 'playing') {
      const op = this.ops[this.pc];
      if (!op) return;
      if (this.stepping && op.kind === 'hold') {
        // The step has played: skip the pause after it and wait for the next key.
        this.pc += 1;
        this.stepping = false;
        this.update({ status: 'paused' });
        return;
      }
      const delay = this.perform(op);
      if (delay === undefined) continue;
      this.schedule(delay);
      return;
    }
  }

  /**
   * Does one op (or one tick of a wait); returns the real delay before going on, or undefined to go
   * on at once.
   */
  private perform(op: Op): number | undefined {
    switch (op.kind) {
      case 'begin':
        this.update({ stepIndex: op.index, keys: [] });
        break;
      case 'act':
        if (op.action.kind === 'wait') return this.tick(op.action.ms);
        this.act(op.action);
        break;
      case 'check':
        for (const step of op.steps) {
          const problem = this.device.check(step);
          if (problem !== undefined) {
            this.pc += 1;
            this.update({ status: 'failed', failure: { step, message: problem } });
            return undefined;
          }
        }
        break;
      case 'hold':
        break;
      case 'end':
        this.update({ status: 'done' });
        return undefined;
    }
    this.pc += 1;
    const delay = delayAfter(op, this.speed, this.timing);
    return delay > 0 ? delay : undefined;
  }

  private act(action: Exclude<DemoAction, { kind: 'wait' }>): void {
    switch (action.kind) {
      case 'key':
        this.device.send(action.event);
        this.update({ keys: [...this.current.keys, action.shown], keyPresses: this.current.keyPresses + 1 });
        return;
      case 'phoneKey':
        this.device.sendPhone(action.event);
        this.update({ keys: [...this.current.keys, action.shown], keyPresses: this.current.keyPresses + 1 });
        return;
      case 'system':
        this.device.send(action.event);
        // The power key is a key the technician presses; the network is not.
        if (action.shown !== undefined)
          this.update({ keys: [...this.current.keys, action.shown], keyPresses: this.current.keyPresses + 1 });
        return;
      case 'powerCut':
        this.device.powerCut();
        return;
      case 'paper':
        this.device.setPaper(action.paper);
        return;
    }
  }

  /** One tick of a wait: device time moves on; the next tick comes a real tick later. */
  private tick(ms: number): number | undefined {
    const left = this.waitLeft ?? ms;
    const step = Math.min(left, deviceMsPerTick(ms, this.speed, this.timing));
    this.device.advance(step);
    if (left - step > 0) {
      this.waitLeft = left - step;
      return this.timing.tickMs;
    }
    this.waitLeft = undefined;
    this.pc += 1;
    return this.timing.tickMs;
  }
}
