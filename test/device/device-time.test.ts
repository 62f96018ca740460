// The device's date and time by arithmetic (from 1992) must be exactly what the time-zone data says.
import { describe, expect, it } from 'vitest';
import { deviceClock, deviceDateTime } from '../../src/device/device-time.js';

const zone = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const fromZoneData = (ms: number) => {
  const parts = Object.fromEntries(zone.formatToParts(ms).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
};
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

describe('the device clock', () => {
  it('shows China Standard Time as the time-zone data does, before and after 1992, at midnight and at year ends', () => {
    const moments = [
      Date.UTC(1988, 6, 1, 12), // summer time (UTC+9) then
      Date.UTC(1991, 8, 14, 16, 59, 59),
      Date.UTC(1991, 11, 31, 15, 59, 59, 999),
      Date.UTC(1991, 11, 31, 16),
      Date.UTC(2026, 5, 1, 1, 3, 5, 999),
      Date.UTC(2026, 11, 31, 16),
      Date.UTC(2024, 1, 28, 16),
      Date.UTC(9998, 11, 31, 23),
      Date.UTC(9999, 11, 31, 23),
    ];
    for (let day = 0; day < 400; day += 1) moments.push(Date.UTC(2025, 0, 1) + day * 86_400_000 + ((day * 7_919_000) % 86_400_000));
    for (const ms of moments) {
      expect(deviceDateTime(ms)).toEqual(fromZoneData(ms));
      expect(deviceDateTime(new Date(ms).toISOString())).toEqual(fromZoneData(ms));
      expect(deviceClock(ms)).toBe(clock.format(ms));
    }
  });
});
