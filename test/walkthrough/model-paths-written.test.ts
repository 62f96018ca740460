// `pos-sim paths --write` on every shipped profile: each path, written as a walkthrough, replays and
// ends where it says; the classic terminal reaches its own state, and unbound says what it cannot
// reach. (Apart from model-paths.test.ts so that the two files' path searches share the cores.)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPaths } from '../../src/commands/list-paths.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { loadProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-paths-written-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** States that need a main menu with an item the terminal does not offer (预授权 on classic-s80). */
const ONLY_ON_CLASSIC = ['mainMenu.unavailable'];

/** Each profile's paths listed (in English) and written, searched once for the tests that read them. */
const written = new Map<string, { readonly out: string; readonly lines: string[] }>();
const writtenFor = (name: string) => {
  const known = written.get(name);
  if (known) return known;
  const out = join(dir, name);
  const made = { out, lines: listPaths({ profile: loadProfile(name), fixture: name, write: out }, {}) };
  written.set(name, made);
  return made;
};

describe('model-based paths, written for every shipped profile', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it.each(shippedProfileNames())('written for %s, every path replays and ends where it says', (name) => {
    const { out, lines } = writtenFor(name);
    const written = readdirSync(out);
    expect(lines.filter((line) => line.startsWith('wrote '))).toHaveLength(written.length);
    // Every path is written, those that take the printer's paper out too (paper: out).
    // (unbound, with nothing to sell, never prints: printJob.paperOut is among what it cannot reach)
    const reachesPaperOut = !lines.includes('  printJob.paperOut');
    expect(written.includes('printJob-paperOut.yaml')).toBe(reachesPaperOut);
    if (reachesPaperOut) expect(readFileSync(join(out, 'printJob-paperOut.yaml'), 'utf8')).toContain('  - paper: out\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${written.length} of \\d+ menu states reached on ${name}\\.$`)));
    const results = loadWalkthroughs([out]).map((walkthrough) => runWalkthrough(walkthrough));
    expect(results.filter((result) => result.status !== 'passed').map((result) => `${result.file}: ${result.failure?.message}`)).toEqual(
      [],
    );
    expect(readFileSync(join(out, 'settings-menu.yaml'), 'utf8')).toContain('expect: { state: settings.menu }');
  });

  it('reach on the classic profile what only it has', () => {
    const { out } = writtenFor('classic-s80');
    for (const state of ONLY_ON_CLASSIC) expect(readdirSync(out)).toContain(`${state.replace('.', '-')}.yaml`);
  });

  it('say which states a profile cannot reach', () => {
    const { lines } = writtenFor('unbound');
    expect(lines).toContain('Not reachable on this profile:');
    expect(lines).toContain('  bindingManagement.confirming');
    expect(lines.join('\n')).not.toContain('123456');
  });
});
