/**
 * Finds walkthrough files (YAML) under the given files and folders and parses them all, with their
 * profiles, before anything runs: one bad file stops the run with every problem listed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PosSimError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';
import { loadProfile } from '../profile/load-profile.js';
import { shownPath } from '../shown-path.js';
import { parseWalkthrough, WalkthroughError } from './parse-walkthrough.js';
import type { Walkthrough } from './walkthrough.js';

/** A profile path given on the command line is relative to where the user is. */
const resolveFixture = (fixture: string) => (fixture.includes('/') || fixture.endsWith('.json') ? resolve(fixture) : fixture);

const isWalkthroughFile = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

const findFiles = (path: string): string[] => {
  if (statSync(path).isDirectory()) {
    return readdirSync(path, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const child = join(path, entry.name);
        return entry.isDirectory() ? findFiles(child) : isWalkthroughFile(entry.name) ? [child] : [];
      });
  }
  return [path];
};

/** `fixture`, when given, replaces every walkthrough's own profile. */
export const loadWalkthroughs = (paths: readonly string[], fixture?: string): Walkthrough[] => {
  const problems: string[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) problems.push(toolText('walkthrough.noSuchPath', { path }));
    else files.push(...findFiles(absolute));
  }
  if (problems.length === 0 && files.length === 0) problems.push(toolText('walkthrough.noFiles', { paths: paths.join(', ') }));
  if (fixture !== undefined) {
    try {
      loadProfile(fixture);
    } catch (error) {
      if (!(error instanceof PosSimError)) throw error;
      problems.push(`--fixture: ${error.message}`);
    }
  }
  const walkthroughs: Walkthrough[] = [];
  for (const file of files) {
    try {
      // With --fixture, the walkthrough's own profile is not used, so it need not exist.
      const parsed = parseWalkthrough(readFileSync(file, 'utf8'), shownPath(file), process.env, { checkFixture: fixture === undefined });
      const walkthrough = fixture === undefined ? parsed : { ...parsed, fixture: resolveFixture(fixture) };
      // The profile exists (the parser checked); whether it is valid is about the profile file.
      if (fixture === undefined) loadProfile(walkthrough.fixture);
      walkthroughs.push({ ...walkthrough, file });
    } catch (error) {
      if (error instanceof WalkthroughError) problems.push(error.message);
      else if (error instanceof PosSimError) problems.push(`${shownPath(file)}: fixture: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length > 0) throw new WalkthroughError(problems.join('\n'));
  return walkthroughs;
};
