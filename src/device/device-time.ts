/** The device clock as terminals show it: China Standard Time, whatever the host's time zone. */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export type DeviceDateTime = {
  /** 2026-06-01 */
  readonly date: string;
  /** 09:03:05 */
  readonly time: string;
};

/**
 * The last moment asked for and its date and time: a screen asks for the same moment (the device
 * clock's now) several times, and formatting with a time zone is costly.
 */
let last: { readonly moment: number; readonly at: DeviceDateTime } | undefined;

/** Date and time on the device for a moment in ms since the epoch (or an ISO string). */
export const deviceDateTime = (moment: number | string): DeviceDateTime => {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment;
  if (last?.moment === ms) return last.at;
  const parts = Object.fromEntries(PARTS.formatToParts(ms).map((part) => [part.type, part.value]));
  const at = { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
  last = { moment: ms, at };
  return at;
};
