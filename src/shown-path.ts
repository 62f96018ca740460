/** A path as messages show it: relative to where the user is, unless it lies outside. */
import { relative } from 'node:path';

export const shownPath = (path: string): string => {
  const relativePath = relative(process.cwd(), path);
  return relativePath === '' || relativePath.startsWith('..') ? path : relativePath;
};
