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

/** What to key a plain value from YAML by, told apart exactly (1 from "1", NaN from null, -0 from 0); undefined for one not to keep. */
export const writtenKey = (value: unknown): string | undefined => {
  const parts: string[] = [];
  return keyParts(value, parts) ? parts.join('') : undefined;
};

const keyParts = (value: unknown, parts: string[]): boolean => {
  switch (typeof value) {
    case 'string':
      if (value.includes('${')) return false;
      parts.push(JSON.stringify(value));
      return true;
    case 'number':
      parts.push(Object.is(value, -0) ? '-0' : String(value));
      return true;
    case 'boolean':
      parts.push(String(value));
      return true;
    case 'object':
      if (value === null) {
        parts.push('null');
        return true;
      }
      if (Array.isArray(value)) {
        parts.push('[');
        for (const item of value) {
          if (!keyParts(item, parts)) return false;
          parts.push(',');
        }
        parts.push(']');
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      parts.push('{');
      for (const [key, item] of Object.entries(value)) {
        if (key === 'steps' || key.includes('${')) return false;
        parts.push(JSON.stringify(key), ':');
        if (!keyParts(item, parts)) return false;
        parts.push(',');
      }
      parts.push('}');
      return true;
    default:
      return false;
  }
};

const check = (value: unknown): CheckedStep => {
  const found = stepSchemaFor(value);
  if ('problem' in found) return found;
  return found.kind === 'row'
    ? { kind: 'row', parsed: checkSchema(found.schema, value) }
    : { kind: found.kind, parsed: checkSchema(found.schema, value) };
};

/** A step as written, checked against the schema of its kind: kept from a step written the same way when there was one. */
export const checkStep = (value: unknown): CheckedStep => {
  const key = writtenKey(value);
  if (key === undefined || key.length > LONGEST_KEY) return check(value);
  return kept.get(`${toolLang()}${key}`, () => check(value));
};
