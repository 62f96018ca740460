/**
 * Work to do when the process ends, however it ends: returning, `process.exit`, or a signal that
 * ends it (SIGTERM; SIGHUP when its terminal window is closed; SIGINT). Node emits no 'exit' event
 * when a signal kills the process, so a lock or a throw-away folder left to 'exit' stayed behind.
 * signal-exit is what Ink restores the terminal with: the process still ends by the same signal.
 */
import onExit from 'signal-exit';

/** Runs `work` once as the process ends; returns the function that cancels it. */
export const atExit = (work: () => void): (() => void) => onExit(() => work());
