/**
 * zod tries a union's options in order, and when an option nested in another union fails entirely,
 * zod words every issue of it (error maps, our catalogs, the list of all key names) even though a
 * later option then succeeds: a walkthrough's `{ state: home }` or `[确认, 5]` paid for a dozen such
 * messages. Here each union of a schema first tries only the options that may take the input — of
 * the type they take, an enum's value, a map with the keys an object needs and none a strict one
 * does not know — in their order: the first of them to succeed is the one zod's own order finds,
 * since the others would fail. When none succeeds, the union is parsed as zod parses it, so its
 * issues stay exactly zod's.
 */
import type { z } from 'zod';

/** What a schema's internals hold that this reads (zod 4's `_zod`). */
type Internals = {
  readonly def: Record<string, unknown> & { readonly type: string };
  readonly traits: ReadonlySet<string>;
  readonly optin?: string;
  parse: (payload: Payload, context: unknown) => Payload | Promise<Payload>;
  run: (payload: Payload, context: unknown) => Payload | Promise<Payload>;
};
type Payload = { value: unknown; issues: unknown[] };
type Schema = { readonly _zod: Internals };

/** Whether a value may pass a schema: false only when zod would surely refuse it. */
type MayTake = (value: unknown) => boolean;

const ANYTHING: MayTake = () => true;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What zod checks first of a value, as a test that is false only for a value zod would refuse:
 * its type, an enum's values, an object's keys (an absent one it needs, an unknown one a strict
 * object refuses) and what each key holds. When unsure, true: that only means an option is tried.
 */
const mayTake = (schema: Schema, seen: Map<Schema, MayTake> = new Map()): MayTake => {
  const known = seen.get(schema);
  if (known) return known;
  // A schema met again inside itself (a lazy one) takes anything.
  seen.set(schema, ANYTHING);
  const test = mayTakeOnce(schema, seen);
  seen.set(schema, test);
  return test;
};

const mayTakeOnce = (schema: Schema, seen: Map<Schema, MayTake>): MayTake => {
  const { def } = schema._zod;
  const inner = (key: string) => mayTake(def[key] as Schema, seen);
  switch (def.type) {
    case 'string':
      return def.coerce ? ANYTHING : (value) => typeof value === 'string';
    case 'number':
      return def.coerce ? ANYTHING : (value) => typeof value === 'number';
    case 'boolean':
      return def.coerce ? ANYTHING : (value) => typeof value === 'boolean';
    case 'array':
    case 'tuple':
      return Array.isArray;
    case 'record':
      return isMap;
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (value) => values.has(value);
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return (value) => values.has(value);
    }
    case 'object':
      return mayTakeObject(def, seen);
    case 'optional':
    case 'default':
    case 'prefault': {
      const test = inner('innerType');
      return (value) => value === undefined || test(value);
    }
    case 'nullable': {
      const test = inner('innerType');
      return (value) => value === null || test(value);
    }
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'union': {
      const tests = (def.options as Schema[]).map((option) => mayTake(option, seen));
      return (value) => tests.some((test) => test(value));
    }
    default:
      return ANYTHING;
  }
};

/** An object schema's test: a map, with every key it needs, no key a strict one does not know, and each key's value taken. */
const mayTakeObject = (def: Internals['def'], seen: Map<Schema, MayTake>): MayTake => {
  const shape = def.shape as Record<string, Schema>;
  const fields = Object.entries(shape).map(([key, field]) => ({ key, needed: field._zod.optin === undefined, test: mayTake(field, seen) }));
  const strict = (def.catchall as Schema | undefined)?._zod.def.type === 'never';
  return (value) => {
    if (!isMap(value)) return false;
    for (const { key, needed, test } of fields) {
      if (key in value) {
        if (!test(value[key])) return false;
      } else if (needed) return false;
    }
    if (strict) for (const key in value) if (!Object.hasOwn(shape, key)) return false;
    return true;
  };
};

/** The schemas inside a schema (those a parse can reach). */
const childrenOf = (schema: Schema): Schema[] => {
  const { def } = schema._zod;
  const children: unknown[] = [def.innerType, def.in, def.out, def.element, def.keyType, def.valueType, def.rest, def.catchall];
  if (Array.isArray(def.options)) children.push(...(def.options as unknown[]));
  if (Array.isArray(def.items)) children.push(...(def.items as unknown[]));
  if (def.type === 'object') children.push(...Object.values(def.shape as Record<string, unknown>));
  // A lazy schema's inner schema, made once (zod keeps it).
  if (def.type === 'lazy') children.push((schema._zod as Internals & { readonly innerType?: unknown }).innerType);
  return children.filter((child): child is Schema => typeof child === 'object' && child !== null && '_zod' in child);
};

const byType = (union: Schema): void => {
  const zod = union._zod;
  const options = zod.def.options as Schema[];
  // zod runs a union of one option on the payload itself: nothing to choose.
  if (options.length < 2) return;
  const tests = options.map((option) => mayTake(option));
  if (tests.every((test) => test === ANYTHING)) return;
  const parse = zod.parse;
  const byKind = (payload: Payload, context: unknown): Payload | Promise<Payload> => {
    // An asynchronous parse is left to zod whole: an option's promise is never dropped.
    if ((context as { readonly async?: boolean } | undefined)?.async) return parse(payload, context);
    for (let index = 0; index < options.length; index += 1) {
      if (!(tests[index] as MayTake)(payload.value)) continue;
      const result = (options[index] as Schema)._zod.run({ value: payload.value, issues: [] }, context);
      // An option that answers later (async) leaves the whole union to zod.
      if (result instanceof Promise) return parse(payload, context);
      if (result.issues.length === 0) return result;
    }
    return parse(payload, context);
  };
  if (zod.run === parse) zod.run = byKind;
  zod.parse = byKind;
};

const prepared = new WeakSet<object>();

/** Makes every plain union in a schema try first the options that take the input's type (once a schema). */
export const unionsByType = (schema: z.ZodType): void => {
  const pending = [schema as unknown as Schema];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (prepared.has(next)) continue;
    prepared.add(next);
    const { traits, def } = next._zod;
    if (def.type === 'union' && !traits.has('$ZodXor') && !traits.has('$ZodDiscriminatedUnion')) byType(next);
    pending.push(...childrenOf(next));
  }
};
