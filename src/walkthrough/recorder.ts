/**
 * Turns what a person does on the interactive device into a walkthrough: keys become `press`
 * steps, digits typed into the password prompt a `type` step, time the device spent on its own
 * (booting, a lockout) a `wait`, and every change of the screen title an `expect`. A password
 * that is not a factory one is written as `$POS_SIM_PASSWORD`, never in clear text.
 */
import type { DeviceEvent } from '../../menus/device-events.js';
import type { DeviceSession } from '../device/device-session.js';
import { BOOT_MS } from '../device/simulator.js';
import { toolText } from '../i18n/tool-lang.js';
import { FUNCTION_KEY_INFO } from '../keys/device-keys.js';
import { isFactoryPassword } from '../profile/factory-passwords.js';
import { verifyPassword } from '../store/password-hash.js';
import { schemaComment } from './schema-comment.js';
import { NEW_PASSWORD_ENV, PASSWORD_ENV, SMS_CODE_VARIABLE } from './walkthrough.js';

/** Waits are rounded up to this, so that a replay on the simulated clock is never short. */
const WAIT_STEP_MS = 100;
/** How late a real timer may fire at the end of a boot before the lateness counts as a wait. */
const TIMER_SLACK_MS = 50;

export type RecorderOptions = {
  readonly session: DeviceSession;
  /** The fixture line of the walkthrough: the profile name or path as given. */
  readonly fixture: string;
  readonly name: string;
  /** The folder the walkthrough is written to (for the schema reference). */
  readonly dir: string;
  /** Wall clock, ms. */
  readonly now: () => number;
  /** Hears the whole walkthrough text after every step, to keep the file current. */
  readonly onChange: (text: string) => void;
};

const keyLabel = (event: DeviceEvent): string | undefined => {
  if (event.type === 'DIGIT') return event.digit;
  return FUNCTION_KEY_INFO.find((info) => info.key === event.type)?.zh;
};

export class WalkthroughRecorder {
  private readonly steps: string[] = [];
  private presses: string[] = [];
  private typed = '';
  private sending = false;
  /** When the last key took effect; the device's own changes after it are waited for. */
  private lastInputAt: number;
  /** The runner waits out a boot by itself; the boot's own changes end about here. */
  private bootEndsAt: number;
  private lastOwnChangeAt = 0;
  private title: string;
  private usedPassword = false;
  private usedNewPassword = false;
  /** The digits being typed go into 修改密码's new-password entry. */
  private typedIntoNewPassword = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: RecorderOptions) {
    // The runner boots every walkthrough's device before its first step.
    this.lastInputAt = options.now() + BOOT_MS;
    this.bootEndsAt = this.lastInputAt;
    this.title = options.session.screen().title;
    this.unsubscribe = options.session.subscribe(() => {
      if (!this.sending) this.lastOwnChangeAt = options.now();
    });
  }

  /** Sends `event` to the device and records it. */
  readonly send = (event: DeviceEvent): void => {
    const { session } = this.options;
    this.catchUp();
    const active = session.activeStates();
    const inNewPassword = active.includes('changePassword.newPassword') || active.includes('changePassword.repeating');
    // A texted code is typed like a password; the recording types it as $SMS_CODE (see flushTyped).
    const inPrompt = inNewPassword || active.includes('passwordPrompt.entering') || active.includes('smsVerification.entering');
    if (inPrompt && event.type === 'DIGIT') {
      this.flushPresses();
      if (this.typed === '') this.typedIntoNewPassword = inNewPassword;
      this.typed += event.digit;
    } else if (inPrompt && event.type === 'CLEAR' && this.typed !== '') {
      this.typed = this.typed.slice(0, -1);
    } else if (event.type === 'POWER_CYCLE') {
      this.flushTyped();
      this.flushPresses();
      this.steps.push('power: cycle');
    } else if (event.type === 'NETWORK_DOWN' || event.type === 'NETWORK_UP') {
      this.flushTyped();
      this.flushPresses();
      this.steps.push(`network: ${event.type === 'NETWORK_DOWN' ? 'down' : 'up'}`);
    } else {
      this.flushTyped();
      const label = keyLabel(event);
      if (label) this.presses.push(label);
    }
    this.sending = true;
    try {
      session.send(event);
    } finally {
      this.sending = false;
    }
    this.lastInputAt = this.options.now() + (event.type === 'POWER_CYCLE' ? BOOT_MS : 0);
    if (event.type === 'POWER_CYCLE') {
      // A replay is past the boot when the next step runs: expect what the boot ends on, not its screens.
      this.bootEndsAt = this.lastInputAt;
      this.title = this.options.session.screen().title;
    }
    this.expectTitleIfChanged();
    this.options.onChange(this.text());
  };

  /** The power fails (a trainer control): recorded as `power: cut`. */
  readonly powerCut = (): void => {
    this.catchUp();
    this.flushTyped();
    this.flushPresses();
    this.steps.push('power: cut');
    this.sending = true;
    try {
      this.options.session.powerCut();
    } finally {
      this.sending = false;
    }
    this.lastInputAt = this.options.now() + BOOT_MS;
    this.bootEndsAt = this.lastInputAt;
    this.title = this.options.session.screen().title;
    this.options.onChange(this.text());
  };

  /** Whether the recording types the password from the environment. */
  get typesPassword(): boolean {
    return this.usedPassword;
  }

  /** Whether the recording types a new password (修改密码) from the environment. */
  get typesNewPassword(): boolean {
    return this.usedNewPassword;
  }

  stop(): void {
    this.catchUp();
    this.flushTyped();
    this.flushPresses();
    this.options.onChange(this.text());
    this.unsubscribe();
  }

  /** The walkthrough so far. */
  text(): string {
    const pending = [...this.steps];
    // Digits still being typed are left out until 确认: they may be a password.
    if (this.presses.length > 0) pending.push(pressStep(this.presses));
    return [
      schemaComment(this.options.dir),
      [
        toolText('record.header'),
        ...(this.usedPassword ? [toolText('record.typesPassword', { env: PASSWORD_ENV })] : []),
        ...(this.usedNewPassword ? [toolText('record.typesNewPassword', { env: NEW_PASSWORD_ENV })] : []),
      ].join(''),
      `name: ${JSON.stringify(this.options.name)}`,
      `fixture: ${JSON.stringify(this.options.fixture)}`,
      ...(this.options.session.lang === 'zh' ? [] : [`lang: ${this.options.session.lang}`]),
      'steps:',
      ...(pending.length > 0 ? pending.map((step) => `  - ${step}`) : ['  []']),
      '',
    ].join('\n');
  }

  /** Time the device spent changing on its own since the last key becomes a wait. */
  private catchUp(): void {
    if (this.lastOwnChangeAt <= Math.max(this.lastInputAt, this.bootEndsAt + TIMER_SLACK_MS)) {
      this.expectTitleIfChanged();
      return;
    }
    const ms = Math.ceil((this.lastOwnChangeAt - this.lastInputAt) / WAIT_STEP_MS) * WAIT_STEP_MS;
    this.flushTyped();
    this.flushPresses();
    this.steps.push(`wait: ${ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`}`);
    this.lastInputAt = this.lastOwnChangeAt;
    this.expectTitleIfChanged();
  }

  private expectTitleIfChanged(): void {
    const title = this.options.session.screen().title;
    if (title === this.title) return;
    this.title = title;
    if (title === '') return;
    this.flushTyped();
    this.flushPresses();
    this.steps.push(`expect: { title: ${JSON.stringify(title)} }`);
  }

  private flushPresses(): void {
    if (this.presses.length > 0) this.steps.push(pressStep(this.presses));
    this.presses = [];
  }

  /**
   * Digits typed into the prompt: a password of the profile that is not a factory one goes in as a
   * variable, and so does a new password (typed into 修改密码, or typed later to log in with it).
   */
  private flushTyped(): void {
    if (this.typed === '') return;
    const isNew = this.typedIntoNewPassword || this.isChangedPassword(this.typed);
    if (isNew && !isFactoryPassword(this.typed)) {
      this.usedNewPassword = true;
      this.steps.push(`type: $${NEW_PASSWORD_ENV}`);
    } else if (this.isPassword(this.typed) && !isFactoryPassword(this.typed)) {
      this.usedPassword = true;
      this.steps.push(`type: $${PASSWORD_ENV}`);
    } else if (this.typed === this.options.session.sms()?.code) {
      // The code changes from run to run: a replay types the one its own phone received.
      this.steps.push(`type: $${SMS_CODE_VARIABLE}`);
    } else {
      this.steps.push(`type: ${JSON.stringify(this.typed)}`);
    }
    this.typed = '';
  }

  /** Whether `digits` is a password an operator changed to on this device (修改密码). */
  private isChangedPassword(digits: string): boolean {
    const { store, profile } = this.options.session;
    const stored = store.snapshot().operators;
    return profile.operators.some((operator) => {
      const hash = stored[operator.id]?.passwordHash;
      // Not the profile's password: a store makes a new hash of that one too, at its first right entry.
      return hash !== undefined && verifyPassword(digits, hash) && !verifyPassword(digits, operator.passwordHash);
    });
  }

  private isPassword(digits: string): boolean {
    const { operators } = this.options.session.profile;
    return operators.some((operator) => verifyPassword(digits, operator.passwordHash));
  }
}

const pressStep = (keys: readonly string[]): string =>
  keys.length === 1 ? `press: ${keys[0]}` : `press: [${keys.join(', ')}]`;
