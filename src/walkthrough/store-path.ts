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

export const readStorePath = (data: unknown, path: string): unknown => walk(data, pathTokens(path), 0);

/** The fields and indexes of a path, read once per path (scripts check the same paths over and over). */
const pathTokens = (path: string): readonly string[] => {
  const known = TOKENS.get(path);
  if (known) return known;
  const tokens: string[] = [];
  for (const match of path.matchAll(TOKEN)) tokens.push(match[1] ?? match[2] ?? '');
  if (TOKENS.size >= PATHS_KEPT) TOKENS.clear();
  TOKENS.set(path, tokens);
  return tokens;
};
const PATHS_KEPT = 1_000;
const TOKENS = new Map<string, readonly string[]>();

/** The value at `tokens[from..]` inside `value`. A module-level function, not a closure made at each read. */
const walk = (value: unknown, tokens: readonly string[], from: number): unknown => {
  if (from === tokens.length) return asJson(value);
  const head = tokens[from] as string;
  if (head === '*') {
    if (!Array.isArray(value)) return null;
    const items: unknown[] = [];
    for (const item of value as unknown[]) items.push(walk(item, tokens, from + 1));
    return items;
  }
  if (value === null || typeof value !== 'object') return null;
  return walk((value as Record<string, unknown>)[head], tokens, from + 1);
};
