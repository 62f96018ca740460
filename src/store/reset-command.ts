/**
 * The exact pos-sim command for a device, for the messages that tell the user to run one (`pos-sim
 * reset`, or `pos-sim` to start it): with the profile and the data folder actually in use, so that
 * it acts on this device and no other.
 */
import { resolve } from 'node:path';
import { DEFAULT_PROFILE, looksLikePath } from '../profile/load-profile.js';
import { shellWord } from '../shell-word.js';

/** `pos-sim [COMMAND] [--fixture F] --data-dir D`; a profile given as a path is made absolute. */
export const deviceCommand = (command: readonly string[], fixture: string, dataDir: string): string =>
  [
    'pos-sim',
    ...command,
    ...(fixture === DEFAULT_PROFILE ? [] : ['--fixture', looksLikePath(fixture) ? resolve(fixture) : fixture]),
    '--data-dir',
    resolve(dataDir),
  ]
    .map(shellWord)
    .join(' ');

/** `pos-sim reset [--fixture F] --data-dir D`. */
export const resetCommand = (fixture: string, dataDir: string): string => deviceCommand(['reset'], fixture, dataDir);
