// The JSON Schemas shipped for editors are generated from the definitions the loaders validate
// with; a standard validator (ajv, draft 2020-12) accepts every shipped profile, walkthrough and
// task with them, and accepts or refuses a walkthrough exactly when the parser does.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { JSON_SCHEMAS, PROFILE_SCHEMA_FILE, SUITE_SCHEMA_FILE, TASK_SCHEMA_FILE, WALKTHROUGH_SCHEMA_FILE } from '../src/json-schemas.js';
import { SUITE_FILE } from '../src/walkthrough/format.js';
import { parseWalkthrough } from '../src/walkthrough/parse-walkthrough.js';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const filesUnder = (dir: string, ending: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), ending) : ending.test(entry.name) ? [join(dir, entry.name)] : [],
  );

// Strict, as a careful consumer runs ajv: every strict check throws (union types, required fields
// the schema does not define, keywords without their type); formats from ajv-formats.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validator = (file: string) => ajv.compile(readJson(file) as object);
const validProfile = validator(PROFILE_SCHEMA_FILE);
const validWalkthrough = validator(WALKTHROUGH_SCHEMA_FILE);
const validTask = validator(TASK_SCHEMA_FILE);
const validSuite = validator(SUITE_SCHEMA_FILE);
const errors = (validate: ReturnType<typeof validator>) => JSON.stringify(validate.errors);

describe('shipped JSON Schemas', () => {
  it('are current (regenerate with `npm run generate`)', () => {
    for (const [file, schema] of JSON_SCHEMAS) expect(readJson(file), file).toEqual(JSON.parse(JSON.stringify(schema())));
  });

  it('accept every shipped profile, walkthrough, piece, suite file and task (ajv, draft 2020-12)', () => {
    const profiles = [...filesUnder('fixtures/profiles', /\.json$/), ...filesUnder('fixtures/walkthroughs', /\.json$/)];
    const walkthroughs = filesUnder('fixtures/walkthroughs', /\.ya?ml$/).filter((file) => !file.endsWith(SUITE_FILE));
    const suites = filesUnder('fixtures/walkthroughs', /\.ya?ml$/).filter((file) => file.endsWith(SUITE_FILE));
    expect(walkthroughs.filter((file) => file.includes('/_lib/')).length).toBeGreaterThanOrEqual(10);
    expect(suites).toEqual([`fixtures/walkthroughs/${SUITE_FILE}`]);
    for (const file of suites) expect(validSuite(parseYaml(readFileSync(file, 'utf8'))), `${file}: ${errors(validSuite)}`).toBe(true);
    const tasks = filesUnder('fixtures/tasks', /\.ya?ml$/);
    expect(profiles.length).toBeGreaterThanOrEqual(7);
    expect(walkthroughs.length).toBeGreaterThanOrEqual(45);
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    for (const file of profiles) expect(validProfile(readJson(file)), `${file}: ${errors(validProfile)}`).toBe(true);
    for (const file of walkthroughs)
      expect(validWalkthrough(parseYaml(readFileSync(file, 'utf8'))), `${file}: ${errors(validWalkthrough)}`).toBe(true);
    for (const file of tasks) expect(validTask(parseYaml(readFileSync(file, 'utf8'))), `${file}: ${errors(validTask)}`).toBe(true);
  });

  it('are what the shipped profiles and walkthroughs point editors at', () => {
    for (const file of readdirSync('fixtures/profiles')) {
      expect((readJson(`fixtures/profiles/${file}`) as { $schema: string }).$schema).toBe('../profile.schema.json');
    }
    for (const file of readdirSync('fixtures/walkthroughs').filter((name) => name.endsWith('.yaml') && name !== SUITE_FILE)) {
      expect(readFileSync(`fixtures/walkthroughs/${file}`, 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../walkthrough.schema.json',
      );
    }
    for (const folder of ['_lib', 'working-day']) {
      for (const file of readdirSync(`fixtures/walkthroughs/${folder}`)) {
        expect(readFileSync(`fixtures/walkthroughs/${folder}/${file}`, 'utf8').split('\n')[0]).toBe(
          '# yaml-language-server: $schema=../../walkthrough.schema.json',
        );
      }
    }
    expect(readFileSync(`fixtures/walkthroughs/${SUITE_FILE}`, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../suite.schema.json',
    );
    // Profiles that only walkthroughs use (a variant of a shipped one) live beside them.
    for (const file of readdirSync('fixtures/walkthroughs/profiles')) {
      expect((readJson(`fixtures/walkthroughs/profiles/${file}`) as { $schema: string }).$schema).toBe('../../profile.schema.json');
    }
  });
});

describe('the walkthrough schema and the parser', () => {
  /** Whether the parser takes a walkthrough whose steps (or extra fields) are these lines. */
  const parses = (text: string) => {
    try {
      parseWalkthrough(text, 'case.yaml', {});
      return true;
    } catch {
      return false;
    }
  };
  const file = (body: string) => `name: case\n${body}`;
  const step = (line: string) => file(`steps:\n  - ${line}\n`);

  // What the schema can say: everything but what depends on the world (a profile that exists, an
  // environment variable that is set) and a regex's own syntax.
  const CASES = [
    step('press: 确认'),
    step('press: enter'),
    step('press: Enter'),
    step('press: " Enter"'),
    step('press: eNTER'),
    step('press: 7'),
    step('press: 12'),
    step('press: []'),
    step('press: [下, 下, ENTER]'),
    step('type: "123456"'),
    step('type: 123456'),
    step('type: $SMS_CODE_2'),
    step('type: "12a"'),
    step('select: 免密支付'),
    step('select: 2'),
    step('select: ""'),
    step('expect: 注销成功'),
    step('expect: 12'),
    step('expect: []'),
    step('expect: [a, b]'),
    step('expect: {}'),
    step('expect: { sms: [] }'),
    step('expect: { screen: [] }'),
    step('expect: { title: [a, b] }'),
    step('expect: { state: home }'),
    step('expect: { phone: x }'),
    step('expect: { store: { bindings.length: 4 } }'),
    step('expect: { store: { "nothing.here": 1 } }'),
    step('expect: { store: { "bindings[*].id": { includes: alipay } } }'),
    step('expect: true'),
    step('wait: 5s'),
    step('wait: 5'),
    step('wait: 1.5m'),
    step('wait: soon'),
    step('network: down'),
    step('network: off'),
    step('power: cut'),
    step('snapshot: a-b.c'),
    step('snapshot: a/b'),
    step('{ press: 菜单, type: "1" }'),
    step('{ press: 菜单, caption: 打开 }'),
    step('{ press: 菜单, caption: { fr: x } }'),
    step('{ press: 菜单, caption: {} }'),
    step('jump: 1'),
    step('caption: 只有说明'),
    file('steps: []\n'),
    file('steps:\n  - press: 菜单\nlang: fr\n'),
    file('steps:\n  - press: 菜单\nfixture: ""\n'),
    file('steps:\n  - press: 菜单\nextra: 1\n'),
    file('steps:\n  - press: 菜单\nwhen: {}\n'),
    file('steps:\n  - press: 菜单\nwhen: { profile: [] }\n'),
    file('steps:\n  - press: 菜单\nwhen: { profile: [default, pax-a920], network: online }\n'),
    file('steps:\n  - press: 菜单\nwhen: { network: maybe }\n'),
    file('steps:\n  - press: 菜单\nwhen: { not: { has: 绑定管理 } }\n'),
    file('steps:\n  - press: 菜单\nwhen: { store: { "bindings[*].id": { includes: wechat-pay } } }\n'),
    file('steps:\n  - press: 菜单\nwhen: { colour: red }\n'),
    file('steps:\n  - press: 菜单\nwhen: { display: classic }\n'),
    file('steps:\n  - press: 菜单\nwhen: { display: round }\n'),
    file('tags: [smoke, p1]\nsteps:\n  - press: 菜单\n'),
    file('tags: smoke\nsteps:\n  - press: 菜单\n'),
    file('tags: [two words]\nsteps:\n  - press: 菜单\n'),
    file('tags: []\nsteps:\n  - press: 菜单\n'),
    file('env: { AMOUNT: "100", KEY: 确认, T: 2s }\nsteps:\n  - type: ${AMOUNT}\n  - press: ${KEY}\n  - wait: ${T}\n'),
    file('env: { 1X: a }\nsteps:\n  - press: 菜单\n'),
    file('env: [a]\nsteps:\n  - press: 菜单\n'),
    file('before:\n  - press: 菜单\nsteps:\n  - press: 取消\nafter:\n  - expect: { state: home }\n'),
    file('before: []\nsteps:\n  - press: 取消\n'),
    file('after:\n  - jump: 1\nsteps:\n  - press: 取消\n'),
    step('{ press: 菜单, when: { network: online } }'),
    step('{ press: 菜单, when: { screen: "按[确认]键收款" } }'),
    step('{ press: 菜单, when: { screen: [] } }'),
    step('{ press: 菜单, when: {} }'),
    step('run: { steps: [{ press: 菜单 }, { expect: 请输入密码 }] }'),
    step('{ run: { steps: [{ press: 菜单, when: { network: online } }] }, when: { not: { network: offline } }, caption: 打开 }'),
    step('run: { steps: [] }'),
    step('run: { steps: [{ jump: 1 }] }'),
    step('run: { steps: [{ press: 菜单 }], env: { A: b } }'),
    step('run: { file: a.yaml, steps: [{ press: 菜单 }] }'),
    step('run: { steps: [{ press: 菜单 }], when: { network: online } }'),
    step('run: { colour: red }'),
    step('run: {}'),
    step('run: 1'),
    file('env: { K: 确认, N: "5" }\nsteps:\n  - press: [取消, "${K}", "${N}"]\n  - run: { steps: [{ type: "${N}" }] }\n'),
    step('[下, 操作员 01 收银员]'),
    step('[[确认, 5], { state: sale.amount }]'),
    step('[{ phone: { press: [下, 上] } }, { phone: "> 1.短信" }]'),
    step('[{ type: "12" }, "**_"]'),
    step('[{ select: 云闪付 }, a]'),
    step('[{ wait: 2s }, { network: down }]'),
    step('[[{ network: down }, { paper: out }, { power: cut }], 离线]'),
    step('[[{ type: "12" }, 确认, { wait: 1s }], a]'),
    step('[[下, { phone: { press: 确认 } }], a]'),
    step('[[{ expect: a }, 确认], a]'),
    step('[[], a]'),
    step('[]'),
    step('[下]'),
    step('[下, a, b]'),
    step('[OK, a]'),
    step('[{ phone: 菜单 }, a]'),
    step('[{ expect: a }, a]'),
    step('[{ run: { file: a.yaml, steps: [{ press: 菜单 }] } }, a]'),
    step('[{ run: { steps: [{ press: 菜单 }] } }, a]'),
    step('[{ type: "12", press: 确认 }, a]'),
    step('[{ type: "12a" }, a]'),
    step('[下, { colour: red }]'),
    step('[[下, a]]'),
    file('steps:\n  - run: { steps: [{ type: "${A}" }], each: [{ A: "1" }, { A: "2" }] }\n'),
    step('run: { steps: [{ press: 菜单 }], each: [] }'),
    step('run: { steps: [{ press: 菜单 }], each: { A: "1" } }'),
    step('run: { steps: [{ press: 菜单 }], each: [{ 1A: "1" }] }'),
    step('run: { steps: [{ press: 菜单 }], each: [[a]] }'),
    step('press: "${K} and more"'),
    step('wait: ${T}s'),
    step('run: { file: "" }'),
    step('run: { file: a.yaml, env: { 1A: b } }'),
    file('when: { screen: 收款 }\nsteps:\n  - press: 菜单\n'),
    'steps:\n  - press: 菜单\n',
    'name: ""\nsteps:\n  - press: 菜单\n',
    'name: {}\nsteps:\n  - press: 菜单\n',
    'name: { en: x }\nsteps:\n  - press: 菜单\n',
  ];

  it.each(CASES)('agree on %j', (text) => {
    const schema = validWalkthrough(parseYaml(text));
    expect(schema, errors(validWalkthrough)).toBe(parses(text));
  });
});

describe('the suite file schema and the parser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-suite-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Whether the parser takes a walkthrough under a suite file of this text. */
  const parses = (text: string) => {
    writeFileSync(join(dir, SUITE_FILE), text);
    try {
      parseWalkthrough('name: w\nsteps:\n  - press: 取消\n', join(dir, 'w.yaml'), {});
      return true;
    } catch {
      return false;
    }
  };
  const CASES = [
    'before:\n  - expect: { state: home }\nafter:\n  - expect: { not: "123456" }\n',
    'after:\n  - run: { steps: [{ press: 取消, when: { screen: 设置 } }] }\n',
    'before: []\n',
    'before:\n  - jump: 1\n',
    'steps:\n  - press: 取消\n',
    'name: suite\n',
    '[]\n',
  ];

  it.each(CASES)('agree on %j', (text) => {
    const schema = validSuite(parseYaml(text));
    expect(schema, errors(validSuite)).toBe(parses(text));
  });
});
