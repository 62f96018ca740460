/**
 * The exact `pos-sim reset` for a device, for the messages that tell the user to run it: with the
 * profile and the data folder actually in use, so that it resets this device and no other.
 */
import { resolve } from 'node:path';
import { DEFAULT_PROFILE, looksLikePath } from '../profile/load-profile.js';
import { shellWord } from '../shell-word.js';

/** `pos-sim reset [--fixture F] --data-dir D`; a profile given as a path is made absolute. */
export const resetCommand = (fixture: string, dataDir: string): string =>
  [
    'pos-sim',
    'reset',
    ...(fixture === DEFAULT_PROFILE ? [] : ['--fixture', looksLikePath(fixture) ? resolve(fixture) : fixture]),
    '--data-dir',
    resolve(dataDir),
  ]
    .map(shellWord)
    .join(' ');
