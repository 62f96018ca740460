/**
 * Reading JSON files with errors that point at the line and column, and schema issues at the field,
 * in the tool's language: zod's own issue texts come from its zh-CN locale when the tool speaks
 * Chinese. The locale is applied per parse (checkSchema), never through zod's global config, so
 * English stays exactly zod's default and nothing else that uses zod is affected.
 */
import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import type { MessageKey } from './i18n/messages.js';
import { toolLang, toolText } from './i18n/tool-lang.js';
import { unionsByType } from './zod-unions-by-type.js';

export type JsonParseFailure = { readonly line: number; readonly column: number; readonly reason: string };

const lineAndColumn = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
};

/** A character as a message shows it: "x", or its escape when it is not printable. */
const shown = (char: string): string =>
  /^[\x20-\x7e\u00a0-\ufefe\uff00-\ufffd]$/.test(char)
    ? `"${char}"`
    : `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;

/** Where JSON text breaks and why: JSON's grammar walked once, only when JSON.parse has refused the text. */
const locateJsonError = (text: string): { offset: number; reason: string } => {
  let at = 0;
  const open: { char: string; offset: number }[] = [];
  const fail = (offset: number, reason: string): never => {
    throw { offset, reason };
  };
  const end = (): never => {
    const unclosed = open.at(-1);
    if (!unclosed) return fail(at, toolText('json.emptyOrEnds'));
    const { line, column } = lineAndColumn(text, unclosed.offset);
    return fail(at, toolText('json.endsOpen', { char: unclosed.char, line, column }));
  };
  const found = () => (at < text.length ? shown(text[at] as string) : end());
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at += 1;
  };
  const string = () => {
    const start = at;
    at += 1;
    for (;;) {
      if (at >= text.length) fail(start, toolText('json.stringOpen'));
      const char = text[at] as string;
      if (char === '"') return void (at += 1);
      if (char === '\n' || char === '\r') fail(start, toolText('json.stringOpen'));
      if (char < ' ') fail(at, toolText('json.controlInString', { char: shown(char) }));
      if (char === '\\') {
        const escape = text[at + 1] ?? '';
        if ('"\\/bfnrt'.includes(escape) && escape !== '') at += 2;
        else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else fail(at, toolText('json.badEscape', { escape: `\\${escape}` }));
      } else at += 1;
    }
  };
  const value = (): void => {
    space();
    if (at >= text.length) end();
    const char = text[at] as string;
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      open.push({ char, offset: at });
      at += 1;
      space();
      if (text[at] === close) {
        at += 1;
        open.pop();
        return;
      }
      for (;;) {
        if (char === '{') {
          space();
          if (text[at] !== '"') fail(at, toolText(text[at] === '}' ? 'json.trailingComma' : 'json.expectedKey', { found: found() }));
          string();
          space();
          if (text[at] !== ':') fail(at, toolText('json.expectedColon', { found: found() }));
          at += 1;
        }
        value();
        space();
        if (text[at] === ',') {
          at += 1;
          space();
          if (char === '[' && text[at] === ']') fail(at, toolText('json.trailingComma', { found: found() }));
          continue;
        }
        if (text[at] === close) {
          at += 1;
          open.pop();
          return;
        }
        fail(at, toolText(char === '{' ? 'json.expectedCommaOrBrace' : 'json.expectedCommaOrBracket', { found: found() }));
      }
    }
    if (char === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400))?.[0];
    if (literal) return void (at += literal.length);
    fail(at, toolText('json.expectedValue', { found: found() }));
  };
  try {
    value();
    space();
    if (at < text.length) fail(at, toolText('json.afterEnd', { found: found() }));
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as { offset: number; reason: string };
    throw error;
  }
  return { offset: 0, reason: toolText('json.emptyOrEnds') };
};

/**
 * Parses JSON, or says where it breaks and why, in the tool's language. A byte order mark at the
 * start (Windows Notepad saves one) is passed over, as RFC 8259 allows a parser to, and as YAML
 * files are read; anywhere else it is an error.
 */
export const parseJson = (withMark: string): { ok: true; value: unknown } | { ok: false; failure: JsonParseFailure } => {
  const text = withMark.startsWith('\uFEFF') ? withMark.slice(1) : withMark;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, reason } = locateJsonError(text);
    return { ok: false, failure: { ...lineAndColumn(text, offset), reason } };
  }
};

/** A field path as a person writes it: bindings[2].name.zh */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') ||
  toolText('json.topLevel');

const zhIssueText = zhCN().localeError;

/**
 * zod's own text for an issue in the tool language, as a per-parse error map: Chinese from zod's
 * zh-CN locale; for English it gives nothing, so zod's default (English) text stays. A schema's own
 * messages (`.min(1, ...)`, `{ error }`, refinements) outrank it.
 */
export const issueInToolLang: z.core.$ZodErrorMap = (issue) => (toolLang() === 'zh' ? zhIssueText(issue) : undefined);

/** A schema's own message (`.min(1, says(key))`), worded in the tool language when the issue is raised, not at import. */
export const says = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => ({ error: () => toolText(key, params) });

/** A refinement's `when`: it runs only on a value with no other problem (an unknown key is not also "empty"). */
export const onlyIfValid = (payload: { readonly issues: readonly unknown[] }): boolean => payload.issues.length === 0;

/**
 * zod compiles a fast parser (new Function) for each object schema on its first parse unless told
 * `jitless`: some 25 ms at the start of a run, which pays back only over many parses (a big suite's
 * steps), not over the few a run of one walkthrough or the loading of a profile makes.
 */
const PARSES_BEFORE_COMPILING = 200;
const parses = new WeakMap<z.ZodType, number>();

/** Validates a value; the issues, if any, are worded in the tool language (see issueInToolLang). */
export const checkSchema = <T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> => {
  const count = parses.get(schema) ?? 0;
  if (count === 0) unionsByType(schema);
  if (count < PARSES_BEFORE_COMPILING) parses.set(schema, count + 1);
  return schema.safeParse(value, { error: issueInToolLang, jitless: count < PARSES_BEFORE_COMPILING });
};

/**
 * One line per schema issue: `field: what is wrong`, in the tool language. zod's own texts are in
 * the tool language when the value was checked with checkSchema (or parsed with issueInToolLang).
 */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => toolText('json.issue', { field: fieldPath(issue.path), message: issue.message })).join('\n');
