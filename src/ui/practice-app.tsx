/**
 * `pos-sim practice`: the device with the task card beside it; `?` asks for a hint, `q` ends the
 * practice. When the goal is reached (or the technician ends) the score card takes the card's place
 * and the device stops taking keys; `q` then leaves.
 */
import { useApp, type Key } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DeviceSession } from '../device/device-session.js';
import type { PracticeTracker } from '../practice/tracker.js';
import { App } from './app.js';
import { ScoreCardView } from './score-card.js';
import { TaskCard } from './task-card.js';

type PracticeAppProps = {
  /** The throw-away device the task runs on. */
  readonly session: DeviceSession;
  /** Watches the practice on that device. */
  readonly tracker: PracticeTracker;
};

/** Terminal keys the practice takes for itself; the device has no key for either. */
export const PRACTICE_KEYS = { hint: '?', quit: 'q' } as const;

const TICK_MS = 1000;

/** Redraws every second while `active`, for the running time. */
const useTick = (active: boolean): void => {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setTick((tick) => tick + 1), TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
};

export const PracticeApp = ({ session, tracker }: PracticeAppProps) => {
  const { exit } = useApp();
  useSyncExternalStore(tracker.subscribe, tracker.version);
  const result = tracker.result();
  useTick(result === undefined);

  const onKey = (input: string, _key: Key): boolean => {
    if (tracker.result()) {
      // Over: the device takes no more keys; only q leaves, so a key meant for the device cannot.
      if (input === PRACTICE_KEYS.quit) exit();
      return true;
    }
    if (input === PRACTICE_KEYS.hint) {
      tracker.showHint();
      return true;
    }
    if (input === PRACTICE_KEYS.quit) {
      tracker.end();
      return true;
    }
    return false;
  };

  const aside = ({ columns: width, rows }: { readonly columns: number; readonly rows: number }) =>
    result ? (
      <ScoreCardView result={result} lang={session.lang} width={width} height={rows} />
    ) : (
      <TaskCard
        task={tracker.task}
        lang={session.lang}
        elapsedMs={tracker.elapsedMs()}
        hint={tracker.hint()}
        hintsUsed={tracker.hintCount()}
        width={width}
        height={rows}
      />
    );
  // Once it is over the score card takes the rows: the phone goes unless the device still needs it.
  return (
    <App
      session={session}
      send={tracker.send}
      sendPhone={tracker.sendPhone}
      allowReset={false}
      aside={aside}
      onKey={onKey}
      phoneAway={result !== undefined}
    />
  );
};
