/**
 * The device data is private to the user who runs pos-sim: it holds password hashes. Its folders
 * are 0700 and its files 0600 from the first write, and every later write makes them so again
 * (an older pos-sim left them 0755/0644, and a mode set by hand must not be undone by a save).
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const restrict = (path: string, mode: number): void => {
  if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
};

/** Makes `dir` (and any missing parent) and leaves it private. */
export const privateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrict(dir, PRIVATE_DIR_MODE);
};

/** Leaves an existing file private. */
export const privateFile = (file: string): void => restrict(file, PRIVATE_FILE_MODE);
