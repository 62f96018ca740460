/**
 * The device data is private to the user who runs pos-sim: it holds password hashes. Its folders
 * are 0700 and its files 0600 from the first write, and every later write takes group and others'
 * access away again (an older pos-sim left them 0755/0644, and a chmod 600 must not be undone by a
 * save); it never gives the owner more than they have.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Takes away what group and others may do; what the owner may do is left as it is (a read-only
 * folder stays so). Only the owner may change a mode: in a folder of someone else's it stays as it is.
 */
const restrict = (path: string): void => {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(path, mode & 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
};

/** Makes `dir` (and any missing parent) and leaves it private. */
export const privateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrict(dir);
};

/** Leaves an existing file private. */
export const privateFile = (file: string): void => restrict(file);
