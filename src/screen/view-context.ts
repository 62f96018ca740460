/** What every view of the device needs besides the snapshot it draws: profile, language, clock. */
import type { Lang, Translate } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { deviceDateTime } from '../device/device-time.js';
import type { ScreenLine } from './screen.js';

export type ViewContext = {
  readonly profile: Profile;
  readonly lang: Lang;
  readonly t: Translate;
  /** Device clock, ms since the epoch. */
  readonly now: number;
};

/** A numbered list with the cursor on one item: 1.绑定管理 2.支付方式管理 … */
export const numbered = (labels: readonly string[], cursor: number | undefined): ScreenLine[] => {
  const lines: ScreenLine[] = [];
  for (const [index, label] of labels.entries()) lines.push({ text: `${index + 1}.${label}`, selected: index === cursor, item: true });
  return lines;
};

export const formatDuration = (ms: number, t: Translate): string => {
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 60 ? t('time.minutesSeconds', { m: Math.floor(seconds / 60), s: seconds % 60 }) : t('time.seconds', { s: seconds });
};

/** A later moment as the device says it: 11:00 today, 06-02 11:00 on another day. */
export const clockTime = (moment: number, now: number): string => {
  const at = deviceDateTime(moment);
  const time = at.time.slice(0, 5);
  return at.date === deviceDateTime(now).date ? time : `${at.date.slice(5)} ${time}`;
};
