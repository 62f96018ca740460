// The end of a demo, on a simulated clock: the end stays on screen a moment, then the recording
// ends; the program ends by itself only when nobody is at the terminal, recorded or not.
import { describe, expect, it } from 'vitest';
import { endHoldMs, endWhenFinished, type EndingOptions, type Watched } from '../../src/demo/demo-ending.js';
import { DEFAULT_TIMING, type PlayerStatus, type PlayerView } from '../../src/demo/player.js';
import { SteppingClock } from '../../src/device/simulated-clock.js';

/** A player that is told its status: the ending only watches it. */
const fakePlayer = () => {
  let view: PlayerView = { status: 'playing', stepIndex: 0, keys: [], keyPresses: 0 };
  const listeners = new Set<() => void>();
  const player: Watched = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view: () => view,
  };
  const become = (status: PlayerStatus) => {
    view = { ...view, status };
    for (const listener of listeners) listener();
  };
  return { player, become, listening: () => listeners.size };
};

const HOLD = 1200;

const watch = (options: Pick<EndingOptions, 'interactive'> & { recorded: boolean }) => {
  const clock = new SteppingClock(0);
  const fake = fakePlayer();
  const happened: string[] = [];
  const stop = endWhenFinished(fake.player, {
    holdMs: HOLD,
    scheduler: clock,
    interactive: options.interactive,
    ...(options.recorded ? { endRecording: () => happened.push(`recording ends at ${clock.now()}`) } : {}),
    exit: () => happened.push(`exits at ${clock.now()}`),
  });
  return { clock, happened, stop, ...fake };
};

describe('the end of a demo', () => {
  it('in a terminal, recorded: the recording ends on the end screen, and the demo waits for q', () => {
    const { clock, become, happened } = watch({ interactive: true, recorded: true });
    clock.advance(5000);
    become('done');
    clock.advance(HOLD - 1);
    expect(happened).toEqual([]);
    clock.advance(1);
    expect(happened).toEqual([`recording ends at ${5000 + HOLD}`]);
    clock.advance(3_600_000);
    expect(happened).toEqual([`recording ends at ${5000 + HOLD}`]);
  });

  it('in a terminal, not recorded: waits for q', () => {
    const { clock, become, happened } = watch({ interactive: true, recorded: false });
    become('done');
    clock.advance(3_600_000);
    expect(happened).toEqual([]);
  });

  it('without a terminal: the recording ends, then the program, once the end has been shown', () => {
    const { clock, become, happened } = watch({ interactive: false, recorded: true });
    clock.advance(100);
    become('done');
    clock.advance(3_600_000);
    expect(happened).toEqual([`recording ends at ${100 + HOLD}`, `exits at ${100 + HOLD}`]);
  });

  it('after a failed check as after the end', () => {
    const { clock, become, happened } = watch({ interactive: false, recorded: true });
    become('failed');
    clock.advance(HOLD);
    expect(happened).toEqual([`recording ends at ${HOLD}`, `exits at ${HOLD}`]);
  });

  it('does nothing while the demo plays, is paused, or after q stopped it', () => {
    const { clock, become, happened, stop, listening } = watch({ interactive: false, recorded: true });
    become('paused');
    become('playing');
    clock.advance(60_000);
    expect(happened).toEqual([]);
    stop();
    expect(listening()).toBe(0);
    become('done');
    clock.advance(60_000);
    expect(happened).toEqual([]);
  });

  it('q while the end is held: nothing more happens', () => {
    const { clock, become, happened, stop } = watch({ interactive: true, recorded: true });
    become('done');
    clock.advance(HOLD / 2);
    stop();
    clock.advance(60_000);
    expect(happened).toEqual([]);
  });

  it('holds the end for a step’s pause, long enough for Ink to draw it at any speed', () => {
    expect(endHoldMs(1)).toBe(DEFAULT_TIMING.stepMs);
    expect(endHoldMs(2)).toBe(DEFAULT_TIMING.stepMs / 2);
    expect(endHoldMs(100)).toBeGreaterThanOrEqual(1000 / 30);
  });
});
