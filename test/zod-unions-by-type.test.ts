// Unions that try first the options taking the input's type (src/zod-unions-by-type.ts) must parse
// every value exactly as zod does: the same data, or the same issues with the same messages. Each
// step of the shipped walkthroughs, and variants of it with other values in its places, is parsed
// with the step schemas as zod made them, then again once they choose by type.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const SHIPPED = join(import.meta.dirname, '..', 'fixtures', 'walkthroughs');

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : [],
  );

/** Every step written in the shipped suite (each once), inline `run:` steps included. */
const shippedSteps = (): unknown[] => {
  const steps: unknown[] = [];
  const take = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const step of list) {
      steps.push(step);
      const run = (step as { run?: { steps?: unknown } } | null)?.run;
      if (run && typeof run === 'object') take(run.steps);
    }
  };
  for (const file of yamlFiles(SHIPPED)) {
    const value = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    for (const field of ['before', 'steps', 'after']) take(value?.[field]);
  }
  return [...new Map(steps.map((step) => [JSON.stringify(step), step])).values()];
};

const OTHER_VALUES: readonly unknown[] = [
  5,
  12.5,
  -1,
  '5',
  'x',
  '',
  '${NAME}',
  null,
  true,
  [],
  {},
  ['取消'],
  [5, '确认'],
  { state: 'home' },
];

/** The value with the thing at one place replaced, for every place and every other value. */
const variants = (value: unknown): unknown[] => {
  const out: unknown[] = OTHER_VALUES.slice();
  if (Array.isArray(value))
    value.forEach((item, index) => {
      for (const changed of variants(item)) out.push(value.map((old, at) => (at === index ? changed : old)));
    });
  else if (value !== null && typeof value === 'object')
    for (const key of Object.keys(value)) {
      for (const changed of variants((value as Record<string, unknown>)[key])) out.push({ ...value, [key]: changed });
      const { [key]: _, ...rest } = value as Record<string, unknown>;
      out.push(rest, { ...rest, extra: 1 });
    }
  return out;
};

/** A parse's outcome as text: the data, or the issues with their messages (regexes as their source). */
const outcome = (result: z.ZodSafeParseResult<unknown>): string =>
  JSON.stringify(result.success ? { data: result.data } : { issues: result.error.issues }, (_, value: unknown) =>
    value instanceof RegExp ? `/${value.source}/${value.flags}` : value,
  );

afterEach(() => vi.resetModules());

describe('unions that choose by type', () => {
  it.each(['zh', 'en'] as const)('parse every step and its variants as zod does (%s)', async (lang) => {
    // Fresh modules: schemas no parse has touched yet.
    vi.resetModules();
    const { setToolLang } = await import('../src/i18n/tool-lang.js');
    const { issueInToolLang } = await import('../src/json-source.js');
    const { stepSchemaFor } = await import('../src/walkthrough/format.js');
    const { unionsByType } = await import('../src/zod-unions-by-type.js');
    setToolLang(lang);
    try {
      const values = [
        ...new Map(
          shippedSteps()
            .flatMap((step) => [step, ...variants(step)])
            .map((value) => [JSON.stringify(value), value]),
        ).values(),
      ];
      const all = values.flatMap((value) => {
        const found = stepSchemaFor(value);
        return 'schema' in found ? [{ value, schema: found.schema as z.ZodType }] : [];
      });
      // Some 60,000 in all: every tenth keeps the test cheap and still meets every kind of step.
      const cases = all.filter((_, index) => index % 10 === 0);
      const parseAll = () => cases.map(({ value, schema }) => outcome(schema.safeParse(value, { error: issueInToolLang, jitless: true })));
      const byZod = parseAll();
      for (const schema of new Set(cases.map((one) => one.schema))) unionsByType(schema);
      const byType = parseAll();
      expect(cases.length).toBeGreaterThan(5000);
      expect(byZod.filter((text) => text.startsWith('{"issues"')).length).toBeGreaterThan(500);
      const differ = cases.flatMap(({ value }, index) =>
        byType[index] === byZod[index] ? [] : [{ value, byZod: byZod[index], byType: byType[index] }],
      );
      expect(differ.slice(0, 3)).toEqual([]);
    } finally {
      setToolLang('zh');
    }
  });

  it('still find the first option that takes the value, in their order', async () => {
    const { unionsByType } = await import('../src/zod-unions-by-type.js');
    const schema = z.union([
      z.string().transform(() => 'first string'),
      z.array(z.string()).transform(() => 'list'),
      z.union([z.number(), z.string()]).transform(() => 'number or second string'),
    ]);
    unionsByType(schema);
    expect(schema.parse('a')).toBe('first string');
    expect(schema.parse(1)).toBe('number or second string');
    expect(schema.parse(['a'])).toBe('list');
    expect(schema.safeParse([1]).error?.issues[0]?.code).toBe('invalid_union');
  });

  it('pass over an object option only where zod would refuse the map: a key it needs missing, a key it does not know', async () => {
    const { unionsByType } = await import('../src/zod-unions-by-type.js');
    const options = [
      z.strictObject({ a: z.string() }).transform(() => 'a'),
      z.object({ b: z.string().optional() }).transform(() => 'b, or any map'),
    ] as const;
    const byZod = z.union(options);
    const byType = z.union(options);
    unionsByType(byType);
    for (const value of [{ a: 'x' }, { a: 'x', c: 1 }, { b: 'y' }, {}, { a: 1 }, { b: 1 }, 'a']) {
      expect(byType.safeParse(value)).toEqual(byZod.safeParse(value));
    }
    expect(byType.parse({ a: 'x', c: 1 })).toBe('b, or any map');
  });

  it('leave an asynchronous parse to zod whole: an option that checks asynchronously runs once, its answer kept', async () => {
    const { unionsByType } = await import('../src/zod-unions-by-type.js');
    let checks = 0;
    const schema = z.union([
      z.string().refine(async (text) => {
        checks += 1;
        return text === 'yes';
      }),
      z.number(),
    ]);
    unionsByType(schema);
    expect(await schema.parseAsync('yes')).toBe('yes');
    expect(checks).toBe(1);
    expect((await schema.safeParseAsync('no')).success).toBe(false);
    expect(checks).toBe(2);
  });
});
