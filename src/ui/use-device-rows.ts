/**
 * The device display for the UI: re-read whenever the device changes, and every second for the
 * clock in the status line and the lockout countdown.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DeviceSession } from '../device/device-session.js';
import type { DisplayRows } from '../screen/screen-text.js';

const CLOCK_TICK_MS = 1000;

export const useDeviceRows = (session: DeviceSession): DisplayRows => {
  useSyncExternalStore(session.subscribe, session.version);
  const [, setSecond] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSecond((second) => second + 1), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return session.rows();
};
