/**
 * Reads a value out of the store by a path like passwordFree.active.enabled or bindings[*].id, as
 * the store's JSON holds it: a field that is not there reads as null wherever it is missing — at
 * the end of the path, on the way, or inside a list that [*] maps — so `null` in a script means
 * "not there" everywhere, and two values that compare unequal also print differently.
 */

const TOKEN = /([^.[\]]+)|\[(\d+|\*)\]/g;

/** A value as JSON has it: undefined fields dropped, undefined in lists and at the top as null, -0 as 0. */
export const asJson = (value: unknown): unknown => {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return null;
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(asJson);
  if (value === null || typeof value !== 'object') return value;
  const object: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) object[key] = asJson(field);
  return object;
};

export const readStorePath = (data: unknown, path: string): unknown => {
  const tokens = [...path.matchAll(TOKEN)].map((match) => match[1] ?? match[2] ?? '');
  const walk = (value: unknown, rest: readonly string[]): unknown => {
    if (rest.length === 0) return asJson(value);
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') return Array.isArray(value) ? value.map((item) => walk(item, tail)) : null;
    if (value === null || typeof value !== 'object') return null;
    return walk((value as Record<string, unknown>)[head], tail);
  };
  return walk(data, tokens);
};
