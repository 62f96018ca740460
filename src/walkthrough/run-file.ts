/**
 * One walkthrough file, read and played on each profile it is to run on: the unit of work of a run,
 * in this process or in a worker. Profiles are loaded once per process; a file is parsed once
 * whatever the number of profiles. The walkthrough is dropped when its results are made, so a
 * run's memory does not grow with the suite.
 */
import { readFileSync } from 'node:fs';
import { PosSimError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { shownPath } from '../shown-path.js';
import { factsOfProfile, holds } from './conditions.js';
import { parseWalkthrough, WalkthroughError } from './parse-walkthrough.js';
import { profileLabel, runWalkthrough, type RunOptions, type WalkthroughResult } from './run-walkthrough.js';
import type { Walkthrough } from './walkthrough.js';

/** Profiles by name or absolute path, each read and validated once (or its error kept). */
export class ProfileCache {
  private readonly loaded = new Map<string, Profile | PosSimError>();

  get(fixture: string): Profile {
    let entry = this.loaded.get(fixture);
    if (entry === undefined) {
      try {
        entry = loadProfile(fixture);
      } catch (error) {
        if (!(error instanceof PosSimError)) throw error;
        entry = error;
      }
      this.loaded.set(fixture, entry);
    }
    if (entry instanceof PosSimError) throw entry;
    return entry;
  }
}

export type FileRunOptions = Omit<RunOptions, 'profile'> & {
  /** The profiles to run on instead of the walkthrough's own (--fixture): names or absolute paths. */
  readonly fixtures?: readonly string[];
  readonly profiles: ProfileCache;
};

const errorResult = (file: string, profile: string, reason: string): WalkthroughResult => ({
  file,
  name: shownPath(file),
  profile,
  status: 'error',
  steps: 0,
  stepsRun: 0,
  durationMs: 0,
  reason,
});

/** Plays one walkthrough on one profile, or says why it is skipped there or cannot run. */
const runOn = (walkthrough: Walkthrough, fixture: string, options: FileRunOptions): WalkthroughResult => {
  const onProfile = { ...walkthrough, fixture };
  const profile = profileLabel(fixture);
  let loaded: Profile;
  try {
    loaded = options.profiles.get(fixture);
  } catch (error) {
    return errorResult(walkthrough.file, profile, `${shownPath(walkthrough.file)}: fixture: ${(error as Error).message}`);
  }
  if (walkthrough.when && !holds(walkthrough.when, factsOfProfile(loaded, fixture))) {
    const reason = toolText('run.skippedWhen', { when: walkthrough.whenText ?? '', profile });
    return { file: walkthrough.file, name: walkthrough.name, profile, status: 'skipped', steps: walkthrough.steps.length, stepsRun: 0, durationMs: 0, reason };
  }
  return runWalkthrough(onProfile, { ...options, profile: loaded });
};

/** The results of one file: one per profile, in the order of the profiles. */
export const runFile = (file: string, options: FileRunOptions, env: NodeJS.ProcessEnv = process.env): WalkthroughResult[] => {
  let walkthrough: Walkthrough;
  try {
    // With --fixture, the walkthrough's own profile is not used, so it need not exist.
    walkthrough = { ...parseWalkthrough(readFileSync(file, 'utf8'), shownPath(file), env, { checkFixture: options.fixtures === undefined }), file };
  } catch (error) {
    if (!(error instanceof WalkthroughError)) throw error;
    return (options.fixtures ?? [undefined]).map((fixture) => errorResult(file, fixture === undefined ? toolText('report.noProfile') : profileLabel(fixture), error.message));
  }
  return (options.fixtures ?? [walkthrough.fixture]).map((fixture) => runOn(walkthrough, fixture, options));
};
