/**
 * Parameters: `${NAME}` in a file's steps stands for a value given, first found first, by the
 * caller (`run: { file, env: { NAME: … } }`), by `pos-sim run --env NAME=value`, by the environment
 * variable NAME when NAME starts with POS_SIM_, or by the file's own default (its `env:`). Only
 * POS_SIM_ names are read from the environment, as Maestro reads only MAESTRO_ ones: a shell's LANG,
 * USER or DATE never changes what a piece does. A value from outside the files (--env or the
 * environment) is a secret: the step keeps it only to type or match it, and whatever pos-sim writes
 * about the step says `${NAME}` instead.
 */
import type { Secret } from './walkthrough.js';
import { escapeRegExp } from '../escape-regexp.js';

/** A name as `${NAME}` writes it. */
export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A text that is one parameter and nothing else: the form a key, digits or a duration may take in a piece. */
export const WHOLE_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** The names the environment gives values to (others come from the files and --env only). */
export const ENV_PREFIX = 'POS_SIM_';

/** A parameter's value, and whether it came from outside the files. */
export type ParameterValue = { readonly value: string; readonly secret: boolean };

/** Values from outside the files: `--env NAME=value`, then the environment. */
export type OutsideValues = {
  readonly given: Readonly<Record<string, string>>;
  readonly env: NodeJS.ProcessEnv;
};

export const NO_OUTSIDE_VALUES: OutsideValues = { given: {}, env: {} };

/** Where a file's `${NAME}`s get their values. */
export type Parameters = {
  /** What the caller passed (its `env:` map, already resolved in the caller). */
  readonly passed: ReadonlyMap<string, ParameterValue>;
  readonly outside: OutsideValues;
  /** The file's own `env:`. */
  readonly defaults: Readonly<Record<string, string>>;
};

/** The value of NAME, or undefined when nothing gives it one. */
export const lookUp = (parameters: Parameters, name: string): ParameterValue | undefined => {
  const passed = parameters.passed.get(name);
  if (passed) return passed;
  const given = Object.hasOwn(parameters.outside.given, name) ? parameters.outside.given[name] : undefined;
  if (given !== undefined) return { value: given, secret: true };
  const fromEnv = name.startsWith(ENV_PREFIX) ? parameters.outside.env[name] : undefined;
  if (fromEnv !== undefined) return { value: fromEnv, secret: true };
  const fallback = Object.hasOwn(parameters.defaults, name) ? parameters.defaults[name] : undefined;
  return fallback === undefined ? undefined : { value: fallback, secret: false };
};

/** A `${NAME}` nothing gives a value, and where it is written (a path below the value substituted). */
export type MissingParameter = { readonly name: string; readonly path: readonly (string | number)[] };

export type Substituted = {
  readonly value: unknown;
  /** The secrets the value was written with. */
  readonly secrets: readonly Secret[];
  readonly missing: readonly MissingParameter[];
};

/** What one substitution gathers as it goes. */
type Substitution = {
  readonly parameters: Parameters;
  readonly secrets: Map<string, Secret>;
  readonly missing: MissingParameter[];
};

// Module-level functions, not closures made at each call: the parser substitutes every step, and
// V8 optimised each call's fresh closures anew, over and over, on its compiler threads.
const substituteText = (text: string, path: readonly (string | number)[], into: Substitution): string =>
  text.includes('${')
    ? text.replace(REFERENCE, (reference, name: string) => {
        const found = lookUp(into.parameters, name);
        if (!found) {
          into.missing.push({ name, path });
          return reference;
        }
        if (found.secret) into.secrets.set(name, { name, value: found.value });
        return found.value;
      })
    : text;

const substituteIn = (value: unknown, path: readonly (string | number)[], into: Substitution): unknown => {
  if (typeof value === 'string') return substituteText(value, path, into);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let index = 0; index < value.length; index += 1) items.push(substituteIn(value[index], [...path, index], into));
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      entries.push([substituteText(key, [...path, key], into), substituteIn(item, [...path, key], into)]);
    }
    return Object.fromEntries(entries);
  }
  return value;
};

/** Whether a raw YAML value writes `${` anywhere (in a text or a map's key): most steps do not. */
const writesReference = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('${');
  if (Array.isArray(value)) {
    for (const item of value) if (writesReference(item)) return true;
    return false;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key.includes('${') || writesReference(item)) return true;
  }
  return false;
};

const NOTHING_SUBSTITUTED: Pick<Substituted, 'secrets' | 'missing'> = { secrets: [], missing: [] };

/**
 * Every `${NAME}` in a raw YAML value (texts, and the keys of maps) replaced by its value. A value
 * that writes none is handed back as it is, not copied.
 */
export const substitute = (raw: unknown, parameters: Parameters): Substituted => {
  if (!writesReference(raw)) return { value: raw, ...NOTHING_SUBSTITUTED };
  const into: Substitution = { parameters, secrets: new Map(), missing: [] };
  const value = substituteIn(raw, [], into);
  return { value, secrets: [...into.secrets.values()], missing: into.missing };
};

/** The names a raw YAML value refers to with `${NAME}`. */
export const referencesIn = (raw: unknown): Set<string> => {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const match of value.matchAll(REFERENCE)) names.add(match[1] as string);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        walk(key);
        walk(item);
      }
    }
  };
  walk(raw);
  return names;
};

/**
 * Text with every secret's value written as `${NAME}` (the longest first, so no value is half
 * replaced): wherever it stands as a whole, not inside a longer number or Latin word (`--env
 * METHOD=1` hides 1, not the 1s of the terminal number 10086021; beside Chinese it is hidden).
 */
export const redact = (text: string, secrets: readonly Secret[] | undefined): string => {
  if (!secrets || secrets.length === 0) return text;
  return [...secrets]
    .filter((secret) => secret.value !== '')
    .sort((a, b) => b.value.length - a.value.length)
    .reduce(
      (redacted, secret) =>
        redacted.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret.value)}(?![A-Za-z0-9])`, 'g'), `\${${secret.name}}`),
      text,
    );
};
