/**
 * Variants of YAML texts for comparing the fast YAML reader with the yaml library
 * (test/yaml-fast.test.ts): seeded random edits of lines, scalars, keys and characters.
 */
/** Scalars the core schema reads in many ways, and texts that are no scalar at all. */
export const ODD_SCALARS = [
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '1e3',
  '1E-3',
  '+.5e-3',
  '1.50',
  '1.',
  '.5',
  '007',
  '08',
  '-0',
  '+12',
  '1_000',
  '.inf',
  '-.INF',
  '+.Inf',
  '.NaN',
  '.nan',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'yes',
  'no',
  'on',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  '"\\u00e9"',
  '"\\b"',
  '"\\n"',
  '"\\0"',
  '"\\e"',
  '"\\ "',
  '"\\N"',
  '"\\U0001F600"',
  '"\\u0041\\u00E9"',
  '"\\ud83d"',
  '"\\x41"',
  '"\\t"',
  '"a\\"b"',
  '"\\\\d"',
  '"\\/"',
  '"\\q"',
  "'it''s'",
  "''",
  '""',
  '"a#b"',
  "'#x'",
  'a#b',
  'a #b',
  '-',
  '-a',
  '- a',
  ':a',
  'a:b',
  'a: b',
  'a:',
  '?',
  '? a',
  '[]',
  '{}',
  '[ ]',
  '{ }',
  '[a,]',
  '{a: 1,}',
  '[a: 1]',
  '{a}',
  '{a: }',
  '{"a":1}',
  '__proto__',
  'constructor',
  'toString',
  '&x a',
  '*x',
  '!!str 1',
  '!x a',
  '|',
  '>',
  '@a',
  '`a',
  '%a',
  'a  ',
  ' a',
  'a\t',
  '"a',
  "'a",
  '[a',
  '{a: 1',
  '"é"',
  '确认 ',
  '[确认, 下]',
  '{ wait: 3s }',
  'pos-sim:_lib/login.yaml',
  '/a, b/',
  'a,b',
  'a]b',
  'a}b',
  'a[b',
  'a{b',
  '\u00a0a',
  'a\u3000',
];

/** Bits of text put in at random places. */
const PIECES = [
  ' ',
  '  ',
  '#',
  ' #',
  ' # c',
  ':',
  ': ',
  ',',
  ', ',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '-',
  '- ',
  '\n',
  '\n  ',
  '\n    ',
  '\n#c\n',
  '\n  # c\n',
  '\n\n',
  '&a ',
  '*a',
  '!x ',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\\',
  '\u00e9',
  "''",
  '~',
  '\t',
  '\r',
  '\r\n',
  '---\n',
  '...',
  '\ufeff',
  '\u2028',
  '\u0085',
];

/** A seeded generator (mulberry32): the corpus is the same at every run. */
export const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

/** Where scalars and keys are in a text: runs of characters that are not YAML punctuation. */
const WORDS = /[^\s[\]{},:#'"-][^\n[\]{},:#'"]*?(?=\s*[\n\]},:#]|$)/g;

export const edit = (text: string, next: () => number): string => {
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 10)) {
    case 0:
      lines.splice(line, 1);
      return lines.join('\n');
    case 1:
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 2:
      lines.splice(line, 2, lines[line + 1] ?? '', lines[line] ?? '');
      return lines.join('\n');
    case 3: {
      const shift = pick(next, [-2, -1, 1, 2, 4]);
      const current = lines[line] ?? '';
      lines[line] = shift > 0 ? ' '.repeat(shift) + current : current.slice(Math.min(-shift, current.length - current.trimStart().length));
      return lines.join('\n');
    }
    case 4:
      lines.splice(line, 0, `${' '.repeat(pick(next, [0, 1, 2, 4, 6, 8]))}${pick(next, ['# c', '', '#', '  '])}`);
      return lines.join('\n');
    case 5:
    case 6: {
      const words = [...text.matchAll(WORDS)];
      if (words.length === 0) return text;
      const word = pick(next, words);
      return text.slice(0, word.index) + pick(next, ODD_SCALARS) + text.slice(word.index + word[0].length);
    }
    case 7:
      return text.slice(0, at) + pick(next, PIECES) + text.slice(at);
    case 8:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    default:
      return pick(next, [
        text.replaceAll('\n', '\r\n'),
        text.trimEnd(),
        `${text}\n\n`,
        `${text}# end\n`,
        `  ${text}`,
        text.replace('\n', '\n\t'),
      ]);
  }
};

const KEYS = [
  'press',
  'expect',
  'caption',
  'zh',
  'en',
  'run',
  'file',
  'env',
  'AMOUNT',
  '"a.b[0]"',
  "'k'",
  'journal.length',
  'x-y',
  '确认',
  'a b',
];
const SCALARS = [
  ...ODD_SCALARS.slice(0, 50),
  '确认',
  '下',
  '3s',
  '"/> ?3\\\\.  限额/"',
  "'/a, b/'",
  'pos-sim:_lib/login.yaml',
  '交易 成功',
  '"123456"',
  'F1',
];

/** Some spaces: mostly one, sometimes none or more. */
const spaces = (next: () => number, least = 0): string => ' '.repeat(Math.max(least, pick(next, [0, 1, 1, 1, 2, 3])));

/** A flow list or map, on one line or going on after commas onto lines indented by `indent` and more. */
const flow = (next: () => number, indent: number, depth: number): string => {
  const isMap = next() < 0.5;
  const count = Math.floor(next() * 4);
  const items: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const value = depth < 2 && next() < 0.3 ? flow(next, indent, depth + 1) : pick(next, SCALARS);
    items.push(isMap ? `${pick(next, KEYS)}:${spaces(next, 1)}${value}` : value);
  }
  const separator = (): string =>
    `${spaces(next)},${next() < 0.2 ? `${spaces(next)}\n${' '.repeat(Math.max(0, indent + pick(next, [-1, 0, 1, 2, 4])))}` : spaces(next)}`;
  const body = items.reduce((text, item, index) => (index === 0 ? item : `${text}${separator()}${item}`), '');
  return `${isMap ? '{' : '['}${spaces(next)}${body}${spaces(next)}${isMap ? '}' : ']'}`;
};

/** A comment, blank line or nothing before a line. */
const between = (next: () => number, indent: number): string =>
  pick(next, ['', '', '', '\n', `${' '.repeat(Math.max(0, indent + pick(next, [-2, 0, 0, 2])))}# c\n`]);

/** A value after `key:` or `- `: a scalar, a flow collection, or a block below (at `indent` or more). */
const value = (next: () => number, indent: number, depth: number): string => {
  const kind = next();
  if (depth < 3 && kind < 0.3) return `${spaces(next)}\n${block(next, indent + pick(next, [0, 1, 2, 2, 4]), depth + 1)}`;
  const comment = next() < 0.15 ? `${spaces(next, 1)}# c` : '';
  return ` ${kind < 0.6 ? flow(next, indent, 0) : pick(next, SCALARS)}${spaces(next) === '' ? '' : ' '}${comment}\n`;
};

/** A block map or list at an indent. */
const block = (next: () => number, indent: number, depth: number): string => {
  const pad = ' '.repeat(indent);
  const isList = depth > 0 && next() < 0.5;
  let text = '';
  for (let count = 1 + Math.floor(next() * 3); count > 0; count -= 1) {
    text += between(next, indent);
    if (isList) {
      const compact = next() < 0.4;
      text += compact
        ? `${pad}- ${pick(next, KEYS)}:${value(next, indent + 2, depth)}`
        : `${pad}-${value(next, indent, depth).replace(/^ ?\n/, ' x\n')}`;
    } else text += `${pad}${pick(next, KEYS)}:${value(next, indent, depth)}`;
  }
  return text;
};

/** A document made from the shapes walkthroughs are written in, with random spacing, comments and scalars. */
export const generated = (next: () => number): string => {
  const text = block(next, 0, 0);
  return next() < 0.2 ? text.trimEnd() : text;
};
