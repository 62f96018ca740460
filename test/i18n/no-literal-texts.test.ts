// What pos-sim says comes from the catalogs: no English sentence is written into the code, where
// --lang could not reach it. Finds string literals of three or more English words in src/ (comments,
// schema descriptions and plain Errors for bugs excepted) outside the files that are English by design.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Files whose words are English on purpose, and why. */
const ENGLISH_BY_DESIGN: Readonly<Record<string, string>> = {
  'src/json-schemas.ts': 'the JSON Schema descriptions editors show (one language per schema)',
  'src/chart/readme-chart.ts': 'the README markers around the chart',
  'src/chart/mermaid-chart.ts': 'Mermaid syntax (note right of …)',
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });

/** The code without its comments, keeping line numbers. */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const LITERAL = /'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"/g;
const SENTENCE = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/;

export const englishLiterals = (file: string, text: string): string[] =>
  withoutComments(text)
    .split('\n')
    .flatMap((line, index, lines) => {
      if (/^\s*import |\.describe\(|description: |new Error\(/.test(line)) return [];
      // A description too long for its line goes on the next one.
      if (/description:\s*$/.test(lines[index - 1] ?? '')) return [];
      return [...line.matchAll(LITERAL)]
        .map((match) => (match[1] ?? match[2] ?? match[3] ?? '').replace(/\$\{[^}]*\}/g, ' '))
        .filter((literal) => SENTENCE.test(literal))
        .map((literal) => `${file}:${index + 1}: ${literal}`);
    });

describe('texts in the code', () => {
  it('finds an English sentence written into the code', () => {
    expect(englishLiterals('x.ts', "throw new UsageError('the device needs a terminal');")).toEqual([
      'x.ts:1: the device needs a terminal',
    ]);
    expect(englishLiterals('x.ts', "throw new UsageError(toolText('start.needsTerminal')); // the device needs a terminal")).toEqual([]);
  });

  it('there are none outside the catalogs', () => {
    const found = sourceFiles(join(ROOT, 'src'))
      .filter((file) => !(file in ENGLISH_BY_DESIGN))
      .flatMap((file) => englishLiterals(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
