/** A path as messages show it: relative to where the user is, unless it lies outside. */
import { relative } from 'node:path';

/** The last path shown and where from: a walkthrough's file is shown at each of its steps, and path.relative is costly. */
let last: { readonly cwd: string; readonly path: string; readonly shown: string } | undefined;

export const shownPath = (path: string): string => {
  const cwd = process.cwd();
  if (last?.path === path && last.cwd === cwd) return last.shown;
  const relativePath = relative(cwd, path);
  const shown = relativePath === '' || relativePath.startsWith('..') ? path : relativePath;
  last = { cwd, path, shown };
  return shown;
};
