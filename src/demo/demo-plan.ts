/**
 * Turns a walkthrough into a demo: the steps a viewer sees (expect and snapshot steps are not
 * shown), each with its caption and the device actions it takes, key by key. A `run:` is opened up:
 * each step of the piece is shown with its own caption, and with the piece it belongs to (the call's
 * caption, else the piece's name); `before:` and `after:` steps play too, and a step whose `when`
 * does not hold is left out, as the runner does.
 *
 * The plan comes from a headless run of the script (the same steps the runner plays), so a script
 * that fails is reported before anything is shown, and `select` is known as the keys a person
 * presses (下, 下, 确认). The keys are replayed on a second headless device in the demo's language,
 * which gives the captions their labels ("Select "Bindings"") and proves the keys alone reproduce
 * the script. The demo device then replays the same keys at the same device times.
 */
import type { InspectionEvent } from 'xstate';
import { KEY_EVENT_TYPES, PAYER_EVENT_TYPES, type KeyEvent, type SystemEvent } from '../../menus/device-events.js';
import type { DeviceSession } from '../device/device-session.js';
import { menuItems } from '../device/select-item.js';
import { BOOT_MS, createSimulator, SIMULATION_START, type Simulator } from '../device/simulator.js';
import { PosSimError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { KEY_BINDINGS, keyLabel } from '../keys/key-map.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { shownPath } from '../shown-path.js';
import { visibleControls } from '../visible-controls.js';
import { redact } from '../walkthrough/params.js';
import { liveFacts, runStep, secretsIn, stepsToPlay } from '../walkthrough/run-walkthrough.js';
import type { Step, Walkthrough } from '../walkthrough/walkthrough.js';
import type { PhoneSession } from '../phone/phone-session.js';
import { shownKey, shownPhoneKey, stepCaption, type StepContext } from './captions.js';
import type { DemoDevice } from './player.js';

/** A walkthrough that cannot be played as a demo (it fails, or a check failed while playing). */
export class DemoError extends PosSimError {
  override readonly name = 'DemoError';
  override readonly exitCode = 1;
}

export type DemoAction =
  /** A key on the keypad; `shown` is how the key line shows it ([确认], or [*] inside a secret). */
  | { readonly kind: 'key'; readonly event: KeyEvent; readonly shown: string }
  /** A key on the phone beside the terminal; `shown` as the key line shows it (手机[确认], 手机[*]). */
  | { readonly kind: 'phoneKey'; readonly event: KeyEvent; readonly shown: string }
  /** Power key or network; `shown` is how the key line shows the power key ([电源(重启)]), none for the network. */
  | { readonly kind: 'system'; readonly event: SystemEvent; readonly shown?: string }
  | { readonly kind: 'powerCut' }
  /** The printer's paper taken out (打印机缺纸) or loaded again. */
  | { readonly kind: 'paper'; readonly paper: boolean }
  /** Device time passes (a restart, a lockout); the demo lets it pass on screen. */
  | { readonly kind: 'wait'; readonly ms: number };

export type DemoStep = {
  /** 1-based, as the counter shows it. */
  readonly number: number;
  readonly step: Step;
  readonly caption: string;
  /** The piece the step is part of (the `run:` step's caption, or the piece's name), when it is in one. */
  readonly calledAs?: string;
  readonly actions: readonly DemoAction[];
  /** The expect steps that follow it, checked silently once it has played. */
  readonly checks: readonly Step[];
};

export type DemoPlan = {
  readonly walkthrough: Walkthrough;
  readonly profile: Profile;
  /** The language the demo plays in (the device's and the captions'). */
  readonly lang: Lang;
  /**
   * Device clock at power-on, shared by the headless run and the demo so both see the same times:
   * the walkthroughs' simulated start unless told otherwise.
   */
  readonly startTime: number;
  /** Expect steps before the first shown step, checked once the device has booted. */
  readonly firstChecks: readonly Step[];
  readonly steps: readonly DemoStep[];
};

export type PlanOptions = {
  readonly lang?: Lang;
  readonly startTime?: number;
  readonly profile?: Profile;
};

const isKeyEvent = (event: KeyEvent | SystemEvent): event is KeyEvent => (KEY_EVENT_TYPES as readonly string[]).includes(event.type);

/** An input line that shows a secret being typed: stars and the cursor ("***_"). */
const SECRET_FIELD = /^\**_$/;

/** What the device is doing, for captions and for masking digits. */
export const deviceContext = (session: DeviceSession): StepContext => {
  const states = session.activeStates();
  return {
    secretEntry: states.includes('passwordPrompt.entering') || session.screen().lines.some((line) => SECRET_FIELD.test(line.text.trim())),
    restarting: states.includes('device.shuttingDown') || states.includes('device.booting'),
    lockedOut: states.some((state) => state.endsWith('.lockedOut')),
  };
};

/**
 * The digits a typing step typed, when the device shows them as typed (an amount as 10.00, a
 * 凭证号): then the demo shows them too. Never while the device asked for a secret, never a value
 * from outside the files, never a texted code; `screen` is the display once the step was played.
 */
const typedInClear = (step: Step, context: StepContext, screen: string): string | undefined => {
  const digits = step.kind === 'type' ? step.digits : step.kind === 'phone' && step.action.kind === 'type' ? step.action.digits : undefined;
  if (digits === undefined || context.secretEntry || (step.secrets?.length ?? 0) > 0) return undefined;
  return screen.split('\n').some((line) => line.replace(/\D/g, '').includes(digits)) ? digits : undefined;
};

/** The phone's entries that take a secret: a wallet's payment password, a code a wallet texted. */
const PHONE_SECRET_STATES = ['walletPassword.entering', 'payerConfirm.entering', 'walletCards.byCode.entering'];

/** What the phone is doing, for the captions of steps taken on it and for masking digits. */
export const phoneContext = (phone: PhoneSession): StepContext => ({
  secretEntry: phone.activeStates().some((state) => PHONE_SECRET_STATES.includes(state)),
  restarting: false,
  lockedOut: phone.activeStates().includes('walletPassword.locked'),
});

/** `file:line:col  step` (in the file the step is written in) and what went wrong, with the screen as it was. */
export const describeFailure = (step: Step, message: string, screen?: string, calls: readonly Step[] = []): string =>
  [
    `${step.file}:${step.at.line}:${step.at.column}  ${step.source.split('\n')[0]}`,
    ...[...calls]
      .reverse()
      .map((call) =>
        toolText('report.calledAt', { at: `${call.file}:${call.at.line}:${call.at.column}`, step: call.source.split('\n')[0] ?? '' }),
      ),
    ...message.split('\n').map((line) => `  ${line}`),
    ...(screen === undefined ? [] : [`  ${toolText('demoPlan.screen')}`, ...screen.split('\n').map((line) => `  | ${line}`)]),
  ].join('\n');

/**
 * Device events sent from outside (keys, power, network), not the machines' own, nor the payer's
 * answer (a consequence of the phone's keys, which the replay presses too).
 */
const externalEvent = (event: InspectionEvent): KeyEvent | SystemEvent | undefined =>
  event.type === '@xstate.event' &&
  event.sourceRef === undefined &&
  !event.event.type.startsWith('xstate.') &&
  !(PAYER_EVENT_TYPES as readonly string[]).includes(event.event.type)
    ? (event.event as KeyEvent | SystemEvent)
    : undefined;

const POWER_BINDING = KEY_BINDINGS.find((binding) => binding.action === 'POWER_CYCLE');

/** The power key as the key line shows it: its label in the key map ([电源(重启)]). */
const powerKey = (lang: Lang, profile: Profile): string | undefined =>
  POWER_BINDING && `[${keyLabel(POWER_BINDING, profile.device.keyLabels, lang)}]`;

/** The terminal's and the phone's active states: the replay must reproduce both. */
const activeStates = (sim: Simulator) => [...sim.session.activeStates(), ...sim.session.phone.activeStates()].join(', ');

/**
 * What a step inside calls is part of, in the demo's language: the innermost call's own `caption:`
 * (what the script says this call does), else the innermost piece's `name:`.
 */
const callName = (calls: readonly Step[], lang: Lang): string | undefined => {
  const innermostFirst = [...calls].reverse();
  return (
    innermostFirst.map((call) => call.caption?.[lang]).find((caption) => caption !== undefined) ??
    innermostFirst.map((call) => (call.kind === 'run' ? call.call.name?.[lang] : undefined)).find((name) => name !== undefined)
  );
};

/** Plays the walkthrough headless and records, for each shown step, its caption and actions. */
export const planDemo = (walkthrough: Walkthrough, options: PlanOptions = {}): DemoPlan => {
  const lang = options.lang ?? walkthrough.lang;
  // The scripts' own moment (2026-06-01 09:00): what a script expects may depend on it (record times).
  const startTime = options.startTime ?? SIMULATION_START;
  const profile = options.profile ?? loadProfile(walkthrough.fixture);
  // What the script's steps send from outside, to the terminal or to the phone (only its keys:
  // a payment to confirm arrives on the phone as a consequence of the terminal's).
  const events: { readonly toPhone: boolean; readonly event: KeyEvent | SystemEvent }[] = [];
  const observe = (event: InspectionEvent) => {
    const sent = externalEvent(event);
    if (!sent) return;
    const toPhone = event.actorRef === made.script?.session.phone.actor;
    if (!toPhone || isKeyEvent(sent)) events.push({ toPhone, event: sent });
  };
  const signedIn = walkthrough.start !== 'power-on';
  // `observe` tells the phone's events by the script's phone actor, and hears events while it is made.
  const made: { script?: Simulator } = {};
  const script = (made.script = createSimulator({ fixture: profile, lang: walkthrough.lang, startTime, observe, signedIn }));
  const shown = createSimulator({ fixture: profile, lang, startTime, signedIn });
  const firstChecks: Step[] = [];
  const steps: (DemoStep & { checks: Step[] })[] = [];
  const facts = liveFacts(script, walkthrough.fixture);
  const all = [...walkthrough.before, ...walkthrough.steps, ...walkthrough.after];
  try {
    for (const { step, calls } of stepsToPlay(all, facts)) {
      if (step.kind === 'snapshot') continue;
      const onPhone = step.kind === 'phone';
      const context = onPhone ? phoneContext(shown.session.phone) : deviceContext(shown.session);
      const before = events.length;
      // Golden screen snapshots are for `pos-sim run`: a demo or a guide may play on any profile.
      const problem = runStep(script, step, walkthrough, { snapshots: 'ignore' });
      if (problem !== undefined) {
        throw new DemoError(
          toolText('demoPlan.failsHeadless', {
            name: walkthrough.name,
            file: shownPath(walkthrough.file),
            failure: redact(describeFailure(step, problem, script.screen(), calls), secretsIn(all)),
          }),
        );
      }
      if (step.kind === 'expect') {
        (steps.at(-1)?.checks ?? firstChecks).push(step);
        continue;
      }
      const sent = events.slice(before);
      const inClear = typedInClear(step, context, onPhone ? script.phone.screen() : script.screen());
      const actions: DemoAction[] = [];
      let selectedLabel: string | undefined;
      const replay = (action: DemoAction) => {
        actions.push(action);
        if (action.kind === 'key' || action.kind === 'system') shown.session.send(action.event);
        else if (action.kind === 'phoneKey') shown.session.phone.send(action.event);
        else if (action.kind === 'powerCut') shown.powerCut();
        else if (action.kind === 'paper') shown.setPaper(action.paper);
        else shown.advance(action.ms);
      };
      if (step.kind === 'wait') replay({ kind: 'wait', ms: step.ms });
      else if (step.kind === 'power' && step.mode === 'cut') replay({ kind: 'powerCut' });
      else if (step.kind === 'paper') replay({ kind: 'paper', paper: step.state === 'in' });
      for (const { toPhone, event } of sent) {
        if (toPhone && isKeyEvent(event)) {
          const secret =
            event.type === 'DIGIT' &&
            inClear === undefined &&
            (step.kind !== 'phone' || step.action.kind !== 'press' || phoneContext(shown.session.phone).secretEntry);
          if (step.kind === 'phone' && step.action.kind === 'select' && event.type === 'ENTER') {
            selectedLabel = menuItems(shown.session.phone).find((item) => item.selected)?.label;
          }
          replay({ kind: 'phoneKey', event, shown: shownPhoneKey(event, secret, lang) });
          continue;
        }
        if (!isKeyEvent(event)) {
          const power = event.type === 'POWER_CYCLE' ? powerKey(lang, profile) : undefined;
          replay({ kind: 'system', event, ...(power === undefined ? {} : { shown: power }) });
          continue;
        }
        // Typed digits are stars unless the device shows them as typed; pressed digits are stars while the device asks for a secret.
        const secret =
          event.type === 'DIGIT' && inClear === undefined && (step.kind !== 'press' || deviceContext(shown.session).secretEntry);
        if (step.kind === 'select' && event.type === 'ENTER') selectedLabel = menuItems(shown.session).find((item) => item.selected)?.label;
        replay({ kind: 'key', event, shown: shownKey(event, secret, lang, profile.device.keyLabels) });
      }
      // Power steps leave the device booted, as the runner does.
      if (step.kind === 'power') replay({ kind: 'wait', ms: BOOT_MS });
      if (activeStates(shown) !== activeStates(script)) {
        const mismatch = toolText('demoPlan.replayDiffers', { script: activeStates(script), replay: activeStates(shown) });
        throw new DemoError(`${describeFailure(step, mismatch)}\n${toolText('demoPlan.bug')}`);
      }
      const keys = sent.map(({ event }) => event).filter(isKeyEvent);
      // What the script wrote is shown on a terminal and recorded: its control characters are written out.
      const calledAs = callName(calls, lang);
      steps.push({
        number: steps.length + 1,
        step,
        caption: visibleControls(
          stepCaption(
            step,
            keys,
            { ...context, ...(selectedLabel ? { selectedLabel } : {}), ...(inClear === undefined ? {} : { typedInClear: inClear }) },
            lang,
            profile.device.keyLabels,
          ),
        ),
        ...(calledAs ? { calledAs: visibleControls(calledAs) } : {}),
        actions,
        checks: [],
      });
    }
  } finally {
    script.stop();
    shown.stop();
  }
  return { walkthrough: { ...walkthrough, name: visibleControls(walkthrough.name) }, profile, lang, startTime, firstChecks, steps };
};

/**
 * A check without what depends on the language (screen texts, the title, SMS texts): when a demo
 * plays a Chinese script in English, those were checked by the headless run; state and store are
 * checked live.
 */
export const withoutTexts = (step: Step): Step => {
  if (step.kind !== 'expect') return step;
  const isMatcherList = (value: unknown) =>
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'kind' in item && (item.kind === 'text' || item.kind === 'regex'));
  const expectation = Object.fromEntries(
    Object.entries(step.expectation)
      .filter(([key]) => key !== 'title')
      .map(([key, value]) => [key, isMatcherList(value) ? [] : value]),
  ) as typeof step.expectation;
  // The phone speaks the demo's language too: only its states are checked live.
  const { phone } = step.expectation;
  if (phone) return { ...step, expectation: { ...expectation, phone: { screen: [], not: [], state: phone.state } } };
  return { ...step, expectation };
};

/** The demo's device: the player's keys go to the simulator; checks run as the runner runs them. */
export const simulatorDevice = (sim: Simulator, plan: DemoPlan): DemoDevice => ({
  send: (event) => sim.session.send(event),
  sendPhone: (event) => sim.session.phone.send(event),
  powerCut: () => sim.powerCut(),
  setPaper: (paper) => sim.setPaper(paper),
  advance: (ms) => sim.advance(ms),
  // Played in another language than the script's, screen texts were checked by the headless run.
  check: (step) => runStep(sim, plan.lang === plan.walkthrough.lang ? step : withoutTexts(step), plan.walkthrough, { snapshots: 'ignore' }),
});
