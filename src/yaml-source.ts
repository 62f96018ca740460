/**
 * YAML files people write (walkthroughs, practice tasks), read so that every problem points where
 * it starts: a quote or bracket left open is reported at its opening, not where the parser gave
 * up; an alias (*name) is resolved to its anchor (&name), or refused at the alias when no anchor
 * comes before it. A field path found wrong later (by a schema) is located back in the file, through
 * aliases, at the place that holds it.
 */
import * as yaml from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLError, YAMLMap } from 'yaml';
import { toolText } from './i18n/tool-lang.js';
import { readYamlFast } from './yaml-fast.js';

// The bundle reaches the yaml package's exports (CommonJS) through a getter at each use: those
// nodeAt uses at each step are read once, here.
const { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } = yaml;

export type SourcePosition = { readonly line: number; readonly column: number };
export type FieldPath = readonly (string | number)[];

/** A YAML file that could not be read; `problems` are `file:line:col: …`, one per problem. */
export type YamlProblems = { readonly problems: readonly string[] };

/** How much aliases may expand (the yaml library's count): guards against an alias bomb (billion laughs). */
const MAX_ALIASES = 1000;

/** Errors that the parser meets at the end of something left open, and what was left open. */
const LEFT_OPEN: readonly { readonly test: (error: YAMLError) => boolean; readonly opens: (node: Node) => boolean }[] = [
  {
    test: (error) => error.code === 'MISSING_CHAR' && /quote/.test(error.message),
    opens: (node) => isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'),
  },
  { test: (error) => /Flow sequence/.test(error.message), opens: (node) => isSeq(node) && node.flow === true },
  { test: (error) => /Flow map/.test(error.message), opens: (node) => isMap(node) && node.flow === true },
];

export class YamlSource {
  constructor(
    readonly file: string,
    readonly text: string,
    /** The document's top node (null when the file holds none). */
    readonly contents: Node | null,
    private readonly lines: LineCounter,
    /** The document as the yaml library read it; none when the fast reader did (yaml-fast.ts: no aliases then). */
    private readonly doc?: Document,
  ) {}

  position(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** `file:line:col: message` at a node (or offset). */
  problem(at: Node | number | undefined, message: string): string {
    const offset = typeof at === 'number' ? at : (at?.range?.[0] ?? 0);
    const { line, column } = this.position(offset);
    return `${this.file}:${line}:${column}: ${message}`;
  }

  /** The node an alias stands for, or the node itself. */
  resolve(node: unknown): Node | undefined {
    const target = isAlias(node) && this.doc ? node.resolve(this.doc) : node;
    return target === null || target === undefined ? undefined : (target as Node);
  }

  /**
   * The node at a field path, through aliases; the nearest node above it when the path goes past
   * what exists. With `throughAlias: false` a last node that is an alias is the alias itself (where
   * it is used), not its anchor.
   */
  nodeAt(path: FieldPath, options: { readonly throughAlias?: boolean } = {}): Node | undefined {
    let node = this.resolve(this.contents);
    for (let index = 0; index < path.length; index += 1) {
      const key = path[index] as string | number;
      const child = isSeq(node) && typeof key === 'number' ? node.items[key] : isMap(node) ? pairOf(node, key)?.value : undefined;
      const next = index === path.length - 1 && options.throughAlias === false && isAlias(child) ? child : this.resolve(child);
      if (next === undefined) return node;
      node = next;
    }
    return node;
  }

  /** `key: value` of the field at a path, as written. */
  pairText(path: FieldPath): string {
    const key = this.keyAt(path);
    const value = this.nodeAt(path, { throughAlias: false });
    return this.text.slice(key?.range?.[0] ?? 0, value ? contentEnd(value) : 0).trim();
  }

  /** The key of the field at a path (so a message points at the field's name), else the node. */
  keyAt(path: FieldPath): Node | undefined {
    const parent = path.length > 0 ? this.nodeAt(path.slice(0, -1)) : undefined;
    const pair = isMap(parent) ? pairOf(parent, path.at(-1) as string | number) : undefined;
    return (pair?.key as Node | undefined) ?? this.nodeAt(path);
  }

  /** The text of a node as written. */
  slice(node: Node | undefined): string {
    return node ? this.text.slice(node.range?.[0] ?? 0, contentEnd(node)).trim() : '';
  }
}

/** Where a node's content ends: a block map or list's range runs on over the comment after its last value. */
const contentEnd = (node: Node): number => {
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last: unknown = node.items.at(-1);
    const child = isPair(last) ? (last.value ?? last.key) : last;
    if (child && typeof child === 'object' && 'range' in child) return contentEnd(child as Node);
  }
  return node.range?.[1] ?? 0;
};

const scalarKey = (key: unknown): string | undefined => (isScalar(key) ? String(key.value) : undefined);

/** A map's first pair whose key is `key` written as text (a loop, no closure: nodeAt runs at every step). */
const pairOf = (map: YAMLMap<unknown, unknown>, key: string | number): Pair<unknown, unknown> | undefined => {
  const name = String(key);
  for (const pair of map.items) if (scalarKey(pair.key) === name) return pair;
  return undefined;
};

/** Where a syntax error starts: the opening of the quote or bracket it found left open, else where it was found. */
const startOf = (doc: Document, error: YAMLError): number => {
  const found = error.pos[0];
  const kind = LEFT_OPEN.find((candidate) => candidate.test(error));
  if (!kind) return found;
  let start: number | undefined;
  visit(doc, (_, node) => {
    if (isPair(node) || !kind.opens(node as Node)) return;
    const [from, to] = (node as Node).range ?? [0, 0];
    if (from < found && to >= found && (start === undefined || from > start)) start = from;
  });
  return start ?? found;
};

/**
 * Deeper than any walkthrough, piece or task nests (a step's `expect.store` is some six levels
 * down): refused whatever the stack would take, as what reads a value later recurses into it.
 */
const MAX_DEPTH = 64;

/** The first list or map nested deeper than MAX_DEPTH, or undefined; a loop, not recursion, as the depth is what is in question. */
const nestedTooDeep = (contents: unknown): Node | undefined => {
  const stack: (readonly [unknown, number])[] = [[contents, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DEPTH) return node;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
};

/**
 * Parses one YAML document. `notYaml` words a syntax error (the parser's reason in, a sentence out).
 * Returns the document's value with aliases resolved and the source to locate fields in.
 */
export const readYaml = (
  text: string,
  file: string,
  notYaml: (reason: string) => string,
): { value: unknown; source: YamlSource } | YamlProblems => {
  const fast = readYamlFast(text);
  if (fast) {
    const source = new YamlSource(file, text, fast.contents, fast.lines);
    const deep = nestedTooDeep(fast.contents);
    return deep ? { problems: [source.problem(deep, toolText('yaml.tooDeep'))] } : { value: fast.value, source };
  }
  const lines = new yaml.LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = new YamlSource(file, text, doc.contents, lines, doc);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) =>
        // A tab, and nesting too deep for the parser, are mistakes quoting does not mend: said plainly, without notYaml's advice.
        source.problem(
          startOf(doc, error),
          error.code === 'TAB_AS_INDENT'
            ? toolText('yaml.tabIndent')
            : error.code === 'RESOURCE_EXHAUSTION'
              ? toolText('yaml.tooDeep')
              : notYaml(error.message.split('\n')[0] ?? ''),
        ),
      ),
    };
  }
  const deep = nestedTooDeep(doc.contents);
  if (deep) return { problems: [source.problem(deep, toolText('yaml.tooDeep'))] };
  const problems: string[] = [];
  let firstAlias: Node | undefined;
  // Aliases start with *: a file without one has none to check.
  if (text.includes('*'))
    visit(doc, {
      Alias: (_, alias) => {
        firstAlias ??= alias;
        if (alias.resolve(doc) === undefined)
          problems.push(source.problem(alias, toolText('yaml.noAnchor', { name: `*${alias.source}`, anchor: alias.source })));
      },
    });
  if (problems.length > 0) return { problems };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), source };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { problems: [source.problem(firstAlias, toolText('yaml.tooManyAliases'))] };
  }
};
