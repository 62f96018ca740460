/**
 * Work to do when the process ends, however it ends: returning, `process.exit`, or a signal that
 * ends it (SIGTERM; SIGHUP when its terminal window is closed). Node emits no 'exit' event when a
 * signal kills the process, so a lock or a throw-away folder left to 'exit' stayed behind.
 * signal-exit hears the signals (the process still ends by the same signal); Node's own 'exit'
 * event stays the way in for every other end, as Ink's copy of signal-exit (an older major) puts
 * back the process methods the newer one wraps when it unmounts.
 */
import { onExit } from 'signal-exit';

/** Runs `work` once as the process ends; returns the function that cancels it. */
export const atExit = (work: () => void): (() => void) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  const stopSignals = onExit(once);
  process.on('exit', once);
  return () => {
    done = true;
    stopSignals();
    process.off('exit', once);
  };
};
