// The JSON Schemas shipped for editors match what the loaders accept.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA_FILE, profileJsonSchema, WALKTHROUGH_SCHEMA_FILE, walkthroughJsonSchema } from '../src/json-schemas.js';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('shipped JSON Schemas', () => {
  it('are current (regenerate with `npm run generate`)', () => {
    expect(readJson(PROFILE_SCHEMA_FILE)).toEqual(JSON.parse(JSON.stringify(profileJsonSchema())));
    expect(readJson(WALKTHROUGH_SCHEMA_FILE)).toEqual(JSON.parse(JSON.stringify(walkthroughJsonSchema())));
  });

  it('are what the shipped profiles and walkthroughs point editors at', () => {
    for (const file of readdirSync('fixtures/profiles')) {
      expect((readJson(`fixtures/profiles/${file}`) as { $schema: string }).$schema).toBe('../profile.schema.json');
    }
    for (const file of readdirSync('fixtures/walkthroughs').filter((name) => name.endsWith('.yaml'))) {
      expect(readFileSync(`fixtures/walkthroughs/${file}`, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../walkthrough.schema.json');
    }
    // Profiles that only walkthroughs use (a variant of a shipped one) live beside them.
    for (const file of readdirSync('fixtures/walkthroughs/profiles')) {
      expect((readJson(`fixtures/walkthroughs/profiles/${file}`) as { $schema: string }).$schema).toBe('../../profile.schema.json');
    }
  });

  it('list every step, device key and expectation the parser takes', () => {
    const schema = walkthroughJsonSchema() as {
      properties: { steps: { items: { oneOf: { required: string[]; properties: Record<string, { oneOf?: { enum?: unknown[] }[] }> }[] } } };
    };
    const steps = schema.properties.steps.items.oneOf;
    expect(steps.map((step) => step.required[0])).toEqual(['press', 'type', 'select', 'expect', 'wait', 'network', 'power', 'snapshot']);
    const keys = steps[0]?.properties.press?.oneOf?.[0]?.enum ?? [];
    expect(keys).toEqual(expect.arrayContaining(['确认', 'ENTER', '取消', 'CANCEL', '清除', 'CLEAR', '上', 'UP', '下', 'DOWN', '菜单', 'MENU', '0', 9]));
  });
});
