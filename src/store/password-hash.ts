/**
 * Salted password hashes (scrypt). The device never keeps a password in clear text: profiles and
 * the store hold only `scrypt$ln=13,r=8,p=10$<salt>$<hash>`, and checking compares in constant time.
 *
 * The cost is written in the hash, so a hash made before it was raised — `scrypt$<salt>$<hash>`,
 * N=2^10 — still checks, and `needsRehash` tells the store to make it again with today's cost once
 * the password is known (on the next right entry).
 *
 * How hard a new hash is made depends on where it goes: a hash written to disk is made at the OWASP
 * cost; a device whose flash is memory (a walkthrough, a practice, the fuzzer, model paths) keeps
 * nothing, so a password changed on it is hashed at the old, cheap cost — it protects nothing, and
 * scripts change passwords thousands of times.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

type Cost = { readonly ln: number; readonly r: number; readonly p: number };

/**
 * One of the settings the OWASP Password Storage Cheat Sheet gives as the minimum for scrypt, all of
 * equal strength (N=2^17 r=8 p=1 … N=2^13 r=8 p=10): N=2^13 (8 MiB), r=8, p=10, the one that needs
 * least memory per check (pos-sim stays within its memory budget) at about the time of the others
 * (some 0.15 s of one core). The files holding the hashes are private, and a stolen one is slow to
 * guess all the same.
 */
const COST: Cost = { ln: 13, r: 8, p: 10 };
/** Hashes without their cost written in were made with N=2^10. */
const LEGACY_COST: Cost = { ln: 10, r: 8, p: 1 };

/** Where a new hash goes: `stored` in a file (the OWASP cost), or `throwaway`, in memory only (N=2^10). */
export type HashStrength = 'stored' | 'throwaway';
const COSTS: Readonly<Record<HashStrength, Cost>> = { stored: COST, throwaway: LEGACY_COST };
const KEY_LENGTH = 32;

/**
 * A hash as profiles and the store hold it. The cost is bounded (N up to 2^20, r and p up to 16),
 * so that a hash in a file cannot make a check take minutes or all the memory.
 */
export const PASSWORD_HASH_PATTERN = /^scrypt\$(?:ln=(?:1\d|20),r=(?:[1-9]|1[0-6]),p=(?:[1-9]|1[0-6])\$)?[0-9a-f]{32}\$[0-9a-f]{64}$/;

type Parsed = { readonly cost: Cost; readonly salt: Buffer; readonly hash: Buffer };

const parse = (stored: string): Parsed | undefined => {
  if (!PASSWORD_HASH_PATTERN.test(stored)) return undefined;
  const [, ln, r, p, saltHex = '', hashHex = ''] = /^scrypt\$(?:ln=(\d+),r=(\d+),p=(\d+)\$)?(\w+)\$(\w+)$/.exec(stored) ?? [];
  const cost = ln === undefined ? LEGACY_COST : { ln: Number(ln), r: Number(r), p: Number(p) };
  return { cost, salt: Buffer.from(saltHex, 'hex'), hash: Buffer.from(hashHex, 'hex') };
};

const derive = (password: string, salt: Buffer, { ln, r, p }: Cost): Buffer => {
  const N = 2 ** ln;
  // scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told.
  return scryptSync(password, salt, KEY_LENGTH, { N, r, p, maxmem: 2 * 128 * N * r });
};

// A check costs a sixth of a second, and scripts, the fuzzer and the tests type the same passwords
// thousands of times. Within this process, answers are remembered under a keyed digest of hash and
// attempt (the key is random and never leaves memory), never the password itself; and once a
// password has been found right for a hash, any other attempt at that hash is known to be wrong.
const DIGEST_KEY = randomBytes(32);
const attemptDigest = (stored: string, password: string): Buffer =>
  createHmac('sha256', DIGEST_KEY).update(stored).update('\0').update(password).digest();
const MAX_REMEMBERED = 10_000;
/** Attempts found wrong, by digest. */
const wrongAttempts = new Set<string>();
/** The digest of the right password, by hash. */
const rightAttempts = new Map<string, Buffer>();

const rememberRight = (stored: string, digest: Buffer): void => {
  if (rightAttempts.size >= MAX_REMEMBERED) rightAttempts.clear();
  rightAttempts.set(stored, digest);
};

/** A new salted hash of `password`, at today's cost (or the cheap one for a hash kept only in memory). */
export const hashPassword = (password: string, strength: HashStrength = 'stored'): string => {
  const cost = COSTS[strength];
  const salt = randomBytes(16);
  const stored = `scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('hex')}$${derive(password, salt, cost).toString('hex')}`;
  rememberRight(stored, attemptDigest(stored, password));
  return stored;
};

/** Whether `password` is the one `stored` is a hash of. */
export const verifyPassword = (password: string, stored: string): boolean => {
  const digest = attemptDigest(stored, password);
  const right = rightAttempts.get(stored);
  if (right) return timingSafeEqual(right, digest);
  const key = digest.toString('base64');
  if (wrongAttempts.has(key)) return false;
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = derive(password, parsed.salt, parsed.cost);
  const isRight = actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
  if (isRight) rememberRight(stored, digest);
  else {
    if (wrongAttempts.size >= MAX_REMEMBERED) wrongAttempts.clear();
    wrongAttempts.add(key);
  }
  return isRight;
};

/** Whether `stored` was made at a lower cost than today's (for where it is kept), and should be made again. */
export const needsRehash = (stored: string, strength: HashStrength = 'stored'): boolean => {
  const cost = parse(stored)?.cost;
  const target = COSTS[strength];
  return cost === undefined || cost.ln < target.ln || cost.r < target.r || cost.p < target.p;
};
