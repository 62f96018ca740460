/**
 * One walkthrough file, read and played on each profile it is to run on: the unit of work of a run,
 * in this process or in a worker. Profiles are loaded once per process, pieces and suite files once
 * per run (library.ts); a file is parsed once whatever the number of profiles. A walkthrough the
 * tags do not pick, or whose `when` does not hold on a profile, is reported as skipped there. The
 * walkthrough is dropped when its results are made, so a run's memory does not grow with the suite.
 */
import { PosSimError } from '../errors.js';
import { fileReason, isFileSystemError } from '../file-problem.js';
import { toolText } from '../i18n/tool-lang.js';
import { loadProfile, shippedProfileNames } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { readUtf8 } from '../read-utf8.js';
import { shownPath } from '../shown-path.js';
import { factsOfProfile, holds, unknownProfiles } from './conditions.js';
import type { WalkthroughLibrary } from './library.js';
import { parseWalkthrough, WalkthroughError } from './parse-walkthrough.js';
import { countSteps, profileLabel, runWalkthrough, type RunOptions, type WalkthroughResult } from './run-walkthrough.js';
import { isPicked, tagSelectionText, type TagSelection } from './suite.js';
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
  readonly library: WalkthroughLibrary;
  /** `--env NAME=value`: values for `${NAME}`s, before the environment's. */
  readonly given?: Readonly<Record<string, string>>;
  /** `--include-tags` / `--exclude-tags`. */
  readonly tags?: TagSelection;
};

const errorResult = (file: string, profile: string | undefined, reason: string): WalkthroughResult => ({
  file,
  name: shownPath(file),
  ...(profile === undefined ? {} : { profile }),
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
  const skipped = (reason: string): WalkthroughResult => ({
    file: walkthrough.file,
    name: walkthrough.name,
    profile,
    status: 'skipped',
    steps: countSteps(walkthrough.before) + countSteps(walkthrough.steps) + countSteps(walkthrough.after),
    stepsRun: 0,
    durationMs: 0,
    reason,
  });
  if (options.tags && !isPicked(walkthrough.tags, options.tags)) {
    return skipped(
      toolText('run.skippedTags', {
        selection: tagSelectionText(options.tags),
        tags: walkthrough.tags.join(', ') || toolText('walkthrough.none'),
      }),
    );
  }
  if (walkthrough.when && !holds(walkthrough.when, factsOfProfile(loaded, fixture))) {
    const shipped = shippedProfileNames();
    const unknown = unknownProfiles(walkthrough.when, shipped);
    const hint = unknown.length > 0 ? toolText('run.unknownProfile', { names: unknown.join(', '), shipped: shipped.join(', ') }) : '';
    return skipped(toolText('run.skippedWhen', { when: walkthrough.whenText ?? '', profile }) + hint);
  }
  return runWalkthrough(onProfile, { ...options, profile: loaded });
};

/**
 * A walkthrough file's text. One that cannot be read (not UTF-8, no permission, a symlink to
 * nothing) cannot run, as one that does not parse: the other files of the suite still run.
 */
const readWalkthrough = (file: string): string => {
  let text: ReturnType<typeof readUtf8>;
  try {
    text = readUtf8(file);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new WalkthroughError(toolText('file.problem', { path: shownPath(file), reason: fileReason(error) }));
  }
  if (typeof text !== 'string') throw new WalkthroughError(text.problem);
  return text;
};

/** The results of one file: one per profile, in the order of the profiles. */
export const runFile = (file: string, options: FileRunOptions, env: NodeJS.ProcessEnv = process.env): WalkthroughResult[] => {
  let walkthrough: Walkthrough;
  try {
    // With --fixture, the walkthrough's own profile is not used, so it need not exist.
    const parseOptions = {
      checkFixture: options.fixtures === undefined,
      library: options.library,
      ...(options.given ? { given: options.given } : {}),
    };
    walkthrough = { ...parseWalkthrough(readWalkthrough(file), shownPath(file), env, parseOptions), file };
  } catch (error) {
    if (!(error instanceof WalkthroughError)) throw error;
    return (options.fixtures ?? [undefined]).map((fixture) =>
      errorResult(file, fixture === undefined ? undefined : profileLabel(fixture), error.message),
    );
  }
  return (options.fixtures ?? [walkthrough.fixture]).map((fixture) => runOn(walkthrough, fixture, options));
};
