/**
 * Where device data lives (the data files, practice history, backups): --data-dir, else
 * $POS_SIM_DATA_DIR, else the user's data folder as the operating system has it — the convention of
 * env-paths, which conf itself uses, without its "-nodejs" suffix:
 * - Linux and other Unix: XDG, $XDG_DATA_HOME/pos-sim, else ~/.local/share/pos-sim;
 * - macOS: ~/Library/Application Support/pos-sim;
 * - Windows: %LOCALAPPDATA%\pos-sim\Data (LOCALAPPDATA, else ~\AppData\Local).
 * On macOS and Windows, data an earlier version kept in the XDG folder stays in use while the
 * system's folder does not exist, so nothing is lost by updating.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { atExit } from '../at-exit.js';
import { FileError } from '../errors.js';
import { fileReason, isFileSystemError } from '../file-problem.js';
import { toolText } from '../i18n/tool-lang.js';

export const DATA_DIR_ENV = 'POS_SIM_DATA_DIR';

const APP = 'pos-sim';

/** What the data folder depends on besides the environment; tests pass their own. */
export type DataDirSystem = {
  readonly platform: NodeJS.Platform;
  /** The user's home folder. */
  readonly home: string;
  readonly exists: (dir: string) => boolean;
};

const thisSystem = (): DataDirSystem => ({ platform: process.platform, home: homedir(), exists: existsSync });

/** XDG base directories: set, not empty, and absolute (a relative one is to be ignored). */
const xdgDataHome = (env: NodeJS.ProcessEnv, home: string): string => {
  const value = env.XDG_DATA_HOME;
  return value && posix.isAbsolute(value) ? value : posix.join(home, '.local', 'share');
};

/** The data folder the system's convention gives, when neither --data-dir nor $POS_SIM_DATA_DIR is set. */
const systemDataDir = (env: NodeJS.ProcessEnv, { platform, home, exists }: DataDirSystem): string => {
  if (platform !== 'darwin' && platform !== 'win32') return posix.join(xdgDataHome(env, home), APP);
  const own =
    platform === 'darwin'
      ? posix.join(home, 'Library', 'Application Support', APP)
      : win32.join(env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local'), APP, 'Data');
  // Where earlier versions put it on every system.
  const path = platform === 'win32' ? win32 : posix;
  const earlier = path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), APP);
  return !exists(own) && exists(earlier) ? earlier : own;
};

/** The data folder: --data-dir, else $POS_SIM_DATA_DIR, else the system's (see the module comment). */
export const resolveDataDir = (
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  system: DataDirSystem = thisSystem(),
): string => {
  const path = system.platform === 'win32' ? win32 : posix;
  if (flag) return path.resolve(flag);
  if (env[DATA_DIR_ENV]) return path.resolve(env[DATA_DIR_ENV]);
  return systemDataDir(env, system);
};

/** The device data file for a profile in a data folder. */
export const deviceFile = (dir: string, profileName: string): string => join(dir, `${profileName}.json`);

/** A throw-away data folder for a factory-fresh device (--fresh); removed when the process ends, by a signal too. */
export const throwAwayDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-fresh-'));
  atExit(() => rmSync(dir, { recursive: true, force: true }));
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
 * Runs `work` on the data folder; a file-system error on the way becomes a FileError that names the
 * folder, says what is wrong with it and how to give another.
 */
export const inDataDir = <T>(dir: string, work: () => T): T => {
  try {
    return work();
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new FileError(
      isNotAFolder(dir) ? toolText('store.notAFolder', { dir }) : toolText('store.folderUnusable', { dir, reason: fileReason(error) }),
    );
  }
};
