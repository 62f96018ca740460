/** Reads a value out of the store by a path like passwordFree.active.enabled or bindings[*].id. */

const TOKEN = /([^.[\]]+)|\[(\d+|\*)\]/g;

export const readStorePath = (data: unknown, path: string): unknown => {
  const tokens = [...path.matchAll(TOKEN)].map((match) => match[1] ?? match[2] ?? '');
  const walk = (value: unknown, rest: readonly string[]): unknown => {
    if (rest.length === 0) return value;
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') return Array.isArray(value) ? value.map((item) => walk(item, tail)) : undefined;
    if (value === null || typeof value !== 'object') return undefined;
    return walk((value as Record<string, unknown>)[head], tail);
  };
  return walk(data, tokens);
};
