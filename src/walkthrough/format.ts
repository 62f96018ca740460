/**
 * The walkthrough file format, defined once: the fields of a walkthrough, the table of steps and
 * the table of expectations, each with its zod schema. The parser validates with these schemas and
 * `npm run generate` writes fixtures/walkthrough.schema.json from them, so the two cannot disagree.
 * A new step or expectation is one entry in its table (plus the runner's case for a step).
 */
import { z } from 'zod';
import { LANGS } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { onlyIfValid, says } from '../json-source.js';
import { FUNCTION_KEY_INFO, PHONE_FUNCTION_KEYS, phoneKeyNames } from '../keys/device-keys.js';
import { DEFAULT_PROFILE } from '../profile/load-profile.js';
import { conditionSchema } from './conditions.js';
import { storeChecksSchema } from './store-values.js';
import { parseTextMatcher, type TextMatcher } from './text-match.js';
import { SMS_CODE_VARIABLE, WALKTHROUGH_STARTS, type Expectation, type PhoneAction, type PhoneExpectation, type StepAction } from './walkthrough.js';

/** The longest `wait:` one step takes: a month of device time (the device clock ends long after). */
export const MAX_WAIT_MS = 30 * 24 * 60 * 60 * 1000;

/** A snapshot's name: it names a file. */
const SNAPSHOT_NAME = /^[\w-][\w.-]*$/;

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/** Every spelling of a device key a script may use: 0-9, and each key by its Chinese name or its English one (ENTER, enter, Enter). */
export const KEY_SPELLINGS: readonly string[] = [
  ...'0123456789',
  ...new Set(
    FUNCTION_KEY_INFO.flatMap((info) => [info.zh, info.en, info.en.toLowerCase(), info.en.charAt(0) + info.en.slice(1).toLowerCase()]),
  ),
];

const keyNames = () => ['0-9', ...FUNCTION_KEY_INFO.map((info) => (info.zh === info.en ? info.en : `${info.zh}/${info.en}`))].join(', ');
const noSuchKey = { error: (issue: { readonly input?: unknown }) => toolText('walkthrough.noSuchKey', { key: String(issue.input ?? ''), keys: keyNames() }) };

const key = z
  .union([z.enum(KEY_SPELLINGS as [string, ...string[]]), z.number().int(noSuchKey).min(0, noSuchKey).max(9, noSuchKey)], noSuchKey)
  .transform(String)
  .meta({ description: 'a device key: 0-9, or a key by its Chinese or English name' });

/** A text a script writes; YAML reads 12 or 1.5 as numbers, which are texts here. */
const text = (what: string) =>
  z.union([z.string(), z.number()], says('walkthrough.matcherNeedsText', { what })).transform((value) => String(value));

/** A text or /regex/ to find. */
const matcher = (what: string, meta: { readonly description: string }) =>
  text(what)
    .transform((value, context): TextMatcher => {
      const parsed = parseTextMatcher(value);
      if ('invalid' in parsed) {
        context.addIssue({ code: 'custom', message: toolText('walkthrough.badRegex', { pattern: value, reason: parsed.invalid }) });
        return z.NEVER;
      }
      return parsed;
    })
    .meta(meta);

/** One text or /regex/, or a list of them. */
const matchers = (what: string, meta: { readonly description: string }) =>
  z
    .union([matcher(what, meta), z.array(matcher(what, meta)).min(1, says('walkthrough.listNeedsText', { what }))], says('walkthrough.matcherNeedsText', { what }))
    .transform((value) => (Array.isArray(value) ? value : [value]));

const names = (what: string, meta: { readonly description: string }) =>
  z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1, says('walkthrough.listNeedsText', { what }))], says('walkthrough.stateNeedsName'))
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .meta(meta);

/** Every spelling of a key the phone has: 0-9, 确认, 取消, 清除, 上, 下 (Chinese or English). */
const PHONE_KEY_SPELLINGS: readonly string[] = [
  ...'0123456789',
  ...new Set(
    FUNCTION_KEY_INFO.filter((info) => PHONE_FUNCTION_KEYS.includes(info.key)).flatMap((info) => [info.zh, info.en, info.en.toLowerCase(), info.en.charAt(0) + info.en.slice(1).toLowerCase()]),
  ),
];
const noSuchPhoneKey = { error: (issue: { readonly input?: unknown }) => toolText('phoneWalkthrough.noSuchKey', { key: String(issue.input ?? ''), keys: phoneKeyNames().join(', ') }) };
const phoneKey = z
  .union([z.enum(PHONE_KEY_SPELLINGS as [string, ...string[]]), z.number().int(noSuchPhoneKey).min(0, noSuchPhoneKey).max(9, noSuchPhoneKey)], noSuchPhoneKey)
  .transform(String)
  .meta({ description: 'a key of the phone: 0-9, 确认, 取消, 清除, 上 or 下 (Chinese or English name)' });

const PHONE_EXPECT_KEYS = ['screen', 'title', 'not', 'state'] as const;

/** `expect: { phone: … }`: a text (or a list) on the phone's screen, or a map of screen, title, not and state. */
const phoneExpectation = z
  .union(
    [
      matchers('expect.phone', { description: 'text (or /regex/) on the phone’s screen' }).transform((screen): PhoneExpectation => ({ screen, not: [], state: [] })),
      z
        .strictObject(
          {
            screen: matchers('expect.phone.screen', { description: 'text (or /regex/) that must be on the phone’s screen' }).optional(),
            title: matcher('expect.phone.title', { description: 'text (or /regex/) the phone’s title must contain' }).optional(),
            not: matchers('expect.phone.not', { description: 'text (or /regex/) that must not be on the phone’s screen' }).optional(),
            state: names('expect.phone.state', { description: 'the phone’s active states, e.g. walletApp.menu, walletPassword.entering, phone.home' }).optional(),
          },
          { error: (issue) => (issue.code === 'unrecognized_keys' ? toolText('phoneWalkthrough.expect', { keys: PHONE_EXPECT_KEYS.join(', ') }) : undefined) },
        )
        .transform((checks): PhoneExpectation => ({ screen: checks.screen ?? [], not: checks.not ?? [], state: checks.state ?? [], ...(checks.title ? { title: checks.title } : {}) })),
    ],
    says('phoneWalkthrough.expect', { keys: PHONE_EXPECT_KEYS.join(', ') }),
  )
  .meta({ description: 'what the phone beside the terminal shows: text on its screen, or { screen, title, not, state }' });

/** What an `expect:` map may check; the keys are the table. */
const EXPECTATIONS = {
  screen: matchers('expect.screen', { description: 'text (or /regex/) that must be on the screen, as a person reads it' }),
  title: z
    .union([z.string(), z.number()], says('walkthrough.titleTakesOne'))
    .transform((value, context): TextMatcher => {
      const parsed = parseTextMatcher(String(value));
      if (!('invalid' in parsed)) return parsed;
      context.addIssue({ code: 'custom', message: toolText('walkthrough.badRegex', { pattern: String(value), reason: parsed.invalid }) });
      return z.NEVER;
    })
    .meta({ description: 'text (or /regex/) the title must contain' }),
  not: matchers('expect.not', { description: 'text (or /regex/) that must not be on the screen' }),
  state: names('expect.state', { description: 'active menu states, e.g. bindingManagement.detail, passwordPrompt.entering, home' }),
  store: storeChecksSchema,
  sms: matchers('expect.sms', { description: 'text (or /regex/) the last SMS on the merchant’s phone must contain, e.g. 您的验证码为' }),
  receipt: matchers('expect.receipt', { description: 'text (or /regex/) the last printout (签购单 or 结算单) must contain, e.g. 持卡人存根' }),
  snapshot: z
    .string(says('walkthrough.badSnapshot'))
    .regex(SNAPSHOT_NAME, says('walkthrough.badSnapshot'))
    .meta({ description: 'the golden screen snapshot of this name (__snapshots__/ beside the walkthrough) the whole screen must match' }),
  phone: phoneExpectation,
} as const;

export const EXPECT_KEYS = Object.keys(EXPECTATIONS) as (keyof typeof EXPECTATIONS)[];

const unknownKeys = (message: (key: string) => string) => ({
  // One line per unknown key: the parser places each at its key.
  error: (issue: { readonly code?: string; readonly keys?: readonly string[] }) => (issue.code === 'unrecognized_keys' ? (issue.keys ?? []).map(message).join('\n') : undefined),
});

const expectation = z
  .strictObject(
    Object.fromEntries(Object.entries(EXPECTATIONS).map(([name, schema]) => [name, schema.optional()])) as {
      [K in keyof typeof EXPECTATIONS]: z.ZodOptional<(typeof EXPECTATIONS)[K]>;
    },
    unknownKeys((name) => toolText('walkthrough.unknownExpectKey', { key: name, keys: EXPECT_KEYS.join(', ') })),
  )
  .refine((checks) => Object.keys(checks).length > 0, { ...says('walkthrough.expectNeedsCheck', { keys: EXPECT_KEYS.join(', ') }), when: onlyIfValid })
  .meta({ minProperties: 1 })
  .transform(
    (checks): Expectation => ({
      screen: checks.screen ?? [],
      not: checks.not ?? [],
      state: checks.state ?? [],
      store: checks.store ?? [],
      sms: checks.sms ?? [],
      receipt: checks.receipt ?? [],
      ...(checks.title ? { title: checks.title } : {}),
      ...(checks.snapshot ? { snapshot: checks.snapshot } : {}),
      ...(checks.phone ? { phone: checks.phone } : {}),
    }),
  );

const screenOnly = (screen: TextMatcher[]): Expectation => ({ screen, not: [], state: [], store: [], sms: [], receipt: [] });

/** What a step of each kind takes, and the action it becomes; the keys are the table of steps. */
const STEPS = {
  press: z
    .union([key, z.array(key).min(1, says('walkthrough.pressNeedsKeys'))], noSuchKey)
    .transform((value): StepAction => ({ kind: 'press', keys: Array.isArray(value) ? value : [value] }))
    .meta({ description: 'press a key, or several in turn' }),
  type: z
    .string(says('walkthrough.typeNeedsQuotes'))
    .regex(/^(\d+|\$[A-Z_][A-Z0-9_]*)$/, says('walkthrough.typeNeedsDigits', { smsCode: SMS_CODE_VARIABLE }))
    .transform((value): StepAction => ({ kind: 'type', digits: value }))
    .meta({ description: `type quoted digits ("123456"), $NAME to type an environment variable, or $${SMS_CODE_VARIABLE} to type the code in the last SMS ($${SMS_CODE_VARIABLE}_1 the first)` }),
  select: z
    .union([z.string().min(1), z.number()], says('walkthrough.selectNeedsLabel'))
    .transform((value): StepAction => ({ kind: 'select', label: String(value) }))
    .meta({ description: 'move to the menu item whose label contains this text and confirm it' }),
  expect: z
    .union([matchers('expect', { description: 'text or /regex/ on the screen' }).transform(screenOnly), expectation], says('walkthrough.matcherNeedsText', { what: 'expect' }))
    .transform((value): StepAction => ({ kind: 'expect', expectation: value }))
    .meta({ description: 'check the screen, title, menu state, store, the last SMS or the last printout' }),
  wait: z
    .string(says('walkthrough.waitNeedsDuration'))
    .regex(DURATION, says('walkthrough.waitNeedsDuration'))
    .transform((value, context): StepAction => {
      const [, amount, unit] = DURATION.exec(value) ?? [];
      const ms = Math.round(Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]);
      if (!(ms <= MAX_WAIT_MS)) {
        context.addIssue({ code: 'custom', message: toolText('walkthrough.waitTooLong', { max: `${MAX_WAIT_MS / 60_000}m` }) });
        return z.NEVER;
      }
      return { kind: 'wait', ms };
    })
    .meta({ description: `let simulated time pass: 500ms, 5s, 5m (at most ${MAX_WAIT_MS / 60_000}m)` }),
  network: z
    .enum(['down', 'up'], says('walkthrough.badNetwork'))
    .transform((state): StepAction => ({ kind: 'network', state }))
    .meta({ description: 'the network fails or comes back' }),
  power: z
    .enum(['cycle', 'cut'], says('walkthrough.badPower'))
    .transform((mode): StepAction => ({ kind: 'power', mode }))
    .meta({ description: 'restart by the power key, or the power fails (only what was saved survives)' }),
  paper: z
    .enum(['out', 'in'], says('walkthrough.badPaper'))
    .transform((state): StepAction => ({ kind: 'paper', state }))
    .meta({ description: 'the printer runs out of paper (打印机缺纸), or paper is loaded again' }),
  snapshot: z
    .string(says('walkthrough.badSnapshot'))
    .regex(SNAPSHOT_NAME, says('walkthrough.badSnapshot'))
    .transform((name): StepAction => ({ kind: 'snapshot', name }))
    .meta({ description: 'compare the whole screen with the golden snapshot of this name (__snapshots__/ beside the walkthrough; --update-snapshots writes it)' }),
  phone: z
    .union(
      [
        z
          .strictObject({ press: z.union([phoneKey, z.array(phoneKey).min(1, says('walkthrough.pressNeedsKeys'))], noSuchPhoneKey) })
          .transform(({ press }): PhoneAction => ({ kind: 'press', keys: Array.isArray(press) ? press : [press] })),
        z
          .strictObject({
            type: z
              .string(says('walkthrough.typeNeedsQuotes'))
              .regex(/^(\d+|\$[A-Z_][A-Z0-9_]*)$/, says('walkthrough.typeNeedsDigits', { smsCode: SMS_CODE_VARIABLE })),
          })
          .transform(({ type }): PhoneAction => ({ kind: 'type', digits: type })),
        z
          .strictObject({ select: z.union([z.string().min(1), z.number()], says('walkthrough.selectNeedsLabel')) })
          .transform(({ select }): PhoneAction => ({ kind: 'select', label: String(select) })),
      ],
      says('phoneWalkthrough.oneAction', { actions: 'press: …, type: …, select: …' }),
    )
    .transform((action): StepAction => ({ kind: 'phone', action }))
    .meta({ description: 'on the phone beside the terminal: press its keys, type digits (a wallet’s payment password, $SMS_CODE), or select an item by its label' }),
} as const;

export type StepKind = keyof typeof STEPS;
export const STEP_KINDS = Object.keys(STEPS) as StepKind[];

const LANG_EXAMPLE = `{ ${LANGS.map((name) => `${name}: …`).join(', ')} }`;

/** Text, or one text per language (`{ zh: …, en: … }`, at least one). */
const textPerLang = (field: string) =>
  z.union(
    [
      z.string().trim().min(1, says(field === 'name' ? 'walkthrough.needsName' : 'walkthrough.badCaption', { example: LANG_EXAMPLE })),
      z
        .strictObject(
          Object.fromEntries(LANGS.map((lang) => [lang, z.string().trim().min(1, says('walkthrough.langTextNeedsText', { field, key: lang })).optional()])) as Record<
            (typeof LANGS)[number],
            z.ZodOptional<z.ZodString>
          >,
          unknownKeys((name) => toolText('walkthrough.unknownTextLang', { field, key: name, langs: LANGS.join(', ') })),
        )
        .refine((texts) => Object.keys(texts).length > 0, { ...says(field === 'name' ? 'walkthrough.needsName' : 'walkthrough.badCaption', { example: LANG_EXAMPLE }), when: onlyIfValid })
        .meta({ minProperties: 1 }),
    ],
    says(field === 'name' ? 'walkthrough.needsName' : 'walkthrough.badCaption', { example: LANG_EXAMPLE }),
  );

const caption = textPerLang('caption')
  .optional()
  .meta({ description: 'what `pos-sim demo` shows while the step plays (generated from the step when absent): text, or {zh, en}' });

const oneStepKey = () => toolText('walkthrough.oneStepKey', { steps: STEP_KINDS.map((name) => `${name}: …`).join(', ') });

/** Each step as a map with its one step key (and a caption). */
const STEP_SCHEMAS = Object.fromEntries(
  STEP_KINDS.map((kind) => [
    kind,
    z.strictObject({ [kind]: STEPS[kind], caption } as Record<string, z.ZodType>, unknownKeys(oneStepKey)).meta({ description: STEPS[kind].description ?? kind }),
  ]),
) as unknown as Record<StepKind, z.ZodType<Record<string, unknown>>>;

/** The fields of a walkthrough. */
const FIELDS = {
  name: textPerLang('name').meta({ description: 'what the walkthrough shows, for reports and demos: text, or {zh, en} (shown in the tool’s language, --lang)' }),
  description: z.string().optional().meta({ description: 'what the walkthrough is for (not shown anywhere)' }),
  fixture: z
    .string(says('walkthrough.needsFixture', { fallback: DEFAULT_PROFILE }))
    .trim()
    .min(1, says('walkthrough.needsFixture', { fallback: DEFAULT_PROFILE }))
    .default(DEFAULT_PROFILE)
    .meta({ description: `device profile: a name (default, offline, unbound) or a path to a .json profile, relative to this file; left out, ${DEFAULT_PROFILE}` }),
  lang: z
    .enum(LANGS, says('walkthrough.badLang', { langs: LANGS.join(', ') }))
    .default('zh')
    .meta({ description: 'the device’s language (default zh)' }),
  start: z
    .enum(WALKTHROUGH_STARTS, says('walkthrough.badStart', { starts: WALKTHROUGH_STARTS.join(', ') }))
    .default('signed-in')
    .meta({ description: 'signed-in (the default): the device is booted and signed in for the day; power-on: it has just booted and asks for 签到' }),
  when: conditionSchema.optional().meta({
    description: 'the devices this walkthrough applies to (profile, network, has, store, not); on others it is reported as skipped',
  }),
  steps: z
    .array(z.union(STEP_KINDS.map((kind) => STEP_SCHEMAS[kind]) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]), says('walkthrough.needsSteps', { steps: STEP_KINDS.join(', ') }))
    .min(1, says('walkthrough.needsSteps', { steps: STEP_KINDS.join(', ') }))
    .meta({ description: 'the steps, in order' }),
};

export const WALKTHROUGH_FIELDS = Object.keys(FIELDS);

const topLevel = (steps: z.ZodType) =>
  z.strictObject(
    { ...FIELDS, steps },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return issue.keys.map((name) => toolText('walkthrough.unknownField', { key: name, keys: WALKTHROUGH_FIELDS.join(', ') })).join('\n');
        if (issue.code === 'invalid_type') return toolText('walkthrough.notAMap', { keys: WALKTHROUGH_FIELDS.join(', ') });
        return undefined;
      },
    },
  );

/** The whole file, steps included: what the JSON Schema is written from. */
export const walkthroughSchema = topLevel(FIELDS.steps);

/** The file with its steps left for the parser to check one by one (each with its own step schema). */
export const walkthroughFieldsSchema = topLevel(
  z.array(z.unknown(), says('walkthrough.needsSteps', { steps: STEP_KINDS.join(', ') })).min(1, says('walkthrough.needsSteps', { steps: STEP_KINDS.join(', ') })),
);

/** The step schema for a step as written: the one its single step key names; a sentence when there is none or more than one. */
export const stepSchemaFor = (step: unknown): { readonly kind: StepKind; readonly schema: z.ZodType<Record<string, unknown>> } | { readonly problem: string } => {
  const keys = step !== null && typeof step === 'object' && !Array.isArray(step) ? Object.keys(step).filter((name) => name !== 'caption') : [];
  const [only] = keys;
  if (keys.length !== 1 || only === undefined) return { problem: oneStepKey() };
  if (!(STEP_KINDS as readonly string[]).includes(only)) return { problem: toolText('walkthrough.unknownStep', { kind: only, steps: STEP_KINDS.join(', ') }) };
  return { kind: only as StepKind, schema: STEP_SCHEMAS[only as StepKind] };
};
