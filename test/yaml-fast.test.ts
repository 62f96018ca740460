// The fast YAML reader (src/yaml-fast.ts) must read every file exactly as the yaml library does, or
// decline it: on every shipped YAML file, on hand-written hostile texts, and on thousands of
// variants of the shipped files made by seeded random edits (lines moved, indented, commented;
// odd scalars and keys put in; characters put in or taken out; CRLF, tabs), and on documents
// generated in the shapes walkthroughs are written in, with random spacing, comments and scalars.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../src/yaml-fast.js';
import { fastReadDiffers } from './support/yaml-compare.js';
import { edit, generated, random } from './support/yaml-variants.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : [],
  );

const SHIPPED = yamlFiles(FIXTURES).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('the fast YAML reader', () => {
  it('reads every shipped YAML file as the yaml library does', () => {
    for (const { file, text } of SHIPPED) {
      expect(readYamlFast(text), file).toBeDefined();
      expect(fastReadDiffers(text), file).toBeUndefined();
    }
  });

  it('reads hostile texts as the library does, or declines them', () => {
    const texts = [
      '',
      '# only a comment\n',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: &x 1\nb: *x\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: !!str 1\n',
      'a: b\n  c\n',
      'a: "b\n  c"\n',
      'a:\n  - b\n  # trailing\nc: 1\n',
      'a:\n- b\n- c\nd: 1\n',
      'a: 1\na: 2\n',
      '? a\n: 1\n',
      '- a\n',
      'a',
      'a: 1\r\nb: 2\r\n',
      'a:\tb\n',
      '"a": 1\n\'b\': 2\n',
      'a : 1\n',
      'a: [b,\nc]\n',
      'a: [b,\n  c]\n',
      'a:\n  - [b,\n    c]\n',
      'a:\n  - [b,\n  c]\n',
      'a:\n  - x: [b,\n    c]\n',
      'a: { b: 1, \n  c: [d, { e: f }] }   # comment\n',
      'a: [b # c\n  ]\n',
      'a: ["b"c]\n',
      'a: [b]c\n',
      'a: "b"c\n',
      'a: "b"#c\n',
      'a: b#c\n',
      'a: {b: 1}\n',
      'a: [b, ]\n',
      'a: [ , b]\n',
      '__proto__: 1\n',
      'a: { __proto__: 1 }\n',
      'constructor: 1\ntoString: [2]\n',
      '1: a\n',
      'null: a\n',
      'a: -\n',
      'a: - b\n',
      'a:\n  -\n    b\n',
      'a:\n  - - b\n',
      'a:\n  -   b: 1\n      c: 2\n',
      'a:\n  - b: 1\n     c: 2\n',
      'a:\n    - b\n  - c\n',
      'a: 1\n  # deeper comment\nb: 2\n',
      'a: 1\n# comment\n',
      'a: 1 # comment',
      'a: "\\u00e9 \\"q\\" \\\\d \\/ \\n \\t"\n',
      "a: 'it''s # not a comment'\n",
      'a: "x" # c\nb: \'y\'  # c\n',
      'a: 1e3\nb: .inf\nc: -.Inf\nd: .NaN\ne: 0o17\nf: 0x1F\ng: ~\nh: Null\ni: yes\nj: 1.50\nk: -0\n',
      'a: [1e3, .inf, ~, Null, 0o17, 1.50, true, "1"]\n',
      'steps:\n  - { press: 确认, caption: { zh: "按[确认]键", en: OK } }\n  - [[下, 下], "/> ?3\\\\.  x/"]\n',
    ];
    for (const text of texts) expect(fastReadDiffers(text), JSON.stringify(text)).toBeUndefined();
    // The reader takes the usual shapes, and leaves anchors, block scalars and errors to the library.
    expect(readYamlFast(texts.at(-1) as string)).toBeDefined();
    expect(readYamlFast('a: &x 1\nb: *x\n')).toBeUndefined();
    expect(readYamlFast('a: |\n  text\n')).toBeUndefined();
    expect(readYamlFast('a: 1\na: 2\n')).toBeUndefined();
  });

  it('reads seeded random variants of the shipped files as the library does, or declines them', () => {
    const next = random(13);
    let read = 0;
    let declined = 0;
    for (let round = 0; round < 12; round += 1)
      for (const { file, text } of SHIPPED) {
        let variant = text;
        for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits -= 1) variant = edit(variant, next);
        expect(fastReadDiffers(variant), `${file}\n${JSON.stringify(variant)}`).toBeUndefined();
        if (readYamlFast(variant)) read += 1;
        else declined += 1;
      }
    // The corpus exercises both ways: variants read fast, and variants left to the library.
    expect(read).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(100);
  });

  it('reads generated documents in the shapes walkthroughs are written in as the library does, or declines them', () => {
    const next = random(23);
    let read = 0;
    for (let count = 0; count < 2000; count += 1) {
      const text = generated(next);
      expect(fastReadDiffers(text), JSON.stringify(text)).toBeUndefined();
      if (readYamlFast(text)) read += 1;
    }
    expect(read).toBeGreaterThan(500);
  });
});
