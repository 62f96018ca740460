// Property-based fuzzing of the whole device: random sequences of key presses, passwords (right and
// wrong), waits, network changes, power events and paper out, and the working day (签到, sales,
// 撤销, 退货, 结算), on every shipped profile, starting signed in or at power-on. After every single
// key or event the flash, the journal, the active states, the display and the paper are checked
// against invariants that say what the device may do in that step — and, where the guides say
// something must happen (a confirmed 注销 removes the binding, a boot applies the pending change,
// an approved sale enters the journal), that it did.
//
//   FUZZ_SEED=123 FUZZ_RUNS=500 npx vitest run test/fuzz
//
// A failure prints fast-check's shrunk counterexample: the language, whether the device started
// signed in, and the list of actions, each a readable name ("菜单", "type 123456 (operator 00's
// password)", "wait 5min", "power cut").
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceSession } from '../../src/device/device-session.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { loadProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { DeviceStore } from '../../src/store/device-store.js';
import type { FlashData } from '../../src/store/flash-data.js';
import { verifyPassword } from '../../src/store/password-hash.js';
import { CoverageTracker, formatCoverage } from '../../src/walkthrough/coverage.js';
import {
  checkEnv,
  checkStep,
  deviceProperty,
  forgetLayouts,
  key,
  KNOWN_PASSWORDS,
  MAX_CHUNKS,
  observe,
  vocabulary,
  WRONG_PASSWORD,
  type Observation,
} from './device-fuzz.js';

// ---------------------------------------------------------------------------------------------
// Configuration

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
};

const DEFAULT_SEED = 20260601;
const DEFAULT_RUNS = 80;
const SEED = envInt('FUZZ_SEED', DEFAULT_SEED);
/** Runs per shipped profile. */
const RUNS = envInt('FUZZ_RUNS', DEFAULT_RUNS);

// ---------------------------------------------------------------------------------------------
// The fuzzer

const profiles = shippedProfileNames().map((name) => loadProfile(name));

/** Resting states reached, per profile, and in how many runs; and the machines' coverage. */
const reach = new Map<string, { runs: number; states: Map<string, number> }>();
const coverage = new Map<string, CoverageTracker>();

const recordingHooks = (name: string) => {
  const tracker = coverage.get(name) ?? new CoverageTracker();
  coverage.set(name, tracker);
  const entry = reach.get(name) ?? { runs: 0, states: new Map<string, number>() };
  reach.set(name, entry);
  return {
    inspect: tracker.observe,
    onRun: (states: ReadonlySet<string>) => {
      entry.runs += 1;
      for (const state of states) entry.states.set(state, (entry.states.get(state) ?? 0) + 1);
    },
  };
};

/** The working day, reached on every profile bound and online. */
const WORKING_DAY = [
  'signIn.signedIn',
  'sale.approved',
  'sale.refused',
  'voidSale.approved',
  'refund.approved',
  'settlement.settled',
  'printJob.paperOut',
  'bind.bound',
];
const SETTINGS = ['bindingManagement.deregistered', 'unbind.unbound', 'passwordFree.saved', 'device.shuttingDown'];

/**
 * States that show runs get deep into the flows, per profile: each is reached by a tenth or more
 * of the runs with the default seed, so that any seed with the default number of runs reaches them all.
 */
const DEEP_STATES: Readonly<Record<string, readonly string[]>> = {
  default: [...SETTINGS, ...WORKING_DAY],
  'landi-a8': [...SETTINGS, ...WORKING_DAY],
  'newland-n910': [...SETTINGS, ...WORKING_DAY],
  'pax-a920': [...SETTINGS, ...WORKING_DAY],
  'classic-s80': [...SETTINGS, ...WORKING_DAY],
  offline: [
    'bindingManagement.offline',
    'passwordFree.offline',
    'unbind.offline',
    'sale.commsError',
    'signIn.commsError',
    'settlement.commsError',
  ],
  unbound: ['bindingManagement.list', 'passwordFree.saved', 'device.shuttingDown', 'sale.refused', 'signIn.refused', 'bind.bound'],
};

describe(`random key sequences (seed ${SEED}, ${RUNS} runs per profile)`, () => {
  it('knows the shipped profiles’ passwords', () => {
    for (const profile of profiles) {
      expect(() => checkEnv(profile, 'zh')).not.toThrow();
      for (const operator of profile.operators) {
        const password = KNOWN_PASSWORDS[operator.id];
        expect(password, `${profile.name} operator ${operator.id}`).toBeDefined();
        expect(verifyPassword(password ?? '', operator.passwordHash), `${profile.name} operator ${operator.id}`).toBe(true);
      }
    }
  });

  it.each(profiles.map((profile) => [profile.name, profile] as const))(
    '%s: every step keeps the invariants',
    (_, profile) => {
      fc.assert(deviceProperty(profile, recordingHooks(profile.name)), { seed: SEED, numRuns: RUNS });
    },
    // Room for FUZZ_RUNS in the thousands (and for shrinking a failure).
    Math.max(60_000, RUNS * 500),
  );

  it.skipIf(RUNS < DEFAULT_RUNS)('runs reach deep into the menus', () => {
    for (const profile of profiles) {
      const states = reach.get(profile.name)?.states ?? new Map<string, number>();
      for (const state of DEEP_STATES[profile.name] ?? []) {
        expect(states.get(state) ?? 0, `${profile.name}: runs reaching ${state}`).toBeGreaterThan(0);
      }
    }
  });

  afterAll(() => {
    const lines = [`Fuzz reach (seed ${SEED}, ${RUNS} runs per profile, up to ${MAX_CHUNKS} chunks a run):`];
    for (const [name, { runs, states }] of reach) {
      lines.push(`  ${name}: resting states reached (runs out of ${runs})`);
      for (const [state, count] of [...states].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(`    ${state.padEnd(40)} ${String(count).padStart(4)}  ${((100 * count) / runs).toFixed(0).padStart(3)}%`);
      }
      const tracker = coverage.get(name);
      if (tracker)
        lines.push(
          ...formatCoverage(tracker.report())
            .split('\n')
            .map((line) => `    ${line}`),
        );
    }
    console.log(lines.join('\n'));
  });
});

// ---------------------------------------------------------------------------------------------
// The invariants can fail: fabricated bad transitions, and devices with bugs planted in them

describe('the fuzz invariants are not vacuous', () => {
  const profile = profiles.find((candidate) => candidate.name === 'default') ?? loadProfile('default');
  const env = checkEnv(profile, 'zh');
  const rightPassword = env.passwords[env.operatorId] ?? '';

  /** 设置 → 绑定管理 → the first binding → 注销 → 确认: the device asks for the password again. */
  const toDeregisterPrompt = (sim: Simulator) => {
    sim.press('菜单');
    sim.type(rightPassword);
    sim.press('确认');
    sim.select('绑定管理');
    // 云闪付 is closed with the password on the default profile (解绑 of an account asks for a code).
    sim.select('云闪付');
    sim.press('确认', '确认');
  };

  /** A device in 绑定管理, at 请输入密码确认注销 with `entered` typed. */
  const atDeregisterPrompt = (entered: string): Observation => {
    const sim = createSimulator({ fixture: profile });
    toDeregisterPrompt(sim);
    sim.type(entered);
    const observation = observe(sim);
    sim.stop();
    expect(observation.prompt).toMatchObject({ purpose: 'confirmDeregister', state: 'entering', entered });
    return observation;
  };

  const withFlash = (observation: Observation, change: (flash: FlashData) => FlashData): Observation => ({
    ...observation,
    flash: change(structuredClone(observation.flash)),
  });

  it('accept a real correct-password 注销', () => {
    const sim = createSimulator({ fixture: profile });
    toDeregisterPrompt(sim);
    sim.type(rightPassword);
    const before = observe(sim);
    sim.press('确认');
    const after = observe(sim);
    sim.stop();
    expect(after.flash.bindings.length).toBe(before.flash.bindings.length - 1);
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);
  });

  it('flag a binding removed after a wrong password', () => {
    const before = atDeregisterPrompt(WRONG_PASSWORD);
    const after = withFlash(before, (flash) => ({ ...flash, bindings: flash.bindings.slice(1) }));
    expect(checkStep(before, key('确认'), after, env).join('\n')).toMatch(/bindings changed without/);
  });

  it('flag a binding removed by a key other than 确认', () => {
    const before = atDeregisterPrompt(rightPassword);
    const after = withFlash(before, (flash) => ({ ...flash, bindings: flash.bindings.slice(1) }));
    expect(checkStep(before, key('取消'), after, env).join('\n')).toMatch(/bindings changed without/);
  });

  it('flag a confirmed 注销 that removed nothing, or the wrong binding', () => {
    const before = atDeregisterPrompt(rightPassword);
    const lockoutReset = (flash: FlashData) => ({ ...flash, lockouts: { [env.operatorId]: { failedAttempts: 0 } } });
    expect(checkStep(before, key('确认'), withFlash(before, lockoutReset), env).join('\n')).toMatch(/was confirmed/);
    const wrongOne = withFlash(before, (flash) => ({ ...lockoutReset(flash), bindings: flash.bindings.slice(0, -1) }));
    expect(checkStep(before, key('确认'), wrongOne, env).join('\n')).toMatch(/was confirmed/);
  });

  it('flag settings in force changing without a restart, and a boot that does not apply', () => {
    const before = atDeregisterPrompt('');
    const flipped = { ...before.flash.passwordFree.active, enabled: !before.flash.passwordFree.active.enabled };
    const after = withFlash(before, (flash) => ({ ...flash, passwordFree: { active: flipped } }));
    expect(checkStep(before, key('确认'), after, env).join('\n')).toMatch(/in force changed without a restart/);
    const pendingBefore = withFlash(before, (flash) => ({
      ...flash,
      passwordFree: { active: flash.passwordFree.active, pending: flipped },
    }));
    expect(checkStep(pendingBefore, { kind: 'powerCycle' }, pendingBefore, env).join('\n')).toMatch(/did not put the pending/);
  });

  it('flag 设置 opened by a wrong password, and not opened by the right one', () => {
    const sim = createSimulator({ fixture: profile });
    sim.press('菜单');
    sim.type(WRONG_PASSWORD);
    const wrong = observe(sim);
    sim.press('清除', '清除', '清除', '清除', '清除', '清除');
    sim.type(rightPassword);
    const right = observe(sim);
    sim.press('确认');
    const opened = observe(sim);
    sim.stop();
    expect(checkStep(right, key('确认'), opened, env)).toEqual([]);
    const openedByWrong = { ...opened, flash: { ...opened.flash, lockouts: { [env.operatorId]: { failedAttempts: 1 } } } };
    expect(checkStep(wrong, key('确认'), openedByWrong, env).join('\n')).toMatch(/设置 opened without a correct password/);
    expect(checkStep(right, key('确认'), { ...right, flash: opened.flash }, env).join('\n')).toMatch(/right password did not open 设置/);
  });

  it('flag a pending change without the password', () => {
    const before = atDeregisterPrompt('');
    const flipped = { ...before.flash.passwordFree.active, enabled: !before.flash.passwordFree.active.enabled };
    const after = withFlash(before, (flash) => ({ ...flash, passwordFree: { active: flash.passwordFree.active, pending: flipped } }));
    expect(checkStep(before, key('确认'), after, env).join('\n')).toMatch(/pending settings changed without/);
  });

  /** Observations around one key: the device after `setup`, and after `key` pressed there. */
  const around = (setup: (sim: Simulator) => void, pressed: string): [Observation, Observation] => {
    const sim = createSimulator({ fixture: profile });
    setup(sim);
    const before = observe(sim);
    sim.press(pressed);
    const after = observe(sim);
    sim.stop();
    return [before, after];
  };
  const openSettings = (sim: Simulator) => {
    sim.press('菜单');
    sim.type(rightPassword);
    sim.press('确认');
  };

  it('accept a real 修改密码, and flag a password changed outside it or not stored', () => {
    const [before, after] = around((sim) => {
      openSettings(sim);
      sim.select('修改密码');
      sim.type(rightPassword);
      sim.press('确认');
      sim.type('246813');
      sim.press('确认');
      sim.type('246813');
    }, '确认');
    expect(after.states).toContain('changePassword.changed');
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);
    const notStored = withFlash(after, (flash) => ({ ...flash, operators: before.flash.operators }));
    expect(checkStep(before, key('确认'), notStored, env).join('\n')).toMatch(/修改密码 of operator 00 was confirmed, but/);
    // The same change by another key (a digit typed into the second entry) is not confirmed.
    const byDigit = withFlash(before, (flash) => ({ ...flash, operators: after.flash.operators }));
    expect(checkStep(before, key('1'), byDigit, env).join('\n')).toMatch(
      /the password of operator 00 changed without a confirmed 修改密码/,
    );
  });

  it('flag 修改密码 passing a wrong old password', () => {
    const [before, after] = around((sim) => {
      openSettings(sim);
      sim.select('修改密码');
      sim.type(WRONG_PASSWORD);
    }, '确认');
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);
    const passed = {
      ...after,
      states: after.states.map((state) => (state === 'changePassword.verifying' ? 'changePassword.newPassword' : state)),
    };
    expect(checkStep(before, key('确认'), passed, env).join('\n')).toMatch(/new password without the right old one/);
  });

  it('flag a backup that was not recorded, or recorded under someone else', () => {
    const [before, after] = around((sim) => {
      openSettings(sim);
      sim.select('数据备份');
    }, '确认');
    expect(after.flash.records.map((record) => record.action)).toEqual(['backup']);
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);
    const unrecorded = withFlash(after, (flash) => ({ ...flash, records: [] }));
    expect(checkStep(before, key('确认'), unrecorded, env).join('\n')).toMatch(/records added: \[\], expected \["backup"\]/);
    const someoneElse = withFlash(after, (flash) => ({
      ...flash,
      records: flash.records.map((record) => ({ ...record, operator: '99' })),
    }));
    expect(checkStep(before, key('确认'), someoneElse, env).join('\n')).toMatch(/record backup names operator 99, expected 00/);
  });

  it('accept an ordinary operator refused, and flag one let into 设置', () => {
    const [before, after] = around((sim) => {
      sim.press('菜单', '下');
      sim.type(KNOWN_PASSWORDS['01'] ?? '');
    }, '确认');
    expect(after.states).toContain('settings.refused');
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);
    const letIn = { ...after, states: ['device.settings', 'settings.menu'] };
    expect(checkStep(before, key('确认'), letIn, env).join('\n')).toMatch(/ordinary operator 01 opened 设置/);
  });

  it('flag a password on screen, even in a public number’s neighbourhood', () => {
    const before = atDeregisterPrompt('');
    for (const secret of env.secrets) {
      const after = { ...before, screens: [`${before.screens[0]}\n${secret}`, before.screens[1] ?? ''] };
      expect(checkStep(before, key('1'), after, env).join('\n')).toContain(`the screen shows "${secret}"`);
    }
    // The unbound profile's merchant number is all zeros; it is public and does not count as 0000.
    const unbound = profiles.find((candidate) => candidate.name === 'unbound');
    if (unbound) {
      const unboundEnv = checkEnv(unbound, 'zh');
      const sim = createSimulator({ fixture: unbound });
      const home = observe(sim);
      sim.stop();
      expect(home.screens[0]).toContain('0000');
      expect(checkStep(home, { kind: 'advance', ms: 1 }, home, unboundEnv)).toEqual([]);
    }
  });

  it('flag unmasked digits and a failed actor', () => {
    const before = atDeregisterPrompt('12');
    const shown = { ...before, screens: before.screens.map((screen) => screen.replace('**_', '12_')) };
    expect(checkStep(before, key('2'), shown, env).join('\n')).toMatch(/does not show \*\*_/);
    const failed = { ...before, errors: ['settings: boom'] };
    expect(checkStep(before, key('2'), failed, env).join('\n')).toMatch(/an actor failed: settings: boom/);
  });

  it('flag a screen cut off: rows the display never shows', () => {
    const before = atDeregisterPrompt('12');
    expect(checkStep(before, key('2'), before, env)).toEqual([]);
    expect(checkStep(before, key('2'), { ...before, cutOff: true }, env).join('\n')).toMatch(/the screen is cut off/);
  });

  /** A device at the code prompt of 关闭服务 支付宝 (P3) or of 解绑 结算卡 (P4), with the right code typed. */
  const atCodePrompt = (sim: Simulator, flow: 'P3' | 'P4') => {
    openSettings(sim);
    sim.select('绑定管理');
    if (flow === 'P3') {
      sim.select('支付宝');
      sim.press('确认', '确认');
    } else {
      sim.select('结算卡');
      sim.press('确认', '1', '确认');
    }
    sim.type(sim.sms()?.code ?? '');
  };

  it('accept a real 关闭服务 with the texted code, and a real 解绑 with 资金清算', () => {
    const [before, after] = around((sim) => atCodePrompt(sim, 'P3'), '确认');
    expect(after.states).toContain('bindingManagement.deregistered');
    expect(after.flash.bindings.map((binding) => binding.id)).not.toContain('alipay');
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);

    const sim = createSimulator({ fixture: profile });
    atCodePrompt(sim, 'P4');
    const typed = observe(sim);
    sim.press('确认');
    const settling = observe(sim);
    sim.advance(SETTLEMENT_MS);
    const settled = observe(sim);
    sim.stop();
    expect(settling.states).toContain('unbind.settling');
    expect(settled.flash.bindings.map((binding) => binding.id)).not.toContain('settlement-card');
    expect(checkStep(typed, key('确认'), settling, env)).toEqual([]);
    expect(checkStep(settling, { kind: 'advance', ms: SETTLEMENT_MS }, settled, env)).toEqual([]);
    // The settlement that did not happen is flagged too.
    expect(checkStep(settling, { kind: 'advance', ms: SETTLEMENT_MS }, settling, env).join('\n')).toMatch(
      /解绑 of "settlement-card" was confirmed and settled/,
    );
  });

  it('flag 资金清算 started, or a binding removed, without the right texted code', () => {
    const [before, after] = around((sim) => {
      atCodePrompt(sim, 'P4');
      sim.press('清除');
      sim.type(sim.sms()?.code === '000000' ? '1' : '0');
    }, '确认');
    expect(after.states).toContain('smsVerification.entering');
    expect(checkStep(before, key('确认'), after, env)).toEqual([]);
    const started = { ...after, states: [...after.states, 'unbind.settling'] };
    expect(checkStep(before, key('确认'), started, env).join('\n')).toMatch(/资金清算 started without the right texted code/);
    const removed = withFlash(after, (flash) => ({
      ...flash,
      bindings: flash.bindings.filter((binding) => binding.id !== 'settlement-card'),
    }));
    expect(checkStep(before, key('确认'), removed, env).join('\n')).toMatch(/bindings changed without a correct-password or correct-code/);
  });

  it('flag the texted code on the device, and a code prompt that does not mask', () => {
    const [before, after] = around((sim) => atCodePrompt(sim, 'P4'), '清除');
    expect(checkStep(before, key('清除'), after, env)).toEqual([]);
    const code = after.phoneCode ?? '';
    const shown = { ...after, screens: [`${after.screens[0]}\n${code}`, after.screens[1] ?? ''] };
    expect(checkStep(before, key('清除'), shown, env).join('\n')).toContain(`the device shows the texted code ["${code}"]`);
    const unmasked = { ...after, screens: after.screens.map((screen) => screen.replace('*****_', `${code.slice(0, 5)}_`)) };
    expect(checkStep(before, key('清除'), unmasked, env).join('\n')).toMatch(/the code prompt (shows the digits|does not show \*{5}_)/);
  });

  // The working day: real transactions pass, the same steps on a terminal that must refuse them are flagged.

  /** A 0.12元 sale paid by the 云闪付 code (免密 on the default profile), up to 交易处理中. */
  const sellByQr = (sim: Simulator) => {
    sim.press('确认');
    sim.type('12');
    sim.press('确认');
    sim.select('扫码');
    sim.select('云闪付');
  };
  /** The sale approved and back home: 确认 leaves 交易成功. */
  const sold = (sim: Simulator) => {
    sellByQr(sim);
    sim.advance(HOST_REPLY_MS);
    sim.press('确认');
  };
  /** The device after `setup`, and after the host's answer came. */
  const aroundHost = (setup: (sim: Simulator) => void): [Observation, Observation] => {
    const sim = createSimulator({ fixture: profile });
    setup(sim);
    const before = observe(sim);
    sim.advance(HOST_REPLY_MS);
    const after = observe(sim);
    sim.stop();
    return [before, after];
  };
  const hostReply = { kind: 'advance', ms: HOST_REPLY_MS } as const;
  /** Both observations of a step on a terminal whose flash differs in the same way. */
  const bothWith = ([before, after]: [Observation, Observation], change: (flash: FlashData) => FlashData) =>
    [withFlash(before, change), withFlash(after, change)] as const;
  const without = (id: string) => (flash: FlashData) => ({ ...flash, bindings: flash.bindings.filter((binding) => binding.id !== id) });
  /** The 主管 authorises, and the customer shows the 云闪付 code again (3. in the list of ways to present). */
  const undo = (sim: Simulator, item: '撤销' | '退货', find: (sim: Simulator) => void) => {
    sim.press('F1');
    sim.select(item);
    sim.type(KNOWN_PASSWORDS['00'] ?? '');
    sim.press('确认');
    find(sim);
    sim.press('3');
  };
  const voidFirst = (sim: Simulator) =>
    undo(sim, '撤销', () => {
      sim.type('1');
      sim.press('确认', '确认');
    });
  const refundFirst = (sim: Simulator) =>
    undo(sim, '退货', () => {
      sim.type(sim.store.journal()[0]?.reference ?? '');
      sim.press('确认');
      sim.type('0601');
      sim.press('确认');
      sim.type('12');
      sim.press('确认');
    });

  it('accept a real sale, and flag one approved on a closed service or without a merchant account', () => {
    const step = aroundHost(sellByQr);
    expect(step[1].flash.journal.map((entry) => entry.kind)).toEqual(['sale']);
    expect(checkStep(step[0], hostReply, step[1], env)).toEqual([]);
    const [closedBefore, closedAfter] = bothWith(step, without('unionpay-qr'));
    expect(checkStep(closedBefore, hostReply, closedAfter, env).join('\n')).toMatch(
      /was approved though the service of qr-unionpay is closed/,
    );
    const [noMerchantBefore, noMerchantAfter] = bothWith(step, without('merchant'));
    expect(checkStep(noMerchantBefore, hostReply, noMerchantAfter, env).join('\n')).toMatch(
      /was approved though no merchant account is bound/,
    );
    const [noCardBefore, noCardAfter] = bothWith(step, without('settlement-card'));
    expect(checkStep(noCardBefore, hostReply, noCardAfter, env).join('\n')).toMatch(/was approved though no settlement card is bound/);
  });

  it('accept a real 撤销 and 退货, and flag either beyond its original', () => {
    const voided = aroundHost((sim) => {
      sold(sim);
      voidFirst(sim);
    });
    expect(voided[1].flash.journal.map((entry) => entry.kind)).toEqual(['sale', 'void']);
    expect(checkStep(voided[0], hostReply, voided[1], env)).toEqual([]);
    // The same void, of a sale that was voided already.
    const voidEntry = voided[1].flash.journal[1] as FlashData['journal'][number];
    const voidedBefore = (flash: FlashData) => ({
      ...flash,
      journal: [flash.journal[0], { ...voidEntry, trace: '000009' }, ...flash.journal.slice(1)] as FlashData['journal'],
    });
    expect(checkStep(withFlash(voided[0], voidedBefore), hostReply, withFlash(voided[1], voidedBefore), env).join('\n')).toMatch(
      /goes beyond its original: sale 000001 was voided already/,
    );

    const refunded = aroundHost((sim) => {
      sold(sim);
      refundFirst(sim);
    });
    expect(refunded[1].flash.journal.map((entry) => entry.kind)).toEqual(['sale', 'refund']);
    expect(checkStep(refunded[0], hostReply, refunded[1], env)).toEqual([]);
    // The same full refund, after 0.01元 of the sale was refunded already.
    const refund = refunded[1].flash.journal[1] as FlashData['journal'][number];
    const partRefunded = (flash: FlashData) => ({
      ...flash,
      journal: [flash.journal[0], { ...refund, trace: '000009', amountFen: 1 }, ...flash.journal.slice(1)] as FlashData['journal'],
    });
    expect(checkStep(withFlash(refunded[0], partRefunded), hostReply, withFlash(refunded[1], partRefunded), env).join('\n')).toMatch(
      /goes beyond its original: refunds of sale 000001 come to 13 fen, above its 12/,
    );
  });

  it('accept a real 结算, and flag totals kept, shown or printed that are not the sums of the batch', () => {
    const [before, after] = aroundHost((sim) => {
      sold(sim);
      sim.press('F1');
      sim.select('管理');
      sim.select('结算');
      sim.press('确认');
    });
    expect(after.flash.settlements).toHaveLength(1);
    expect(checkStep(before, hostReply, after, env)).toEqual([]);
    const kept = withFlash(after, (flash) => ({
      ...flash,
      settlements: flash.settlements.map((settlement) => ({
        ...settlement,
        totals: { ...settlement.totals, netFen: settlement.totals.netFen + 1 },
      })),
    }));
    expect(checkStep(before, hostReply, kept, env).join('\n')).toMatch(
      /the settlement of batch 000001 keeps .* but its journal entries sum to/,
    );
    const printed = {
      ...after,
      printed: after.printed.map((job) =>
        job.kind === 'settlement' ? { ...job, settlement: { ...job.settlement, totals: { ...job.settlement.totals, netFen: 0 } } } : job,
      ),
    };
    expect(checkStep(before, hostReply, printed, env).join('\n')).toMatch(/the 结算单 of batch 000001 prints/);
    // The 结算 screen of the new batch (no transactions) saying the old batch's sale.
    const summary = {
      ...after,
      settlement: { state: 'summary', page: 0 },
      screens: after.screens.map((screen) => `${screen}\n消费 1笔 0.12元`),
    };
    expect(checkStep(before, hostReply, summary, env).join('\n')).toMatch(
      /结算 does not show the sums of batch 000002's journal entries: \["消费 0笔 0.00元"/,
    );
  });

  it('take 批次号, 凭证号, 参考号, 授权码, amounts and digits typed in clear as public, and still flag a password beside them', () => {
    const sim = createSimulator({ fixture: profile });
    sold(sim);
    const home = observe(sim);
    // 操作员 01 收银员 批次号 000001: operator 01's password 0000 is in the batch number.
    expect(home.screens[0]).toContain('000001');
    expect(checkStep(home, hostReply, home, env)).toEqual([]);
    sim.press('F1');
    sim.select('撤销');
    sim.type(KNOWN_PASSWORDS['00'] ?? '');
    sim.press('确认');
    sim.type('000001');
    const typedTrace = observe(sim);
    sim.press('确认');
    const review = observe(sim);
    sim.stop();
    expect(typedTrace.screens[0]).toContain('000001');
    expect(checkStep(typedTrace, key('确认'), review, env)).toEqual([]);
    for (const observation of [home, review]) {
      const leaked = { ...observation, screens: observation.screens.map((screen) => `${screen}\n0000`) };
      expect(checkStep(observation, key('1'), leaked, env).join('\n')).toContain('the screen shows "0000"');
    }
  });

  it('flag a home screen that shows a merchant no longer bound, and a password on paper', () => {
    const [before, after] = aroundHost(sellByQr);
    const sim = createSimulator({ fixture: profile });
    const home = observe(sim);
    sim.stop();
    expect(checkStep(home, hostReply, home, env)).toEqual([]);
    const unbound = withFlash(home, without('merchant'));
    expect(checkStep(unbound, hostReply, unbound, env).join('\n')).toMatch(
      /the home screen shows a 商户号 while no merchant account is bound/,
    );
    const receipt = after.printed.at(-1);
    expect(receipt?.kind).toBe('transaction');
    const onPaper = { ...after, printed: [...before.printed, ...(receipt ? [{ ...receipt, terminalId: '10000001' }] : [])] };
    expect(checkStep(before, hostReply, onPaper, env).join('\n')).toMatch(/a printout shows "0000"/);
  });

  describe('a device with a planted bug is caught by the fuzzer, with a short readable counterexample', () => {
    beforeEach(() => {
      forgetLayouts();
    });

    afterEach(() => {
      vi.restoreAllMocks();
      forgetLayouts();
    });

    const words = new Set(vocabulary(env.operatorId).map((word) => word.name));
    /** Plants a bug, fuzzes, and expects a failure; shrinking (the costly part) only where asked. */
    const catches = (bug: string, plant: () => void, expected: RegExp, shrink = false) => {
      plant();
      const result = fc.check(deviceProperty(profile), { seed: SEED, numRuns: 300, endOnFailure: !shrink });
      expect(result.failed).toBe(true);
      const [lang, signedIn, actions] = result.counterexample ?? [];
      expect(actions?.every((action) => words.has(action))).toBe(true);
      if (shrink) expect(actions?.length ?? 99).toBeLessThanOrEqual(12);
      const message = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      expect(message).toMatch(expected);
      const counterexample = shrink
        ? `${lang}${signedIn ? '' : ' at power-on'}: ${JSON.stringify(actions)}`
        : `(not shrunk: ${actions?.length} actions)`;
      console.log(`Planted bug "${bug}" caught in run ${result.numRuns}, ${counterexample}\n  ${message.split('\n')[1]?.slice(0, 160)}`);
    };

    it('a wrong password accepted (though still counted)', () => {
      const original = DeviceStore.prototype.checkPassword;
      catches(
        'wrong password accepted',
        () => {
          vi.spyOn(DeviceStore.prototype, 'checkPassword').mockImplementation(function (this: DeviceStore, operatorId, password) {
            const check = original.call(this, operatorId, password);
            return check.result === 'wrong' ? { result: 'accepted' } : check;
          });
        },
        /设置 opened without a correct password|without a correct-password|went on without the .*right password/,
        true,
      );
    });

    it('a saved 免密 change in force at once', () => {
      const original = DeviceStore.prototype.savePasswordFree;
      catches(
        'saved 免密 in force at once',
        () => {
          vi.spyOn(DeviceStore.prototype, 'savePasswordFree').mockImplementation(function (this: DeviceStore, settings, operatorId) {
            original.call(this, settings, operatorId);
            this.applyPending();
          });
        },
        /in force changed without a restart/,
      );
    });

    it('注销 removing every binding with the same account number', () => {
      const original = DeviceStore.prototype.deregister;
      catches(
        '注销 by account number',
        () => {
          // The merchant account and 云闪付 share an account number in the default profile.
          vi.spyOn(DeviceStore.prototype, 'deregister').mockImplementation(function (this: DeviceStore, bindingId, operatorId) {
            const account = this.bindings().find((binding) => binding.id === bindingId)?.account;
            for (const binding of this.bindings().filter((candidate) => candidate.account === account))
              original.call(this, binding.id, operatorId);
          });
        },
        /was confirmed with the right password, but the bindings went/,
        true,
      );
    });

    it('any texted code accepted', () => {
      catches(
        'any texted code accepted',
        () => {
          vi.spyOn(DeviceStore.prototype, 'checkSmsCode').mockReturnValue({ result: 'accepted' });
        },
        /资金清算 started without the right texted code|bindings changed without a correct-password or correct-code/,
      );
    });

    it('pending settings not applied at boot', () => {
      catches(
        'pending not applied at boot',
        () => {
          vi.spyOn(DeviceStore.prototype, 'applyPending').mockReturnValue(false);
        },
        /did not put the pending settings in force|pending settings survived/,
      );
    });

    it('the typed digits shown on screen', () => {
      const original = DeviceSession.prototype.rows;
      catches(
        'typed digits on screen',
        () => {
          // A display that echoes the digits typed into the password prompt in its title.
          vi.spyOn(DeviceSession.prototype, 'rows').mockImplementation(function (this: DeviceSession) {
            const rows = original.call(this);
            const prompt = this.activeSnapshots().find((snapshot) => snapshot.machine.id === 'passwordPrompt');
            return { ...rows, title: `${rows.title} ${String(prompt?.context.entered ?? '')}` };
          });
        },
        /the screen shows|the password prompt shows the digits/,
      );
    });

    it('a sale deciding by the saved 免密 change before the restart', () => {
      const original = DeviceStore.prototype.facts;
      catches(
        'sale by pending settings',
        () => {
          vi.spyOn(DeviceStore.prototype, 'facts').mockImplementation(function (this: DeviceStore) {
            const facts = original.call(this);
            return { ...facts, passwordFree: this.pendingPasswordFree() ?? facts.passwordFree };
          });
        },
        /sale of .* went to (pin|processing|awaitingPayer), expected (pin|processing|awaitingPayer) while the settings in force|went through (with|without) a PIN while the settings in force/,
      );
    });

    it('the card PIN echoed on screen', () => {
      const original = DeviceSession.prototype.rows;
      catches(
        'card PIN on screen',
        () => {
          vi.spyOn(DeviceSession.prototype, 'rows').mockImplementation(function (this: DeviceSession) {
            const rows = original.call(this);
            const sale = this.activeSnapshots().find((snapshot) => snapshot.machine.id === 'sale');
            return { ...rows, title: `${rows.title} ${String(sale?.context.pin ?? '')}` };
          });
        },
        /the screen shows "147258"|the card PIN prompt shows the digits/,
      );
    });

    it('a home screen with more rows than the display', () => {
      const original = DeviceSession.prototype.screen;
      catches(
        'screen cut off',
        () => {
          vi.spyOn(DeviceSession.prototype, 'screen').mockImplementation(function (this: DeviceSession) {
            const screen = original.call(this);
            const home = screen.title === this.profile.device.merchantName[this.lang];
            return home ? { ...screen, lines: [...screen.lines, ...Array.from({ length: 12 }, () => ({ text: '' }))] } : screen;
          });
        },
        /the screen is cut off/,
      );
    });

    // The terminal's working day (issue 11): each invariant catches a small wrong variant of the real thing.

    it('a payment accepted on a closed service (a flow deciding from the bindings as they were)', () => {
      const original = DeviceStore.prototype.facts;
      catches(
        'closed service accepted',
        () => {
          vi.spyOn(DeviceStore.prototype, 'facts').mockImplementation(function (this: DeviceStore) {
            const facts = original.call(this);
            const closed = this.profile.bindings.filter(
              (binding) => binding.kind === 'service' && !facts.bindings.some((bound) => bound.id === binding.id),
            );
            return { ...facts, bindings: [...facts.bindings, ...closed] };
          });
        },
        /the service of [\w-]+ is closed|as open, but its service is closed/,
      );
    });

    it('a transaction approved without the merchant account or the settlement card (unbound, but still believed bound)', () => {
      const original = DeviceStore.prototype.facts;
      catches(
        'no merchant or settlement card',
        () => {
          vi.spyOn(DeviceStore.prototype, 'facts').mockImplementation(function (this: DeviceStore) {
            const facts = original.call(this);
            const accounts = this.profile.bindings.filter(
              (binding) => binding.kind !== 'service' && !facts.bindings.some((bound) => bound.kind === binding.kind),
            );
            return { ...facts, bindings: [...accounts, ...facts.bindings] };
          });
        },
        /no (merchant account|settlement card) is bound/,
      );
    });

    it('a 撤销 or 退货 beyond its original (the journal read loses what a void or refund points at)', () => {
      const original = DeviceStore.prototype.journal;
      catches(
        'undo beyond the original',
        () => {
          vi.spyOn(DeviceStore.prototype, 'journal').mockImplementation(function (this: DeviceStore) {
            return original
              .call(this)
              .map((entry) => (entry.original ? { ...entry, original: { trace: entry.original.trace, reference: '' } } : entry));
          });
        },
        /goes beyond its original/,
      );
    });

    it('batch totals that are not the batch’s journal entries (the journal read lists each 撤销 twice)', () => {
      const original = DeviceStore.prototype.journal;
      catches(
        'totals off the journal',
        () => {
          vi.spyOn(DeviceStore.prototype, 'journal').mockImplementation(function (this: DeviceStore) {
            return original.call(this).flatMap((entry) => (entry.kind === 'void' ? [entry, entry] : [entry]));
          });
        },
        /结算 does not show the sums of batch/,
      );
    });
  });
});
