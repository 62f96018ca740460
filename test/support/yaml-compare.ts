/**
 * What the fast YAML reader (src/yaml-fast.ts) must give exactly as the yaml library does: the
 * plain value (key order, NaN, -0 included), each node YamlSource can reach with its class,
 * range, flow flag, scalar type, value, source and format, and where each line starts.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { readYamlFast } from '../../src/yaml-fast.js';

/** The first difference between two values, as a path and what each holds; undefined when equal. */
const differs = (a: unknown, b: unknown, path: string): string | undefined => {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: kinds differ`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${path}: keys ${keysA.join(',')} ≠ ${keysB.join(',')}`;
  for (const key of keysA) {
    const found = differs((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
    if (found) return found;
  }
  return undefined;
};

/** A node as far as YamlSource and the parser read it, in a plain form to compare. */
const shape = (node: unknown): unknown => {
  if (isScalar(node))
    return {
      kind: 'scalar',
      class: node.constructor.name,
      range: node.range,
      type: node.type,
      value: node.value,
      source: node.source,
      format: node.format,
      minFractionDigits: node.minFractionDigits,
      tag: node.tag,
      anchor: node.anchor,
    };
  if (isMap(node) || isSeq(node))
    return {
      kind: isMap(node) ? 'map' : 'seq',
      class: node.constructor.name,
      range: node.range,
      flow: 'flow' in node ? node.flow : '(none)',
      tag: node.tag,
      schema: node.schema === undefined ? 'none' : 'set',
      items: node.items.map((item: unknown) =>
        isPair(item) ? { pair: item.constructor.name, key: shape(item.key), value: shape(item.value) } : shape(item),
      ),
    };
  return { other: String(node) };
};

/**
 * How the fast reader's reading of `text` differs from the library's: undefined when it declined
 * or gave the same; else the first difference.
 */
export const fastReadDiffers = (text: string): string | undefined => {
  const fast = readYamlFast(text);
  if (!fast) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return `accepted a text the library refuses: ${doc.errors[0]?.message ?? ''}`;
  if (doc.warnings.length > 0) return `accepted a text the library warns about: ${doc.warnings[0]?.message ?? ''}`;
  return (
    differs(fast.value, doc.toJS(), 'value') ??
    differs(shape(fast.contents), shape(doc.contents), 'contents') ??
    differs(fast.lines.lineStarts, lines.lineStarts, 'lineStarts')
  );
};
