/**
 * A memo of a pure function's results that never holds more than a set number of them: when it is
 * full, the entry made longest ago goes. For values that repeat often in a run (the same texts laid
 * out again and again) but whose variety has no limit (amounts, times, codes).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value kept for `key`, or what `make` returns, kept. */
  get(key: string, make: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, value);
    }
    return value;
  }

  /** How many values it holds. */
  get size(): number {
    return this.entries.size;
  }
}
