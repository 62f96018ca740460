/**
 * A fast reader for the narrow YAML that walkthroughs, pieces and suite files are written in: a
 * block map at the top; block maps and lists below it; one-line plain and quoted scalars; flow
 * lists and maps (`[确认, { wait: 3s }]`), which may go on over lines after a comma; comments.
 * It builds what the yaml library's parseDocument builds for such a file (the same node classes,
 * ranges, flow flags, scalar types and values by YAML 1.2's core schema), and the plain value in
 * the same pass, at a fraction of the cost. Anything outside that subset — anchors, tags, block
 * scalars, multi-line scalars, directives, tabs, CRLF, odd indentation, an empty value, a comment
 * where the library would hang it on a list's end, any error — it declines (undefined), and the
 * file is read by the library as before: every error still comes from the library.
 * test/yaml-fast.test.ts compares both on every shipped file and on a corpus of variants.
 */
import * as yaml from 'yaml';
import type { Node, Scalar, Schema, YAMLMap, YAMLSeq } from 'yaml';

// The bundle reaches the yaml package's exports (CommonJS) through a getter at each use: those the
// reader uses at each node are read once, here.
const { Document, isScalar, LineCounter, Pair, Scalar: ScalarNode, YAMLMap: MapNode, YAMLSeq: SeqNode } = yaml;

/** What the reader built: the document's top map, its plain value and where each line starts. */
export type FastRead = { readonly contents: YAMLMap; readonly value: Record<string, unknown>; readonly lines: yaml.LineCounter };

/** A scalar tag of the core schema, as the library resolves a plain scalar with it. */
type ScalarTag = {
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
  readonly format?: string;
  readonly collection?: string;
  readonly resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
};

/** The library's default document: its schema (shared by the nodes built here) and options. */
const DEFAULTS = new Document();
const SCHEMA: Schema = DEFAULTS.schema;
const TAGS = (SCHEMA.tags as unknown as readonly ScalarTag[]).filter((tag) => !tag.collection && tag.default === true && tag.test);
const OPTIONS = DEFAULTS.options;

/**
 * The core schema's plain scalars other than texts, as the library's version tests them: null,
 * booleans, integers (octal, decimal, hexadecimal), floats. Each starts with one of the characters
 * of MAY_RESOLVE (or is empty), so a scalar that does not is a text with no test run. Should the
 * library's tests ever differ, the reader reads nothing (every file goes to the library).
 */
const KNOWN_TESTS = [
  '^(?:~|[Nn]ull|NULL)?$',
  '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$',
  '^0o[0-7]+$',
  '^[-+]?[0-9]+$',
  '^0x[0-9a-fA-F]+$',
  '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$',
  '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$',
  '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$',
];
const MAY_RESOLVE = /^[~nNtTfF0-9+\-.]/;
const TAGS_KNOWN = TAGS.map((tag) => tag.test?.source).join('\n') === KNOWN_TESTS.join('\n');

/** Thrown inside the reader when the text leaves the subset; caught at the top. */
class Declined extends Error {}
const DECLINED = new Declined();

let declinedResolving = false;
const onResolveError = (): void => {
  declinedResolving = true;
};

// Characters that send a whole file to the library: tabs, CR, BOM, controls, Unicode line breaks.
const OUTSIDE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|^(?:---|\.\.\.|%)/m;

const NL = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const COMMA = 44;
const DASH = 45;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;
const DOUBLE = 34;
const SINGLE = 39;
const BACKSLASH = 92;

const isFlowIndicator = (code: number): boolean =>
  code === COMMA || code === OPEN_SEQ || code === CLOSE_SEQ || code === OPEN_MAP || code === CLOSE_MAP;

/** Characters a plain scalar may not start with (`-` may, before a character that is not space or a flow indicator). */
const NOT_PLAIN_START = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((char) => char.charCodeAt(0)));

/** Escapes of a double-quoted scalar read here; any other sends the file to the library. */
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** Sets a map's plain-value key as the library's toJS does. */
const setKey = (object: Record<string, unknown>, key: string, value: unknown): void => {
  if (key in object) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
};

class FastReader {
  private at = 0;
  private lineStart = 0;
  /** Whether comment lines came between the last value's line and the content nextContent found. */
  private commentBefore = false;
  /** The plain value of the node read last. */
  private js: unknown = undefined;

  constructor(private readonly text: string) {}

  read(): YAMLMap {
    if (this.nextContent() !== 0 || this.isSeqDash()) throw DECLINED;
    const map = this.blockMap(0);
    if (this.at < this.text.length) throw DECLINED;
    return map;
  }

  value(): Record<string, unknown> {
    return this.js as Record<string, unknown>;
  }

  private code(at: number): number {
    return at < this.text.length ? this.text.charCodeAt(at) : -1;
  }

  private isSeqDash(): boolean {
    const next = this.code(this.at + 1);
    return this.code(this.at) === DASH && (next === SPACE || next === NL || next === -1);
  }

  /**
   * From the start of a line (or a content character), the indent of the next line with content,
   * at its first character; -1 at the end. A comment line the library would hang on the end of a
   * list or map (deeper than the content after it, or at the end of the file) declines.
   */
  private nextContent(): number {
    const { text } = this;
    let deepestComment = -1;
    for (;;) {
      let at = this.at;
      while (at < text.length && text.charCodeAt(at) === SPACE) at += 1;
      if (at >= text.length) {
        if (deepestComment >= 0) throw DECLINED;
        this.at = at;
        return -1;
      }
      const code = text.charCodeAt(at);
      if (code !== NL && code !== HASH) {
        const indent = at - this.lineStart;
        if (deepestComment > indent) throw DECLINED;
        this.at = at;
        if (deepestComment >= 0) this.commentBefore = true;
        return indent;
      }
      if (code === HASH) deepestComment = Math.max(deepestComment, at - this.lineStart);
      const end = text.indexOf('\n', at);
      if (end < 0) {
        if (deepestComment >= 0) throw DECLINED;
        this.at = text.length;
        return -1;
      }
      this.at = end + 1;
      this.lineStart = end + 1;
    }
  }

  /** After a value in block context: spaces, a comment, the line's end; where the value's node ends (range[2]). */
  private endLine(valueEnd: number): number {
    const { text } = this;
    let at = this.at;
    while (at < text.length && text.charCodeAt(at) === SPACE) at += 1;
    if (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === HASH) {
        if (at === valueEnd) throw DECLINED;
      } else if (code !== NL) throw DECLINED;
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    }
    this.at = at;
    this.lineStart = at;
    this.commentBefore = false;
    return at;
  }

  private blockNode(indent: number): YAMLMap | YAMLSeq {
    return this.isSeqDash() ? this.blockSeq(indent) : this.blockMap(indent);
  }

  private blockMap(indent: number): YAMLMap {
    const map = new MapNode(SCHEMA);
    const object: Record<string, unknown> = {};
    const start = this.at;
    let end: number;
    for (;;) {
      const key = this.key(false);
      const name = key.value as string;
      if (Object.hasOwn(object, name)) throw DECLINED;
      let value: Node;
      while (this.code(this.at) === SPACE) this.at += 1;
      const code = this.code(this.at);
      if (code === NL || code === -1) {
        this.endLine(this.at);
        const next = this.nextContent();
        if (next > indent) value = this.blockNode(next);
        else if (next === indent && this.isSeqDash()) value = this.blockSeq(indent);
        else throw DECLINED;
        end = (value.range as [number, number, number])[2];
      } else {
        value = this.inlineValue(indent, false);
        const range = value.range as [number, number, number];
        end = this.endLine(range[1]);
        range[2] = end;
      }
      map.items.push(new Pair(key, value));
      setKey(object, name, this.js);
      const next = this.nextContent();
      if (next < indent) break;
      if (next > indent || this.isSeqDash()) throw DECLINED;
    }
    map.range = [start, end, end];
    this.js = object;
    return map;
  }

  private blockSeq(indent: number): YAMLSeq {
    const seq = new SeqNode(SCHEMA);
    const list: unknown[] = [];
    const start = this.at;
    let end: number;
    for (;;) {
      this.at += 1;
      while (this.code(this.at) === SPACE) this.at += 1;
      const code = this.code(this.at);
      if (code === NL || code === -1 || code === HASH || this.isSeqDash()) throw DECLINED;
      let item: Node;
      if (this.startsKey()) {
        item = this.blockMap(this.at - this.lineStart);
        end = (item.range as [number, number, number])[2];
      } else {
        item = this.inlineValue(indent, false);
        const range = item.range as [number, number, number];
        end = this.endLine(range[1]);
        range[2] = end;
      }
      seq.items.push(item);
      list.push(this.js);
      const next = this.nextContent();
      if (next < indent) break;
      if (next > indent) throw DECLINED;
      if (!this.isSeqDash()) {
        // A list beside its map's keys (`key:` then `- …` at the key's indent): the library hangs a
        // comment before the next key on the list's end.
        if (this.commentBefore) throw DECLINED;
        break;
      }
    }
    seq.range = [start, end, end];
    this.js = list;
    return seq;
  }

  /** Whether a block list's item starts a map (`- press: 确认`). */
  private startsKey(): boolean {
    const code = this.code(this.at);
    if (code === DOUBLE || code === SINGLE) {
      const close = this.quotedEnd(this.at);
      return this.code(close) === COLON;
    }
    if (code === OPEN_SEQ || code === OPEN_MAP) return false;
    return this.code(this.plainStop(this.at, false)) === COLON;
  }

  /** A map's key: a plain or quoted scalar that is a string, then `: ` (or `:` at the line's end in block context). */
  private key(flow: boolean): Scalar {
    const start = this.at;
    const code = this.code(start);
    let key: Scalar;
    if (code === DOUBLE || code === SINGLE) {
      key = this.quoted();
    } else {
      const stop = this.plainStop(start, flow);
      if (this.code(stop) !== COLON || this.plainEnd !== stop) throw DECLINED;
      key = this.plain(start, stop, true);
      this.at = stop;
    }
    if (typeof key.value !== 'string' || key.value === '__proto__') throw DECLINED;
    const end = this.at;
    const after = this.code(end + 1);
    if (this.code(end) !== COLON || !(after === SPACE || (!flow && (after === NL || after === -1)))) throw DECLINED;
    key.range = [start, end, end];
    this.at = end + 1;
    return key;
  }

  /**
   * A value on the line it starts: in a block map or list at `indent`, or inside a flow list or
   * map (`inFlow`, where a plain scalar also stops at , ] and }). A flow list or map (whose next
   * lines must be indented more), a quoted or a plain scalar (range[2] left for the caller).
   */
  private inlineValue(indent: number, inFlow: boolean): Node {
    const code = this.code(this.at);
    if (code === OPEN_SEQ || code === OPEN_MAP) return this.flowCollection(indent);
    if (code === DOUBLE || code === SINGLE) return this.quoted();
    const start = this.at;
    const stop = this.plainStop(start, inFlow);
    if (this.code(stop) === COLON) throw DECLINED;
    const scalar = this.plain(start, this.plainEnd, false);
    this.at = stop;
    return scalar;
  }

  /** Where the last plainStop's scalar ends (its last character that is not a space). */
  private plainEnd = 0;

  /** Where a plain scalar starting at `start` stops: the line's end, ` #`, `: ` (and in flow, `,[]{}`). */
  private plainStop(start: number, flow: boolean): number {
    const { text } = this;
    const first = this.code(start);
    if (first === -1 || first === NL || first === SPACE || NOT_PLAIN_START.has(first)) throw DECLINED;
    if (first === DASH) {
      const next = this.code(start + 1);
      if (next === SPACE || next === NL || next === -1 || isFlowIndicator(next)) throw DECLINED;
    }
    let at = start;
    let end = start;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === NL) break;
      if (code === SPACE) {
        if (this.code(at + 1) === HASH) break;
        at += 1;
        continue;
      }
      if (flow && isFlowIndicator(code)) break;
      if (code === COLON) {
        const next = this.code(at + 1);
        if (next === SPACE || next === NL || next === -1 || (flow && isFlowIndicator(next))) break;
      }
      at += 1;
      end = at;
    }
    this.plainEnd = end;
    return at;
  }

  /** A plain scalar's node, its value by the core schema's tags as the library resolves it. */
  private plain(start: number, end: number, atKey: boolean): Scalar {
    const source = this.text.slice(start, end);
    const mayResolve = MAY_RESOLVE.test(source);
    const tag = atKey || !mayResolve ? undefined : TAGS.find((candidate) => candidate.test?.test(source));
    let scalar: Scalar;
    if (tag) {
      declinedResolving = false;
      const resolved = tag.resolve(source, onResolveError, OPTIONS);
      if (declinedResolving) throw DECLINED;
      scalar = isScalar(resolved) ? resolved : new ScalarNode(resolved);
    } else {
      // A key the schema would resolve to something else than a string is declined by the caller.
      if (atKey && mayResolve && TAGS.some((candidate) => candidate.test?.test(source))) throw DECLINED;
      scalar = new ScalarNode(source);
    }
    scalar.range = [start, end, end];
    scalar.source = source;
    scalar.type = ScalarNode.PLAIN;
    if (tag?.format) scalar.format = tag.format;
    this.js = scalar.value;
    return scalar;
  }

  /** Where a quoted scalar on one line ends (after its closing quote). */
  private quotedEnd(start: number): number {
    const { text } = this;
    const quote = text.charCodeAt(start);
    for (let at = start + 1; at < text.length; at += 1) {
      const code = text.charCodeAt(at);
      if (code === NL) break;
      if (code === quote) {
        if (quote === SINGLE && this.code(at + 1) === SINGLE) {
          at += 1;
          continue;
        }
        return at + 1;
      }
      if (quote === DOUBLE && code === BACKSLASH) at += 1;
    }
    throw DECLINED;
  }

  private quoted(): Scalar {
    const start = this.at;
    const end = this.quotedEnd(start);
    const inner = this.text.slice(start + 1, end - 1);
    let value: string;
    if (this.text.charCodeAt(start) === SINGLE) value = inner.includes("''") ? inner.replaceAll("''", "'") : inner;
    else value = inner.includes('\\') ? unescape(inner) : inner;
    const scalar = new ScalarNode(value);
    scalar.range = [start, end, end];
    scalar.source = value;
    scalar.type = this.text.charCodeAt(start) === SINGLE ? ScalarNode.QUOTE_SINGLE : ScalarNode.QUOTE_DOUBLE;
    this.at = end;
    this.js = value;
    return scalar;
  }

  /** A flow list or map; its lines after the first (each after a comma) indented more than `indent`. */
  private flowCollection(indent: number): YAMLSeq | YAMLMap {
    const start = this.at;
    const isSeq = this.code(start) === OPEN_SEQ;
    const close = isSeq ? CLOSE_SEQ : CLOSE_MAP;
    const node = isSeq ? new SeqNode(SCHEMA) : new MapNode(SCHEMA);
    node.flow = true;
    const list: unknown[] = [];
    const object: Record<string, unknown> = {};
    this.at += 1;
    this.skipSpaces();
    if (this.code(this.at) === close) this.at += 1;
    else
      for (;;) {
        let item: Node;
        if (isSeq) {
          item = this.inlineValue(indent, true);
          list.push(this.js);
          (node as YAMLSeq).items.push(item);
        } else {
          const key = this.key(true);
          const name = key.value as string;
          if (Object.hasOwn(object, name)) throw DECLINED;
          this.skipSpaces();
          item = this.inlineValue(indent, true);
          setKey(object, name, this.js);
          (node as YAMLMap).items.push(new Pair(key, item));
        }
        this.skipSpaces();
        (item.range as [number, number, number])[2] = this.at;
        const code = this.code(this.at);
        if (code === close) {
          this.at += 1;
          break;
        }
        if (code !== COMMA) throw DECLINED;
        this.at += 1;
        this.skipSpaces();
        if (this.code(this.at) === NL) {
          this.at += 1;
          this.lineStart = this.at;
          this.skipSpaces();
          if (this.at - this.lineStart <= indent) throw DECLINED;
        }
        const next = this.code(this.at);
        if (next === close || next === COMMA || next === NL || next === HASH || next === -1) throw DECLINED;
      }
    node.range = [start, this.at, this.at];
    this.js = isSeq ? list : object;
    return node;
  }

  private skipSpaces(): void {
    while (this.code(this.at) === SPACE) this.at += 1;
  }
}

/** A double-quoted scalar's text with its escapes read; one the reader does not know declines. */
const unescape = (inner: string): string =>
  inner.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
    if (escape.length === 5) {
      const code = Number.parseInt(escape.slice(1), 16);
      if (code >= 0xd800 && code <= 0xdfff) throw DECLINED;
      return String.fromCharCode(code);
    }
    const char = ESCAPES[escape];
    if (char === undefined) throw DECLINED;
    return char;
  });

/** Where each line starts, as the library's LineCounter has it after a parse. */
const linesOf = (text: string): yaml.LineCounter => {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
};

/** The file read the fast way, or undefined when it is not written in the subset this reads. */
export const readYamlFast = (text: string): FastRead | undefined => {
  if (!TAGS_KNOWN || OUTSIDE.test(text)) return undefined;
  const reader = new FastReader(text);
  try {
    const contents = reader.read();
    return { contents, value: reader.value(), lines: linesOf(text) };
  } catch (error) {
    // Nested deeper than the stack goes: the library reads it, and says where.
    if (error === DECLINED || error instanceof RangeError) return undefined;
    throw error;
  }
};
