/**
 * Checks on the device's data as walkthroughs write them (`expect.store`, `when.store`): a store
 * path and the value it must hold, or `{ includes: X }` / `{ excludes: X }` for a list. A path
 * starts with one of the data's fields; values compare as the store's JSON has them.
 */
import { z } from 'zod';
import { says } from '../json-source.js';
import { flashDataSchema } from '../store/flash-data.js';
import { asJson } from './store-path.js';

export type StoreCheck = {
  readonly path: string;
  readonly kind: 'equals' | 'includes' | 'excludes';
  readonly value: unknown;
};

/** The data's top-level fields, which a store path starts with. */
export const STORE_FIELDS = Object.keys(flashDataSchema.shape);

const storePath = z
  .string()
  .regex(new RegExp(`^(${STORE_FIELDS.join('|')})([.[]|$)`), says('walkthrough.storePathField', { fields: STORE_FIELDS.join(', ') }))
  .meta({ description: 'a path into the device data: bindings.length, bindings[*].id, passwordFree.active.enabled, records[*].action' });

const anyValue = z.unknown().meta({ description: 'the value the path must hold (null: not there)' });

const storeCheck = z.union([
  z.strictObject({ includes: z.unknown() }).meta({ description: 'the list at the path holds this value' }),
  z.strictObject({ excludes: z.unknown() }).meta({ description: 'the list at the path does not hold this value' }),
  anyValue,
]);

/** Store paths and what they must hold. */
export const storeChecksSchema = z
  .record(storePath, storeCheck, says('walkthrough.storeNeedsMap'))
  .transform((checks): StoreCheck[] =>
    Object.entries(checks).map(([path, written]) => {
      const keyed =
        written !== null && typeof written === 'object' && !Array.isArray(written) && Object.keys(written).length === 1
          ? Object.entries(written)[0]
          : undefined;
      if (keyed && (keyed[0] === 'includes' || keyed[0] === 'excludes')) return { path, kind: keyed[0], value: asJson(keyed[1]) };
      return { path, kind: 'equals', value: asJson(written) };
    }),
  )
  .meta({ description: 'store paths and the value each must hold, or {includes: X} / {excludes: X}' });
