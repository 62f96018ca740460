/**
 * `when:` — which devices a walkthrough applies to, as conditions on the device: its profile's
 * name, the network, the menu items it has, what its data holds. A walkthrough whose condition
 * does not hold on a profile is skipped there (reported as skipped, not passed). Each facet is read
 * from DeviceFacts, so the same conditions can be asked of a running device (a step's `when`).
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { MenuNode } from '../../menus/domain.js';
import { onlyIfValid, says } from '../json-source.js';
import type { Profile } from '../profile/profile-schema.js';
import { seedFlash } from '../store/flash-data.js';
import { readStorePath } from './store-path.js';
import { storeChecksSchema, type StoreCheck } from './store-values.js';

/** What conditions are asked of: the device's profile, its network and its data. */
export type DeviceFacts = {
  readonly profile: Profile;
  /** The profile's name, or the path a profile was given by. */
  readonly fixture: string;
  readonly online: () => boolean;
  /** The device's data, as `expect.store` reads it. */
  readonly store: () => unknown;
};

/** A fresh device of a profile, before it runs anything: what a walkthrough's `when` is asked of. */
export const factsOfProfile = (profile: Profile, fixture: string): DeviceFacts => {
  let seeded: unknown;
  return { profile, fixture, online: () => profile.network === 'online', store: () => (seeded ??= seedFlash(profile)) };
};

const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const labelsOf = (nodes: readonly MenuNode[]): string[] =>
  nodes.flatMap((node) => [node.label.zh, node.label.en, ...('flow' in node ? [node.flow] : 'items' in node ? labelsOf(node.items) : [])]);

/** One condition: every facet it names holds (and `not` does not). */
export type Condition = {
  readonly profile?: readonly string[];
  readonly network?: 'online' | 'offline';
  readonly has?: readonly string[];
  readonly store?: readonly StoreCheck[];
  readonly not?: Condition;
};

const conditionShape = {
  profile: oneOrMore(z.string().min(1))
    .optional()
    .meta({ description: 'the device profile is one of these: its name (default, pax-a920) or the path it was given by' }),
  network: z.enum(['online', 'offline'], says('when.badNetwork')).optional().meta({ description: 'the device starts online or offline' }),
  has: oneOrMore(z.string().min(1))
    .optional()
    .meta({ description: 'the settings menu has items with each of these labels (in either language, e.g. 绑定管理) or flows (bindings, passwordFree)' }),
  store: storeChecksSchema.optional().meta({ description: 'the device data holds these values, as in expect.store' }),
};

export const conditionSchema: z.ZodType<Condition, unknown> = z.lazy(() =>
  z
    .strictObject({ ...conditionShape, not: conditionSchema.optional().meta({ description: 'the condition that must not hold' }) }, says('when.needsMap'))
    .refine((condition) => Object.keys(condition).length > 0, { ...says('when.needsFacet'), when: onlyIfValid })
    .meta({ minProperties: 1 }),
).meta({ id: 'condition' });

/** The facets a condition may name, for messages. */
export const CONDITION_FACETS = [...Object.keys(conditionShape), 'not'] as const;

/** Whether a condition holds on a device: every facet it names does. */
export const holds = (condition: Condition, facts: DeviceFacts): boolean => {
  if (condition.profile && !condition.profile.some((name) => name === facts.profile.name || name === facts.fixture)) return false;
  if (condition.network && (condition.network === 'online') !== facts.online()) return false;
  if (condition.has) {
    const labels = labelsOf(facts.profile.settingsMenu);
    if (!condition.has.every((label) => labels.includes(label))) return false;
  }
  if (condition.store && !condition.store.every((check) => storeCheckHolds(readStorePath(facts.store(), check.path), check))) return false;
  return condition.not === undefined || !holds(condition.not, facts);
};

/** Whether a value read from the store meets a check (equal, includes, excludes), compared as JSON. */
export const storeCheckHolds = (actual: unknown, check: StoreCheck): boolean => {
  switch (check.kind) {
    case 'equals':
      return isDeepStrictEqual(actual, check.value);
    case 'includes':
      return Array.isArray(actual) && actual.some((item) => isDeepStrictEqual(item, check.value));
    case 'excludes':
      return Array.isArray(actual) && !actual.some((item) => isDeepStrictEqual(item, check.value));
  }
};
