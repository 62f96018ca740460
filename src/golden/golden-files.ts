/**
 * Golden screen snapshots on disk: beside the walkthrough, in `__snapshots__/<walkthrough file name
 * without extension>/`, one file per snapshot name and profile (`after-save.default.txt`), so a
 * walkthrough played on several profiles keeps one golden for each. A check compares the screen
 * with its golden, or with --update-snapshots writes the golden anew; snapshots no step names any
 * more are found by name.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ScreenCapture } from '../picture/screen-capture.js';
import type { Step, Walkthrough } from '../walkthrough/walkthrough.js';
import { GoldenFormatError, goldenText, readGolden } from './golden-text.js';
import { screenDiff } from './screen-diff.js';

/** The folder of a walkthrough's goldens. */
export const snapshotFolder = (walkthroughFile: string): string =>
  join(dirname(walkthroughFile), '__snapshots__', basename(walkthroughFile, extname(walkthroughFile)));

/** A profile's name as a part of a file name. */
const fileNamePart = (profile: string): string => profile.replace(/[^\w-]+/g, '_');

/** The golden of one snapshot on one profile. */
export const goldenPath = (walkthroughFile: string, name: string, profile: string): string =>
  join(snapshotFolder(walkthroughFile), `${name}.${fileNamePart(profile)}.txt`);

/** How a snapshot check ended. */
export type SnapshotCheck =
  | { readonly kind: 'matched' }
  /** --update-snapshots wrote a golden that was not there, or replaced one that differed. */
  | { readonly kind: 'written'; readonly golden: string }
  | { readonly kind: 'updated'; readonly golden: string }
  | { readonly kind: 'missing'; readonly golden: string; readonly actual: ScreenCapture }
  /** The screen differs from the golden: the differences to read, and the golden's screen to draw. */
  | {
      readonly kind: 'differs';
      readonly golden: string;
      readonly diff: readonly string[];
      readonly expected: ScreenCapture;
      readonly actual: ScreenCapture;
    }
  /** The golden is no snapshot pos-sim can read: its line and what that line should hold. */
  | { readonly kind: 'unreadable'; readonly golden: string; readonly line: number; readonly form: string; readonly actual: ScreenCapture };

/** Compares the screen with the golden of `name` (or writes it, with `update`). */
export const checkSnapshot = (golden: string, actual: ScreenCapture, update: boolean): SnapshotCheck => {
  const text = goldenText(actual);
  const stored = existsSync(golden) ? readFileSync(golden, 'utf8') : undefined;
  if (stored === text) return { kind: 'matched' };
  if (update) {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, text);
    return stored === undefined ? { kind: 'written', golden } : { kind: 'updated', golden };
  }
  if (stored === undefined) return { kind: 'missing', golden, actual };
  let expected: ScreenCapture;
  try {
    expected = readGolden(stored);
  } catch (error) {
    if (!(error instanceof GoldenFormatError)) throw error;
    return { kind: 'unreadable', golden, line: error.line, form: error.message, actual };
  }
  const diff = screenDiff(expected, actual);
  // Only what a file holds besides the screen (line ends, a missing final newline) differs: the same screen.
  return diff.length === 0 ? { kind: 'matched' } : { kind: 'differs', golden, diff, expected, actual };
};

/** The snapshot names steps use (`snapshot:` steps and `expect: { snapshot }`), those of the pieces they call included. */
const namesIn = (steps: readonly Step[]): string[] =>
  steps.flatMap((step) =>
    step.kind === 'snapshot'
      ? [step.name]
      : step.kind === 'expect' && step.expectation.snapshot !== undefined
        ? [step.expectation.snapshot]
        : step.kind === 'run'
          ? namesIn(step.steps)
          : [],
  );

/** The snapshot names a walkthrough uses, in `before:`, its steps and `after:`. */
export const snapshotNames = (walkthrough: Pick<Walkthrough, 'before' | 'steps' | 'after'>): string[] => [
  ...new Set(namesIn([...walkthrough.before, ...walkthrough.steps, ...walkthrough.after])),
];

/** The goldens in a walkthrough's folder that no step names any more. */
export const unusedSnapshots = (walkthroughFile: string, names: readonly string[]): string[] => {
  const folder = snapshotFolder(walkthroughFile);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt') && !names.includes(file.slice(0, -'.txt'.length).replace(/\.[^.]*$/, '')))
    .sort()
    .map((file) => join(folder, file));
};

/** Removes goldens no step uses, and their folder (and `__snapshots__`) when that leaves them empty. */
export const removeSnapshots = (files: readonly string[]): void => {
  for (const file of files) rmSync(file, { force: true });
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    for (const dir of [folder, dirname(folder)]) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  }
};
