/** The device clock as terminals show it: China Standard Time, whatever the host's time zone. */

/**
 * China has kept UTC+8 all year since its last summer time ended in September 1991, so the device's
 * time from 1992 on is plain arithmetic. Before then it comes from the time-zone data, loaded only
 * then: loading it costs some 10 ms, which every run used to pay.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const PLAIN_FROM = Date.UTC(1992, 0, 1);
const PLAIN_UNTIL = Date.UTC(9999, 0, 1);
let zoneParts: Intl.DateTimeFormat | undefined;

export type DeviceDateTime = {
  /** 2026-06-01 */
  readonly date: string;
  /** 09:03:05 */
  readonly time: string;
};

/** Date and time on the device for a moment in ms since the epoch (or an ISO string). */
export const deviceDateTime = (moment: number | string): DeviceDateTime => {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment;
  if (ms >= PLAIN_FROM && ms < PLAIN_UNTIL) {
    // 2026-06-01T09:03:05.000Z
    const iso = new Date(ms + CST_OFFSET_MS).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
  }
  zoneParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(zoneParts.formatToParts(ms).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
};

/** The device's clock as its status bar shows it: 09:03. */
export const deviceClock = (moment: number): string => deviceDateTime(moment).time.slice(0, 5);
