/** The device clock as terminals show it: China Standard Time, whatever the host's time zone. */
import { chinaClock, chinaDateTime, type ChinaDateTime } from '../china-time.js';

export type DeviceDateTime = ChinaDateTime;

/** Date and time on the device for a moment in ms since the epoch (or an ISO string). */
export const deviceDateTime = (moment: number | string): DeviceDateTime =>
  chinaDateTime(typeof moment === 'string' ? Date.parse(moment) : moment);

/** The device's clock as its status bar shows it: 09:03. */
export const deviceClock: (moment: number) => string = chinaClock;
