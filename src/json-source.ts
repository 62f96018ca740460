/** Reading JSON files with errors that point at the line and column, and schema issues at the field. */
import type { z } from 'zod';

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
  ) || '(top level)';

/** One line per schema issue: `field: what is wrong`. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `  ${fieldPath(issue.path)}: ${issue.message}`).join('\n');
