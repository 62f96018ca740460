/**
 * The walkthrough file format, defined once: the fields of a walkthrough, the table of steps and
 * the table of expectations, each with its zod schema, and the suite file (pos-sim.suite.yaml). The
 * parser validates with these schemas and `npm run generate` writes fixtures/walkthrough.schema.json
 * and fixtures/suite.schema.json from them, so they cannot disagree. A new step or expectation is
 * one entry in its table (plus the runner's case for a step). A step may also be written as a row,
 * `[what is done, what must show then]`, which the parser reads as those steps and an expect.
 */
import { z } from 'zod';
import { LANGS } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { onlyIfValid, says } from '../json-source.js';
import { FUNCTION_KEY_INFO, PHONE_FUNCTION_KEYS, phoneKeyNames } from '../keys/device-keys.js';
import { DEFAULT_PROFILE } from '../profile/load-profile.js';
import { conditionSchema } from './conditions.js';
import { matcher, matchers } from './matcher-schema.js';
import { PARAMETER_NAME, WHOLE_REFERENCE } from './params.js';
import { storeChecksSchema } from './store-values.js';
import { parseTextMatcher, type TextMatcher } from './text-match.js';
import {
  SMS_CODE_VARIABLE,
  WALKTHROUGH_STARTS,
  type Expectation,
  type PhoneAction,
  type PhoneExpectation,
  type StepAction,
} from './walkthrough.js';

export { SUITE_FILE } from './walkthrough.js';

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
const noSuchKey = {
  error: (issue: { readonly input?: unknown }) => toolText('walkthrough.noSuchKey', { key: String(issue.input ?? ''), keys: keyNames() }),
};

/**
 * `${NAME}` where a key, digits or a duration go: what a piece may write there (the JSON Schema takes
 * it). The parser sees the value put in its place, so one still written here came from a value that
 * was itself `${…}`, and is refused.
 */
const parameter = (otherwise: { readonly error: (issue: { readonly input?: unknown }) => string }) =>
  z
    .string(otherwise)
    .regex(WHOLE_REFERENCE, otherwise)
    .transform((value, context): never => {
      context.addIssue({ code: 'custom', message: toolText('walkthrough.parameterInValue', { value }) });
      return z.NEVER;
    })
    .meta({ description: 'a parameter, ${NAME}: its value is put here before the step is read' });

const key = z
  .union(
    [z.enum(KEY_SPELLINGS as [string, ...string[]]), z.number().int(noSuchKey).min(0, noSuchKey).max(9, noSuchKey), parameter(noSuchKey)],
    noSuchKey,
  )
  .transform(String)
  .meta({ description: 'a device key: 0-9, or a key by its Chinese or English name' });

const names = (what: string, meta: { readonly description: string }) =>
  z
    .union(
      [z.string().min(1), z.array(z.string().min(1)).min(1, says('walkthrough.listNeedsText', { what }))],
      says('walkthrough.stateNeedsName'),
    )
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .meta(meta);

/** Every spelling of a key the phone has: 0-9, 确认, 取消, 清除, 上, 下 (Chinese or English). */
const PHONE_KEY_SPELLINGS: readonly string[] = [
  ...'0123456789',
  ...new Set(
    FUNCTION_KEY_INFO.filter((info) => PHONE_FUNCTION_KEYS.includes(info.key)).flatMap((info) => [
      info.zh,
      info.en,
      info.en.toLowerCase(),
      info.en.charAt(0) + info.en.slice(1).toLowerCase(),
    ]),
  ),
];
const noSuchPhoneKey = {
  error: (issue: { readonly input?: unknown }) =>
    toolText('phoneWalkthrough.noSuchKey', { key: String(issue.input ?? ''), keys: phoneKeyNames().join(', ') }),
};
const phoneKey = z
  .union(
    [z.enum(PHONE_KEY_SPELLINGS as [string, ...string[]]), z.number().int(noSuchPhoneKey).min(0, noSuchPhoneKey).max(9, noSuchPhoneKey)],
    noSuchPhoneKey,
  )
  .transform(String)
  .meta({ description: 'a key of the phone: 0-9, 确认, 取消, 清除, 上 or 下 (Chinese or English name)' });

const PHONE_EXPECT_KEYS = ['screen', 'title', 'not', 'state'] as const;

/** `expect: { phone: … }`: a text (or a list) on the phone's screen, or a map of screen, title, not and state. */
const phoneExpectation = z
  .union(
    [
      matchers('expect.phone', { description: 'text (or /regex/) on the phone’s screen' }).transform((screen): PhoneExpectation => ({
        screen,
        not: [],
        state: [],
      })),
      z
        .strictObject(
          {
            screen: matchers('expect.phone.screen', { description: 'text (or /regex/) that must be on the phone’s screen' }).optional(),
            title: matcher('expect.phone.title', { description: 'text (or /regex/) the phone’s title must contain' }).optional(),
            not: matchers('expect.phone.not', { description: 'text (or /regex/) that must not be on the phone’s screen' }).optional(),
            state: names('expect.phone.state', {
              description: 'the phone’s active states, e.g. walletApp.menu, walletPassword.entering, phone.home',
            }).optional(),
          },
          {
            error: (issue) =>
              issue.code === 'unrecognized_keys' ? toolText('phoneWalkthrough.expect', { keys: PHONE_EXPECT_KEYS.join(', ') }) : undefined,
          },
        )
        .transform((checks): PhoneExpectation => ({
          screen: checks.screen ?? [],
          not: checks.not ?? [],
          state: checks.state ?? [],
          ...(checks.title ? { title: checks.title } : {}),
        })),
    ],
    says('phoneWalkthrough.expect', { keys: PHONE_EXPECT_KEYS.join(', ') }),
  )
  .meta({ description: 'what the phone beside the terminal shows: text on its screen, or { screen, title, not, state }' });

/** A `select:` label: text the item's label contains, or a /regex/ it matches (a bad one is told where it is written). */
const selectLabel = z.union([z.string().min(1), z.number()], says('walkthrough.selectNeedsLabel')).transform((value, context) => {
  const label = String(value);
  const parsed = parseTextMatcher(label);
  if (!('invalid' in parsed)) return label;
  context.addIssue({ code: 'custom', message: toolText('walkthrough.badRegex', { pattern: label, reason: parsed.invalid }) });
  return z.NEVER;
});

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
  receipt: matchers('expect.receipt', {
    description: 'text (or /regex/) the last printout (签购单 or 结算单) must contain, e.g. 持卡人存根',
  }),
  snapshot: z
    .string(says('walkthrough.badSnapshot'))
    .regex(SNAPSHOT_NAME, says('walkthrough.badSnapshot'))
    .meta({ description: 'the golden screen snapshot of this name (__snapshots__/ beside the walkthrough) the whole screen must match' }),
  phone: phoneExpectation,
} as const;

export const EXPECT_KEYS = Object.keys(EXPECTATIONS) as (keyof typeof EXPECTATIONS)[];

const unknownKeys = (message: (key: string) => string) => ({
  // One line per unknown key: the parser places each at its key.
  error: (issue: { readonly code?: string; readonly keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys' ? (issue.keys ?? []).map(message).join('\n') : undefined,
});

const expectation = z
  .strictObject(
    Object.fromEntries(Object.entries(EXPECTATIONS).map(([name, schema]) => [name, schema.optional()])) as {
      [K in keyof typeof EXPECTATIONS]: z.ZodOptional<(typeof EXPECTATIONS)[K]>;
    },
    unknownKeys((name) => toolText('walkthrough.unknownExpectKey', { key: name, keys: EXPECT_KEYS.join(', ') })),
  )
  .refine((checks) => Object.keys(checks).length > 0, {
    ...says('walkthrough.expectNeedsCheck', { keys: EXPECT_KEYS.join(', ') }),
    when: onlyIfValid,
  })
  .meta({ minProperties: 1 })
  .transform((checks): Expectation => ({
    screen: checks.screen ?? [],
    not: checks.not ?? [],
    state: checks.state ?? [],
    store: checks.store ?? [],
    sms: checks.sms ?? [],
    receipt: checks.receipt ?? [],
    ...(checks.title ? { title: checks.title } : {}),
    ...(checks.snapshot ? { snapshot: checks.snapshot } : {}),
    ...(checks.phone ? { phone: checks.phone } : {}),
  }));

const screenOnly = (screen: TextMatcher[]): Expectation => ({ screen, not: [], state: [], store: [], sms: [], receipt: [] });

/** What an `expect:` takes: text (or a list) on the screen, or a map of checks. */
const expectValue = z
  .union(
    [matchers('expect', { description: 'text or /regex/ on the screen' }).transform(screenOnly), expectation],
    says('walkthrough.matcherNeedsText', { what: 'expect' }),
  )
  .meta({ id: 'expectation' });

/** Values for a file's `${NAME}`s: its defaults (`env:` of the file), or what a call passes (`env:` of `run:`). */
const parameterValues = (meta: { readonly description: string }) =>
  z
    .record(
      z.string().regex(PARAMETER_NAME, says('walkthrough.badParameterName')),
      z.union([z.string(), z.number(), z.boolean()], says('walkthrough.parameterNeedsText')).transform(String),
      says('walkthrough.envNeedsMap'),
    )
    .meta(meta);

/** Values for `${NAME}`s, by name. */
export type ParameterRow = Readonly<Record<string, string>>;

/**
 * A `run:` as written: a piece's file and the values it passes, or steps written inline; with
 * `each`, played once per row of values (a row's values come before the call's `env`).
 */
export type RunWritten = ({ readonly file: string; readonly env: ParameterRow } | { readonly steps: readonly unknown[] }) & {
  readonly each?: readonly ParameterRow[];
};

const RUN_KEYS = ['file', 'env', 'steps', 'each'];

function runSchema(steps: z.ZodType) {
  return z
    .union(
      [
        z
          .string()
          .trim()
          .min(1)
          .transform((file): RunWritten => ({ file, env: {} })),
        z
          .strictObject(
            {
              file: z
                .string()
                .trim()
                .min(1, says('walkthrough.runFileOrSteps'))
                .optional()
                .meta({ description: 'the piece: a walkthrough file, relative to this file (pos-sim:… for a piece shipped with pos-sim)' }),
              env: parameterValues({ description: 'values for the piece’s ${NAME}s' }).optional(),
              steps: steps.optional().meta({ description: 'steps written here instead of a file' }),
              each: z
                .array(parameterValues({ description: 'one row: values for the ${NAME}s of one play' }), says('walkthrough.eachNeedsRows'))
                .min(1, says('walkthrough.eachNeedsRows'))
                .optional()
                .meta({ description: 'rows of values: the piece (or the steps) plays once per row, in turn, with that row’s ${NAME}s' }),
            },
            unknownKeys((name) =>
              name === 'when'
                ? toolText('walkthrough.runWhenOnStep')
                : toolText('walkthrough.unknownRunKey', { key: name, keys: RUN_KEYS.join(', ') }),
            ),
          )
          .refine((written) => (written.file === undefined) !== (written.steps === undefined), {
            ...says('walkthrough.runFileOrSteps'),
            when: onlyIfValid,
          })
          .refine((written) => written.env === undefined || written.file !== undefined, {
            ...says('walkthrough.runEnvNeedsFile'),
            when: onlyIfValid,
          })
          // What the two refinements say, for the JSON Schema (a field set to false may not be written).
          .meta({
            oneOf: [
              { required: ['file'], properties: { file: true, steps: false } },
              { required: ['steps'], properties: { steps: true, file: false, env: false } },
            ],
          })
          .transform((written): RunWritten => ({
            ...(written.steps === undefined ? { file: written.file ?? '', env: written.env ?? {} } : { steps: written.steps as unknown[] }),
            ...(written.each ? { each: written.each } : {}),
          })),
      ],
      says('walkthrough.runFileOrSteps'),
    )
    .meta({ description: 'play another walkthrough file (a piece, with values for its ${NAME}s) or steps written inline, here' });
}

/** What a step of each kind that does one thing takes, and the action it becomes. */
const ACTIONS = {
  press: z
    .union([key, z.array(key).min(1, says('walkthrough.pressNeedsKeys'))], noSuchKey)
    .transform((value): StepAction => ({ kind: 'press', keys: Array.isArray(value) ? value : [value] }))
    .meta({ description: 'press a key, or several in turn' }),
  type: z
    .string(says('walkthrough.typeNeedsQuotes'))
    .regex(
      /^(\d+|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/,
      says('walkthrough.typeNeedsDigits', { smsCode: SMS_CODE_VARIABLE }),
    )
    .transform((value): StepAction => ({ kind: 'type', digits: value }))
    .meta({
      description: `type quoted digits ("123456"), \${NAME} (or $NAME) to type a parameter or an environment variable, or $${SMS_CODE_VARIABLE} to type the code in the last SMS ($${SMS_CODE_VARIABLE}_1 the first)`,
    }),
  select: selectLabel
    .transform((label): StepAction => ({ kind: 'select', label }))
    .meta({ description: 'move to the menu item whose label contains this text (or matches this /regex/) and confirm it' }),
  expect: expectValue
    .transform((value): StepAction => ({ kind: 'expect', expectation: value }))
    .meta({ description: 'check the screen, title, menu state, store, the last SMS or the last printout' }),
  wait: z
    .union(
      [
        z.string(says('walkthrough.waitNeedsDuration')).regex(DURATION, says('walkthrough.waitNeedsDuration')),
        parameter(says('walkthrough.waitNeedsDuration')),
      ],
      says('walkthrough.waitNeedsDuration'),
    )
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
    .meta({
      description:
        'compare the whole screen with the golden snapshot of this name (__snapshots__/ beside the walkthrough; --update-snapshots writes it)',
    }),
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
        // A /regex/'s pattern is checked as it is played (SelectError): a refinement inside this union would hide which action is wrong.
        z
          .strictObject({ select: z.union([z.string().min(1), z.number()], says('walkthrough.selectNeedsLabel')) })
          .transform(({ select }): PhoneAction => ({ kind: 'select', label: String(select) })),
      ],
      says('phoneWalkthrough.oneAction', { actions: 'press: …, type: …, select: …' }),
    )
    .transform((action): StepAction => ({ kind: 'phone', action }))
    .meta({
      description:
        'on the phone beside the terminal: press its keys, type digits (a wallet’s payment password, $SMS_CODE), or select an item by its label',
    }),
} as const;

/** The steps a row may take (any that does one thing to the device or the phone). */
const TABLE_ACTIONS = ['press', 'type', 'select', 'wait', 'network', 'power', 'paper', 'phone', 'run'] as const;

/**
 * A step written as a row, `[what is done, what must show then]`: keys pressed or steps taken in
 * turn (a `run` among them read by the parser as a `run:` step), then an expectation.
 */
export type TableRow = { readonly actions: readonly StepAction[]; readonly expect: StepAction };

const tableRowMessage = () => says('walkthrough.tableRow', { steps: TABLE_ACTIONS.join(', ') });

/** A piece a row plays (its file, and values for its `${NAME}`s): the parser reads it as a `run:` step. */
const rowRun = z
  .strictObject({
    run: z.union([
      z.string().trim().min(1),
      z.strictObject({
        file: z.string().trim().min(1),
        env: parameterValues({ description: 'values for the piece’s ${NAME}s' }).optional(),
      }),
    ]),
  })
  .transform((): StepAction => ({ kind: 'run', call: {}, steps: [] }));

/** A key, or one step written as a map: { type: "000000" }, { select: 云闪付 }, { phone: { press: 取消 } }, { wait: 2s }, { run: … }. */
const keyOrStep = z.union(
  [
    key.transform((one): StepAction => ({ kind: 'press', keys: [one] })),
    ...TABLE_ACTIONS.filter((kind) => kind !== 'run').map((kind) =>
      z.strictObject({ [kind]: ACTIONS[kind] }).transform((step) => step[kind] as StepAction),
    ),
    rowRun,
  ],
  tableRowMessage(),
);

const tableAction = z
  .union([keyOrStep.transform((action) => [action]), z.array(keyOrStep, tableRowMessage()).min(1, tableRowMessage())], tableRowMessage())
  .meta({
    description:
      'what is done: a key, or one step as a map ({ type: "000000" }, { select: 云闪付 }, { phone: { press: 取消 } }, { wait: 2s }, { run: _lib/password.yaml }), or a list of them in turn ([确认, 5], [{ type: "00" }, 确认])',
  });

/** A step written as a row: `- [取消, { state: home }]`. */
export const tableRow = z
  .tuple(
    [tableAction, expectValue.meta({ description: 'what must show then, as expect: takes it' })],
    says('walkthrough.tableRow', { steps: TABLE_ACTIONS.join(', ') }),
  )
  .transform(([actions, expected]): TableRow => ({ actions, expect: { kind: 'expect', expectation: expected } }));

/** What a step of each kind takes, and the action it becomes; the keys are the table of steps. */
const STEPS = {
  ...ACTIONS,
  // Its inline steps are read one by one by the parser, like the file's own.
  run: runSchema(z.array(z.unknown(), says('walkthrough.runFileOrSteps')).min(1, says('walkthrough.runFileOrSteps'))),
} as const;

export type StepKind = keyof typeof STEPS;
export const STEP_KINDS = Object.keys(STEPS) as StepKind[];

const LANG_EXAMPLE = `{ ${LANGS.map((name) => `${name}: …`).join(', ')} }`;

/** Text, or one text per language (`{ zh: …, en: … }`, at least one). */
const textPerLang = (field: string) =>
  z.union(
    [
      z
        .string()
        .trim()
        .min(1, says(field === 'name' ? 'walkthrough.needsName' : 'walkthrough.badCaption', { example: LANG_EXAMPLE })),
      z
        .strictObject(
          Object.fromEntries(
            LANGS.map((lang) => [
              lang,
              z
                .string()
                .trim()
                .min(1, says('walkthrough.langTextNeedsText', { field, key: lang }))
                .optional(),
            ]),
          ) as Record<(typeof LANGS)[number], z.ZodOptional<z.ZodString>>,
          unknownKeys((name) => toolText('walkthrough.unknownTextLang', { field, key: name, langs: LANGS.join(', ') })),
        )
        .refine((texts) => Object.keys(texts).length > 0, {
          ...says(field === 'name' ? 'walkthrough.needsName' : 'walkthrough.badCaption', { example: LANG_EXAMPLE }),
          when: onlyIfValid,
        })
        .meta({ minProperties: 1 }),
    ],
    says(field === 'name' ? 'walkthrough.needsName' : 'walkthrough.badCaption', { example: LANG_EXAMPLE }),
  );

const caption = textPerLang('caption')
  .optional()
  .meta({ description: 'what `pos-sim demo` shows while the step plays (generated from the step when absent): text, or {zh, en}' });

const oneStepKey = () => toolText('walkthrough.oneStepKey', { steps: STEP_KINDS.map((name) => `${name}: …`).join(', ') });

const stepWhen = conditionSchema
  .optional()
  .meta({ description: 'play this step only when the condition holds on the device as the step comes; otherwise go on to the next' });

/** Each step as a map with its one step key (and a caption and a when), `run` taking `run`'s schema. */
const stepSchemas = (run: z.ZodType): Record<StepKind, z.ZodType<Record<string, unknown>>> =>
  Object.fromEntries(
    STEP_KINDS.map((kind) => [
      kind,
      z
        .strictObject(
          { [kind]: kind === 'run' ? run : STEPS[kind], caption, when: stepWhen } as Record<string, z.ZodType>,
          unknownKeys(oneStepKey),
        )
        .meta({ description: STEPS[kind].description ?? kind }),
    ]),
  ) as unknown as Record<StepKind, z.ZodType<Record<string, unknown>>>;

/** The steps as the parser checks them, one by one (a `run`'s inline steps are read like the file's own). */
const STEP_SCHEMAS = stepSchemas(STEPS.run);

const needsSteps = () => says('walkthrough.needsSteps', { steps: STEP_KINDS.join(', ') });

/** A list of steps in the JSON Schema: any step, `run`'s inline steps included (one definition, "step"). */
const documentSteps = (): z.ZodType => z.array(anyStep, needsSteps()).min(1, needsSteps());
const anyStep: z.ZodType = z
  .lazy(() => z.union([...Object.values(DOCUMENT_STEP_SCHEMAS), rowStep] as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]))
  .meta({ id: 'step' });
const DOCUMENT_STEP_SCHEMAS = stepSchemas(runSchema(documentSteps()));

/** A list of steps for the parser, which checks each step itself. */
const stepsToRead = (): z.ZodType => z.array(z.unknown(), needsSteps()).min(1, needsSteps());

const tag = z.string(says('walkthrough.badTag')).regex(/^[^\s,]+$/, says('walkthrough.badTag'));

/** The fields of a walkthrough; `steps` is the list of steps to read. */
const fields = (steps: () => z.ZodType) => ({
  name: textPerLang('name').meta({
    description: 'what the walkthrough shows, for reports and demos: text, or {zh, en} (shown in the tool’s language, --lang)',
  }),
  description: z.string().optional().meta({ description: 'what the walkthrough is for (not shown anywhere)' }),
  fixture: z
    .string(says('walkthrough.needsFixture', { fallback: DEFAULT_PROFILE }))
    .trim()
    .min(1, says('walkthrough.needsFixture', { fallback: DEFAULT_PROFILE }))
    .default(DEFAULT_PROFILE)
    .meta({
      description: `device profile: a name (default, offline, unbound) or a path to a .json profile, relative to this file; left out, ${DEFAULT_PROFILE}`,
    }),
  lang: z
    .enum(LANGS, says('walkthrough.badLang', { langs: LANGS.join(', ') }))
    .default('zh')
    .meta({ description: 'the device’s language (default zh)' }),
  start: z
    .enum(WALKTHROUGH_STARTS, says('walkthrough.badStart', { starts: WALKTHROUGH_STARTS.join(', ') }))
    .default('signed-in')
    .meta({
      description:
        'signed-in (the default): the device is booted and signed in for the day; power-on: it has just booted and asks for 签到',
    }),
  when: conditionSchema.optional().meta({
    description:
      'the devices this walkthrough applies to (profile, display, network, has, store, not); on others it is reported as skipped',
    // Asked before the device starts, so not of its screen (a field set to false may not be written).
    allOf: [{ type: 'object', properties: { screen: false } }],
  }),
  tags: z
    .union([tag, z.array(tag)], says('walkthrough.badTag'))
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional()
    .meta({ description: 'words to pick walkthroughs by: pos-sim run --include-tags smoke --exclude-tags slow' }),
  env: parameterValues({
    description: 'default values of the ${NAME}s in this file’s steps (a call’s env:, --env NAME=value and the environment come first)',
  }).optional(),
  before: steps().optional().meta({ description: 'steps played before the steps (after the suite’s before:)' }),
  steps: steps().meta({ description: 'the steps, in order' }),
  after: steps().optional().meta({
    description:
      'steps played after the steps, whether they passed or failed (before the suite’s after:); a failure here is reported apart',
  }),
});

export const WALKTHROUGH_FIELDS = Object.keys(fields(stepsToRead));

const topLevel = (steps: () => z.ZodType) =>
  z.strictObject(fields(steps), {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys')
        return issue.keys
          .map((name) => toolText('walkthrough.unknownField', { key: name, keys: WALKTHROUGH_FIELDS.join(', ') }))
          .join('\n');
      if (issue.code === 'invalid_type') return toolText('walkthrough.notAMap', { keys: WALKTHROUGH_FIELDS.join(', ') });
      return undefined;
    },
  });

/** The whole file, steps included: what the JSON Schema is written from. */
export const walkthroughSchema = topLevel(documentSteps);

/** The file with its steps left for the parser to check one by one (each with its own step schema). */
export const walkthroughFieldsSchema = topLevel(stepsToRead);

export const SUITE_FIELDS = ['before', 'after'];

const suiteTopLevel = (steps: () => z.ZodType) =>
  z.strictObject(
    {
      before: steps().optional().meta({ description: 'steps played before every walkthrough under this folder (before its own before:)' }),
      after: steps().optional().meta({
        description: 'steps played after every walkthrough under this folder, whether it passed or failed (after its own after:)',
      }),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys')
          return issue.keys
            .map((name) => toolText('walkthrough.unknownSuiteField', { key: name, keys: SUITE_FIELDS.join(', ') }))
            .join('\n');
        if (issue.code === 'invalid_type') return toolText('walkthrough.suiteNotAMap', { keys: SUITE_FIELDS.join(', ') });
        return undefined;
      },
    },
  );

/** The suite file (pos-sim.suite.yaml), as the JSON Schema is written from. */
export const suiteSchema = suiteTopLevel(documentSteps);

/** The suite file with its steps left for the parser. */
export const suiteFieldsSchema = suiteTopLevel(stepsToRead);

/** A row as a step: the JSON Schema's description of it. */
const rowStep = tableRow.meta({
  description:
    'a row, [what is done, what must show then]: keys or steps in turn, then an expectation as expect: takes it; e.g. - [取消, { state: home }]',
});

/** The step schema for a step as written: a row, or the one its single step key names; a sentence when there is none or more than one. */
export const stepSchemaFor = (
  step: unknown,
):
  | { readonly kind: StepKind; readonly schema: z.ZodType<Record<string, unknown>> }
  | { readonly kind: 'row'; readonly schema: typeof tableRow }
  | { readonly problem: string } => {
  if (Array.isArray(step)) return { kind: 'row', schema: tableRow };
  const keys = step !== null && typeof step === 'object' ? Object.keys(step).filter((name) => name !== 'caption' && name !== 'when') : [];
  const [only] = keys;
  if (keys.length !== 1 || only === undefined) return { problem: oneStepKey() };
  if (!(STEP_KINDS as readonly string[]).includes(only))
    return { problem: toolText('walkthrough.unknownStep', { kind: only, steps: STEP_KINDS.join(', ') }) };
  return { kind: only as StepKind, schema: STEP_SCHEMAS[only as StepKind] };
};
