/**
 * `when:` — conditions on the device: its profile's name, its display, the network, the menu items
 * it has, what its data holds, what the screen shows. A walkthrough's own `when` is asked of a fresh
 * device of each profile before it starts (where it does not hold, the walkthrough is skipped, and
 * reported as skipped, not passed); a step's or a piece's `when` is asked of the running device when
 * the step comes. Each facet is read from DeviceFacts, the one answer both ask.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { MenuNode } from '../../menus/domain.js';
import { onlyIfValid, says } from '../json-source.js';
import type { Profile } from '../profile/profile-schema.js';
import { toolText } from '../i18n/tool-lang.js';
import { seedFlash } from '../store/flash-data.js';
import { matchers } from './matcher-schema.js';
import { readStorePath } from './store-path.js';
import { storeChecksSchema, type StoreCheck } from './store-values.js';
import { shows, type TextMatcher } from './text-match.js';

/** What conditions are asked of: the device's profile, its network, its data, its screen. */
export type DeviceFacts = {
  readonly profile: Profile;
  /** The profile's name, or the path a profile was given by. */
  readonly fixture: string;
  readonly online: () => boolean;
  /** The device's data, as `expect.store` reads it. */
  readonly store: () => unknown;
  /** The screen as `expect.screen` reads it; absent before the device runs. */
  readonly screen?: () => string;
};

/** A fresh device of a profile, before it runs anything: what a walkthrough's `when` is asked of. */
export const factsOfProfile = (profile: Profile, fixture: string): DeviceFacts => {
  let seeded: unknown;
  return { profile, fixture, online: () => profile.network === 'online', store: () => (seeded ??= seedFlash(profile)) };
};

export const DISPLAYS = ['smart', 'classic'] as const;
export type DisplayKind = (typeof DISPLAYS)[number];

/**
 * The kind of display a profile has: a classic 16×4 text display, or a smart terminal's screen.
 * The profile says so in `device.display.kind`; a profile that does not is a smart terminal.
 */
export const displayOf = (profile: Profile): DisplayKind =>
  (profile.device.display as { readonly kind?: unknown }).kind === 'classic' ? 'classic' : 'smart';

const oneOrMore = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const labelsOf = (nodes: readonly MenuNode[]): string[] =>
  nodes.flatMap((node) => [node.label.zh, node.label.en, ...('flow' in node ? [node.flow] : 'items' in node ? labelsOf(node.items) : [])]);

/** One condition: every facet it names holds (and `not` does not). */
export type Condition = {
  readonly profile?: readonly string[];
  readonly display?: DisplayKind;
  readonly network?: 'online' | 'offline';
  readonly has?: readonly string[];
  readonly store?: readonly StoreCheck[];
  readonly screen?: readonly TextMatcher[];
  readonly not?: Condition;
};

const conditionShape = {
  profile: oneOrMore(z.string().min(1))
    .optional()
    .meta({ description: 'the device profile is one of these: its name (default, pax-a920) or the path it was given by' }),
  display: z
    .enum(DISPLAYS, says('when.badDisplay', { displays: DISPLAYS.join(', ') }))
    .optional()
    .meta({ description: 'the profile’s display: smart (a smart terminal’s screen) or classic (a 16×4 text display)' }),
  network: z
    .enum(['online', 'offline'], says('when.badNetwork'))
    .optional()
    .meta({ description: 'the device is online or offline (a walkthrough’s when: as it starts; a step’s when: as the step comes)' }),
  has: oneOrMore(z.string().min(1)).optional().meta({
    description:
      'the settings menu has items with each of these labels (in either language, e.g. 绑定管理) or flows (bindings, passwordFree)',
  }),
  store: storeChecksSchema.optional().meta({ description: 'the device data holds these values, as in expect.store' }),
  screen: matchers('when.screen', {
    description:
      'text (or /regex/) the screen shows, as in expect.screen (only in a step’s when: a file’s own when: is asked before its device starts)',
  }).optional(),
};

/** The facets a condition may name, for messages. */
export const CONDITION_FACETS = [...Object.keys(conditionShape), 'not'] as const;

export const conditionSchema: z.ZodType<Condition, unknown> = z
  .lazy(() =>
    z
      .strictObject(
        { ...conditionShape, not: conditionSchema.optional().meta({ description: 'the condition that must not hold' }) },
        {
          // One line per unknown condition: the parser places each at its key.
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? issue.keys.map((key) => toolText('when.unknownFacet', { key, facets: CONDITION_FACETS.join(', ') })).join('\n')
              : toolText('when.needsMap', { facets: CONDITION_FACETS.join(', ') }),
        },
      )
      .refine((condition) => Object.keys(condition).length > 0, {
        ...says('when.needsFacet', { facets: CONDITION_FACETS.join(', ') }),
        when: onlyIfValid,
      })
      .meta({ minProperties: 1 }),
  )
  .meta({ id: 'condition' });

/** Whether a condition asks what the screen shows (which only a running device can answer). */
export const asksScreen = (condition: Condition): boolean =>
  condition.screen !== undefined || (condition.not !== undefined && asksScreen(condition.not));

/**
 * The profile names a condition asks for that no shipped profile has and that are no path (a
 * custom profile is named by the path it was given by): most likely a typo, said beside the skip.
 */
export const unknownProfiles = (condition: Condition, shipped: readonly string[]): string[] => [
  ...(condition.profile ?? []).filter((name) => !shipped.includes(name) && !/[\\/]|\.json$/i.test(name)),
  ...(condition.not ? unknownProfiles(condition.not, shipped) : []),
];

/** Whether a condition holds on a device: every facet it names does. */
export const holds = (condition: Condition, facts: DeviceFacts): boolean => {
  if (condition.profile && !condition.profile.some((name) => name === facts.profile.name || name === facts.fixture)) return false;
  if (condition.display && condition.display !== displayOf(facts.profile)) return false;
  if (condition.network && (condition.network === 'online') !== facts.online()) return false;
  if (condition.has) {
    const labels = labelsOf(facts.profile.settingsMenu);
    if (!condition.has.every((label) => labels.includes(label))) return false;
  }
  if (condition.store && !condition.store.every((check) => storeCheckHolds(readStorePath(facts.store(), check.path), check))) return false;
  if (condition.screen) {
    const screen = facts.screen?.();
    if (screen === undefined || !condition.screen.every((matcher) => shows(matcher, screen))) return false;
  }
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
