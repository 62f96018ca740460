/**
 * The heavy half of `pos-sim` start-up, loaded while the boot splash shows: validates the profile,
 * opens the device data and starts the device session, and gives the App that draws it.
 */
import { join } from 'node:path';
import { App } from '../ui/app.js';
import { DeviceSession } from '../device/device-session.js';
import { LiveClock } from '../device/live-clock.js';
import type { Lang } from '../i18n/messages.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { folderShelf } from '../store/backup-shelf.js';
import { DeviceStore } from '../store/device-store.js';
import { confMedium, removeInterruptedSaves } from '../store/flash-medium.js';
import type { DataWriteError } from '../errors.js';

export { App, LiveClock, loadProfile };

export type OpenOptions = {
  readonly profile: Profile;
  /** The profile as the user gave it (a name or a path), for messages. */
  readonly fixture: string;
  readonly dataDir: string;
  readonly lang: Lang;
  /** Hears a save that failed (see ConfMediumOptions). */
  readonly onWriteFailure: (error: DataWriteError) => void;
  /** The device clock: real time, scaled or fast-forwarded by the trainer. */
  readonly clock: LiveClock;
};

/**
 * The device session on this profile and data folder, locked by the caller: what interrupted saves
 * left is cleared first. Throws StoreCorruptError or FileError when the data cannot be used.
 */
export const openSession = ({ profile, fixture, dataDir, lang, onWriteFailure, clock }: OpenOptions): DeviceSession => {
  removeInterruptedSaves(dataDir, profile.name);
  const store = new DeviceStore({
    profile,
    medium: confMedium(dataDir, profile.name, { fixture, onWriteFailure }),
    now: () => clock.now(),
    backups: folderShelf(join(dataDir, 'backups')),
  });
  return new DeviceSession({ store, lang, clock });
};
