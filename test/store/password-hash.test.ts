// Password hashes cost an attacker real time (at least the OWASP minimum for scrypt), carry their
// cost so that hashes made before still check and are made again at today's cost on the next right
// entry, and cost the headless runner one scrypt per distinct check in a process, not one per check;
// a device whose flash is memory (it keeps nothing) hashes a changed password cheaply.
import * as crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadProfile } from '../../src/profile/load-profile.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { DeviceStore } from '../../src/store/device-store.js';
import { confMedium, memoryMedium } from '../../src/store/flash-medium.js';
import { hashPassword, needsRehash, PASSWORD_HASH_PATTERN, verifyPassword } from '../../src/store/password-hash.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scryptSync: vi.fn(actual.scryptSync) };
});
const scryptCalls = () => vi.mocked(crypto.scryptSync).mock.calls.length;

/** `123456` as pos-sim hashed it before the cost was raised: `scrypt$<salt>$<hash>`, N=2^10. */
const LEGACY_123456 = 'scrypt$1d00d8402fdb4c8c30928bf50620db76$a65ac202d8116d183d2191bf2971802ee4bcb4508b5c1a967d2b5dd83558a07c';

/** The OWASP Password Storage Cheat Sheet's minimum scrypt settings, all of equal strength. */
const OWASP_MINIMUMS = [
  { ln: 17, r: 8, p: 1 },
  { ln: 16, r: 8, p: 2 },
  { ln: 15, r: 8, p: 3 },
  { ln: 14, r: 8, p: 5 },
  { ln: 13, r: 8, p: 10 },
];

const costOf = (stored: string) => {
  const [, ln, r, p] = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$/.exec(stored) ?? [];
  return { ln: Number(ln), r: Number(r), p: Number(p) };
};

describe('password hashes', () => {
  it('are salted, carry their cost, and cost at least the OWASP minimum for scrypt', () => {
    const hash = hashPassword('246810');
    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    expect(hash).not.toContain('246810');
    expect(hashPassword('246810')).not.toBe(hash);
    const cost = costOf(hash);
    expect(
      OWASP_MINIMUMS.some((minimum) => cost.ln >= minimum.ln && cost.r >= minimum.r && cost.p >= minimum.p),
      JSON.stringify(cost),
    ).toBe(true);
    expect(verifyPassword('246810', hash)).toBe(true);
    expect(verifyPassword('246811', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('a hash from before the cost was raised still checks, and is due to be made again', () => {
    expect(LEGACY_123456).toMatch(PASSWORD_HASH_PATTERN);
    expect(verifyPassword('654321', LEGACY_123456)).toBe(false);
    expect(verifyPassword('123456', LEGACY_123456)).toBe(true);
    expect(needsRehash(LEGACY_123456)).toBe(true);
  });

  it('a cost in a file is bounded: a hash asking for more than 2^20 or r, p over 16 is not a hash', () => {
    const salted = '0123456789abcdef0123456789abcdef$' + 'ab'.repeat(32);
    expect(`scrypt$ln=20,r=16,p=16$${salted}`).toMatch(PASSWORD_HASH_PATTERN);
    expect(`scrypt$ln=21,r=8,p=1$${salted}`).not.toMatch(PASSWORD_HASH_PATTERN);
    expect(`scrypt$ln=14,r=17,p=1$${salted}`).not.toMatch(PASSWORD_HASH_PATTERN);
    expect(`scrypt$ln=14,r=8,p=0$${salted}`).not.toMatch(PASSWORD_HASH_PATTERN);
  });

  it('a process computes each distinct check once: the same again, or any other attempt once the right one is known, is remembered', () => {
    const before = scryptCalls();
    const computed = () => scryptCalls() - before;
    const hash = hashPassword('13572468');
    expect(computed()).toBe(1);
    // Made here, so known right: no scrypt for checking it, nor for a wrong attempt.
    expect(verifyPassword('13572468', hash)).toBe(true);
    expect(verifyPassword('13572469', hash)).toBe(false);
    expect(computed()).toBe(1);

    const shipped = loadProfile('default').operators[0]?.passwordHash ?? '';
    expect(verifyPassword('111111', shipped)).toBe(false);
    expect(verifyPassword('111111', shipped)).toBe(false);
    expect(computed()).toBe(2);
    expect(verifyPassword('123456', shipped)).toBe(true);
    expect(computed()).toBe(3);
    for (const attempt of ['123456', '222222', '123456', '0000']) verifyPassword(attempt, shipped);
    expect(computed()).toBe(3);
  });
});

describe('hashes a store makes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-sim-hash-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const withLegacySupervisor = (): Profile => {
    const profile = loadProfile('default');
    return {
      ...profile,
      operators: profile.operators.map((operator) => (operator.id === '00' ? { ...operator, passwordHash: LEGACY_123456 } : operator)),
    };
  };
  const stored = (store: DeviceStore) => store.snapshot().operators['00']?.passwordHash ?? '';

  it("on disk, a hash made at the old cost is made again at today's on the next right entry, and the password keeps working", () => {
    const store = new DeviceStore({ profile: withLegacySupervisor(), medium: confMedium(dir, 'default'), now: () => 0 });
    expect(store.checkPassword('00', '000001')).toEqual({ result: 'wrong', attemptsLeft: 2 });
    expect(stored(store)).toBe(LEGACY_123456);
    expect(store.checkPassword('00', '123456')).toEqual({ result: 'accepted' });
    const upgraded = stored(store);
    expect(upgraded).not.toBe(LEGACY_123456);
    expect(needsRehash(upgraded)).toBe(false);
    expect(verifyPassword('123456', upgraded)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'default.json'), 'utf8'))).toMatchObject({ operators: { '00': { passwordHash: upgraded } } });
    expect(store.checkPassword('00', '123456')).toEqual({ result: 'accepted' });
    expect(stored(store)).toBe(upgraded);
    expect(store.snapshot().lockouts['00']).toEqual({ failedAttempts: 0 });
  });

  it('on disk, a changed password is hashed at the OWASP cost', () => {
    const store = new DeviceStore({ profile: loadProfile('default'), medium: confMedium(dir, 'default'), now: () => 0 });
    store.changePassword('00', '246813');
    const cost = costOf(stored(store));
    expect(OWASP_MINIMUMS.some((minimum) => cost.ln >= minimum.ln && cost.r >= minimum.r && cost.p >= minimum.p)).toBe(true);
  });

  it('in memory (a walkthrough, a practice), where nothing is kept, a changed password is hashed cheaply and nothing is made again', () => {
    const store = new DeviceStore({ profile: withLegacySupervisor(), medium: memoryMedium(), now: () => 0 });
    expect(store.checkPassword('00', '123456')).toEqual({ result: 'accepted' });
    expect(stored(store)).toBe(LEGACY_123456);
    const before = scryptCalls();
    store.changePassword('00', '246813');
    expect(costOf(stored(store))).toEqual({ ln: 10, r: 8, p: 1 });
    expect(store.checkPassword('00', '246813')).toEqual({ result: 'accepted' });
    expect(scryptCalls() - before).toBe(1);
  });
});
