/** `pos-sim`: the interactive simulator on the chosen profile and data folder. */
import { join } from 'node:path';
import { render } from 'ink';
import { DeviceSession } from '../device/device-session.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import { lockDevice } from '../store/device-lock.js';
import { folderShelf } from '../store/backup-shelf.js';
import { DeviceStore } from '../store/device-store.js';
import { confMedium } from '../store/flash-medium.js';
import { App } from '../ui/app.js';

export type StartOptions = { readonly profile: Profile; readonly dataDir: string; readonly lang: Lang };

export const startDevice = async ({ profile, dataDir, lang }: StartOptions): Promise<void> => {
  if (!process.stdin.isTTY) {
    throw new UsageError('pos-sim needs an interactive terminal: run it in a terminal window, not with piped input.');
  }
  const lock = lockDevice(dataDir, profile.name);
  try {
    const store = new DeviceStore({
      profile,
      medium: confMedium(dataDir, profile.name),
      now: Date.now,
      backups: folderShelf(join(dataDir, 'backups')),
    });
    const session = new DeviceSession({ store, lang });
    const app = render(<App session={session} />, { exitOnCtrlC: true });
    await app.waitUntilExit();
    session.stop();
  } finally {
    lock.release();
  }
};
