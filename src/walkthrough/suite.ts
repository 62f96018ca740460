/**
 * A suite: the walkthrough files under the given files and folders, in one order that is the same
 * on every machine (by path, code point by code point), and the profiles each runs on. Inside a
 * folder, the suite file and the folders whose name starts with `_` (pieces, such as `_lib/`) are no
 * walkthroughs to run on their own. `--shard i/n` takes every n-th file from the i-th, so shards are
 * balanced to one file and stable. Tags pick walkthroughs as Maestro's `--include-tags` and
 * `--exclude-tags` do.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { fileReason, isFileSystemError } from '../file-problem.js';
import { join, resolve } from 'node:path';
import { toolText } from '../i18n/tool-lang.js';
import { SUITE_FILE } from './walkthrough.js';
import { WalkthroughError } from './walkthrough-error.js';

const isWalkthroughFile = (name: string) => (name.endsWith('.yaml') || name.endsWith('.yml')) && name !== SUITE_FILE;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A folder of pieces, which a suite calls but does not run on their own: its name starts with `_`. */
export const isPieceFolder = (name: string): boolean => name.startsWith('_');

/** Whether a symbolic link leads to a folder (not to a file, nowhere, or round in a loop). */
const linksToFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The walkthrough files under a path. A folder linked in by a symbolic link (a shared suite) is
 * searched as any other, once: a folder met again (a link back up) is not searched again.
 */
const findFiles = (path: string, searched = new Set<string>()): string[] => {
  if (!statSync(path).isDirectory()) return [path];
  const real = realpathSync(path);
  if (searched.has(real)) return [];
  searched.add(real);
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => byCodePoint(a.name, b.name))
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && linksToFolder(child)))
        return isPieceFolder(entry.name) ? [] : findFiles(child, searched);
      return isWalkthroughFile(entry.name) ? [child] : [];
    });
};

/** Why a path given on the command line cannot be searched (not there, a link round in a loop…), or undefined. */
const pathProblem = (absolute: string, given: string): string | undefined => {
  try {
    statSync(absolute);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || !isFileSystemError(error))
      return toolText('walkthrough.noSuchPath', { path: given });
    return toolText('file.problem', { path: given, reason: fileReason(error) });
  }
};

/** The walkthrough files, absolute, in run order; a path that does not exist stops everything. */
export const findWalkthroughFiles = (paths: readonly string[]): string[] => {
  const problems: string[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const problem = pathProblem(absolute, path);
    if (problem !== undefined) problems.push(problem);
    else files.push(...findFiles(absolute));
  }
  if (problems.length === 0 && files.length === 0) problems.push(toolText('walkthrough.noFiles', { paths: paths.join(', ') }));
  if (problems.length > 0) throw new WalkthroughError(problems.join('\n'));
  return files;
};

/** `--shard 2/3`: the 2nd of 3 shards. */
export type Shard = { readonly index: number; readonly count: number };

/** The files of one shard: every count-th, from the index-th on (1-based, as test runners number shards). */
export const shardOf = <T>(files: readonly T[], shard: Shard | undefined): T[] =>
  shard === undefined ? [...files] : files.filter((_, position) => position % shard.count === shard.index - 1);

/** A profile path given on the command line is relative to where the user is. */
export const resolveFixtureArgument = (fixture: string): string =>
  fixture.includes('/') || fixture.endsWith('.json') ? resolve(fixture) : fixture;

/** `--include-tags a,b --exclude-tags c`. */
export type TagSelection = { readonly include: readonly string[]; readonly exclude: readonly string[] };

/**
 * Whether the tags pick a walkthrough: with --include-tags it has at least one of them; with
 * --exclude-tags it has none of those; with both, both hold.
 */
export const isPicked = (tags: readonly string[], selection: TagSelection): boolean =>
  (selection.include.length === 0 || selection.include.some((tag) => tags.includes(tag))) &&
  !selection.exclude.some((tag) => tags.includes(tag));

/** The selection as it was asked for, for reports. */
export const tagSelectionText = (selection: TagSelection): string =>
  [
    ...(selection.include.length > 0 ? [`--include-tags ${selection.include.join(',')}`] : []),
    ...(selection.exclude.length > 0 ? [`--exclude-tags ${selection.exclude.join(',')}`] : []),
  ].join(' ');
