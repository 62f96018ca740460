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

export type JsonParseFailure = { readonly line: number; readonly column: number; readonly reason: string };

const lineAndColumn = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
};

/** Parses JSON, or describes where it breaks. */
export const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; failure: JsonParseFailure } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const lineColumn = /line (\d+) column (\d+)/.exec(reason);
    if (lineColumn) return { ok: false, failure: { line: Number(lineColumn[1]), column: Number(lineColumn[2]), reason } };
    // A truncated file ("Unexpected end of JSON input") breaks where the text ends, not at its start.
    const offset = position !== undefined ? Number(position) : /end of JSON input/i.test(reason) ? text.length : 0;
    const at = lineAndColumn(text, offset);
    return { ok: false, failure: { ...at, reason: reason.replace(/^.*?:\s*/, '') } };
  }
};

/** A field path as a person writes it: bindings[2].name.zh */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  ) || toolText('json.topLevel');

const zhIssueText = zhCN().localeError;

/**
 * zod's own text for an issue in the tool language, as a per-parse error map: Chinese from zod's
 * zh-CN locale; for English it gives nothing, so zod's default (English) text stays. A schema's own
 * messages (`.min(1, ...)`, `{ error }`, refinements) outrank it.
 */
export const issueInToolLang: z.core.$ZodErrorMap = (issue) => (toolLang() === 'zh' ? zhIssueText(issue) : undefined);

/** A schema's own message (`.min(1, says(key))`), worded in the tool language when the issue is raised, not at import. */
export const says = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => ({ error: () => toolText(key, params) });

/** Validates a value; the issues, if any, are worded in the tool language (see issueInToolLang). */
export const checkSchema = <T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> =>
  schema.safeParse(value, { error: issueInToolLang });

/**
 * One line per schema issue: `field: what is wrong`, in the tool language. zod's own texts are in
 * the tool language when the value was checked with checkSchema (or parsed with issueInToolLang).
 */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => toolText('json.issue', { field: fieldPath(issue.path), message: issue.message })).join('\n');
