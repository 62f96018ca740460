// The scoring formula of the README's Practice section, and the store conditions goals are made of.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { scorePractice, timePoints } from '../../src/practice/score.js';
import { holds, toStoreCondition, toStoreChecks, writeStorePath } from '../../src/practice/store-checks.js';

const none = { wrongPassword: 0, detour: 0, cancelledStep: 0, forgottenRestart: 0 };
const MINUTE = 60_000;

describe('the score', () => {
  it('is 100 for a goal reached in time with no mistakes and no hints', () => {
    expect(scorePractice({ goalReached: true, mistakes: none, hintsUsed: 0, elapsedMs: MINUTE, targetMs: MINUTE }).score).toBe(100);
  });

  it('loses 10 a wrong password, 5 a detour, 5 a cancelled step, 20 a forgotten restart, 5 a hint', () => {
    const breakdown = scorePractice({
      goalReached: true,
      mistakes: { wrongPassword: 2, detour: 1, cancelledStep: 1, forgottenRestart: 1 },
      hintsUsed: 3,
      elapsedMs: MINUTE,
      targetMs: MINUTE,
    });
    expect(breakdown).toEqual({
      mistakes: { wrongPassword: 20, detour: 5, cancelledStep: 5, forgottenRestart: 20 },
      hints: 15,
      time: 0,
      score: 35,
    });
  });

  it('loses a point per full 10 s over the target, at most 20', () => {
    expect([0, 9_999, 10_000, 95_000, 199_999, 200_000, 60 * MINUTE].map((over) => timePoints(MINUTE + over, MINUTE))).toEqual([
      0, 0, 1, 9, 19, 20, 20,
    ]);
    expect(timePoints(MINUTE / 2, MINUTE)).toBe(0);
  });

  it('never goes below 0, and is 0 when the goal was not reached', () => {
    expect(
      scorePractice({ goalReached: true, mistakes: { ...none, wrongPassword: 12 }, hintsUsed: 0, elapsedMs: 0, targetMs: MINUTE }).score,
    ).toBe(0);
    const missed = scorePractice({ goalReached: false, mistakes: none, hintsUsed: 0, elapsedMs: 0, targetMs: MINUTE });
    expect(missed).toMatchObject({ score: 0, time: 0, hints: 0 });
  });
});

describe('store conditions', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));
  const data = {
    bindings: [{ id: 'merchant' }, { id: 'wechat-pay' }],
    passwordFree: { active: { enabled: false } },
    records: [
      { action: 'deregister', subject: '云闪付' },
      { action: 'sale', sale: { method: 'contactless', passwordFree: false, amountFen: 1000 } },
    ],
  };
  const check = (path: string, raw: unknown) => {
    const condition = toStoreCondition(raw);
    if (typeof condition === 'string') throw new Error(condition);
    return holds(data, { path, condition });
  };

  it('a value, {includes}, {excludes}, {not}, {atMost}, {atLeast}', () => {
    expect(check('passwordFree.active.enabled', false)).toBe(true);
    expect(check('passwordFree.pending', null)).toBe(true);
    expect(check('passwordFree.pending', { not: null })).toBe(false);
    expect(check('passwordFree.active', { not: null })).toBe(true);
    expect(check('bindings[*].id', { excludes: 'unionpay-qr' })).toBe(true);
    expect(check('bindings[*].id', { includes: 'unionpay-qr' })).toBe(false);
    expect(check('bindings.length', { atMost: 2 })).toBe(true);
    expect(check('bindings.length', { atLeast: 3 })).toBe(false);
  });

  it('{some}: one entry of a list meets all its conditions', () => {
    expect(check('records', { some: { action: 'sale', 'sale.passwordFree': false, 'sale.amountFen': { atMost: 100_000 } } })).toBe(true);
    expect(check('records', { some: { action: 'sale', 'sale.passwordFree': true } })).toBe(false);
    expect(check('records', { some: { action: 'deregister', 'sale.passwordFree': false } })).toBe(false);
  });

  it('conditions that cannot be used say why, naming the path', () => {
    expect(toStoreChecks({ records: { some: {} } })).toMatch(/^records: some takes a map of paths/);
    expect(toStoreChecks({ 'bindings.length': { atLeast: 'two' } })).toBe(
      'bindings.length: atLeast takes a number, e.g. { atLeast: 100000 }',
    );
    // A map that is not one condition word is a value to compare with.
    expect(toStoreCondition({ atMost: 1, atLeast: 0 })).toEqual({ kind: 'equals', value: { atMost: 1, atLeast: 0 } });
  });

  it('a set-up writes a copy, and null takes a value away', () => {
    const written = writeStorePath(data, 'passwordFree.active.enabled', true);
    expect(written.passwordFree.active.enabled).toBe(true);
    expect(data.passwordFree.active.enabled).toBe(false);
    expect(writeStorePath(data, 'records[1].sale.amountFen', 5).records[1]?.sale?.amountFen).toBe(5);
    expect('enabled' in writeStorePath(data, 'passwordFree.active.enabled', null).passwordFree.active).toBe(false);
    expect(() => writeStorePath(data, 'passwordFree.pending.enabled', false)).toThrow(
      'no passwordFree.pending to set passwordFree.pending.enabled in',
    );
  });

  it('say what is wrong in Chinese by default', () => {
    setToolLang('zh');
    expect(toStoreChecks({ 'bindings.length': { atLeast: 'two' } })).toBe('bindings.length: atLeast 要写一个数，如 { atLeast: 100000 }');
    expect(() => writeStorePath(data, 'passwordFree.pending.enabled', false)).toThrow(
      '没有 passwordFree.pending，无法设置 passwordFree.pending.enabled',
    );
  });
});
