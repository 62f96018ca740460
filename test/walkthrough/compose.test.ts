// Walkthroughs that compose, as a QA engineer uses them: pieces called with `run:` and their
// `${NAME}`s (from the call, --env, POS_SIM_ environment variables, the piece's defaults), a failure
// inside a piece reported with its chain of calls, cycles refused before anything runs, `when:` on a
// step, `before:`/`after:` and the suite file, tags picking walkthroughs with the rest skipped in
// every reporter, coverage through pieces, and values from outside the files never written out.
import { redact } from '../../src/walkthrough/params.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runWalkthroughsCommand, type RunCommandOptions } from '../../src/commands/run-walkthroughs.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { parseWalkthrough, WalkthroughError } from '../../src/walkthrough/parse-walkthrough.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';
import { findWalkthroughFiles } from '../../src/walkthrough/suite.js';
import { shippedProfileNames } from '../../src/profile/load-profile.js';

const root = mkdtempSync(join(tmpdir(), 'pos-sim-compose-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => setToolLang('en'));

let folders = 0;
/** A fresh folder holding these files (path → text). */
const suite = (files: Record<string, string>): string => {
  folders += 1;
  const dir = join(root, `s${folders}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};

const parse = (dir: string, file: string, env: NodeJS.ProcessEnv = {}, given: Record<string, string> = {}) =>
  parseWalkthrough(readFileSync(join(dir, file), 'utf8'), join(dir, file), env, { given });

const parseError = (dir: string, file: string, env: NodeJS.ProcessEnv = {}, given: Record<string, string> = {}): string => {
  try {
    parse(dir, file, env, given);
  } catch (error) {
    expect(error).toBeInstanceOf(WalkthroughError);
    return (error as Error).message;
  }
  throw new Error('parsed, but it should not have');
};

const report = async (options: Partial<RunCommandOptions> & Pick<RunCommandOptions, 'paths'>) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runWalkthroughsCommand(
    { reporter: 'pretty', bail: false, coverage: false, snapshotDir: undefined, ...options },
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, stdout: `${out.join('\n')}\n`, stderr: err.join('\n') };
};

/** A piece that makes a sale of AMOUNT, checking the amount screen shows it. */
const SALE = `name: { zh: 收款 AMOUNT, en: A sale of AMOUNT }
env: { AMOUNT: "100" }
steps:
  - press: 确认
  - type: \${AMOUNT}
  - expect: \${SHOWN}
`;

describe('run: a piece with ${NAME} parameters', () => {
  it('takes each value from the call, then --env, then a POS_SIM_ environment variable, then the piece’s default', () => {
    const dir = suite({
      '_lib/sale.yaml': SALE,
      '_lib/login.yaml':
        'name: login\nenv: { POS_SIM_PASSWORD: "123456" }\nsteps:\n  - press: 菜单\n  - type: ${POS_SIM_PASSWORD}\n  - press: 确认\n',
      'called.yaml': 'name: called\nsteps:\n  - run: { file: _lib/sale.yaml, env: { AMOUNT: "250", SHOWN: "2.50" } }\n',
      'default.yaml': 'name: default\nsteps:\n  - run: { file: _lib/sale.yaml, env: { SHOWN: "1.00" } }\n',
      'login.yaml': 'name: login\nsteps:\n  - run: _lib/login.yaml\n  - expect: { title: 设置 }\n',
    });
    const typed = (walkthrough: ReturnType<typeof parse>) => {
      const run = walkthrough.steps[0];
      if (run?.kind !== 'run') throw new Error('not a run step');
      return run.steps.flatMap((step) => (step.kind === 'type' ? [step.digits] : []));
    };
    expect(typed(parse(dir, 'called.yaml', {}, { AMOUNT: '999' }))).toEqual(['250']);
    expect(typed(parse(dir, 'default.yaml'))).toEqual(['100']);
    expect(typed(parse(dir, 'default.yaml', { AMOUNT: '777' }, { AMOUNT: '888' }))).toEqual(['888']);
    // The environment gives values to POS_SIM_ names only: a shell's AMOUNT changes nothing.
    expect(typed(parse(dir, 'default.yaml', { AMOUNT: '777' }))).toEqual(['100']);
    expect(typed(parse(dir, 'login.yaml'))).toEqual(['123456']);
    expect(typed(parse(dir, 'login.yaml', { POS_SIM_PASSWORD: '654321' }))).toEqual(['654321']);
    expect(runWalkthrough(parse(dir, 'called.yaml')).status).toBe('passed');
    expect(runWalkthrough(parse(dir, 'login.yaml')).status).toBe('passed');
  });

  it('refuses a value nobody gives, a value the piece does not take, a piece with before: or after:, a piece that is not there, and a pos-sim: path out of the shipped walkthroughs', () => {
    const dir = suite({
      '_lib/sale.yaml': SALE,
      'missing.yaml': 'name: m\nsteps:\n  - run: _lib/sale.yaml\n',
      'unused.yaml': 'name: u\nsteps:\n  - run: { file: _lib/sale.yaml, env: { SHOWN: "1.00", COLOUR: red } }\n',
      'nowhere.yaml': 'name: n\nsteps:\n  - run: _lib/gone.yaml\n',
      'escape.yaml': 'name: e\nsteps:\n  - run: pos-sim:../profiles/default.json\n  - run: pos-sim:_lib/login.yaml\n',
      'pin.yaml': 'name: p\nsteps:\n  - type: ${POS_SIM_PIN}\n',
      '_lib/setup.yaml': 'name: s\nbefore:\n  - press: 取消\nsteps:\n  - press: 菜单\n',
      'setup.yaml': 'name: s\nsteps:\n  - run: _lib/setup.yaml\n',
    });
    expect(parseError(dir, 'missing.yaml')).toBe(
      [
        `${join(dir, '_lib/sale.yaml')}:6:13: \${SHOWN} has no value: pass it where the piece is called (env: { SHOWN: … }), give it with --env SHOWN=…, or give it a default in this file’s env:`,
        `  (called at ${join(dir, 'missing.yaml')}:3:5)`,
      ].join('\n'),
    );
    // Only a POS_SIM_ name is read from the environment, so only then is the variable suggested.
    expect(parseError(dir, 'pin.yaml')).toBe(
      `${join(dir, 'pin.yaml')}:3:11: \${POS_SIM_PIN} has no value: pass it where the piece is called (env: { POS_SIM_PIN: … }), give it with --env POS_SIM_PIN=… or the environment variable POS_SIM_PIN, or give it a default in this file’s env:`,
    );
    expect(parseError(dir, 'unused.yaml')).toBe(
      `${join(dir, 'unused.yaml')}:3:56: COLOUR is not a parameter of ${join(dir, '_lib/sale.yaml')}; its parameters are: AMOUNT, SHOWN`,
    );
    // A piece's before: would not play: it is refused rather than passed over.
    expect(parseError(dir, 'setup.yaml')).toBe(
      `${join(dir, '_lib/setup.yaml')}:2:1: before: a piece that is called plays only its steps; write these steps in its steps (before: and after: belong to the walkthrough that is run, or to the suite file)\n  (called at ${join(dir, 'setup.yaml')}:3:5)`,
    );
    expect(parseError(dir, 'nowhere.yaml')).toMatch(new RegExp(`^${join(dir, 'nowhere.yaml')}:3:10: .*_lib/gone\\.yaml`));
    expect(parseError(dir, 'escape.yaml')).toBe(
      `${join(dir, 'escape.yaml')}:3:10: run: pos-sim:../profiles/default.json is not among the walkthroughs shipped with pos-sim (pos-sim: names files inside fixtures/walkthroughs)`,
    );
  });

  it('reports a failure inside pieces at the step, then each call it was played from, innermost first', async () => {
    const dir = suite({
      '_lib/sale.yaml': SALE,
      '_lib/two-sales.yaml':
        'name: two sales\nsteps:\n  - run: { file: sale.yaml, env: { SHOWN: "1.00" } }\n  - press: 取消\n  - run: { file: sale.yaml, env: { AMOUNT: "300", SHOWN: "9.99" } }\n',
      'shift.yaml': 'name: shift\nsteps:\n  - expect: 按[确认]键收款\n  - run: _lib/two-sales.yaml\n',
    });
    const result = runWalkthrough(parse(dir, 'shift.yaml'));
    expect(result.status).toBe('failed');
    expect(result.failure).toMatchObject({
      at: `${join(dir, '_lib/sale.yaml')}:6:5`,
      step: 'expect: ${SHOWN}',
      calledFrom: [
        { at: `${join(dir, '_lib/two-sales.yaml')}:5:5`, step: 'run: { file: sale.yaml, env: { AMOUNT: "300", SHOWN: "9.99" } }' },
        { at: `${join(dir, 'shift.yaml')}:4:5`, step: 'run: _lib/two-sales.yaml' },
      ],
      message: 'expected the screen to show "9.99"',
    });
    expect([result.steps, result.stepsRun]).toEqual([8, 8]);
    const { stdout } = await report({ paths: [join(dir, 'shift.yaml')] });
    expect(stdout).toContain(
      [
        `  ${join(dir, '_lib/sale.yaml')}:6:5  expect: \${SHOWN}`,
        `    called at ${join(dir, '_lib/two-sales.yaml')}:5:5  run: { file: sale.yaml, env: { AMOUNT: "300", SHOWN: "9.99" } }`,
        `    called at ${join(dir, 'shift.yaml')}:4:5  run: _lib/two-sales.yaml`,
        '  expected the screen to show "9.99"',
      ].join('\n'),
    );
  });

  it('refuses a piece that calls itself, directly or through another, before anything runs', async () => {
    const dir = suite({
      '_lib/a.yaml': 'name: a\nsteps:\n  - press: 菜单\n  - run: b.yaml\n',
      '_lib/b.yaml': 'name: b\nsteps:\n  - run: a.yaml\n',
      'loop.yaml': 'name: loop\nsteps:\n  - press: 确认\n  - run: _lib/a.yaml\n',
    });
    expect(parseError(dir, 'loop.yaml')).toBe(
      [
        `${join(dir, '_lib/b.yaml')}:3:10: run: ${join(dir, '_lib/a.yaml')} → ${join(dir, '_lib/b.yaml')} → ${join(dir, '_lib/a.yaml')} calls itself again; a piece cannot call itself, directly or through others`,
        `  (called at ${join(dir, '_lib/a.yaml')}:4:5)`,
        `  (called at ${join(dir, 'loop.yaml')}:4:5)`,
      ].join('\n'),
    );
    const { code, stdout } = await report({ paths: [dir], reporter: 'json' });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).walkthroughs).toMatchObject([{ status: 'error', stepsRun: 0 }]);
  });

  it('plays steps written inline, and leaves pieces in _ folders and the suite file out of a run', () => {
    const dir = suite({
      '_lib/sale.yaml': SALE,
      'pos-sim.suite.yaml': 'before:\n  - expect: 按[确认]键收款\n',
      'inline.yaml':
        'name: inline\nsteps:\n  - run:\n      steps:\n        - press: 菜单\n        - expect: 请输入密码\n  - press: 取消\n  - expect: { state: home }\n',
      'sub/deeper.yaml': 'name: deeper\nsteps:\n  - run: { file: ../_lib/sale.yaml, env: { SHOWN: "1.00" } }\n',
    });
    expect(findWalkthroughFiles([dir])).toEqual([join(dir, 'inline.yaml'), join(dir, 'sub/deeper.yaml')]);
    expect(runWalkthrough(parse(dir, 'inline.yaml'))).toMatchObject({ status: 'passed', steps: 5, stepsRun: 5 });
    expect(runWalkthrough(parse(dir, 'sub/deeper.yaml'))).toMatchObject({ status: 'passed', steps: 4 });
  });

  it('runs a folder linked in by a symbolic link (a shared suite), once; a link back to a folder it is in is not followed again', () => {
    const shared = suite({ 'shared.yaml': 'name: shared\nsteps:\n  - expect: 按[确认]键收款\n' });
    const dir = suite({ 'own.yaml': 'name: own\nsteps:\n  - expect: 按[确认]键收款\n' });
    symlinkSync(shared, join(dir, 'shared'));
    symlinkSync(dir, join(shared, 'back'));
    symlinkSync('.', join(dir, 'here'));
    expect(findWalkthroughFiles([dir])).toEqual([join(dir, 'own.yaml'), join(dir, 'shared/shared.yaml')]);
  });

  it('says, in the tool’s words, that a walkthrough linked to itself is a loop of symbolic links', async () => {
    const dir = suite({ 'own.yaml': 'name: own\nsteps:\n  - expect: 按[确认]键收款\n' });
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    const { code, stdout } = await report({ paths: [dir], reporter: 'json' });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).walkthroughs).toMatchObject([
      { status: 'passed' },
      { status: 'error', reason: `${join(dir, 'self.yaml')}: symbolic links that lead round in a loop (ELOOP).` },
    ]);
  });

  it('says so too when the loop is named on the command line, not that it does not exist', () => {
    const dir = suite({ 'own.yaml': 'name: own\nsteps:\n  - expect: 按[确认]键收款\n' });
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    expect(() => findWalkthroughFiles([join(dir, 'loop.yaml')])).toThrow(
      `${join(dir, 'loop.yaml')}: symbolic links that lead round in a loop (ELOOP).`,
    );
    expect(() => findWalkthroughFiles([join(dir, 'gone.yaml')])).toThrow(/gone\.yaml/);
  });
});

describe('run: with each: rows of values', () => {
  it('plays the piece once per row, the row’s values before the call’s env; a failure names the row, then the call', async () => {
    const dir = suite({
      '_lib/amount.yaml': `${SALE}  - press: 取消\n`,
      'rows.yaml': [
        'name: rows',
        'steps:',
        '  - run:',
        '      file: _lib/amount.yaml',
        '      env: { SHOWN: "9.99" }',
        '      each:',
        '        - { AMOUNT: "5", SHOWN: "0.05" }',
        '        - { AMOUNT: "7", SHOWN: "0.07" }',
        '        - { AMOUNT: "3" }',
        '',
      ].join('\n'),
    });
    const walkthrough = parse(dir, 'rows.yaml');
    const [call] = walkthrough.steps;
    if (call?.kind !== 'run') throw new Error('not a run step');
    expect(call.steps.map((row) => [row.source, row.at.line])).toEqual([
      ['{ AMOUNT: "5", SHOWN: "0.05" }', 7],
      ['{ AMOUNT: "7", SHOWN: "0.07" }', 8],
      ['{ AMOUNT: "3" }', 9],
    ]);
    const result = runWalkthrough(walkthrough);
    // The third row shows 0.03, not the call's 9.99.
    expect(result.failure).toMatchObject({
      at: `${join(dir, '_lib/amount.yaml')}:6:5`,
      calledFrom: [{ at: `${join(dir, 'rows.yaml')}:9:11`, step: '{ AMOUNT: "3" }' }, { at: `${join(dir, 'rows.yaml')}:3:5` }],
      message: 'expected the screen to show "9.99"',
    });
    expect([result.steps, result.stepsRun]).toEqual([12, 11]);
    const { stdout } = await report({ paths: [join(dir, 'rows.yaml')] });
    expect(stdout).toContain(`    called at ${join(dir, 'rows.yaml')}:9:11  { AMOUNT: "3" }`);
  });

  it('plays inline steps once per row with its values, and refuses a row naming a value nothing uses, at the row', () => {
    const dir = suite({
      'inline.yaml':
        'name: inline\nsteps:\n  - run:\n      steps: [{ press: 确认 }, { type: "${N}" }, { expect: "${SHOWN}" }, { press: 取消 }]\n' +
        '      each: [{ N: "5", SHOWN: "0.05元" }, { N: "12", SHOWN: "0.12元" }]\n',
      'unused.yaml': 'name: unused\nsteps:\n  - run:\n      steps: [{ type: "${N}" }]\n      each: [{ N: "5" }, { N: "6", M: "7" }]\n',
      'empty.yaml': 'name: empty\nsteps:\n  - run: { steps: [{ press: 确认 }], each: [] }\n',
    });
    const result = runWalkthrough(parse(dir, 'inline.yaml'));
    expect(result.failure?.message ?? '').toBe('');
    expect([result.status, result.steps]).toEqual(['passed', 8]);
    expect(parseError(dir, 'unused.yaml')).toBe(
      `${join(dir, 'unused.yaml')}:5:36: M is not a parameter of ${join(dir, 'unused.yaml')} run.steps; its parameters are: N`,
    );
    expect(parseError(dir, 'empty.yaml')).toContain('each takes rows of values');
  });
});

describe('a step written as a row: [what is done, what then shows]', () => {
  it('plays the row’s keys and steps, then checks its expectation; a failure is placed at the row, written as the row', async () => {
    const dir = suite({
      'table.yaml': [
        'name: table',
        'steps:',
        '  - [菜单, 操作员 00 主管]',
        '  - [{ type: "12" }, "**_"]',
        '  - [[{ type: "1" }, 清除, 清除], "*_"]',
        '  - [[取消, 确认], { state: sale.amount }]',
        '  - [{ phone: { press: [下, 下] } }, { phone: "> 3.微信" }]',
        '  - [5, 0.50元]',
        '',
      ].join('\n'),
    });
    const walkthrough = parse(dir, 'table.yaml');
    expect(walkthrough.steps.map((step) => step.kind)).toEqual([
      'press',
      'expect',
      'type',
      'expect',
      'type',
      'press',
      'expect',
      'press',
      'expect',
      'phone',
      'expect',
      'press',
      'expect',
    ]);
    const result = runWalkthrough(walkthrough);
    expect(result.failure).toMatchObject({
      at: `${join(dir, 'table.yaml')}:8:9`,
      step: '[5, 0.50元]',
      message: 'expected the screen to show "0.50元"',
    });
    expect(result.failure?.calledFrom).toBeUndefined();
    expect([result.steps, result.stepsRun]).toEqual([13, 13]);
    const { stdout } = await report({ paths: [join(dir, 'table.yaml')] });
    expect(stdout).toContain(`  ${join(dir, 'table.yaml')}:8:9  [5, 0.50元]\n  expected the screen to show "0.50元"`);
  });

  it('plays a piece a row names; a failure inside it names the piece’s step, then the row’s { run: … }', () => {
    const dir = suite({
      '_lib/amount.yaml': SALE,
      'rows.yaml': [
        'name: rows',
        'steps:',
        '  - [{ run: { file: _lib/amount.yaml, env: { AMOUNT: "5", SHOWN: "0.05元" } } }, { state: sale.amount }]',
        '  - [[取消, { run: { file: _lib/amount.yaml, env: { SHOWN: "9.99元" } } }], 1.00元]',
        '',
      ].join('\n'),
    });
    const walkthrough = parse(dir, 'rows.yaml');
    expect(walkthrough.steps.map((step) => step.kind)).toEqual(['run', 'expect', 'press', 'run', 'expect']);
    const result = runWalkthrough(walkthrough);
    expect(result.failure).toMatchObject({
      at: `${join(dir, '_lib/amount.yaml')}:6:5`,
      calledFrom: [{ at: `${join(dir, 'rows.yaml')}:4:11`, step: '{ run: { file: _lib/amount.yaml, env: { SHOWN: "9.99元" } } }' }],
      message: 'expected the screen to show "9.99元"',
    });
  });

  it('refuses a row that is not [a step, an expectation], at the row', () => {
    const dir = suite({
      'bad.yaml': 'name: bad\nsteps:\n  - [下, 操作员 01 收银员]\n  - [下]\n  - [{ expect: a }, b]\n',
    });
    const problems = parseError(dir, 'bad.yaml').split('\n');
    expect(problems[0]).toMatch(
      new RegExp(`^${join(dir, 'bad.yaml')}:4:5: a step written as a row is \\[what is done, what must show then\\]`),
    );
    expect(problems.slice(1).every((problem) => problem.startsWith(`${join(dir, 'bad.yaml')}:5:`))).toBe(true);
    expect(problems[0]).toContain(
      'what is done is a key, one step of press, type, select, wait, network, power, paper, phone, run (as a map), or a list of them',
    );
  });
});

describe('when: on a step', () => {
  it('plays a step only where its condition holds on the device as the step comes', () => {
    const dir = suite({
      'w.yaml': [
        'name: w',
        'steps:',
        '  - press: 菜单',
        '  - press: 取消',
        '    when: { screen: 请输入密码 }',
        '  - network: down',
        '  - expect: 离线',
        '    when: { network: online }',
        '  - run: { steps: [{ press: 菜单 }] }',
        '    when: { profile: pax-a920 }',
        '  - expect: { state: home }',
        '',
      ].join('\n'),
    });
    expect(runWalkthrough(parse(dir, 'w.yaml'))).toMatchObject({ status: 'passed', steps: 6, stepsRun: 4 });
  });

  it('names a condition it does not know, at its key, as expect: does', () => {
    const dir = suite({
      'w.yaml': ['name: w', 'when: { profil: default }', 'steps:', '  - press: 菜单', '    when: { network: online, sreen: x }', ''].join(
        '\n',
      ),
    });
    const facets = 'profile, display, network, has, store, screen, not';
    expect(parseError(dir, 'w.yaml').split('\n')).toEqual([
      `${join(dir, 'w.yaml')}:2:9: when has no condition "profil"; conditions are ${facets}`,
      `${join(dir, 'w.yaml')}:5:30: when has no condition "sreen"; conditions are ${facets}`,
    ]);
  });

  it('says beside the skip when a profile it names is no shipped one, and not when it is a path', async () => {
    const dir = suite({
      'typo.yaml': 'name: typo\nwhen: { profile: [defualt, pax-a920] }\nsteps:\n  - press: 菜单\n',
      'path.yaml': 'name: path\nwhen: { not: { profile: ./my-terminal.json } }\nsteps:\n  - press: 菜单\n',
      'right.yaml': 'name: right\nwhen: { profile: unbound }\nsteps:\n  - press: 菜单\n',
    });
    const { stdout } = await report({ paths: [dir], reporter: 'json' });
    const reasons = Object.fromEntries(
      (JSON.parse(stdout) as { walkthroughs: { name: string; reason?: string }[] }).walkthroughs.map((entry) => [entry.name, entry.reason]),
    );
    expect(reasons.typo).toBe(
      'when: { profile: [defualt, pax-a920] } does not hold on profile default; no shipped profile is named defualt ' +
        '(shipped: classic-s80, default, landi-a8, newland-n910, offline, pax-a920, unbound)',
    );
    expect(reasons.path).toBeUndefined();
    expect(reasons.right).toBe('when: { profile: unbound } does not hold on profile default');
  });
});

describe('before: and after:', () => {
  it('play the suite file’s before:, the walkthrough’s, its steps, its after: and the suite’s; after: plays after a failure and its own failure is reported apart', async () => {
    const dir = suite({
      'pos-sim.suite.yaml': 'before:\n  - expect: { state: home }\nafter:\n  - expect: { not: "123456" }\n',
      'qa/fails.yaml':
        'name: fails\nbefore:\n  - press: 菜单\nsteps:\n  - expect: not there\nafter:\n  - press: 取消\n  - expect: 请输入密码\n',
    });
    const walkthrough = parse(dir, 'qa/fails.yaml');
    expect(
      [...walkthrough.before, ...walkthrough.steps, ...walkthrough.after].map(
        (step) => `${step.file.slice(dir.length + 1)}:${step.at.line}`,
      ),
    ).toEqual(['pos-sim.suite.yaml:2', 'qa/fails.yaml:3', 'qa/fails.yaml:5', 'qa/fails.yaml:7', 'qa/fails.yaml:8', 'pos-sim.suite.yaml:4']);
    const result = runWalkthrough(walkthrough);
    expect(result).toMatchObject({
      status: 'failed',
      steps: 6,
      stepsRun: 3,
      failure: { at: `${join(dir, 'qa/fails.yaml')}:5:5`, message: 'expected the screen to show "not there"' },
      afterFailure: { at: `${join(dir, 'qa/fails.yaml')}:8:5`, message: 'expected the screen to show "请输入密码"' },
    });
    const tap = await report({ paths: [dir], reporter: 'tap' });
    expect(tap.stdout).toMatch(/not ok 1 - fails\n {2}---\n[^]*\n {2}after: [^]*qa\/fails\.yaml:8:5 {2}expect: 请输入密码/);
    const junit = await report({ paths: [dir], reporter: 'junit' });
    expect(junit.stdout).toContain('<failure message="expected the screen to show &quot;not there&quot;" type="expect">');
    expect(junit.stdout).toContain('<failure message="after: expected the screen to show &quot;请输入密码&quot;" type="after">');
  });
});

describe('tags: --include-tags and --exclude-tags', () => {
  const dir = suite({
    'a-smoke.yaml': 'name: smoke one\ntags: [smoke, sale]\nsteps:\n  - expect: 按[确认]键收款\n',
    'b-slow.yaml': 'name: slow one\ntags: slow\nsteps:\n  - expect: 按[确认]键收款\n',
    'c-smoke-online.yaml': 'name: smoke online\ntags: [smoke, slow]\nwhen: { network: online }\nsteps:\n  - expect: 按[确认]键收款\n',
    'd-untagged.yaml': 'name: untagged\nsteps:\n  - expect: 按[确认]键收款\n',
  });

  it('--include-tags smoke --fixture all plays the smoke walkthroughs on every profile; the others are skipped, in every reporter', async () => {
    const json = await report({ paths: [dir], fixture: 'all', tags: { include: ['smoke'], exclude: [] }, reporter: 'json' });
    expect(json.code).toBe(0);
    const entries = (JSON.parse(json.stdout) as { walkthroughs: { name: string; profile: string; status: string; reason?: string }[] })
      .walkthroughs;
    const profiles = [...new Set(entries.map((entry) => entry.profile))];
    expect(profiles.length).toBeGreaterThanOrEqual(6);
    for (const profile of profiles) {
      const on = Object.fromEntries(entries.filter((entry) => entry.profile === profile).map((entry) => [entry.name, entry.status]));
      expect(on, profile).toEqual({
        'smoke one': 'passed',
        'slow one': 'skipped',
        'smoke online': profile === 'offline' ? 'skipped' : 'passed',
        untagged: 'skipped',
      });
    }
    expect(entries.find((entry) => entry.name === 'slow one')?.reason).toBe('not picked: --include-tags smoke (its tags: slow)');
    expect(entries.find((entry) => entry.name === 'untagged')?.reason).toBe('not picked: --include-tags smoke (its tags: none)');

    const tap = await report({ paths: [dir], fixture: 'all', tags: { include: ['smoke'], exclude: [] }, reporter: 'tap' });
    const skips = tap.stdout.split('\n').filter((line) => line.includes('# SKIP'));
    expect(skips.filter((line) => line.includes('# SKIP not picked: --include-tags smoke'))).toHaveLength(2 * profiles.length);
    expect(skips).toHaveLength(2 * profiles.length + 1);
    expect(tap.stdout).not.toMatch(/^not ok/m);

    const junit = await report({ paths: [dir], fixture: 'all', tags: { include: ['smoke'], exclude: [] }, reporter: 'junit' });
    expect(junit.stdout.match(/<skipped message="not picked: --include-tags smoke/g)).toHaveLength(2 * profiles.length);
    expect(junit.stdout).toMatch(/<testsuite name="pos-sim · default" tests="4" failures="0" errors="0" skipped="2"/);

    const pretty = await report({ paths: [dir], fixture: 'all', tags: { include: ['smoke'], exclude: [] } });
    expect(pretty.stdout).toContain('- untagged · pax-a920  (skipped: not picked: --include-tags smoke (its tags: none))');
    expect(pretty.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${2 * profiles.length - 1} passed, 0 failed, ${2 * profiles.length + 1} skipped`,
    );
  });

  it('--fixture takes a list with commas: all, and a profile file of your own beside the shipped ones', async () => {
    const profile = JSON.parse(readFileSync('fixtures/profiles/default.json', 'utf8')) as { name: string };
    const mine = join(root, 'my-shop.json');
    writeFileSync(mine, JSON.stringify({ ...profile, name: 'my-shop' }));
    const mineOnly = suite({ 'mine.yaml': 'name: mine only\nwhen: { profile: my-shop }\nsteps:\n  - expect: 按[确认]键收款\n' });
    const json = await report({ paths: [mineOnly], fixture: `all,${mine}`, reporter: 'json' });
    const entries = (JSON.parse(json.stdout) as { walkthroughs: { profile: string; status: string }[] }).walkthroughs;
    expect(entries).toHaveLength(shippedProfileNames().length + 1);
    expect(entries.filter((entry) => entry.status === 'passed').map((entry) => entry.profile)).toEqual([mine]);
    const two = await report({ paths: [dir], fixture: 'default, pax-a920,default', reporter: 'json' });
    const profiles = (JSON.parse(two.stdout) as { walkthroughs: { profile: string }[] }).walkthroughs.map((entry) => entry.profile);
    expect([...new Set(profiles)]).toEqual(['default', 'pax-a920']);
    expect(profiles).toHaveLength(8);
    await expect(report({ paths: [dir], fixture: 'default,nope' })).rejects.toThrow(/^--fixture: .*nope/);
  });

  it('--exclude-tags takes out any walkthrough with one of its tags, also from those --include-tags picked', async () => {
    const status = async (tags: { include: string[]; exclude: string[] }) =>
      Object.fromEntries(
        (
          JSON.parse((await report({ paths: [dir], tags, reporter: 'json' })).stdout) as {
            walkthroughs: { name: string; status: string }[];
          }
        ).walkthroughs.map((entry) => [entry.name, entry.status]),
      );
    expect(await status({ include: [], exclude: ['slow'] })).toEqual({
      'smoke one': 'passed',
      'slow one': 'skipped',
      'smoke online': 'skipped',
      untagged: 'passed',
    });
    expect(await status({ include: ['smoke', 'sale'], exclude: ['slow'] })).toEqual({
      'smoke one': 'passed',
      'slow one': 'skipped',
      'smoke online': 'skipped',
      untagged: 'skipped',
    });
  });
});

describe('coverage', () => {
  it('counts the states and transitions the steps inside pieces reach', async () => {
    const covered = async (files: Record<string, string>) => {
      const { stdout } = await report({ paths: [suite(files)], coverage: true });
      const [, states] = /states (\d+)\//.exec(stdout) ?? [];
      return Number(states);
    };
    const home = await covered({ 'w.yaml': 'name: w\nsteps:\n  - expect: 按[确认]键收款\n' });
    const login = await covered({ 'w.yaml': 'name: w\nsteps:\n  - press: 菜单\n  - type: "123456"\n  - press: 确认\n' });
    expect(login).toBeGreaterThan(home);
    expect(
      await covered({
        '_lib/login.yaml': 'name: login\nsteps:\n  - press: 菜单\n  - type: "123456"\n  - press: 确认\n',
        'w.yaml': 'name: w\nsteps:\n  - run: _lib/login.yaml\n',
      }),
    ).toBe(login);
  });
});

describe('values from outside the files', () => {
  it('are never written out: not in any report of a failure, not on the screen shown, not in a problem', async () => {
    const SECRET = '864209';
    const dir = suite({
      '_lib/find-sale.yaml':
        'name: find\nsteps:\n  - press: [F1, 2]\n  - type: "123456"\n  - press: 确认\n  - type: ${TRACE}\n  - expect: ${SHOWN}\n',
      'w.yaml': 'name: w\nsteps:\n  - run: { file: _lib/find-sale.yaml, env: { TRACE: "${POS_SIM_TRACE}", SHOWN: "${POS_SIM_TRACE}9" } }\n',
      'bad/key.yaml': 'name: k\nsteps:\n  - press: ${POS_SIM_KEY}\n',
    });
    // The 凭证号 prompt echoes what was typed: the failure's screen names the value instead.
    const failure = runWalkthrough(parse(dir, 'w.yaml', { POS_SIM_TRACE: SECRET })).failure;
    expect(failure?.message).toBe('expected the screen to show "${SHOWN}"');
    expect(failure?.screen).toMatch(/请输入原凭证号\n {2}\$\{(POS_SIM_)?TRACE\}\n/);
    expect(failure?.screen).not.toContain(SECRET);
    for (const reporter of ['pretty', 'tap', 'junit', 'json'] as const) {
      const fromEnv = await report({ paths: [join(dir, 'w.yaml')], env: { POS_SIM_TRACE: SECRET }, reporter });
      expect(fromEnv.code, reporter).toBe(1);
      expect(fromEnv.stdout + fromEnv.stderr, reporter).not.toContain(SECRET);
    }
    expect(parseError(dir, 'bad/key.yaml', {}, { POS_SIM_KEY: SECRET })).not.toContain(SECRET);
    expect(parseError(dir, 'bad/key.yaml', {}, { POS_SIM_KEY: SECRET })).toContain('${POS_SIM_KEY}');
  });
});

describe('a secret in reports', () => {
  it('is hidden where it stands whole, beside Chinese too, never inside a longer number', () => {
    const secrets = [
      { name: 'METHOD', value: '1' },
      { name: 'PIN', value: '147258' },
    ];
    expect(redact('在线  10086021  金额：1.00元', secrets)).toBe('在线  10086021  金额：${METHOD}.00元');
    expect(redact('密码为147258，请勿泄露', secrets)).toBe('密码为${PIN}，请勿泄露');
    expect(redact('1471472580', secrets)).toBe('1471472580');
  });
});
