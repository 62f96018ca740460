/**
 * Model-based paths: xstate/graph's shortest-path search over the whole simulated device. The
 * model's states are what the device would be after a sequence of operator actions (replayed on a
 * headless device), keyed by the active menu states and the few facts that change what the next
 * action does (model-situation.ts); its events are the operator's actions (model-actions.ts),
 * pruned to those that can lead somewhere new (model-pruning.ts). Every path ends at the first
 * moment a menu state is reached, and can be written out as a walkthrough that replays it.
 *
 * A sequence is not replayed from a fresh device: the device after its longest prefix the search
 * has seen is forked (its actor's persisted snapshot over a copy of its flash), and only the rest
 * is replayed. A device that waits for its clock (a boot step, a host's answer, a code's expiry)
 * cannot be forked, as a snapshot does not hold its timers: the rest then starts further back.
 */
import { fromTransition, type Snapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { HOST_REPLY_MS } from '../../menus/keyed-digits.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { createSimulator } from '../device/simulator.js';
import { toolText } from '../i18n/tool-lang.js';
import type { Profile } from '../profile/profile-schema.js';
import type { FlashData } from '../store/flash-data.js';
import { memoryMedium, type FlashMedium } from '../store/flash-medium.js';
import { CoverageTracker } from './coverage.js';
import { PHONE_MACHINES } from '../../menus/machines.js';
import { FACTORY_WALLET_PASSWORD } from '../phone/phone-profile.js';
import type { WalletsData } from '../phone/wallet-accounts.js';
import {
  MODEL_ACTIONS,
  OPERATOR_PASSWORD,
  performAction,
  phoneKeyOf,
  RESTART_WAIT_MS,
  WRONG_PASSWORD,
  WRONG_WALLET_CODE,
  WRONG_WALLET_PASSWORD,
  type ActionEnv,
  type ModelAction,
  type ModelStep,
} from './model-actions.js';
import { isWorthTrying } from './model-pruning.js';
import { keyOf, situationOf, type Situation } from './model-situation.js';
import { schemaComment } from './schema-comment.js';
import { SMS_CODE_VARIABLE } from './walkthrough.js';

type Outcome = {
  readonly key: string;
  readonly situation: Situation;
  /** Menu states the last action reached, including ones it passed straight through. */
  readonly reached: readonly string[];
  /** The digits the last action typed, when the device decided them. */
  readonly digits: string | undefined;
};

/** A device at one moment, as data another device can go on from (see `createSimulator`'s `resume`). */
type Checkpoint = {
  readonly snapshot: Snapshot<unknown>;
  readonly flash: FlashData;
  readonly now: number;
  readonly paper: boolean;
  /** The phone beside it: its actor's snapshot and the payer's wallets. */
  readonly phone: { readonly snapshot: Snapshot<unknown>; readonly wallets: WalletsData };
};

/**
 * The flash of a model device: a memory medium that hands out the data as it was written, without
 * the copy a memory medium's read makes (the store replaces its data on every change and never edits
 * it in place, so forks can share it), readable at any moment for a checkpoint.
 */
const modelMedium = (initial: FlashData | undefined): FlashMedium & { read(): FlashData | undefined } => {
  let stored = initial;
  return {
    ...memoryMedium(),
    read: () => stored,
    write: (data) => {
      stored = data;
    },
  };
};

/**
 * Replays action sequences, remembering each sequence's outcome and, for every menu state, the
 * shortest sequence seen that reaches it. Devices are forked from checkpoints of the sequences the
 * search goes on from (the first with each key), so that a sequence costs about one action.
 */
class Replayer {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly keys = new Set<string>();
  /** For every menu state, the shortest sequence that reached it, and where the device was then. */
  readonly shortest = new Map<string, { readonly actions: readonly ModelAction[]; readonly situation: Situation }>();

  constructor(
    private readonly profile: Profile,
    private readonly env: ActionEnv,
  ) {}

  outcome(actions: readonly ModelAction[]): Outcome {
    const ids = prefixIds(actions);
    const id = ids[actions.length] as string;
    const known = this.outcomes.get(id);
    if (known) return known;
    let from = actions.length - 1;
    while (from >= 0 && !this.checkpoints.has(ids[from] as string)) from -= 1;
    const checkpoint = from >= 0 ? this.checkpoints.get(ids[from] as string) : undefined;
    const medium = modelMedium(checkpoint?.flash);
    const sim = createSimulator({
      fixture: this.profile,
      medium,
      ...(checkpoint ? { startTime: checkpoint.now, resume: checkpoint.snapshot, resumePhone: checkpoint.phone } : {}),
    });
    if (checkpoint) sim.setPaper(checkpoint.paper);
    try {
      const tracker = new CoverageTracker();
      let digits: string | undefined;
      actions.slice(Math.max(from, 0)).forEach((action, index, rest) => {
        // Only the last action's states count as reached by this sequence.
        if (index === rest.length - 1) {
          sim.session.actor.system.inspect(tracker.observe);
          sim.session.phone.actor.system.inspect(tracker.observe);
        }
        digits = performAction(sim, action, this.env);
      });
      const flash = medium.read() as FlashData;
      const situation = situationOf(sim, this.env.password, flash);
      const reached = actions.length > 0 ? tracker.reachedStateNames() : [...situation.active, ...situation.phone];
      const outcome: Outcome = { key: keyOf(situation), situation, reached, digits };
      this.outcomes.set(id, outcome);
      // The search goes on only from the first sequence with each key.
      if (!this.keys.has(outcome.key)) {
        this.keys.add(outcome.key);
        if (sim.idle()) {
          this.checkpoints.set(id, {
            snapshot: sim.session.actor.getPersistedSnapshot(),
            flash,
            now: sim.store.now(),
            paper: sim.store.printer.hasPaper(),
            phone: { snapshot: sim.session.phone.actor.getPersistedSnapshot(), wallets: sim.store.wallets.held() },
          });
        }
      }
      for (const target of reached) {
        const shortest = this.shortest.get(target);
        if (!shortest || actions.length < shortest.actions.length) this.shortest.set(target, { actions, situation });
      }
      return outcome;
    } finally {
      sim.stop();
    }
  }

  /** The steps of a sequence the search went through, with the digits each typed. */
  steps(actions: readonly ModelAction[]): ModelStep[] {
    const ids = prefixIds(actions);
    return actions.map((action, index) => {
      const digits = this.outcomes.get(ids[index + 1] as string)?.digits;
      return digits === undefined ? { type: action.type } : { type: action.type, digits };
    });
  }
}

/** Ids of a sequence's prefixes, from the empty one to the whole. */
const prefixIds = (actions: readonly ModelAction[]): string[] => {
  const ids = [''];
  for (const action of actions) ids.push(`${ids.at(-1)} ${action.type}`);
  return ids;
};

export type ModelPath = {
  /** The menu state this path reaches, e.g. bindingManagement.confirming. */
  readonly target: string;
  readonly actions: readonly ModelStep[];
  /** Whether the target is still active at the end (not just passed through). */
  readonly endsIn: boolean;
  /** The menu states active at the end. */
  readonly active: readonly string[];
  /** The phone's states at the end. */
  readonly phoneActive: readonly string[];
};

/** The shortest path to every menu state the model reaches, in the menus' order. */
export const shortestMenuPaths = (profile: Profile, password: string): ModelPath[] => {
  const replayer = new Replayer(profile, {
    password,
    lockoutMs: profile.security.lockoutSeconds * 1000,
    codeValidMs: profile.sms.codeValidSeconds * 1000,
  });
  const logic = fromTransition(
    (actions: readonly ModelAction[], action: ModelAction) => [...actions, action],
    [] as readonly ModelAction[],
  );
  // The search visits device situations in order of distance, so the first sequence that reaches
  // a menu state (even one passed straight through) is a shortest one; the replayer keeps it.
  getShortestPaths(logic, {
    events: [...MODEL_ACTIONS],
    serializeState: (snapshot) => replayer.outcome(snapshot.context).key,
    filterEvents: (snapshot, action) => isWorthTrying(replayer.outcome(snapshot.context).situation, action),
  });
  return allMenuStates().flatMap((target) => {
    const shortest = replayer.shortest.get(target);
    if (!shortest) return [];
    const { active, phone } = shortest.situation;
    return [
      {
        target,
        actions: replayer.steps(shortest.actions),
        endsIn: active.includes(target) || phone.includes(target),
        active,
        phoneActive: phone,
      },
    ];
  });
};

/** Whether a menu state is one of the phone's machines (phone.home, walletCards.closed …). */
const isPhoneState = (state: string): boolean => PHONE_MACHINES.some((machine) => state.startsWith(`${machine.id}.`));

/** Every menu state, in the menus' order. */
export const allMenuStates = (): readonly string[] => new CoverageTracker().report().states.missed;

/**
 * A path as walkthrough YAML: the actions as steps, then an expectation on where it ends.
 * `typedPassword` is how the file types the password: quoted digits or $POS_SIM_PASSWORD; `dir` is
 * where it goes; `codeValidSeconds` how long a texted code is good (the profile's sms settings).
 * Numbers the device decided on the way (a 凭证号, a 参考号) are typed as they were: a fresh device
 * on the simulated clock decides the same ones.
 */
export const pathToWalkthrough = (
  path: ModelPath,
  fixture: string,
  typedPassword: string,
  lockoutSeconds: number,
  dir: string,
  codeValidSeconds: number,
): string => {
  const steps: string[] = [];
  let presses: string[] = [];
  let phonePresses: string[] = [];
  const pressed = (keys: readonly string[]) => (keys.length === 1 ? `press: ${keys[0]}` : `press: [${keys.join(', ')}]`);
  const flush = () => {
    if (presses.length > 0) steps.push(`  - ${pressed(presses)}`);
    if (phonePresses.length > 0) steps.push(`  - phone: { ${pressed(phonePresses)} }`);
    presses = [];
    phonePresses = [];
  };
  for (const action of path.actions) {
    const phoneKey = phoneKeyOf(action.type);
    if (phoneKey !== undefined) {
      if (presses.length > 0) flush();
      phonePresses.push(phoneKey);
      continue;
    }
    const step =
      action.digits !== undefined
        ? `type: "${action.digits}"`
        : {
            password: `type: ${typedPassword}`,
            wrongPassword: `type: "${WRONG_PASSWORD}"`,
            operatorPassword: `type: "${OPERATOR_PASSWORD}"`,
            waitRestart: `wait: ${RESTART_WAIT_MS / 1000}s`,
            waitLockout: `wait: ${lockoutSeconds}s`,
            waitHost: `wait: ${HOST_REPLY_MS}ms`,
            smsCode: `type: $${SMS_CODE_VARIABLE}`,
            waitCode: `wait: ${codeValidSeconds}s`,
            waitSettlement: `wait: ${SETTLEMENT_MS}ms`,
            networkDown: 'network: down',
            networkUp: 'network: up',
            paperOut: 'paper: out',
            paperIn: 'paper: in',
            powerCycle: 'power: cycle',
            walletPassword: `phone: { type: "${FACTORY_WALLET_PASSWORD}" }`,
            wrongWalletPassword: `phone: { type: "${WRONG_WALLET_PASSWORD}" }`,
            walletCode: `phone: { type: $${SMS_CODE_VARIABLE} }`,
            wrongWalletCode: `phone: { type: "${WRONG_WALLET_CODE}" }`,
          }[action.type as string];
    if (step === undefined) {
      if (phonePresses.length > 0) flush();
      presses.push(action.type);
      continue;
    }
    flush();
    steps.push(`  - ${step}`);
  }
  flush();
  const leaves = path.active.filter((state) => !path.active.some((other) => other.startsWith(`${state}.`)));
  const onPhone = path.phoneActive.includes(path.target) || (!path.active.includes(path.target) && isPhoneState(path.target));
  const phoneLeaves = path.phoneActive.filter((state) => !path.phoneActive.some((other) => other.startsWith(`${state}.`)));
  const expected = path.endsIn ? path.target : ((onPhone ? phoneLeaves : leaves).at(-1) ?? (onPhone ? 'phone.home' : 'home'));
  const lines = [
    toolText('paths.fileHeader', { target: path.target }),
    schemaComment(dir),
    ...(path.endsIn ? [] : [toolText('paths.passedThrough', { target: path.target, state: expected })]),
    `name: ${JSON.stringify(toolText('paths.name', { target: path.target }))}`,
    `fixture: ${fixture}`,
    'steps:',
    ...(steps.length > 0 ? steps : []),
    onPhone ? `  - expect: { phone: { state: ${expected} } }` : `  - expect: { state: ${expected} }`,
  ];
  return `${lines.join('\n')}\n`;
};
