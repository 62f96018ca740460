/**
 * zod tries a union's options in order, and when an option nested in another union fails entirely,
 * zod words every issue of it (error maps, our catalogs, the list of all key names) even though a
 * later option then succeeds: a walkthrough's `{ state: home }` or `[确认, 5]` paid for a dozen such
 * messages. Here each union of a schema first tries only the options that can take a value of the
 * input's type (a string, a number, a list, a map…), in their order: the first of them to succeed is
 * the one zod's own order finds, since the others fail on the type alone. When none succeeds, the
 * union is parsed as zod parses it, so its issues stay exactly zod's.
 */
import type { z } from 'zod';

const STRING = 1;
const NUMBER = 2;
const BOOLEAN = 4;
const LIST = 8;
const MAP = 16;
const UNDEFINED = 32;
const NULL = 64;
const OTHER = 128;
const ANY = 255;

/** The kind of a value, as a bit. */
const kindOf = (value: unknown): number => {
  switch (typeof value) {
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'undefined':
      return UNDEFINED;
    case 'object':
      return value === null ? NULL : Array.isArray(value) ? LIST : MAP;
    default:
      return OTHER;
  }
};

/** What a schema's internals hold that this reads (zod 4's `_zod`). */
type Internals = {
  readonly def: Record<string, unknown> & { readonly type: string };
  readonly traits: ReadonlySet<string>;
  parse: (payload: Payload, context: unknown) => Payload | Promise<Payload>;
  run: (payload: Payload, context: unknown) => Payload | Promise<Payload>;
};
type Payload = { value: unknown; issues: unknown[] };
type Schema = { readonly _zod: Internals };

const kindsOfValues = (values: readonly unknown[]): number => values.reduce<number>((kinds, value) => kinds | kindOf(value), 0);

/**
 * The kinds of value a schema can take without failing on the type; every kind when unsure (a
 * superset is always safe: it only means an option is tried).
 */
const kindsTaken = (schema: Schema, seen = new Set<Schema>()): number => {
  if (seen.has(schema)) return ANY;
  seen.add(schema);
  const { def } = schema._zod;
  const inner = (key: string) => kindsTaken(def[key] as Schema, seen);
  switch (def.type) {
    case 'string':
      return def.coerce ? ANY : STRING;
    case 'number':
      return def.coerce ? ANY : NUMBER;
    case 'boolean':
      return def.coerce ? ANY : BOOLEAN;
    case 'array':
    case 'tuple':
      return LIST;
    case 'object':
    case 'record':
      return MAP;
    case 'enum':
      return kindsOfValues(Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return kindsOfValues(def.values as unknown[]);
    case 'optional':
    case 'default':
    case 'prefault':
      return inner('innerType') | UNDEFINED;
    case 'nullable':
      return inner('innerType') | NULL;
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'union':
      return (def.options as Schema[]).reduce((kinds, option) => kinds | kindsTaken(option, seen), 0);
    default:
      return ANY;
  }
};

/** The schemas inside a schema (those a parse can reach without calling a lazy getter). */
const childrenOf = (schema: Schema): Schema[] => {
  const { def } = schema._zod;
  const children: unknown[] = [def.innerType, def.in, def.out, def.element, def.keyType, def.valueType, def.rest];
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
  const kinds = options.map((option) => kindsTaken(option));
  if (kinds.every((taken) => taken === ANY)) return;
  const parse = zod.parse;
  const byKind = (payload: Payload, context: unknown): Payload | Promise<Payload> => {
    const kind = kindOf(payload.value);
    for (let index = 0; index < options.length; index += 1) {
      if (((kinds[index] as number) & kind) === 0) continue;
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
