// The machine-readable reports, read by the consumers CI uses — tap-parser for TAP, xmllint with a
// JUnit XSD and a JUnit reader (junit2json) for JUnit, JSON.parse — with names and texts as hostile
// as a QA suite can have: #, newlines, control characters, ]]>, quotes, backslashes, "# TODO".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJunit } from 'junit2json';
import { Parser, type FinalResults, type Result } from 'tap-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWalkthroughsCommand, type RunCommandOptions } from '../../src/commands/run-walkthroughs.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-consumers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => setToolLang('en'));

/** Hostile names as YAML double-quoted scalars, and what they are. */
const NAMES = {
  todo: ['"P1 # TODO later"', 'P1 # TODO later'],
  lines: ['"two\\nlines # SKIP no"', 'two\nlines # SKIP no'],
  controls: ['"bell \\a escape \\e null \\0 del \\x7f"', 'bell \u0007 escape \u001b null \u0000 del \u007f'],
  xml: ['"]]> <tag> & \\"double\\" \'single\'"', ']]> <tag> & "double" \'single\''],
  backslash: ['"back\\\\slash \\\\# not a TODO"', 'back\\slash \\# not a TODO'],
} as const;

const PASS = 'steps:\n  - expect: 按[确认]键收款\n';
const FAIL = 'steps:\n  - press: 菜单\n  - expect: "not there # TODO ]]> \\a \\"q\\""\n';

beforeAll(() => {
  writeFileSync(join(dir, 'a-todo.yaml'), `name: ${NAMES.todo[0]}\n${FAIL}`);
  writeFileSync(join(dir, 'b-lines.yaml'), `name: ${NAMES.lines[0]}\n${FAIL}`);
  writeFileSync(join(dir, 'c-controls.yaml'), `name: ${NAMES.controls[0]}\n${PASS}`);
  writeFileSync(join(dir, 'd-xml.yaml'), `name: ${NAMES.xml[0]}\n${FAIL}`);
  writeFileSync(join(dir, 'e-backslash.yaml'), `name: ${NAMES.backslash[0]}\n${PASS}`);
  writeFileSync(join(dir, 'f-skipped.yaml'), `name: "skipped # TODO"\nwhen: { profile: pax-a920 }\n${PASS}`);
  writeFileSync(join(dir, 'g-broken.yaml'), 'name: "broken ]]> #"\nsteps:\n  - jump: 1\n');
});

const report = async (options: Partial<RunCommandOptions>) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runWalkthroughsCommand(
    { paths: [dir], reporter: 'pretty', bail: false, coverage: false, snapshotDir: undefined, workers: 1, ...options },
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, stdout: `${out.join('\n')}\n`, stderr: err.join('\n') };
};

const readTap = (tap: string): Promise<{ final: FinalResults; points: Result[] }> =>
  new Promise((resolve) => {
    const points: Result[] = [];
    const parser = new Parser((final) => resolve({ final, points }));
    parser.on('assert', (point: Result) => points.push(point));
    parser.end(tap);
  });

describe('the report a person reads in a terminal', () => {
  it('shows the control characters of names and steps written out, never sent to the terminal', async () => {
    const { stdout } = await report({});
    expect(stdout).toContain('bell \\x07 escape \\x1B null \\x00 del \\x7F');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u);
  });
});

describe('TAP, read by tap-parser', () => {
  it('counts every walkthrough as it ended: a "# TODO" or "# SKIP" in a name is text, a newline does not add a test', async () => {
    const { code, stdout } = await report({ reporter: 'tap' });
    expect(code).toBe(2);
    const { final, points } = await readTap(stdout);
    expect(final.plan).toMatchObject({ start: 1, end: 7 });
    expect([final.count, final.pass, final.fail, final.skip, final.todo]).toEqual([7, 3, 4, 1, 0]);
    expect(points.map((point) => [point.ok, point.name, point.todo, point.skip !== false])).toEqual([
      [false, NAMES.todo[1], false, false],
      [false, 'two lines # SKIP no', false, false],
      [true, 'bell   escape   null   del', false, false],
      [false, NAMES.xml[1], false, false],
      [true, NAMES.backslash[1], false, false],
      [true, 'skipped # TODO', false, true],
      [false, expect.stringContaining('g-broken.yaml'), false, false],
    ]);
    // The YAML diagnostics read back as what they say.
    expect(points[0]?.diag).toMatchObject({
      at: expect.stringMatching(/a-todo\.yaml:4:5$/),
      message: 'expected the screen to show "not there # TODO ]]> \u0007 "q""',
    });
    expect(points[6]?.diag).toMatchObject({ message: expect.stringMatching(/g-broken\.yaml:3:5: unknown step "jump"/) });
  });

  it('with --bail ends with Bail out! after the first failure', async () => {
    const { code, stdout } = await report({ reporter: 'tap', bail: true });
    expect(code).toBe(1);
    const { final, points } = await readTap(stdout);
    expect(points).toHaveLength(1);
    expect(final.bailout).toMatch(/a-todo\.yaml:4:5 P1 # TODO later/);
    expect(final.ok).toBe(false);
  });
});

describe('JUnit, checked against an XSD with xmllint and read by junit2json', () => {
  it('is well-formed and valid whatever the names hold, with a testsuite per profile and the file of each test', async () => {
    const { code, stdout } = await report({ reporter: 'junit' });
    expect(code).toBe(2);
    const file = join(dir, 'report.xml');
    writeFileSync(file, stdout);
    // xmllint exits non-zero (and says why) when the report is ill-formed or does not fit the schema.
    expect(
      execFileSync('xmllint', ['--noout', '--schema', 'test/fixtures/junit.xsd', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('');
    const parsed = (await parseJunit(stdout)) as {
      testsuite?: {
        name?: string;
        tests?: number;
        failures?: number;
        errors?: number;
        skipped?: number;
        testcase?: { name?: string; failure?: unknown[]; error?: unknown[]; skipped?: unknown[] }[];
      }[];
    };
    const suites = parsed.testsuite ?? [];
    expect(suites.map((suite) => [suite.name, suite.tests, suite.failures, suite.errors, suite.skipped])).toEqual([
      ['pos-sim · default', 6, 3, 0, 1],
      ['pos-sim · (profile unknown)', 1, 0, 1, 0],
    ]);
    const names = suites.flatMap((suite) => suite.testcase ?? []).map((testcase) => testcase.name);
    expect(names).toEqual([
      NAMES.todo[1],
      NAMES.lines[1],
      'bell \\u0007 escape \\u001b null \\u0000 del \u007f',
      NAMES.xml[1],
      NAMES.backslash[1],
      'skipped # TODO',
      expect.stringContaining('g-broken.yaml'),
    ]);
    expect(stdout).toMatch(/<testcase classname="default\.[^"]*a-todo" name="P1 # TODO later" file="[^"]*a-todo\.yaml" time="[\d.]+">/);
  });

  it('names the profile in each suite when a suite runs on every profile (--fixture all)', async () => {
    const { stdout } = await report({
      reporter: 'junit',
      paths: [join(dir, 'e-backslash.yaml'), join(dir, 'f-skipped.yaml')],
      fixture: 'all',
    });
    const file = join(dir, 'all.xml');
    writeFileSync(file, stdout);
    expect(
      execFileSync('xmllint', ['--noout', '--schema', 'test/fixtures/junit.xsd', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBe('');
    const parsed = (await parseJunit(stdout)) as { testsuite?: { name?: string; tests?: number; skipped?: number }[] };
    expect(parsed.testsuite?.map((suite) => [suite.name, suite.tests, suite.skipped])).toEqual([
      ['pos-sim · classic-s80', 2, 1],
      ['pos-sim · default', 2, 1],
      ['pos-sim · landi-a8', 2, 1],
      ['pos-sim · newland-n910', 2, 1],
      ['pos-sim · offline', 2, 1],
      ['pos-sim · pax-a920', 2, 0],
      ['pos-sim · unbound', 2, 1],
    ]);
  });
});

describe('beside a machine-readable report', () => {
  it('tells a file that cannot run once on stderr, however many profiles the run plays it on', async () => {
    const { code, stdout, stderr } = await report({ reporter: 'json', paths: [join(dir, 'g-broken.yaml')], fixture: 'all' });
    expect(code).toBe(2);
    const entries = (JSON.parse(stdout) as { walkthroughs: { status: string }[] }).walkthroughs;
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.every((entry) => entry.status === 'error')).toBe(true);
    expect(stderr.split('\n')).toEqual([expect.stringMatching(/^pos-sim: .*g-broken\.yaml:3:5: /)]);
  });
});

describe('JSON', () => {
  it('parses back to the same names and statuses', async () => {
    const { stdout } = await report({ reporter: 'json' });
    const parsed = JSON.parse(stdout) as {
      passed: number;
      failed: number;
      skipped: number;
      errors: number;
      walkthroughs: { name: string; status: string }[];
    };
    expect([parsed.passed, parsed.failed, parsed.skipped, parsed.errors]).toEqual([2, 3, 1, 1]);
    expect(parsed.walkthroughs.slice(0, 5).map((walkthrough) => walkthrough.name)).toEqual(Object.values(NAMES).map(([, name]) => name));
  });

  it('says the profile of a file that cannot run is not known with null, the same in every language', async () => {
    const profiles = async (lang: 'zh' | 'en') => {
      setToolLang(lang);
      const { stdout } = await report({ reporter: 'json' });
      return (JSON.parse(stdout) as { walkthroughs: { status: string; profile: string | null }[] }).walkthroughs.map(
        ({ status, profile }) => [status, profile],
      );
    };
    const zh = await profiles('zh');
    expect(zh).toContainEqual(['error', null]);
    expect(zh.filter(([status]) => status !== 'error').every(([, profile]) => profile === 'default')).toBe(true);
    expect(await profiles('en')).toEqual(zh);
  });
});

describe('a step on the phone that fails', () => {
  const phoneDir = mkdtempSync(join(tmpdir(), 'pos-sim-consumers-phone-'));
  afterAll(() => rmSync(phoneDir, { recursive: true, force: true }));
  beforeAll(() => {
    writeFileSync(join(phoneDir, 'phone.yaml'), 'name: phone\nsteps:\n  - expect: { phone: { screen: not on the phone } }\n');
    writeFileSync(join(phoneDir, 'terminal.yaml'), 'name: terminal\nsteps:\n  - expect: not on the terminal\n');
  });
  const phoneReport = async (reporter: RunCommandOptions['reporter']) => {
    const out: string[] = [];
    await runWalkthroughsCommand(
      { paths: [phoneDir], reporter, bail: false, coverage: false, snapshotDir: undefined, workers: 1 },
      (text) => out.push(text),
      () => undefined,
    );
    return `${out.join('\n')}\n`;
  };

  it('shows the phone’s screen and states in every report, beside the terminal’s; a step on the terminal does not', async () => {
    const pretty = await phoneReport('pretty');
    expect(pretty.split('phone:\n')[1]).toMatch(/^ {2}\| .*\n(?: {2}\|.*\n)*? {2}\| .*1\.短信/);
    expect(pretty).toContain('state: phone.home');
    expect(pretty.split('✗ terminal')[1]).not.toContain('phone:');

    const { points } = await readTap(await phoneReport('tap'));
    const diag = (name: string) => points.find((point) => point.name === name)?.diag as Record<string, unknown>;
    expect(String(diag('phone').phone)).toContain('1.短信');
    expect(diag('phone').phoneStates).toEqual(['phone.home']);
    expect(diag('terminal').phone).toBeUndefined();

    const json = JSON.parse(await phoneReport('json')) as {
      walkthroughs: { name: string; failure?: { phone?: { screen: string; states: string[] } } }[];
    };
    const byName = Object.fromEntries(json.walkthroughs.map((walkthrough) => [walkthrough.name, walkthrough.failure]));
    expect(byName.phone?.phone?.screen).toContain('1.短信');
    expect(byName.terminal?.phone).toBeUndefined();

    const junit = await phoneReport('junit');
    const failures = [...junit.matchAll(/<failure [^>]*>([^<]*)<\/failure>/g)].map((match) => match[1] ?? '');
    expect(failures[0]).toContain('phone:');
    expect(failures[0]).toContain('1.短信');
    expect(failures[1]).not.toContain('phone:');
  });
});
