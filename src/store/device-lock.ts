/**
 * One process per device: a lock file beside the device data holds the owner's pid. A lock whose
 * process is gone (killed) is stale and taken over.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeviceInUseError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export type DeviceLock = { readonly file: string; release(): void };

export const lockDevice = (dir: string, name: string): DeviceLock => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.lock`);
  // The lock appears with its pid already in it (a hard link is atomic), so no one reads an empty lock.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, String(process.pid));
  for (;;) {
    try {
      linkSync(draft, file);
      rmSync(draft, { force: true });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        rmSync(draft, { force: true });
        throw error;
      }
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        rmSync(draft, { force: true });
        throw new DeviceInUseError(toolText('lock.inUse', { name, pid: owner, dir }));
      }
      rmSync(file, { force: true });
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { file, release };
};
