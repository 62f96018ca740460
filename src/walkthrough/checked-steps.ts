/**
 * The checked result of a step as written, kept for the next step written the same way: suites
 * repeat the same steps in many files (`press: 确认`, `[确认, { state: home }]`), and checking one
 * against its schema costs more than all else the parser does with it. Only steps that write no
 * `${NAME}` (their result depends on the values passed) and no inline steps (`run: { steps }`,
 * each read on its own) are kept, a bounded number, per process and tool language (issues are
 * worded in it); the results are shared, and nothing changes them.
 */
import type { z } from 'zod';
import { BoundedCache } from '../bounded-cache.js';
import { toolLang } from '../i18n/tool-lang.js';
import { checkSchema } from '../json-source.js';
import { stepSchemaFor, type StepKind, type TableRow } from './format.js';

/** A step checked against the schema of its kind; what is wrong when it has no kind (stepSchemaFor). */
export type CheckedStep =
  | { readonly problem: string }
  | { readonly kind: 'row'; readonly parsed: z.ZodSafeParseResult<TableRow> }
  | { readonly kind: StepKind; readonly parsed: z.ZodSafeParseResult<Record<string, unknown>> };

/** Steps kept at once: more than a big suite writes differently, and each small. */
const STEPS_KEPT = 4096;
/** A step written longer than this is checked each time (the memo's memory stays small). */
const LONGEST_KEY = 1000;

const kept = new BoundedCache<CheckedStep>(STEPS_KEPT);

/** A plain value from YAML that JSON writes as no other: numbers finite and not -0 (JSON writes NaN as null, -0 as 0), nothing but texts, numbers, booleans, null, lists and plain maps. */
const writtenAlone = (value: unknown): boolean => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value) if (!writtenAlone(item)) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!writtenAlone((value as Record<string, unknown>)[key])) return false;
      return true;
    default:
      return false;
  }
};

/** A map's key `steps` in JSON: a quote in a text is escaped, so only a key matches. */
const STEPS_KEY = /[{,]"steps":/;

/**
 * What to key a plain value from YAML by, told apart exactly (1 from "1", NaN from null, -0 from
 * 0); undefined for one not to keep: one that writes `${` or inline steps.
 */
export const writtenKey = (value: unknown): string | undefined => {
  if (!writtenAlone(value)) return undefined;
  const json = JSON.stringify(value);
  return json.includes('${') || STEPS_KEY.test(json) ? undefined : json;
};

const check = (value: unknown): CheckedStep => {
  const found = stepSchemaFor(value);
  if ('problem' in found) return found;
  return found.kind === 'row'
    ? { kind: 'row', parsed: checkSchema(found.schema, value) }
    : { kind: found.kind, parsed: checkSchema(found.schema, value) };
};

/** A step as written (its key when known), checked against the schema of its kind: kept from a step written the same way when there was one. */
export const checkStep = (value: unknown, known?: string): CheckedStep => {
  const key = known ?? writtenKey(value);
  if (key === undefined || key.length > LONGEST_KEY) return check(value);
  return kept.get(`${toolLang()}${key}`, () => check(value));
};
