/**
 * Every walkthrough under the given files and folders, parsed, with its profile checked, for the
 * commands that play a few known ones (demo, tests): any problem stops it with every problem
 * listed. `pos-sim run` streams instead (run-file.ts).
 */
import { PosSimError } from '../errors.js';
import { readUtf8 } from '../read-utf8.js';
import { shownPath } from '../shown-path.js';
import { WalkthroughLibrary } from './library.js';
import { parseWalkthrough, WalkthroughError } from './parse-walkthrough.js';
import { ProfileCache } from './run-file.js';
import { findWalkthroughFiles, resolveFixtureArgument } from './suite.js';
import type { Walkthrough } from './walkthrough.js';

/** `fixture`, when given, replaces every walkthrough's own profile; `given` are `--env` values. */
export const loadWalkthroughs = (
  paths: readonly string[],
  fixture?: string,
  given: Readonly<Record<string, string>> = {},
): Walkthrough[] => {
  const problems: string[] = [];
  let files: string[] = [];
  try {
    files = findWalkthroughFiles(paths);
  } catch (error) {
    if (!(error instanceof WalkthroughError)) throw error;
    problems.push(error.message);
  }
  const profiles = new ProfileCache();
  const profile = fixture === undefined ? undefined : resolveFixtureArgument(fixture);
  if (profile !== undefined) {
    try {
      profiles.get(profile);
    } catch (error) {
      problems.push(`--fixture: ${(error as Error).message}`);
    }
  }
  const library = new WalkthroughLibrary();
  const walkthroughs: Walkthrough[] = [];
  for (const file of files) {
    try {
      // With --fixture, the walkthrough's own profile is not used, so it need not exist.
      const text = readUtf8(file);
      if (typeof text !== 'string') throw new WalkthroughError(text.problem);
      const parsed = parseWalkthrough(text, shownPath(file), process.env, {
        checkFixture: profile === undefined,
        given,
        library,
      });
      const walkthrough = { ...parsed, file, fixture: profile ?? parsed.fixture };
      // The profile exists (the parser checked); whether it is valid is about the profile file.
      if (profile === undefined) profiles.get(walkthrough.fixture);
      walkthroughs.push(walkthrough);
    } catch (error) {
      if (error instanceof WalkthroughError) problems.push(error.message);
      else if (error instanceof PosSimError) problems.push(`${shownPath(file)}: fixture: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length > 0) throw new WalkthroughError(problems.join('\n'));
  return walkthroughs;
};
