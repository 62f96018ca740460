/**
 * `pos-sim reset`: the device back to its profile. It asks first when there is data to replace,
 * a damaged data file is kept aside, never lost, and what interrupted saves left is cleared.
 */
import { existsSync, renameSync } from 'node:fs';
import type { Profile } from '../profile/profile-schema.js';
import { deviceFile } from '../store/data-dir.js';
import { lockDevice } from '../store/device-lock.js';
import { DeviceStore } from '../store/device-store.js';
import { confMedium, removeInterruptedSaves } from '../store/flash-medium.js';
import { privateFile } from '../store/private-files.js';
import { StoreCorruptError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';

export type ResetOptions = {
  /**
   * Whether to go on, asked with the device locked when it has a data file to replace (the file is
   * given); false leaves everything as it is. Yes when absent.
   */
  readonly confirm?: (file: string) => boolean | Promise<boolean>;
  readonly now?: Date;
};

/** Resets the device and returns what to tell the user. */
export const resetDevice = async (
  profile: Profile,
  dataDir: string,
  { confirm = () => true, now = new Date() }: ResetOptions = {},
): Promise<string[]> => {
  const lock = lockDevice(dataDir, profile.name);
  try {
    removeInterruptedSaves(dataDir, profile.name);
    const file = deviceFile(dataDir, profile.name);
    const messages: string[] = [];
    if (existsSync(file)) {
      if (!(await confirm(file))) return [toolText('reset.declined')];
      try {
        confMedium(dataDir, profile.name).read();
      } catch (error) {
        if (!(error instanceof StoreCorruptError)) throw error;
        const aside = `${file}.broken-${now.toISOString().replace(/[:.]/g, '-')}`;
        renameSync(file, aside);
        privateFile(aside);
        messages.push(toolText('reset.keptAside', { path: aside }));
      }
    }
    const store = new DeviceStore({ profile, medium: confMedium(dataDir, profile.name), now: () => now.getTime() });
    store.reset();
    messages.push(toolText('reset.done', { name: profile.name, location: store.location }));
    return messages;
  } finally {
    lock.release();
  }
};
