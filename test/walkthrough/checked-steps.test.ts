// Steps written the same way are checked once (src/walkthrough/checked-steps.ts): what comes from
// the memo must be what a fresh check gives, the key must tell apart every value YAML can write,
// and a step that writes `${NAME}` or inline steps, or a message in another language, is never
// taken from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { checkSchema } from '../../src/json-source.js';
import { checkStep, writtenKey } from '../../src/walkthrough/checked-steps.js';
import { stepSchemaFor } from '../../src/walkthrough/format.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { thrownMessage } from '../support/thrown.js';

const SHIPPED = join(import.meta.dirname, '..', '..', 'fixtures', 'walkthroughs');

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : [],
  );

/** Every step of the shipped files as written (pieces and suite file included). */
const shippedSteps = (): unknown[] =>
  yamlFiles(SHIPPED).flatMap((file) => {
    const value = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return ['before', 'steps', 'after'].flatMap((field) => (Array.isArray(value[field]) ? (value[field] as unknown[]) : []));
  });

/** A step checked without the memo. */
const fresh = (value: unknown) => {
  const found = stepSchemaFor(value);
  return 'problem' in found ? found : { kind: found.kind, parsed: checkSchema(found.schema, value) };
};

afterEach(() => setToolLang('zh'));

describe('the key a step is kept by', () => {
  it('tells apart every pair of values YAML writes differently, or gives none', () => {
    const values: unknown[] = [
      1,
      '1',
      0,
      '0',
      null,
      'null',
      'Infinity',
      true,
      'true',
      '',
      [],
      {},
      [[]],
      [{}],
      ['a', 'b'],
      ['a,b'],
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      { a: [1] },
      { a: '[1]' },
      { 'a"': 1 },
      { a: '"1' },
      [null],
      [1, null],
      ['1', null],
      { a: '{"steps":1}' },
      1.5,
      15e-1 + 1,
    ];
    const keys = values.map(writtenKey);
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(values.length);
    // Values JSON writes as others are checked each time.
    for (const value of [Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, [Number.NaN], { a: { b: -0 } }])
      expect(writtenKey(value)).toBeUndefined();
  });

  it('is none for a step whose result depends on more than how it is written', () => {
    expect(writtenKey({ type: '${PASSWORD}' })).toBeUndefined();
    expect(writtenKey({ run: { file: 'a.yaml', env: { '${A}': 1 } } })).toBeUndefined();
    expect(writtenKey({ run: { steps: [{ press: '确认' }] } })).toBeUndefined();
    expect(writtenKey([[{ run: { steps: [] } }], 'x'])).toBeUndefined();
    expect(writtenKey([[{ press: 'x' }], { screen: ['a', '${B}'] }])).toBeUndefined();
    expect(writtenKey({ run: { file: 'a.yaml', env: { A: '1' } } })).toBeDefined();
  });
});

describe('a step checked again', () => {
  it('gives what a fresh check gives, for every shipped step and wrong ones', () => {
    const steps = [
      ...shippedSteps(),
      { press: 'nokey' },
      { wait: 'soon' },
      ['确认'],
      { expect: { title: '/(/' } },
      { press: '确认', extra: 1 },
      5,
    ];
    for (const step of steps) {
      const first = checkStep(step);
      expect(first, JSON.stringify(step)).toEqual(fresh(step));
      expect(checkStep(step)).toEqual(first);
    }
  });

  it('is worded in the language the tool speaks at each check', () => {
    const step = { wait: 'soon' };
    const zh = checkStep(step);
    setToolLang('en');
    const en = checkStep(step);
    expect(en).toEqual(fresh(step));
    expect(JSON.stringify(en)).not.toBe(JSON.stringify(zh));
    expect(JSON.stringify(en)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves a walkthrough read twice the same, steps, places and problems', () => {
    const text = 'name: 两次\nsteps:\n  - press: 确认\n  - [确认, { state: home }]\n  - { wait: 2s, caption: 等待 }\n  - press: 确认\n';
    expect(parseWalkthrough(text, 'twice.yaml', {})).toEqual(parseWalkthrough(text, 'twice.yaml', {}));
    const bad = 'name: 两次\nsteps:\n  - press: 确认\n  - { wait: soon }\n  - [确认, { state: 7 }]\n  - { wait: soon }\n';
    const problems = thrownMessage(() => parseWalkthrough(bad, 'bad.yaml', {}));
    // The same wrong step twice: the second, from the memo, is placed where it is written.
    expect(problems.split('\n').map((line) => line.split(': ')[0])).toEqual(['bad.yaml:4:13', 'bad.yaml:5:19', 'bad.yaml:6:13']);
    expect(thrownMessage(() => parseWalkthrough(bad, 'bad.yaml', {}))).toBe(problems);
  });
});
