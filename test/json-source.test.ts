// A JSON file that does not parse is reported at the line and column where it breaks, in the tool's
// language, whatever the JavaScript engine's own message says (Node 20's often gives no position).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setToolLang } from '../src/i18n/tool-lang.js';
import { parseJson } from '../src/json-source.js';

const failure = (text: string) => {
  const parsed = parseJson(text);
  if (parsed.ok) throw new Error('parsed');
  return parsed.failure;
};
const at = (text: string) => {
  const { line, column } = failure(text);
  return `${line}:${column}`;
};

describe('a JSON syntax error', () => {
  it('is placed where it is, also where the engine gives no position', () => {
    expect(at('{\n  "a": }')).toBe('2:8');
    expect(at('{\n  "a": tru\n}')).toBe('2:8');
    expect(at('{\n  "a": 1,\n}')).toBe('3:1');
    expect(at('{\n  "a": 1\n  "b": 2\n}')).toBe('3:3');
    expect(at('[1 2]')).toBe('1:4');
    expect(at('{"a" 1}')).toBe('1:6');
    expect(at('{"a": 1} x')).toBe('1:10');
    expect(at('{"a": \uFEFF1}')).toBe('1:7');
    expect(failure('{"a": \uFEFF1}').reason).toBe('这里不能是 U+FEFF：应是一个值(文字、数字、true、false、null、对象或列表)');
  });

  it('is not a byte order mark at the start (Windows Notepad saves one), which is passed over', () => {
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(at('\uFEFF{\n  "a": }')).toBe('2:8');
  });

  it('an unclosed string points at its opening quote; a truncated file at its end', () => {
    expect(at('{\n  "a": "x\n"}')).toBe('2:8');
    expect(at('{\n  "a": "never closed')).toBe('2:8');
    expect(at('{\n  "a": [1,\n')).toBe('3:1');
    expect(at('')).toBe('1:1');
  });

  it('says what is wrong in Chinese by default', () => {
    expect(failure('{\n  "a": }').reason).toBe('这里不能是 "}"：应是一个值(文字、数字、true、false、null、对象或列表)');
    expect(failure('{\n  "a": [1,\n').reason).toBe('文件在这里结束了，但第 2 行第 8 列的 [ 还没有闭合');
  });

  describe('in English', () => {
    beforeEach(() => setToolLang('en'));
    afterEach(() => setToolLang('zh'));

    it('says what is wrong in English', () => {
      expect(failure('{"a": 1,}').reason).toBe('expected a property name in double quotes, found "}" (no comma after the last one)');
      expect(failure('[1 2]').reason).toBe('expected , or ] after a list item, found "2"');
    });
  });
});
