/**
 * `pos-sim paths`: the shortest key path to every menu state, listed, or written as walkthroughs
 * (`--write DIR`) that replay it. Paths type the settings password: POS_SIM_PASSWORD, or the
 * factory password when the profile still has one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { FACTORY_PASSWORDS, isFactoryPassword } from '../profile/factory-passwords.js';
import { profilePath } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { shownPath } from '../shown-path.js';
import { verifyPassword } from '../store/password-hash.js';
import { PASSWORD_ENV } from '../walkthrough/walkthrough.js';
import { phoneKeyOf, type ModelStep } from '../walkthrough/model-actions.js';
import { allMenuStates, pathToWalkthrough, shortestMenuPaths } from '../walkthrough/model-paths.js';

const settingsPassword = (profile: Profile, env: NodeJS.ProcessEnv): string => {
  const hash = profile.operators.find((operator) => operator.id === profile.security.settingsOperator)?.passwordHash ?? '';
  const given = env[PASSWORD_ENV];
  if (given !== undefined) {
    if (!verifyPassword(given, hash)) {
      throw new UsageError(
        toolText('paths.wrongPassword', { env: PASSWORD_ENV, operator: profile.security.settingsOperator, profile: profile.name }),
      );
    }
    return given;
  }
  const factory = FACTORY_PASSWORDS.find((password) => verifyPassword(password, hash));
  if (!factory) {
    throw new UsageError(
      toolText('paths.noFactoryPassword', { env: PASSWORD_ENV, operator: profile.security.settingsOperator, profile: profile.name }),
    );
  }
  return factory;
};

/** How the listing shows the actions that are not a key press ({digits}: what the action typed). */
const ACTION_LABELS: Partial<Record<ModelStep['type'], MessageKey>> = {
  password: 'paths.action.password',
  wrongPassword: 'paths.action.wrongPassword',
  operatorPassword: 'paths.action.operatorPassword',
  cashierId: 'paths.action.cashierId',
  trace: 'paths.action.trace',
  wrongTrace: 'paths.action.wrongTrace',
  reference: 'paths.action.reference',
  saleDate: 'paths.action.saleDate',
  wrongDate: 'paths.action.wrongDate',
  refundLeft: 'paths.action.refundLeft',
  refundOver: 'paths.action.refundOver',
  cardNumber: 'paths.action.cardNumber',
  merchantNumber: 'paths.action.merchantNumber',
  waitRestart: 'paths.action.waitRestart',
  waitLockout: 'paths.action.waitLockout',
  waitHost: 'paths.action.waitHost',
  networkDown: 'paths.action.networkDown',
  networkUp: 'paths.action.networkUp',
  paperOut: 'paths.action.paperOut',
  paperIn: 'paths.action.paperIn',
  powerCycle: 'paths.action.powerCycle',
  smsCode: 'paths.action.smsCode',
  waitCode: 'paths.action.waitCode',
  waitSettlement: 'paths.action.waitSettlement',
  walletPassword: 'paths.action.walletPassword',
  wrongWalletPassword: 'paths.action.wrongWalletPassword',
  walletCode: 'paths.action.walletCode',
  wrongWalletCode: 'paths.action.wrongWalletCode',
};

const actionLabel = (action: ModelStep): string => {
  const key = ACTION_LABELS[action.type];
  const phoneKey = phoneKeyOf(action.type);
  if (phoneKey !== undefined) return toolText('caption.phoneKey', { cap: phoneKey });
  return key ? toolText(key, { digits: action.digits ?? '' }) : action.type;
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
  const dir = write === undefined ? undefined : resolve(write);
  // A folder that cannot be made is said before the search, not after it.
  if (dir) mkdirSync(dir, { recursive: true });
  const paths = shortestMenuPaths(profile, password);
  const reached = new Set(paths.map((path) => path.target));
  const unreachable = allMenuStates().filter((state) => !reached.has(state));
  const lines: string[] = [];
  if (dir) {
    const fixtureRef = fixture.includes('/') || fixture.endsWith('.json') ? relative(dir, profilePath(fixture)) : fixture;
    for (const path of paths) {
      const file = join(dir, `${path.target.replace(/\./g, '-')}.yaml`);
      const typed = isFactoryPassword(password) ? `"${password}"` : `$${PASSWORD_ENV}`;
      writeFileSync(file, pathToWalkthrough(path, fixtureRef, typed, profile.security.lockoutSeconds, dir, profile.sms.codeValidSeconds));
      lines.push(toolText('paths.wrote', { file: shownPath(file) }));
    }
  } else {
    const width = Math.max(...paths.map((path) => path.target.length));
    for (const path of paths) {
      const steps = path.actions.map(actionLabel);
      lines.push(`${path.target.padEnd(width)}  ${steps.length === 0 ? toolText('paths.start') : steps.join(' ')}`);
    }
  }
  lines.push('', toolText('paths.reached', { reached: paths.length, total: paths.length + unreachable.length, profile: profile.name }));
  if (unreachable.length > 0) lines.push(toolText('paths.unreachable'), ...unreachable.map((state) => `  ${state}`));
  return lines;
};
