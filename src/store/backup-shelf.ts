/**
 * Where 数据备份 puts its files: a `backups/` folder in the device data folder for the interactive
 * device, or memory for headless devices (scripts, tests), which keep them for inspection.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../errors.js';
import { fileProblem, isFileSystemError } from '../file-problem.js';
import { shownPath } from '../shown-path.js';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.js';

export interface BackupShelf {
  /**
   * Keeps `text` as a new file named after `stem` (`<stem>.json`, or `<stem>-2.json` when that is
   * taken); returns where it went, as the device screen shows it. Throws when it cannot write.
   */
  put(stem: string, text: string): string;
}

export type BackupFile = { readonly path: string; readonly text: string };

/** Backups as private files in `dir` (made when the first backup is written); nothing is ever overwritten. */
export const folderShelf = (dir: string): BackupShelf => ({
  put(stem, text) {
    try {
      privateDir(dir);
      for (let copy = 1; ; copy += 1) {
        const file = join(dir, `${stem}${copy === 1 ? '' : `-${copy}`}.json`);
        try {
          writeFileSync(file, text, { flag: 'wx', mode: PRIVATE_FILE_MODE });
          return shownPath(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    } catch (error) {
      // Said on the device's screen (备份失败：…): the path and the reason in words.
      throw isFileSystemError(error) ? new FileError(fileProblem(error)) : error;
    }
  },
});

export type MemoryShelf = BackupShelf & {
  /** The backups written so far, oldest first. */
  files(): readonly BackupFile[];
};

/** Backups kept in memory, under paths like `(memory)/backups/default-2026-06-01_09-00-00.json`. */
export const memoryShelf = (): MemoryShelf => {
  const kept: BackupFile[] = [];
  return {
    put(stem, text) {
      const taken = (path: string) => kept.some((file) => file.path === path);
      let path = `(memory)/backups/${stem}.json`;
      for (let copy = 2; taken(path); copy += 1) path = `(memory)/backups/${stem}-${copy}.json`;
      kept.push({ path, text });
      return path;
    },
    files: () => kept.map((file) => ({ ...file })),
  };
};
