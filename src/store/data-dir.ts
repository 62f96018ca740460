/** Where device data lives: --data-dir, else $POS_SIM_DATA_DIR, else the user's data folder. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FileError } from '../errors.js';
import { fileReason, isFileSystemError } from '../file-problem.js';
import { toolText } from '../i18n/tool-lang.js';

export const DATA_DIR_ENV = 'POS_SIM_DATA_DIR';

export const resolveDataDir = (flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string => {
  if (flag) return resolve(flag);
  if (env[DATA_DIR_ENV]) return resolve(env[DATA_DIR_ENV]);
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'pos-sim');
};

/** The device data file for a profile in a data folder. */
export const deviceFile = (dir: string, profileName: string): string => join(dir, `${profileName}.json`);

/** A throw-away data folder for a factory-fresh device (--fresh); removed when the process exits. */
export const throwAwayDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-fresh-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** Whether `dir` is there but is not a folder (a file of that name). */
export const isNotAFolder = (dir: string): boolean => {
  try {
    return !statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Runs `use` on the data folder; a file-system error on the way becomes a FileError that names the
 * folder, says what is wrong with it and how to give another.
 */
export const inDataDir = <T>(dir: string, use: () => T): T => {
  try {
    return use();
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new FileError(
      isNotAFolder(dir) ? toolText('store.notAFolder', { dir }) : toolText('store.folderUnusable', { dir, reason: fileReason(error) }),
    );
  }
};
