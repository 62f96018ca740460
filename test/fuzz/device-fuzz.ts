/**
 * The device fuzzer's runner: plays a sequence of actions (actions.ts) on a fresh simulator,
 * observes the device after every single key or event (observe.ts) and checks the step against the
 * invariants (invariants.ts), then walks back home. random-keys.test.ts drives it with fast-check.
 */
import fc from 'fast-check';
import type { InspectionEvent } from 'xstate';
import { PAYMENT_METHODS } from '../../menus/domain.js';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import type { Lang } from '../../src/i18n/messages.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { actionsArbitrary, key, vocabulary, type Readable, type Step } from './actions.js';
import { checkEnv, checkStep, passwordChange, withPassword } from './invariants.js';
import { observe, recordingMedium, type Observation } from './observe.js';

export * from './actions.js';
export * from './invariants.js';
export { forgetLayouts, observe, recordingMedium, type Observation } from './observe.js';

const perform = (sim: Simulator, step: Step): void => {
  switch (step.kind) {
    case 'key':
      return sim.press(step.key);
    case 'advance':
      return sim.advance(step.ms);
    case 'networkDown':
      return sim.networkDown();
    case 'networkUp':
      return sim.networkUp();
    case 'powerCycle':
      return sim.powerCycle();
    case 'powerCut':
      return sim.powerCut();
    case 'paper':
      return sim.setPaper(step.paper);
    case 'read':
      throw new Error('digits read off the phone or the paper are played as their keys');
  }
};

/** The digits the operator reads off the phone, the last receipt or the screen, now. */
const readDigits = (sim: Simulator, what: Readable, now: Observation): string => {
  const lastSale = now.flash.journal.findLast((entry) => entry.kind === 'sale');
  switch (what) {
    case 'smsCode':
      return sim.sms()?.code ?? '';
    case 'lastTrace':
      return lastSale?.trace ?? '';
    case 'lastReference':
      return lastSale?.reference ?? '';
    case 'lastDate':
      return lastSale ? lastSale.date.slice(5).replace('-', '') : '';
    case 'originalMethod': {
      const method = now.undo?.sale?.method;
      return method === undefined ? '' : String(PAYMENT_METHODS.indexOf(method) + 1);
    }
    case 'originalAmount':
      return now.undo?.sale ? String(now.undo.sale.amountFen) : '';
  }
};

/** The single steps a step is played as: digits read off the phone or the paper become their keys. */
const resolve = (sim: Simulator, step: Step, now: Observation): readonly Step[] =>
  step.kind === 'read' ? [...readDigits(sim, step.what, now)].map(key) : [step];

export type RunHooks = {
  /** Hears every inspection event of the device's actors (coverage). */
  readonly inspect?: (event: InspectionEvent) => void;
  /** Hears the active states a run passed through, once it is over. */
  readonly onRun?: (states: ReadonlySet<string>) => void;
};

/** How a run starts: signed in for the day (scripts, the API), or at power-on like the interactive device. */
export type RunStart = { readonly lang: Lang; readonly signedIn: boolean };

/** Most steps it takes to get home from anywhere by 取消 (and 确认 to 放弃未保存的修改?, and waiting for the host). */
const MAX_ESCAPE_STEPS = 16;
/** States that only time ends: the boot, a restart, the host's answer, 资金清算. */
const WAITING = ['unbind.settling', 'voidSale.processing', 'refund.processing', 'settlement.settling', 'signIn.connecting'];

/**
 * Plays `actions` on a fresh device, checking every step; then walks back home with 取消 and checks
 * that it gets there. Throws naming the first broken invariant.
 */
export const runSequence = (profile: Profile, start: Lang | RunStart, actions: readonly string[], hooks: RunHooks = {}): void => {
  const { lang, signedIn } = typeof start === 'string' ? { lang: start, signedIn: true } : start;
  let env = checkEnv(profile, lang, { signedIn });
  const words = new Map(vocabulary(env.operatorId).map((word) => [word.name, word.steps]));
  const medium = recordingMedium();
  const sim = createSimulator({ fixture: profile, lang, medium, signedIn, ...(hooks.inspect ? { observe: hooks.inspect } : {}) });
  const seen = new Set<string>();
  const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
  let before = observe(sim, medium);
  const play = (step: Step, where: string) => {
    try {
      perform(sim, step);
    } catch (error) {
      throw new Error(`${where} threw: ${describeError(error)}`, { cause: error });
    }
    let after: Observation;
    try {
      after = observe(sim, medium);
    } catch (error) {
      throw new Error(`${where}: observing the device threw: ${describeError(error)}`, { cause: error });
    }
    const problems = checkStep(before, step, after, env);
    if (problems.length > 0) throw new Error(`${where}:\n${problems.join('\n')}`);
    for (const state of after.states) seen.add(state);
    // After 修改密码 the new password is the right one, and a secret like the others.
    const changed = passwordChange(before, step);
    if (changed) env = withPassword(env, changed.operatorId, changed.password);
    before = after;
  };
  try {
    actions.forEach((action, index) => {
      const steps = words.get(action);
      if (!steps) throw new Error(`unknown action "${action}"`);
      try {
        steps.forEach((step, part) => {
          for (const single of resolve(sim, step, before)) {
            play(single, `action ${index + 1} "${action}"${steps.length > 1 ? ` (step ${part + 1} of ${steps.length})` : ''}`);
          }
        });
      } catch (error) {
        // fast-check's shrinking can leave actions after the failing one; they never ran.
        const ran = actions.slice(0, index + 1);
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}\n` +
            `Actions up to the failure (${ran.length} of ${actions.length}; the rest never ran): ${JSON.stringify(ran)}`,
          { cause: error },
        );
      }
    });
    // 取消 leads back home from anywhere (the restart and boot screens and the host only need time;
    // a device at power-on is home once 签到 is cancelled).
    for (let escape = 1; before.device !== 'home'; escape += 1) {
      if (escape > MAX_ESCAPE_STEPS) {
        throw new Error(
          `after all actions, ${MAX_ESCAPE_STEPS} presses of 取消 did not get home; stuck in ${JSON.stringify(before.states)}:\n${before.screens[0]}`,
        );
      }
      const waiting =
        ['booting', 'starting', 'shuttingDown'].includes(before.device) || WAITING.some((state) => before.states.includes(state));
      const step: Step = waiting
        ? { kind: 'advance', ms: 2_000 }
        : key(before.states.includes('passwordFree.confirmingDiscard') ? '确认' : '取消');
      play(step, `going home after all actions, step ${escape}`);
    }
    // The medium holds the whole flash as the store has it (each step checked what the store hands out).
    if (JSON.stringify(sim.store.snapshot()) !== JSON.stringify(medium.written()))
      throw new Error('at the end of the run, the flash medium does not hold what the device has');
  } finally {
    sim.stop();
  }
  hooks.onRun?.(seen);
};

/** The property: any language, signed in or at power-on, any sequence of actions, every step keeps the invariants. */
export const deviceProperty = (profile: Profile, hooks: RunHooks = {}) =>
  fc.property(fc.constantFrom<Lang>('zh', 'en'), fc.boolean(), actionsArbitrary(profile), (lang, signedIn, actions) => {
    runSequence(profile, { lang, signedIn }, actions, hooks);
  });
