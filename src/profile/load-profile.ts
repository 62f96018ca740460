/** Finds a device profile by name (fixtures/profiles/NAME.json) or path, and validates it. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ProfileError } from '../errors.js';
import { fileReason } from '../file-problem.js';
import { toolText } from '../i18n/tool-lang.js';
import { checkSchema, describeIssues, parseJson } from '../json-source.js';
import { profilesDir } from '../package-root.js';
import { readUtf8, type Unreadable } from '../read-utf8.js';
import { shownPath } from '../shown-path.js';
import { profileSchema, type Profile } from './profile-schema.js';

export const DEFAULT_PROFILE = 'default';

let shipped: readonly string[] | undefined;

/** The names of the profiles shipped in fixtures/profiles (read once: the package's folder does not change). */
export const shippedProfileNames = (): readonly string[] =>
  (shipped ??= readdirSync(profilesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => basename(file, '.json'))
    .sort());

/** Whether --fixture names a file (a path, or a .json name) rather than a shipped profile. */
export const looksLikePath = (nameOrPath: string): boolean => nameOrPath.includes('/') || nameOrPath.endsWith('.json');

/** Resolves a profile name or path to a file, or fails naming the profiles there are. */
export const profilePath = (nameOrPath: string): string => {
  const path = looksLikePath(nameOrPath) ? resolve(nameOrPath) : join(profilesDir, `${nameOrPath}.json`);
  if (!existsSync(path)) {
    throw new ProfileError(
      looksLikePath(nameOrPath)
        ? toolText('profile.notFoundAt', { path })
        : toolText('profile.notFoundNamed', { name: nameOrPath, names: shippedProfileNames().join(', ') }),
    );
  }
  return path;
};

/** Parses and validates profile text; `file` is only for messages. */
export const parseProfile = (text: string, file: string): Profile => {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.failure;
    throw new ProfileError(toolText('profile.badJson', { file, line, column, reason }));
  }
  const result = checkSchema(profileSchema, parsed.value);
  if (!result.success) {
    throw new ProfileError(toolText('profile.invalid', { file, issues: describeIssues(result.error) }));
  }
  return result.data;
};

export const loadProfile = (nameOrPath: string = DEFAULT_PROFILE): Profile => {
  const path = profilePath(nameOrPath);
  let text: string | Unreadable;
  try {
    text = readUtf8(path);
  } catch (error) {
    throw new ProfileError(toolText('profile.unreadable', { path: shownPath(path), reason: fileReason(error) }));
  }
  if (typeof text !== 'string') throw new ProfileError(text.problem);
  return parseProfile(text, shownPath(path));
};
