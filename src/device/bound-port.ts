/**
 * A port as the machines hold it: an object's methods alone, bound to it, in a plain object. XState
 * walks a machine's context whenever a snapshot is persisted or revived (the model-path search does
 * both for every fork), and the object itself (a store) would be walked with all its data.
 */
export const boundPort = <Port>(holder: object): Port => {
  const port: Record<string, unknown> = {};
  const methods = holder as Record<string, (...args: unknown[]) => unknown>;
  for (const name of methodNames(holder)) port[name] = methods[name]?.bind(holder);
  return port as Port;
};

/** The names of an object's methods (its own function fields and its classes'), found once per class. */
const methodNames = (object: object): readonly string[] => {
  const prototype = Object.getPrototypeOf(object) as object;
  const known = METHOD_NAMES.get(prototype);
  if (known) return known;
  const names = new Set<string>();
  for (let holder: object | null = object; holder && holder !== Object.prototype; holder = Object.getPrototypeOf(holder) as object | null) {
    for (const [name, { value }] of Object.entries(Object.getOwnPropertyDescriptors(holder))) {
      if (name !== 'constructor' && typeof value === 'function') names.add(name);
    }
  }
  const found = [...names];
  METHOD_NAMES.set(prototype, found);
  return found;
};
const METHOD_NAMES = new WeakMap<object, readonly string[]>();
