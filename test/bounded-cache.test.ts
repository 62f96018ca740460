import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

describe('BoundedCache', () => {
  it('makes a value once per key, and keeps no more than its limit, dropping the oldest', () => {
    const cache = new BoundedCache<string>(2);
    const made: string[] = [];
    const get = (key: string) => cache.get(key, () => (made.push(key), key.toUpperCase()));
    expect([get('a'), get('b'), get('a')]).toEqual(['A', 'B', 'A']);
    expect(made).toEqual(['a', 'b']);
    get('c');
    expect(cache.size).toBe(2);
    get('b');
    get('a');
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});
