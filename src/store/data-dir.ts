/** Where device data lives: --data-dir, else $POS_SIM_DATA_DIR, else the user's data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
