/**
 * A parsed walkthrough: a named script of device steps and expectations, each knowing the file and
 * line it is written at. A `run` step holds the steps of the piece it calls (another file, or an
 * inline block), already read with its parameters; a step with `when` plays only where it holds.
 */
import type { Lang } from '../i18n/messages.js';
import type { SourcePosition } from '../yaml-source.js';
import type { Condition } from './conditions.js';
import type { StoreCheck } from './store-values.js';
import type { TextMatcher } from './text-match.js';

export type { SourcePosition, StoreCheck, TextMatcher };

export type Expectation = {
  readonly screen: readonly TextMatcher[];
  readonly title?: TextMatcher;
  readonly not: readonly TextMatcher[];
  /** Active states that must hold, e.g. bindingManagement.detail or home. */
  readonly state: readonly string[];
  /** Store paths (bindings[*].id, passwordFree.active.enabled) and what they must hold. */
  readonly store: readonly StoreCheck[];
  /** Text the last SMS on the merchant's phone must contain (短信验证码). */
  readonly sms: readonly TextMatcher[];
  /** Text the last printout (签购单 or 结算单) must contain. */
  readonly receipt: readonly TextMatcher[];
  /** The golden screen snapshot the screen must match (beside the walkthrough, see golden-files). */
  readonly snapshot?: string;
  /** What the phone beside the terminal must show: its screen, title, texts not shown, its states. */
  readonly phone?: PhoneExpectation;
};

/** `expect: { phone: … }`: the phone's screen as a person reads it, its title, and its active states (walletApp.menu …). */
export type PhoneExpectation = {
  readonly screen: readonly TextMatcher[];
  readonly title?: TextMatcher;
  readonly not: readonly TextMatcher[];
  readonly state: readonly string[];
};

/** Something done on the phone: keys pressed, digits typed (a wallet's password, a texted code), an item picked by its label. */
export type PhoneAction =
  | { readonly kind: 'press'; readonly keys: readonly string[] }
  | { readonly kind: 'type'; readonly digits: string }
  | { readonly kind: 'typeSmsCode'; readonly index?: number }
  | { readonly kind: 'select'; readonly label: string };

export type StepAction =
  | { readonly kind: 'press'; readonly keys: readonly string[] }
  | { readonly kind: 'type'; readonly digits: string }
  /**
   * `type: $SMS_CODE` types the code of the last SMS the phone received, `$SMS_CODE_2` the second
   * it received (`index` 2): read when the step runs.
   */
  | { readonly kind: 'typeSmsCode'; readonly index?: number }
  | { readonly kind: 'select'; readonly label: string }
  | { readonly kind: 'expect'; readonly expectation: Expectation }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'network'; readonly state: 'down' | 'up' }
  | { readonly kind: 'power'; readonly mode: 'cycle' | 'cut' }
  /** The printer's paper is taken out (打印机缺纸) or loaded again. */
  | { readonly kind: 'paper'; readonly state: 'out' | 'in' }
  | { readonly kind: 'snapshot'; readonly name: string }
  /** A step taken on the phone beside the terminal (`phone: { press | type | select: … }`). */
  | { readonly kind: 'phone'; readonly action: PhoneAction }
  /** `run:` — the steps of a piece (another walkthrough file, or a list written inline), played in turn. */
  | { readonly kind: 'run'; readonly call: Call; readonly steps: readonly Step[] };

/** What a `run:` step calls. */
export type Call = {
  /** The piece's file as shown (relative to where pos-sim runs); absent for steps written inline. */
  readonly file?: string;
  /** The piece's name per language (its `name:`), for demos. */
  readonly name?: Caption;
  /** The piece's own `when:`, asked of the device when it is called. */
  readonly when?: Condition;
};

/** A parameter's value that came from outside the files (--env, the environment): never written out. */
export type Secret = { readonly name: string; readonly value: string };

/** A step's caption for demos, per language (`caption:` in the script). */
export type Caption = Partial<Record<Lang, string>>;

export type Step = StepAction & {
  /** The file the step is written in, as shown (a piece's steps are in the piece's file). */
  readonly file: string;
  readonly at: SourcePosition;
  /** The step as written, for reports. */
  readonly source: string;
  /** What a demo shows while the step plays; generated from the step when absent. */
  readonly caption?: Caption;
  /** Plays only when this holds on the device as it is when the step comes (`when:` on the step). */
  readonly when?: Condition;
  /** Values from outside the files that this step was written with, kept out of its messages. */
  readonly secrets?: readonly Secret[];
};

export type Walkthrough = {
  readonly file: string;
  readonly name: string;
  /** Profile name, or a path resolved against the walkthrough's folder. */
  readonly fixture: string;
  readonly lang: Lang;
  /** Where the device is when the steps start: signed in for the day, or just powered on (签到 first). */
  readonly start: WalkthroughStart;
  /** The devices it applies to (`when:`); elsewhere it is skipped. */
  readonly when?: Condition;
  /** The `when:` condition as written, for reports. */
  readonly whenText?: string;
  /** `tags:`, for `pos-sim run --include-tags` / `--exclude-tags`. */
  readonly tags: readonly string[];
  /** Played first: the suite's `before:` (pos-sim.suite.yaml), then the walkthrough's own. */
  readonly before: readonly Step[];
  readonly steps: readonly Step[];
  /** Played last, whatever happened before: the walkthrough's own `after:`, then the suite's. */
  readonly after: readonly Step[];
};

/** The suite file: the nearest one in a walkthrough's folder or above it applies to the walkthrough. */
export const SUITE_FILE = 'pos-sim.suite.yaml';

export const WALKTHROUGH_STARTS = ['signed-in', 'power-on'] as const;
export type WalkthroughStart = (typeof WALKTHROUGH_STARTS)[number];

/** `type: $SMS_CODE` types the code in the last SMS, like an operator reading it off the phone. */
export const SMS_CODE_VARIABLE = 'SMS_CODE';

/** The environment variable scripts type the settings password from (`type: $POS_SIM_PASSWORD`). */
export const PASSWORD_ENV = 'POS_SIM_PASSWORD';

/** The environment variable recordings type a new password from (修改密码), so it is never written down. */
export const NEW_PASSWORD_ENV = 'POS_SIM_NEW_PASSWORD';

/** The environment variable recordings type a mistyped password from: it is often one digit off the real one. */
export const WRONG_PASSWORD_ENV = 'POS_SIM_WRONG_PASSWORD';

/** The environment variable recordings type the test card's PIN from, when it is not the factory one. */
export const CARD_PIN_ENV = 'POS_SIM_CARD_PIN';

/** The environment variable recordings type a mistyped card PIN from. */
export const WRONG_CARD_PIN_ENV = 'POS_SIM_WRONG_CARD_PIN';
