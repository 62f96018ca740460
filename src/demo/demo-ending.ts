/**
 * What happens once a demo has ended (or a check failed): the end stays on screen a moment, then
 * the recording ends, so that a cast ends on the end screen however long the person takes to press
 * q. With nobody at the terminal the program ends then too; a person at the terminal reads the end
 * and quits with q, recorded or not.
 */
import { DEFAULT_TIMING, type PlayerView, type Scheduler } from './player.js';

/** Ink draws at most 30 frames a second: the end's frame is drawn before the recording ends. */
const MIN_HOLD_MS = 100;

/** How long the end stays on screen (and in the recording) at this speed: a step's pause. */
export const endHoldMs = (speed: number): number => Math.max(DEFAULT_TIMING.stepMs / speed, MIN_HOLD_MS);

export type EndingOptions = {
  /** How long the end stays on screen before the recording (or the program) ends. */
  readonly holdMs: number;
  readonly scheduler: Pick<Scheduler, 'setTimeout' | 'clearTimeout'>;
  /** A person is at the terminal: the program waits for q. */
  readonly interactive: boolean;
  /** Ends the recording, when there is one. */
  readonly endRecording?: () => void;
  /** Ends the program. */
  readonly exit: () => void;
};

/** What the ending watches: the player (or anything that plays like one). */
export type Watched = {
  readonly subscribe: (listener: () => void) => () => void;
  readonly view: () => PlayerView;
};

const isFinished = (view: PlayerView) => view.status === 'done' || view.status === 'failed';

/** Watches the player until it finishes; returns a function that stops watching and cancels what is pending. */
export const endWhenFinished = (player: Watched, options: EndingOptions): (() => void) => {
  let timer: unknown;
  let pending = false;
  const onChange = () => {
    if (pending || !isFinished(player.view())) return;
    pending = true;
    unsubscribe();
    timer = options.scheduler.setTimeout(() => {
      pending = false;
      options.endRecording?.();
      if (!options.interactive) options.exit();
    }, options.holdMs);
  };
  const unsubscribe = player.subscribe(onChange);
  onChange();
  return () => {
    unsubscribe();
    if (pending) options.scheduler.clearTimeout(timer);
    pending = false;
  };
};
