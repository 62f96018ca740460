/**
 * `pos-sim paths`: the shortest key path to every menu state, listed, or written as walkthroughs
 * (`--write DIR`) that replay it. Paths type the settings password: POS_SIM_PASSWORD, or the
 * factory password when the profile still has one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { FACTORY_PASSWORDS, isFactoryPassword } from '../profile/factory-passwords.js';
import { profilePath } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { shownPath } from '../shown-path.js';
import { verifyPassword } from '../store/password-hash.js';
import { PASSWORD_ENV } from '../walkthrough/walkthrough.js';
import { allMenuStates, pathToWalkthrough, shortestMenuPaths, type ModelAction } from '../walkthrough/model-paths.js';


const settingsPassword = (profile: Profile, env: NodeJS.ProcessEnv): string => {
  const hash = profile.operators.find((operator) => operator.id === profile.security.settingsOperator)?.passwordHash ?? '';
  const given = env[PASSWORD_ENV];
  if (given !== undefined) {
    if (!verifyPassword(given, hash)) throw new UsageError(`${PASSWORD_ENV} is not the password of operator ${profile.security.settingsOperator} in ${profile.name}.`);
    return given;
  }
  const factory = FACTORY_PASSWORDS.find((password) => verifyPassword(password, hash));
  if (!factory) {
    throw new UsageError(
      `Operator ${profile.security.settingsOperator} of ${profile.name} has no factory password; set ${PASSWORD_ENV} to theirs so the paths can open 设置.`,
    );
  }
  return factory;
};

const ACTION_LABELS: Partial<Record<ModelAction['type'], string>> = {
  password: '(password)',
  wrongPassword: '(wrong password)',
  waitRestart: '(wait for the restart)',
  waitLockout: '(wait out the lockout)',
  networkDown: '(network down)',
  networkUp: '(network up)',
  powerCycle: '(power cycle)',
  smsCode: '(the code from the SMS)',
  waitCode: '(wait for the code to run out)',
  waitSettlement: '(wait for 资金清算)',
};

export type PathsOptions = {
  readonly profile: Profile;
  /** What the profile was asked for on the command line (a name, or a path). */
  readonly fixture: string;
  readonly write: string | undefined;
};

/** Lists (or writes) the paths; returns the lines to print. */
export const listPaths = ({ profile, fixture, write }: PathsOptions, env: NodeJS.ProcessEnv = process.env): string[] => {
  const password = settingsPassword(profile, env);
  const paths = shortestMenuPaths(profile, password);
  const reached = new Set(paths.map((path) => path.target));
  const unreachable = allMenuStates().filter((state) => !reached.has(state));
  const lines: string[] = [];
  if (write) {
    const dir = resolve(write);
    mkdirSync(dir, { recursive: true });
    const fixtureRef = fixture.includes('/') || fixture.endsWith('.json') ? relative(dir, profilePath(fixture)) : fixture;
    for (const path of paths) {
      const file = join(dir, `${path.target.replace(/\./g, '-')}.yaml`);
      const typed = isFactoryPassword(password) ? `"${password}"` : `$${PASSWORD_ENV}`;
      writeFileSync(file, pathToWalkthrough(path, fixtureRef, typed, profile.security.lockoutSeconds, dir, profile.sms.codeValidSeconds));
      lines.push(`wrote ${shownPath(file)}`);
    }
  } else {
    const width = Math.max(...paths.map((path) => path.target.length));
    for (const path of paths) {
      const steps = path.actions.map((action) => ACTION_LABELS[action.type] ?? action.type);
      lines.push(`${path.target.padEnd(width)}  ${steps.length === 0 ? '(where the device starts)' : steps.join(' ')}`);
    }
  }
  lines.push('', `${paths.length} of ${paths.length + unreachable.length} menu states reached on ${profile.name}.`);
  if (unreachable.length > 0) lines.push('Not reachable on this profile:', ...unreachable.map((state) => `  ${state}`));
  return lines;
};
