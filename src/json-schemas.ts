/**
 * JSON Schemas for the files people write by hand, so editors complete and check them: device
 * profiles (from the zod schema the loader uses) and walkthroughs (from the step table the
 * parser uses). `npm run generate` writes them to fixtures/; a test keeps the files current.
 */
import { z } from 'zod';
import { LANGS } from './i18n/messages.js';
import { FUNCTION_KEY_INFO } from './keys/device-keys.js';
import { taskSchema } from './practice/task.js';
import { DEFAULT_PROFILE } from './profile/load-profile.js';
import { profileSchema } from './profile/profile-schema.js';
import { EXPECT_KEYS } from './walkthrough/parse-walkthrough.js';
import { STEP_KINDS } from './walkthrough/walkthrough.js';

export const PROFILE_SCHEMA_FILE = 'fixtures/profile.schema.json';
export const WALKTHROUGH_SCHEMA_FILE = 'fixtures/walkthrough.schema.json';
export const TASK_SCHEMA_FILE = 'fixtures/task.schema.json';

export const profileJsonSchema = (): object => ({
  ...z.toJSONSchema(profileSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  title: 'pos-sim device profile',
});

/** Practice tasks (fixtures/tasks/*.yaml), from the zod schema the task loader uses. */
export const taskJsonSchema = (): object => ({
  ...z.toJSONSchema(taskSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  title: 'pos-sim practice task',
  description: 'A practice task: `pos-sim practice NAME`.',
});

const textOrList = (description: string) => ({
  description,
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
});

/** Text, or one text per language (`{ zh: …, en: … }`), as the parser's name and caption take it. */
const textPerLang = (description: string) => ({
  description,
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'object', properties: Object.fromEntries(LANGS.map((lang) => [lang, { type: 'string', minLength: 1 }])), additionalProperties: false, minProperties: 1 },
  ],
});

/** What `pos-sim demo` shows while a step plays: text, or one text per language. */
const caption = textPerLang('what `pos-sim demo` shows while the step plays (generated from the step when absent): text, or {zh, en}');

/** A step is a map with exactly one of these keys (and an optional caption). */
const step = (name: string, schema: object, description: string) => ({
  type: 'object',
  description,
  properties: { [name]: schema, caption },
  required: [name],
  additionalProperties: false,
});

export const walkthroughJsonSchema = (): object => {
  const keys = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ...FUNCTION_KEY_INFO.flatMap((info) => [...new Set([info.zh, info.en])])];
  const key = { enum: [...keys, ...keys.filter((name) => /^\d$/.test(name)).map(Number)], description: 'a device key: 0-9, or a key by its Chinese or English name' };
  const expectation = {
    type: 'object',
    properties: {
      screen: textOrList('text (or /regex/) that must be on the screen'),
      title: { type: 'string', description: 'text (or /regex/) the title must contain' },
      not: textOrList('text (or /regex/) that must not be on the screen'),
      state: textOrList('active menu states, e.g. bindingManagement.detail, passwordPrompt.entering, home'),
      store: {
        type: 'object',
        description: 'store paths (bindings[*].id, passwordFree.active.enabled) and the value they hold, or {includes: X} / {excludes: X}',
        additionalProperties: true,
      },
      sms: textOrList('text (or /regex/) the last SMS on the merchant’s phone must contain, e.g. 您的验证码为'),
    },
    additionalProperties: false,
    minProperties: 1,
  };
  const expectKeys = Object.keys(expectation.properties);
  if (expectKeys.join() !== EXPECT_KEYS.join()) throw new Error(`walkthrough schema: expect keys ${expectKeys.join()} ≠ ${EXPECT_KEYS.join()}`);
  const steps = [
    step('press', { oneOf: [key, { type: 'array', items: key, minItems: 1 }] }, 'press a key, or several in turn'),
    step('type', { type: 'string', pattern: '^(\\d+|\\$[A-Z_][A-Z0-9_]*)$' }, 'type quoted digits ("123456"), $NAME to type an environment variable, or $SMS_CODE to type the code in the last SMS'),
    step('select', { type: 'string' }, 'move to the menu item whose label contains this text and confirm it'),
    step('expect', { oneOf: [textOrList('text or /regex/ on the screen'), expectation] }, 'check the screen, title, menu state, store or the last SMS'),
    step('wait', { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)$' }, 'let simulated time pass: 500ms, 5s, 5m'),
    step('network', { enum: ['down', 'up'] }, 'the network fails or comes back'),
    step('power', { enum: ['cycle', 'cut'] }, 'restart by the power key, or the power fails (only what was saved survives)'),
    step('snapshot', { type: 'string', pattern: '^[\\w.-]+$' }, 'write the screen text to a file of this name'),
  ];
  const stepNames = steps.map((schema) => schema.required[0]);
  if (stepNames.join() !== STEP_KINDS.join()) throw new Error(`walkthrough schema: steps ${stepNames.join()} ≠ ${STEP_KINDS.join()}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'pos-sim walkthrough',
    description: 'A scripted walk through the device menus: `pos-sim run FILE`.',
    type: 'object',
    required: ['name', 'steps'],
    additionalProperties: false,
    properties: {
      name: textPerLang('what the walkthrough shows, for reports and demos: text, or {zh, en} (shown in the tool’s language, --lang)'),
      description: { type: 'string' },
      fixture: { type: 'string', minLength: 1, default: DEFAULT_PROFILE, description: `device profile: a name (default, offline, unbound) or a path to a .json profile, relative to this file; left out, ${DEFAULT_PROFILE}` },
      lang: { enum: [...LANGS], description: 'device language (default zh)' },
      steps: {
        type: 'array',
        items: {
          oneOf: steps,
        },
      },
    },
  };
};
