/**
 * Model-based paths: xstate/graph's shortest-path search over the whole simulated device. The
 * model's states are what the device would be after a sequence of operator actions (replayed on
 * a fresh headless device), keyed by the active menu states and the few facts that change what
 * the next key does; its events are the operator's actions. Every path ends at the first moment
 * a menu state is reached, and can be written out as a walkthrough that replays it.
 */
import { fromTransition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { samePasswordFreeSettings, type Binding, type PasswordFreeSettings } from '../../menus/domain.js';
import { SALE_PROCESSING_MS } from '../../menus/sale.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { BOOT_MS, createSimulator, type Simulator } from '../device/simulator.js';
import { toolText } from '../i18n/tool-lang.js';
import type { Profile } from '../profile/profile-schema.js';
import { CoverageTracker } from './coverage.js';
import { schemaComment } from './schema-comment.js';
import { SMS_CODE_VARIABLE } from './walkthrough.js';

/** What an operator can do, as a walkthrough step says it. */
export const MODEL_ACTIONS = [
  { type: '菜单' },
  { type: '确认' },
  { type: '取消' },
  { type: '清除' },
  { type: '上' },
  { type: '下' },
  { type: '1' },
  { type: '2' },
  { type: '3' },
  { type: '4' },
  { type: '5' },
  { type: '8' },
  { type: 'password' },
  { type: 'wrongPassword' },
  { type: 'operatorPassword' },
  { type: 'waitRestart' },
  { type: 'waitLockout' },
  { type: 'waitProcessing' },
  { type: 'smsCode' },
  { type: 'waitCode' },
  { type: 'waitSettlement' },
  { type: 'networkDown' },
  { type: 'networkUp' },
  { type: 'powerCycle' },
] as const;
export type ModelAction = (typeof MODEL_ACTIONS)[number];

const WRONG_PASSWORD = '000000';
/** The factory password of ordinary operators (01…): enough to show that they may not open 设置. */
const OPERATOR_PASSWORD = '0000';
const RESTART_WAIT_MS = 3000;

type Outcome = {
  /** Model state key. */
  readonly key: string;
  /** Menu states active after the last action. */
  readonly active: readonly string[];
  /** Menu states the last action reached, including ones it passed straight through. */
  readonly reached: readonly string[];
};

const perform = (sim: Simulator, action: ModelAction, password: string, lockoutMs: number) => {
  switch (action.type) {
    case 'password':
      return sim.type(password);
    case 'wrongPassword':
      return sim.type(WRONG_PASSWORD);
    case 'operatorPassword':
      return sim.type(OPERATOR_PASSWORD);
    case 'waitRestart':
      return sim.advance(RESTART_WAIT_MS);
    case 'waitLockout':
      return sim.advance(lockoutMs);
    case 'waitProcessing':
      return sim.advance(SALE_PROCESSING_MS);
    case 'smsCode':
      // What an operator reads off the phone.
      return sim.type(sim.sms()?.code ?? '');
    case 'waitCode':
      return sim.advance(sim.profile.sms.codeValidSeconds * 1000);
    case 'waitSettlement':
      return sim.advance(SETTLEMENT_MS);
    case 'networkDown':
      return sim.networkDown();
    case 'networkUp':
      return sim.networkUp();
    case 'powerCycle':
      sim.powerCycle();
      return sim.advance(BOOT_MS);
    default:
      return sim.press(action.type);
  }
};

/**
 * Replays action sequences on fresh devices, remembering each sequence's outcome and, for every
 * menu state, the shortest sequence seen that reaches it.
 */
class Replayer {
  private readonly outcomes = new Map<string, Outcome>();
  readonly shortest = new Map<string, ModelPath>();
  constructor(
    private readonly profile: Profile,
    private readonly password: string,
  ) {}

  outcome(actions: readonly ModelAction[]): Outcome {
    const id = actions.map((action) => action.type).join(' ');
    const known = this.outcomes.get(id);
    if (known) return known;
    let tracker = new CoverageTracker();
    const sim = createSimulator({ fixture: this.profile, observe: (event) => tracker.observe(event) });
    const lockoutMs = this.profile.security.lockoutSeconds * 1000;
    try {
      actions.forEach((action, index) => {
        if (index === actions.length - 1) tracker = new CoverageTracker();
        perform(sim, action, this.password, lockoutMs);
      });
      const active = sim.session.activeStates();
      const reached = actions.length > 0 ? tracker.reachedStateNames() : active;
      const flows = sim.session.activeSnapshots();
      const prompt = flows.find((snapshot) => snapshot.machine.id === 'passwordPrompt');
      // 修改密码's new-password entry takes the password actions like the prompt does.
      const newPassword = flows.find((snapshot) => snapshot.machine.id === 'changePassword')?.context as { entered: string } | undefined;
      const entered = (prompt?.context as { entered?: string } | undefined)?.entered ?? newPassword?.entered ?? '';
      // On the 设置 prompt 上/下 change who logs in, which the active states do not show.
      const promptContext = prompt?.context as { operatorId: string; operatorIds?: readonly string[] } | undefined;
      const promptRole = this.profile.operators.find((operator) => operator.id === promptContext?.operatorId)?.role;
      const editor = flows.find((snapshot) => snapshot.machine.id === 'passwordFree')?.context as
        | { draft: PasswordFreeSettings; saved: PasswordFreeSettings }
        | undefined;
      // A sale's amount matters only as zero or not, so that keying digits does not grow the model.
      const sale = flows.find((snapshot) => snapshot.machine.id === 'sale')?.context as
        | { amountFen: number; pin: string; pinRight: boolean | undefined; wrongPins: number }
        | undefined;
      const facts = [
        entered === '' ? '' : entered === this.password ? 'typed-right' : 'typed-other',
        sim.store.isOnline() ? 'online' : 'offline',
        // Wrong attempts so far, per operator; an operator who logged in fine (0) is no different from one who never tried.
        Object.entries(sim.store.snapshot().lockouts)
          .flatMap(([id, lockout]) => (lockout.failedAttempts > 0 ? [`${id}:${lockout.failedAttempts}`] : []))
          .join(','),
        sim.store.lockedUntil(this.profile.security.settingsOperator) ? 'locked' : '',
        editor && !samePasswordFreeSettings(editor.draft, editor.saved) ? 'unsaved' : '',
        promptContext
          ? [
              'prompt',
              promptContext.operatorId,
              promptRole ?? '',
              (promptContext.operatorIds?.length ?? 0) > 1 ? 'switch' : 'fixed',
              promptContext.operatorId === this.profile.security.settingsOperator ? 'known' : 'other',
            ].join(':')
          : '',
        // Whether 操作记录 has anything to open; only where it can be opened, so it does not double every situation.
        (active.includes('settings.menu') || active.some((state) => state.startsWith('operationRecords.'))) && sim.store.records().length > 0
          ? 'records'
          : '',
        // In 绑定管理 what 确认 does next depends on the kind of binding under the cursor (关闭服务 by
        // password or by code, or 解绑), not on which one it is.
        ['list', 'detail', 'confirming'].some((state) => active.includes(`bindingManagement.${state}`)) ? bindingUnderCursor(flows) : '',
      ];
      // In 解绑 and 短信验证 only the network and whether the code is typed change what the next key
      // does; passwords, lockouts and records play no part there.
      const code = flows.find((snapshot) => snapshot.machine.id === 'smsVerification')?.context as { entered: string } | undefined;
      const codeFacts = (code || active.some((state) => state.startsWith('unbind.'))) && [
        sim.store.isOnline() ? 'online' : 'offline',
        code?.entered ? 'code-typed' : '',
      ];
      // Inside a sale only the network and the sale's own progress change what the next key does;
      // leaving the other facts out keeps the sale from multiplying the settings side's situations.
      const saleFacts = sale && [
        sim.store.isOnline() ? 'online' : 'offline',
        `sale:${sale.amountFen > 0 ? 'amount' : 'zero'},${sale.pin === '' ? '' : 'pin'},${sale.pinRight === false ? 'sent-wrong' : ''},${sale.wrongPins}`,
      ];
      // The title tells sub-menus apart; elsewhere it only names the item picked, which changes nothing.
      const where = active.includes('settings.menu') ? sim.title() : '';
      const outcome = { key: [active.join(' '), where, (saleFacts || codeFacts || facts).join('|')].join(' / '), active, reached };
      this.outcomes.set(id, outcome);
      for (const target of reached) {
        const known = this.shortest.get(target);
        if (!known || actions.length < known.actions.length) {
          this.shortest.set(target, { target, actions, endsIn: active.includes(target), active });
        }
      }
      return outcome;
    } finally {
      sim.stop();
    }
  }
}

const SALE_ANSWERS = ['sale.approved', 'sale.declined', 'sale.commsError'];

/**
 * What matters in each step of 解绑 and 短信验证; the other actions there change nothing, or nothing
 * that a shorter path does not reach (the reason picked, the power, keys the step ignores).
 */
const UNBIND_ACTIONS: readonly (readonly [string, readonly ModelAction['type'][]])[] = [
  ['unbind.reason', ['确认', '取消']],
  ['unbind.review', ['确认', '取消', 'networkDown', 'networkUp']],
  ['smsVerification.entering', ['smsCode', 'waitCode', '确认', '取消', 'networkDown', 'networkUp']],
  ['smsVerification.expired', ['确认', '取消', 'networkDown', 'networkUp']],
  ['unbind.settling', ['waitSettlement', 'networkDown']],
  ['unbind.unbound', ['确认']],
  ['unbind.offline', ['确认']],
];

/** In 绑定管理: what the binding under the cursor is (an account to unbind, or a service and how closing it is confirmed). */
const bindingUnderCursor = (flows: readonly { machine: { id: string }; context: unknown }[]): string => {
  const flow = flows.find((snapshot) => snapshot.machine.id === 'bindingManagement')?.context as
    | { bindings: readonly Binding[]; cursor: number }
    | undefined;
  const binding = flow?.bindings[flow.cursor];
  if (!binding) return '';
  // The merchant account and the settlement card are both unbound the same way.
  return binding.kind === 'service' ? `binding:service:${binding.verification ?? 'password'}` : 'binding:account';
};

/** Prunes actions that cannot change anything where the device is, to keep the search small. */
const isWorthTrying = (outcome: Outcome, action: ModelAction): boolean => {
  const facts = outcome.key.split(' / ').at(-1)?.split('|') ?? [];
  const inPrompt = outcome.active.includes('passwordPrompt.entering');
  const inNewPassword = outcome.active.includes('changePassword.newPassword') || outcome.active.includes('changePassword.repeating');
  // prompt:<operator>:<role>:<switch|fixed>:<known|other>; the model knows the settings operator's password.
  const prompt = facts.find((fact) => fact.startsWith('prompt:'))?.split(':') ?? [];
  const promptIsSettingsOperator = prompt[4] === 'known';
  // 操作记录, 数据备份, 操作员无权限 and 修改密码's entries answer only these; the network, power and
  // the other keys change nothing there that another path does not reach sooner.
  const quiet = outcome.active.some(
    (state) => state.startsWith('operationRecords.') || state.startsWith('dataBackup.') || state === 'settings.refused' || state === 'changePassword.changed',
  );
  if (quiet) return action.type === '确认' || action.type === '取消';
  if (inNewPassword) return action.type === 'password' || action.type === 'wrongPassword' || action.type === '确认' || action.type === '取消';
  // The card PIN prompt of a sale: a wrong PIN (wrongPassword) is all it needs to reach every state.
  const inCardPin = outcome.active.includes('sale.pin');
  // A sale's answer ends it in the model: leaving would only repeat every other situation of the
  // device with one more record.
  if (outcome.active.some((state) => SALE_ANSWERS.includes(state))) return false;
  // Typing a texted code: the code from the phone (smsCode) stands for the digits.
  const inSmsCode = outcome.active.includes('smsVerification.entering');
  const unbindStep = UNBIND_ACTIONS.find(([state]) => outcome.active.includes(state));
  if (unbindStep) return unbindStep[1].includes(action.type);
  switch (action.type) {
    case 'password':
    case '清除':
      return (inPrompt && promptIsSettingsOperator) || inNewPassword;
    case 'wrongPassword':
      return (inPrompt && promptIsSettingsOperator) || inCardPin || inNewPassword;
    case 'operatorPassword':
      return inPrompt && prompt[2] === 'operator';
    case 'waitProcessing':
      return outcome.active.includes('sale.processing');
    case 'smsCode':
    case 'waitCode':
      return inSmsCode;
    case 'waitSettlement':
      return outcome.active.includes('unbind.settling');
    case 'networkDown':
      return facts.includes('online');
    case 'networkUp':
      return facts.includes('offline');
    case 'waitLockout':
      return facts.includes('locked');
    case 'waitRestart':
      return outcome.active.some((state) => state.startsWith('device.booting') || state === 'device.shuttingDown');
    case '1':
    case '2':
    case '3':
      // 收款 picks how the customer pays from three items (and the wallet from three more); 确认注销 offers 按[1]先备份数据.
      return (
        outcome.active.includes('settings.menu') ||
        outcome.active.includes('sale.method') ||
        outcome.active.includes('sale.wallet') ||
        (action.type === '1' && outcome.active.includes('bindingManagement.confirming'))
      );
    case '4':
    case '5':
      // Only 设置's top menu has more than three items to pick.
      return outcome.active.includes('settings.menu');
    case '8':
      // In the prompts digits are password digits: the password actions stand for them.
      return !inPrompt && !inCardPin && !inNewPassword && !inSmsCode;
    case '上':
    case '下':
      // On a prompt they only switch the operator, where the prompt lets them.
      return inPrompt ? prompt[3] === 'switch' && facts[0] === '' : !inCardPin && !inNewPassword;
    default:
      return true;
  }
};

export type ModelPath = {
  /** The menu state this path reaches, e.g. bindingManagement.confirming. */
  readonly target: string;
  readonly actions: readonly ModelAction[];
  /** Whether the target is still active at the end (not just passed through). */
  readonly endsIn: boolean;
  /** The menu states active at the end. */
  readonly active: readonly string[];
};

/** The shortest path to every menu state the model reaches, in the menus' order. */
export const shortestMenuPaths = (profile: Profile, password: string): ModelPath[] => {
  const replayer = new Replayer(profile, password);
  const logic = fromTransition(
    (actions: readonly ModelAction[], action: ModelAction) => [...actions, action],
    [] as readonly ModelAction[],
  );
  // The search visits device situations in order of distance, so the first sequence that reaches
  // a menu state (even one passed straight through) is a shortest one; the replayer keeps it.
  getShortestPaths(logic, {
    events: [...MODEL_ACTIONS],
    serializeState: (snapshot) => replayer.outcome(snapshot.context).key,
    filterEvents: (snapshot, action) => isWorthTrying(replayer.outcome(snapshot.context), action),
  });
  return allMenuStates().flatMap((state) => {
    const path = replayer.shortest.get(state);
    return path ? [path] : [];
  });
};

/** Every menu state, in the menus' order. */
export const allMenuStates = (): readonly string[] => new CoverageTracker().report().states.missed;

/** A path as walkthrough YAML: the actions as steps, then an expectation on where it ends. */
/**
 * `typedPassword` is how the file types the password: quoted digits or $POS_SIM_PASSWORD; `dir` is
 * where it goes; `codeValidSeconds` how long a texted code is good (the profile's sms settings).
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
  const flush = () => {
    if (presses.length === 1) steps.push(`  - press: ${presses[0]}`);
    else if (presses.length > 1) steps.push(`  - press: [${presses.join(', ')}]`);
    presses = [];
  };
  for (const action of path.actions) {
    const step = {
      password: `type: ${typedPassword}`,
      wrongPassword: `type: "${WRONG_PASSWORD}"`,
      operatorPassword: `type: "${OPERATOR_PASSWORD}"`,
      waitRestart: `wait: ${RESTART_WAIT_MS / 1000}s`,
      waitLockout: `wait: ${lockoutSeconds}s`,
      waitProcessing: `wait: ${SALE_PROCESSING_MS}ms`,
      smsCode: `type: $${SMS_CODE_VARIABLE}`,
      waitCode: `wait: ${codeValidSeconds}s`,
      waitSettlement: `wait: ${SETTLEMENT_MS}ms`,
      networkDown: 'network: down',
      networkUp: 'network: up',
      powerCycle: 'power: cycle',
    }[action.type as string];
    if (step === undefined) {
      presses.push(action.type);
      continue;
    }
    flush();
    steps.push(`  - ${step}`);
  }
  flush();
  const leaves = path.active.filter((state) => !path.active.some((other) => other.startsWith(`${state}.`)));
  const expected = path.endsIn ? path.target : leaves.at(-1) ?? 'home';
  const lines = [
    toolText('paths.fileHeader', { target: path.target }),
    schemaComment(dir),
    ...(path.endsIn ? [] : [toolText('paths.passedThrough', { target: path.target, state: expected })]),
    `name: ${JSON.stringify(toolText('paths.name', { target: path.target }))}`,
    `fixture: ${fixture}`,
    'steps:',
    ...(steps.length > 0 ? steps : []),
    `  - expect: { state: ${expected} }`,
  ];
  return `${lines.join('\n')}\n`;
};
