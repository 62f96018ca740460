// The JSON Schema shipped for task files matches what the task loader accepts, and the shipped
// tasks point editors at it.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TASK_SCHEMA_FILE, taskJsonSchema } from '../../src/json-schemas.js';
import { taskSchema } from '../../src/practice/task.js';

describe('the task JSON Schema', () => {
  it('is current (regenerate with `npm run generate`)', () => {
    expect(JSON.parse(readFileSync(TASK_SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(taskJsonSchema())));
  });

  it('is what every shipped task points editors at', () => {
    for (const file of readdirSync('fixtures/tasks')) {
      expect(readFileSync(`fixtures/tasks/${file}`, 'utf8').split('\n')[0], file).toBe(
        '# yaml-language-server: $schema=../task.schema.json',
      );
    }
  });

  it('describes every field of a task and of a hint, and requires what the loader requires', () => {
    const schema = taskJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { description?: string; items?: { required: string[] } }>;
    };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(taskSchema.shape));
    for (const [field, property] of Object.entries(schema.properties)) expect(property.description, field).toBeTruthy();
    expect(schema.required).toEqual([
      'title',
      'procedure',
      'goal',
      'profile',
      'walkthrough',
      'done',
      'flows',
      'targetTime',
      'firstStep',
      'hints',
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.hints?.items?.required).toEqual(['at', 'zh', 'en']);
  });
});
