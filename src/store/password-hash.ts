/**
 * Salted password hashes (scrypt). The device never keeps a password in clear text: profiles and
 * the store hold only `scrypt$<salt>$<hash>`, and checking compares in constant time.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Cheaper than an online service would use: this guards a training device, and scripts and the
// fuzzer check thousands of passwords.
const COST = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export const PASSWORD_HASH_PATTERN = /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/;

export const hashPassword = (password: string, salt = randomBytes(16)): string =>
  `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, KEY_LENGTH, COST).toString('hex')}`;

// Scripts and the fuzzer type the same passwords thousands of times. Results are remembered under
// a digest of hash and attempt, so the clear password is not kept even in memory.
const verified = new Map<string, boolean>();
const MAX_REMEMBERED = 10_000;

export const verifyPassword = (password: string, stored: string): boolean => {
  const key = createHash('sha256').update(stored).update('\0').update(password).digest('base64');
  let result = verified.get(key);
  if (result === undefined) {
    result = computeVerify(password, stored);
    if (verified.size >= MAX_REMEMBERED) verified.clear();
    verified.set(key, result);
  }
  return result;
};

const computeVerify = (password: string, stored: string): boolean => {
  const [, saltHex, hashHex] = stored.split('$');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), KEY_LENGTH, COST);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
