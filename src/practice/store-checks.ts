/**
 * Conditions on the device's stored data, written as data in practice tasks: a store path (as in
 * walkthrough `expect.store`, read with readStorePath) and what it must hold. Besides a plain value
 * and {includes}/{excludes}, tasks can ask for anything but a value ({not: null}: something is
 * there), a number bound ({atMost}/{atLeast}), or some entry of a list that meets conditions of
 * its own ({some: {path: check}}), e.g. a sale record.
 */
import { isDeepStrictEqual } from 'node:util';
import { toolText } from '../i18n/tool-lang.js';
import { readStorePath } from '../walkthrough/store-path.js';

export type StoreCondition =
  | { readonly kind: 'equals'; readonly value: unknown }
  | { readonly kind: 'includes'; readonly value: unknown }
  | { readonly kind: 'excludes'; readonly value: unknown }
  | { readonly kind: 'not'; readonly value: unknown }
  | { readonly kind: 'atMost'; readonly value: number }
  | { readonly kind: 'atLeast'; readonly value: number }
  | { readonly kind: 'some'; readonly where: readonly StoreCheck[] };

/** A store path and the condition its value must meet. */
export type StoreCheck = { readonly path: string; readonly condition: StoreCondition };

/** The words a condition map may use, e.g. { atMost: 100000 }. */
export const CONDITION_WORDS = ['includes', 'excludes', 'not', 'atMost', 'atLeast', 'some'] as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads one condition as written in a task file. A map with one of CONDITION_WORDS as its only key
 * is that condition; anything else is the value the path must equal. Returns a sentence saying what
 * is wrong when the condition cannot be used.
 */
export const toStoreCondition = (raw: unknown): StoreCondition | string => {
  if (!isPlainObject(raw)) return { kind: 'equals', value: raw ?? null };
  const keys = Object.keys(raw);
  const [word] = keys;
  if (keys.length !== 1 || !(CONDITION_WORDS as readonly string[]).includes(word ?? '')) return { kind: 'equals', value: raw };
  const value = raw[word as string];
  switch (word) {
    case 'includes':
    case 'excludes':
      return { kind: word, value };
    case 'not':
      return { kind: 'not', value: value ?? null };
    case 'atMost':
    case 'atLeast':
      return typeof value === 'number' ? { kind: word, value } : toolText('tasks.takesNumber', { word });
    default: {
      if (!isPlainObject(value) || Object.keys(value).length === 0) {
        return toolText('tasks.someTakesMap');
      }
      const where = toStoreChecks(value);
      return typeof where === 'string' ? where : { kind: 'some', where };
    }
  }
};

/** Reads a map of paths to conditions; the first problem as a sentence, naming the path. */
export const toStoreChecks = (raw: Readonly<Record<string, unknown>>): StoreCheck[] | string => {
  const checks: StoreCheck[] = [];
  for (const [path, value] of Object.entries(raw)) {
    const condition = toStoreCondition(value);
    if (typeof condition === 'string') return `${path}: ${condition}`;
    checks.push({ path, condition });
  }
  return checks;
};

const meets = (actual: unknown, condition: StoreCondition): boolean => {
  switch (condition.kind) {
    case 'equals':
      // `null` in a task also means "not there", as in walkthroughs.
      return isDeepStrictEqual(actual ?? null, condition.value);
    case 'not':
      return !isDeepStrictEqual(actual ?? null, condition.value);
    case 'includes':
      return Array.isArray(actual) && actual.some((item) => isDeepStrictEqual(item, condition.value));
    case 'excludes':
      return Array.isArray(actual) && !actual.some((item) => isDeepStrictEqual(item, condition.value));
    case 'atMost':
      return typeof actual === 'number' && actual <= condition.value;
    case 'atLeast':
      return typeof actual === 'number' && actual >= condition.value;
    case 'some':
      return Array.isArray(actual) && actual.some((item) => condition.where.every((check) => holds(item, check)));
  }
};

/** Whether the data meets one check. */
export const holds = (data: unknown, check: StoreCheck): boolean => meets(readStorePath(data, check.path), check.condition);

/** Whether the data meets every check. */
export const holdsAll = (data: unknown, checks: readonly StoreCheck[]): boolean => checks.every((check) => holds(data, check));

/**
 * Sets a value at a plain path (passwordFree.active.enabled, passwordFree.active.channels[0].limit)
 * in a copy of the data; a task's `setup` prepares its device this way. No [*] here.
 */
export const writeStorePath = <T>(data: T, path: string, value: unknown): T => {
  const tokens = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? (match[1] ?? '') : Number(match[2])));
  const copy = structuredClone(data) as unknown;
  let target = copy as Record<string | number, unknown>;
  tokens.forEach((token, index) => {
    if (index === tokens.length - 1) {
      if (value === null) delete target[token];
      else target[token] = structuredClone(value);
      return;
    }
    const next = target[token];
    if (next === null || typeof next !== 'object')
      throw new Error(toolText('tasks.nothingToSet', { at: tokens.slice(0, index + 1).join('.'), path }));
    target = next as Record<string | number, unknown>;
  });
  return copy as T;
};
