/**
 * JSON Schemas for the files people write by hand, so editors complete and check them, each
 * generated from the zod schema its loader validates with: device profiles, walkthroughs and the
 * suite file (walkthrough/format.ts), and practice tasks. They describe what may be written (the input side):
 * a field with a default may be left out. `npm run generate` writes them to fixtures/; a test keeps
 * the files current and validates every shipped file against them with a standard validator.
 */
import { z } from 'zod';
import { taskSchema } from './practice/task.js';
import { profileSchema } from './profile/profile-schema.js';
import { suiteSchema, walkthroughSchema } from './walkthrough/format.js';

export const PROFILE_SCHEMA_FILE = 'fixtures/profile.schema.json';
export const WALKTHROUGH_SCHEMA_FILE = 'fixtures/walkthrough.schema.json';
export const TASK_SCHEMA_FILE = 'fixtures/task.schema.json';
export const SUITE_SCHEMA_FILE = 'fixtures/suite.schema.json';

/**
 * `type: [string, number]` as `anyOf` of one type each: the same schema, which ajv's strict mode
 * (its default, strictTypes) takes without `allowUnionTypes`.
 */
const oneTypeEach = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(oneTypeEach);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]): [string, unknown] => [key, oneTypeEach(value)]);
  const type = (node as { type?: unknown }).type;
  if (!Array.isArray(type)) return Object.fromEntries(entries);
  const anyOf = type.map((one: unknown) => ({ type: one }));
  const withoutType = entries.filter(([key]) => key !== 'type');
  return Object.fromEntries([...withoutType, 'anyOf' in node ? ['allOf', [{ anyOf }]] : ['anyOf', anyOf]]);
};

const inputSchema = (schema: z.ZodType, title: string, description: string): object => ({
  ...(oneTypeEach(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })) as object),
  title,
  description,
});

export const profileJsonSchema = (): object =>
  inputSchema(profileSchema, 'pos-sim device profile', 'A terminal to simulate: `pos-sim --fixture FILE`.');

/** Practice tasks (fixtures/tasks/*.yaml). */
export const taskJsonSchema = (): object => inputSchema(taskSchema, 'pos-sim practice task', 'A practice task: `pos-sim practice NAME`.');

/** Walkthroughs and the pieces they call (fixtures/walkthroughs/**.yaml). */
export const walkthroughJsonSchema = (): object =>
  inputSchema(walkthroughSchema, 'pos-sim walkthrough', 'A scripted walk through the device menus: `pos-sim run FILE`.');

/** The suite file (pos-sim.suite.yaml). */
export const suiteJsonSchema = (): object =>
  inputSchema(
    suiteSchema,
    'pos-sim suite file',
    'Steps played before and after every walkthrough in this folder and the folders below it: pos-sim.suite.yaml.',
  );

/** Each shipped schema and its file. */
export const JSON_SCHEMAS = [
  [PROFILE_SCHEMA_FILE, profileJsonSchema],
  [WALKTHROUGH_SCHEMA_FILE, walkthroughJsonSchema],
  [TASK_SCHEMA_FILE, taskJsonSchema],
  [SUITE_SCHEMA_FILE, suiteJsonSchema],
] as const;
