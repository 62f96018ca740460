/**
 * China Standard Time (Asia/Shanghai) for a moment, whatever the host's time zone. China has kept
 * UTC+8 all year since its last summer time ended in September 1991, so from 1992 on this is plain
 * arithmetic; earlier moments come from the time-zone data, loaded only then (loading it costs some
 * 10 ms and 5 MB, which every start used to pay). Imports nothing: the boot splash uses it too.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const PLAIN_FROM = Date.UTC(1992, 0, 1);
const PLAIN_UNTIL = Date.UTC(9999, 0, 1);
let zoneParts: Intl.DateTimeFormat | undefined;
let lastPlain: { readonly ms: number; readonly at: ChinaDateTime } = { ms: Number.NaN, at: { date: '', time: '' } };

export type ChinaDateTime = {
  /** 2026-06-01 */
  readonly date: string;
  /** 09:03:05 */
  readonly time: string;
};

/** Date and time in China for a moment in ms since the epoch. */
export const chinaDateTime = (ms: number): ChinaDateTime => {
  if (ms >= PLAIN_FROM && ms < PLAIN_UNTIL) {
    // A simulated clock stands still between keys: the status bar and the records ask for the same moment again and again.
    if (ms === lastPlain.ms) return lastPlain.at;
    // 2026-06-01T09:03:05.000Z
    const iso = new Date(ms + CST_OFFSET_MS).toISOString();
    lastPlain = { ms, at: { date: iso.slice(0, 10), time: iso.slice(11, 19) } };
    return lastPlain.at;
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

/** The time in China as a clock shows it: 09:03. */
export const chinaClock = (ms: number): string => chinaDateTime(ms).time.slice(0, 5);
