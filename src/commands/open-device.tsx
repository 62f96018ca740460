/**
 * The heavy half of `pos-sim` start-up, loaded while the boot splash shows: validates the profile,
 * opens the device data and starts the device session, and gives the App that draws it.
 */
import { join } from 'node:path';
import { App } from '../ui/app.js';
import { DeviceSession } from '../device/device-session.js';
import type { Lang } from '../i18n/messages.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { folderShelf } from '../store/backup-shelf.js';
import { DeviceStore } from '../store/device-store.js';
import { confMedium } from '../store/flash-medium.js';

export { App, loadProfile };

/**
 * The device session on this profile (`fixture` as the user gave it) and data folder, locked by the
 * caller; throws StoreCorruptError.
 */
export const openSession = (profile: Profile, fixture: string, dataDir: string, lang: Lang): DeviceSession => {
  const store = new DeviceStore({
    profile,
    medium: confMedium(dataDir, profile.name, fixture),
    now: Date.now,
    backups: folderShelf(join(dataDir, 'backups')),
  });
  return new DeviceSession({ store, lang });
};
