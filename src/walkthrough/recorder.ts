/**
 * Turns what a person does on the interactive device into a walkthrough: keys become `press`
 * steps, digits typed into a password, code or card-PIN prompt a `type` step, time the device spent
 * on its own (booting, a lockout) a `wait`, and every change of the screen title an `expect`. The
 * known opening — 菜单, the factory supervisor password, 确认, into 设置 — is written as a call of the
 * shipped piece that does it (`run: pos-sim:_lib/login.yaml`), so a change of the login is one file.
 * Digits typed at a password or PIN prompt are written only when they are a factory password or the
 * factory card PIN; any other (the real one, a new one, a mistyped one) is typed from an environment
 * variable such as `$POS_SIM_PASSWORD`, never written in clear text. Keys pressed while the phone
 * has the keypad become `phone:` steps the same way (a wallet's payment password typed on it as the
 * factory one or from `$POS_SIM_WALLET_PASSWORD`), and a new title on the phone an `expect: { phone: … }`.
 */
import type { DeviceEvent, KeyEvent } from '../../menus/device-events.js';
import { WALLET_PASSWORD_LENGTH } from '../../menus/phone/phone-domain.js';
import type { DeviceSession } from '../device/device-session.js';
import { BOOT_MS } from '../device/simulator.js';
import type { MessageKey } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { FUNCTION_KEY_INFO } from '../keys/device-keys.js';
import { FACTORY_WALLET_PASSWORD } from '../phone/phone-profile.js';
import { FACTORY_CARD_PIN, isFactoryPassword } from '../profile/factory-passwords.js';
import { shellWord } from '../shell-word.js';
import { verifyPassword } from '../store/password-hash.js';
import { SHIPPED_PREFIX } from './library.js';
import { schemaComment } from './schema-comment.js';
import { CARD_PIN_ENV, NEW_PASSWORD_ENV, PASSWORD_ENV, SMS_CODE_VARIABLE, WRONG_CARD_PIN_ENV, WRONG_PASSWORD_ENV } from './walkthrough.js';

/** The shipped piece that opens the settings as the supervisor, with the factory password by default. */
export const LOGIN_PIECE = `${SHIPPED_PREFIX}_lib/login.yaml`;
/** The password the login piece types unless told otherwise. */
const LOGIN_PIECE_PASSWORD = '"123456"';
/** What a recording types a wallet's payment password from, when it is not the factory one; and a wrong one. */
export const WALLET_PASSWORD_ENV = 'POS_SIM_WALLET_PASSWORD';
export const WRONG_WALLET_PASSWORD_ENV = 'POS_SIM_WRONG_WALLET_PASSWORD';

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

/**
 * The environment variables a recording types secrets from: what the file's header says of each,
 * and what the replay command tells the user to set it to.
 */
export const SECRET_VARIABLES = {
  [PASSWORD_ENV]: { says: 'record.typesPassword', placeholder: 'record.password' },
  [NEW_PASSWORD_ENV]: { says: 'record.typesNewPassword', placeholder: 'record.newPassword' },
  [WRONG_PASSWORD_ENV]: { says: 'record.typesWrongPassword', placeholder: 'record.wrongPassword' },
  [CARD_PIN_ENV]: { says: 'record.typesCardPin', placeholder: 'record.cardPin' },
  [WRONG_CARD_PIN_ENV]: { says: 'record.typesWrongCardPin', placeholder: 'record.wrongCardPin' },
  [WALLET_PASSWORD_ENV]: { says: 'record.typesWalletPassword', placeholder: 'record.walletPassword' },
  [WRONG_WALLET_PASSWORD_ENV]: { says: 'record.typesWrongWalletPassword', placeholder: 'record.wrongWalletPassword' },
} as const satisfies Record<string, { says: MessageKey; placeholder: MessageKey }>;

export type SecretVariable = keyof typeof SECRET_VARIABLES;

/** The command that replays a recording, with what to set each variable it types from to (a path a shell would split is quoted). */
export const replayCommand = (file: string, variables: readonly SecretVariable[]): string =>
  [...variables.map((env) => `${env}=${toolText(SECRET_VARIABLES[env].placeholder)}`), 'pos-sim', 'run', shellWord(file)].join(' ');

/** The phone's entries that take typed digits: a wallet's payment password, a code a wallet texted. */
type PhoneEntry = 'walletPassword' | 'walletCode';

const phoneEntryOf = (active: readonly string[]): PhoneEntry | undefined => {
  if (active.includes('walletCards.byCode.entering')) return 'walletCode';
  if (active.includes('walletPassword.entering') || active.includes('payerConfirm.entering')) return 'walletPassword';
  return undefined;
};

/** The prompts that take typed digits: operator password, 修改密码's new password, texted code, card PIN. */
type Entry = 'password' | 'newPassword' | 'code' | 'pin';

const entryOf = (active: readonly string[]): Entry | undefined => {
  if (active.includes('changePassword.newPassword') || active.includes('changePassword.repeating')) return 'newPassword';
  if (active.includes('passwordPrompt.entering')) return 'password';
  if (active.includes('smsVerification.entering')) return 'code';
  if (active.includes('sale.pin')) return 'pin';
  return undefined;
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
  /** The prompt the digits being typed go into. */
  private typedInto: Entry = 'password';
  /** The same, for the keys pressed on the phone. */
  private phonePresses: string[] = [];
  private phoneTyped = '';
  private phoneTypedInto: PhoneEntry = 'walletPassword';
  private phoneTitle: string;
  private readonly used: SecretVariable[] = [];
  private readonly unsubscribe: () => void;

  constructor(private readonly options: RecorderOptions) {
    // The runner boots every walkthrough's device before its first step.
    this.lastInputAt = options.now() + BOOT_MS;
    this.bootEndsAt = this.lastInputAt;
    this.title = options.session.screen().title;
    this.phoneTitle = options.session.phone.screen().title;
    this.unsubscribe = options.session.subscribe(() => {
      if (!this.sending) this.lastOwnChangeAt = options.now();
    });
  }

  /** Sends `event` to the device and records it. */
  readonly send = (event: DeviceEvent): void => {
    const { session } = this.options;
    this.catchUp();
    this.flushPhone();
    const entry = entryOf(session.activeStates());
    if (entry && event.type === 'DIGIT') {
      this.flushPresses();
      if (this.typed === '') this.typedInto = entry;
      this.typed += event.digit;
    } else if (entry && event.type === 'CLEAR' && this.typed !== '') {
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
    this.callLoginPiece();
    this.options.onChange(this.text());
  };

  /** Sends `event` to the phone (the keypad is on it) and records it as a `phone:` step. */
  readonly sendPhone = (event: KeyEvent): void => {
    const { phone } = this.options.session;
    this.catchUp();
    this.flushTyped();
    this.flushPresses();
    const entry = phoneEntryOf(phone.activeStates());
    if (entry && event.type === 'DIGIT') {
      this.flushPhonePresses();
      if (this.phoneTyped === '') this.phoneTypedInto = entry;
      this.phoneTyped += event.digit;
    } else if (entry && event.type === 'CLEAR' && this.phoneTyped !== '') {
      this.phoneTyped = this.phoneTyped.slice(0, -1);
    } else {
      this.flushPhoneTyped();
      const label = keyLabel(event);
      if (label) this.phonePresses.push(label);
    }
    this.sending = true;
    try {
      phone.send(event);
    } finally {
      this.sending = false;
    }
    this.lastInputAt = this.options.now();
    // A payment password is sent at its sixth digit (right or wrong, the boxes empty): the digits are a step.
    const sent = this.phoneTypedInto === 'walletPassword' && this.phoneTyped.length === WALLET_PASSWORD_LENGTH;
    if (sent || phoneEntryOf(phone.activeStates()) === undefined) this.flushPhoneTyped();
    this.expectTitleIfChanged();
    this.options.onChange(this.text());
  };

  /** The printer's paper is taken out or put back (a trainer control): recorded as `paper: out` / `paper: in`. */
  readonly setPaper = (paper: boolean): void => {
    this.catchUp();
    this.flushTyped();
    this.flushPresses();
    this.steps.push(`paper: ${paper ? 'in' : 'out'}`);
    this.options.session.store.printer.setPaper(paper);
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

  /** The environment variables the recording types secrets from, in the order first used. */
  get variables(): readonly SecretVariable[] {
    return this.used;
  }

  stop(): void {
    this.catchUp();
    this.flushTyped();
    this.flushPresses();
    this.flushPhone();
    this.options.onChange(this.text());
    this.unsubscribe();
  }

  /** The walkthrough so far. */
  text(): string {
    const pending = [...this.steps];
    // Digits still being typed are left out until 确认: they may be a password.
    if (this.presses.length > 0) pending.push(pressStep(this.presses));
    if (this.phonePresses.length > 0) pending.push(phonePressStep(this.phonePresses));
    return [
      schemaComment(this.options.dir),
      [toolText('record.header'), ...this.used.map((env) => toolText(SECRET_VARIABLES[env].says, { env }))].join(''),
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
    this.flushPhone();
    this.steps.push(`wait: ${ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`}`);
    this.lastInputAt = this.lastOwnChangeAt;
    this.expectTitleIfChanged();
  }

  private expectTitleIfChanged(): void {
    const title = this.options.session.screen().title;
    if (title !== this.title) {
      this.title = title;
      if (title !== '') {
        this.flushTyped();
        this.flushPresses();
        this.flushPhone();
        this.steps.push(`expect: { title: ${JSON.stringify(title)} }`);
      }
    }
    const phoneTitle = this.options.session.phone.screen().title;
    if (phoneTitle === this.phoneTitle) return;
    this.phoneTitle = phoneTitle;
    if (phoneTitle === '') return;
    this.flushTyped();
    this.flushPresses();
    this.flushPhone();
    this.steps.push(`expect: { phone: { title: ${JSON.stringify(phoneTitle)} } }`);
  }

  /** The phone's keys and digits not yet written, as steps. */
  private flushPhone(): void {
    this.flushPhoneTyped();
    this.flushPhonePresses();
  }

  private flushPhonePresses(): void {
    if (this.phonePresses.length > 0) this.steps.push(phonePressStep(this.phonePresses));
    this.phonePresses = [];
  }

  private flushPhoneTyped(): void {
    if (this.phoneTyped === '') return;
    this.steps.push(`phone: { type: ${this.writtenOnPhone(this.phoneTyped, this.phoneTypedInto)} }`);
    this.phoneTyped = '';
  }

  /**
   * How digits typed on the phone are written: a code a wallet texted as `$SMS_CODE` (a replay gets
   * its own), a wallet's factory payment password as it is, any other as the variable to type it from.
   */
  private writtenOnPhone(digits: string, entry: PhoneEntry): string {
    const { session } = this.options;
    if (entry === 'walletCode') return digits === session.sms()?.code ? `$${SMS_CODE_VARIABLE}` : JSON.stringify(digits);
    if (digits === FACTORY_WALLET_PASSWORD) return JSON.stringify(digits);
    const right = session.profile.phone.wallets.some((wallet) => verifyPassword(digits, wallet.paymentPasswordHash));
    return this.variable(right ? WALLET_PASSWORD_ENV : WRONG_WALLET_PASSWORD_ENV);
  }

  /**
   * The settings just opened by the known opening (菜单, its password prompt, the factory password,
   * 确认): its steps become the call of the login piece, which does the same.
   */
  private callLoginPiece(): void {
    if (!this.options.session.activeStates().includes('settings.menu')) return;
    const { steps } = this;
    let at = steps.length - 1;
    const take = (test: (step: string) => boolean): boolean => {
      if (at < 0 || !test(steps[at] as string)) return false;
      at -= 1;
      return true;
    };
    const isTitle = (step: string) => step.startsWith('expect: { title:');
    if (!take(isTitle) || !take((step) => step === 'press: 确认') || !take((step) => step === `type: ${LOGIN_PIECE_PASSWORD}`)) return;
    // The password prompt's title, written when it came.
    take(isTitle);
    if (!take((step) => step === 'press: 菜单' || step.endsWith(', 菜单]'))) return;
    at += 1;
    const menu = steps[at] as string;
    // Keys pressed just before 菜单, in the same press step, stay.
    const kept = menu === 'press: 菜单' ? [] : [menu.replace(/, 菜单\]$/, ']').replace(/^press: \[([^,]+)\]$/, 'press: $1')];
    steps.splice(at, steps.length - at, ...kept, `run: ${LOGIN_PIECE}`);
  }

  private flushPresses(): void {
    if (this.presses.length > 0) this.steps.push(pressStep(this.presses));
    this.presses = [];
  }

  private flushTyped(): void {
    if (this.typed === '') return;
    this.steps.push(`type: ${this.written(this.typed, this.typedInto)}`);
    this.typed = '';
  }

  /**
   * How digits typed at a prompt are written: as they are only when they are no secret (a factory
   * password or card PIN, a wrong texted code); otherwise the variable to type them from.
   */
  private written(digits: string, entry: Entry): string {
    const { session } = this.options;
    // The code changes from run to run: a replay types the one its own phone received.
    if (entry === 'code' && digits === session.sms()?.code) return `$${SMS_CODE_VARIABLE}`;
    if (entry === 'pin') {
      if (digits === FACTORY_CARD_PIN) return JSON.stringify(digits);
      return this.variable(verifyPassword(digits, session.profile.sale.cardPinHash) ? CARD_PIN_ENV : WRONG_CARD_PIN_ENV);
    }
    if (isFactoryPassword(digits)) return JSON.stringify(digits);
    // A new password: typed into 修改密码, or typed later to log in with it.
    if (entry === 'newPassword' || this.isChangedPassword(digits)) return this.variable(NEW_PASSWORD_ENV);
    if (this.isPassword(digits)) return this.variable(PASSWORD_ENV);
    // A wrong texted code is no secret; a mistyped password often is one digit off the real one.
    return entry === 'code' ? JSON.stringify(digits) : this.variable(WRONG_PASSWORD_ENV);
  }

  private variable(env: SecretVariable): string {
    if (!this.used.includes(env)) this.used.push(env);
    return `$${env}`;
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

const pressStep = (keys: readonly string[]): string => (keys.length === 1 ? `press: ${keys[0]}` : `press: [${keys.join(', ')}]`);

const phonePressStep = (keys: readonly string[]): string => `phone: { ${pressStep(keys)} }`;
