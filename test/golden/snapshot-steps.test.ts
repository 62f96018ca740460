// Golden screen snapshots as a QA engineer uses them: `snapshot:` steps and `expect: { snapshot }`
// compare the whole screen with the golden beside the walkthrough; a missing or different one fails
// with the differences cell by cell and a picture pair; --update-snapshots accepts the change;
// goldens no step uses are listed, and removed with --update-snapshots; each profile has its own.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWalkthroughsCommand } from '../../src/commands/run-walkthroughs.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { svgRows } from '../support/svg.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-golden-'));
  setToolLang('en');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  setToolLang('zh');
});

const OPEN = `name: password-free screens
steps:
  - press: 菜单
  - type: "123456"
  - press: 确认
  - select: 免密支付
`;

const write = (steps: string) => writeFileSync(join(dir, 'p2.yaml'), OPEN + steps);

const run = async (...flags: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runWalkthroughsCommand(
    {
      paths: [join(dir, 'p2.yaml')],
      reporter: 'pretty',
      bail: false,
      coverage: false,
      snapshotDir: join(dir, 'pictures'),
      updateSnapshots: flags.includes('--update-snapshots'),
      ...(flags.includes('--fixture') ? { fixture: flags[flags.indexOf('--fixture') + 1] } : {}),
      ...(flags.includes('--include-tags') ? { tags: { include: [flags[flags.indexOf('--include-tags') + 1] ?? ''], exclude: [] } } : {}),
    },
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const golden = (name: string) => join(dir, '__snapshots__', 'p2', name);

describe('golden screen snapshots', () => {
  it('a missing one fails and names the command that writes it; --update-snapshots writes it, and then it passes', async () => {
    write('  - snapshot: editing\n');
    const first = await run();
    expect(first.code).toBe(1);
    expect(first.out).toContain(
      `no screen snapshot editing yet (${golden('editing.default.txt')}); write it with pos-sim run --update-snapshots`,
    );
    expect(existsSync(golden('editing.default.txt'))).toBe(false);

    const update = await run('--update-snapshots');
    expect(update.code).toBe(0);
    expect(update.out).toContain(`wrote 1 new screen snapshots:\n  ${golden('editing.default.txt')}`);
    expect(readFileSync(golden('editing.default.txt'), 'utf8')).toContain('|> 1.[x] 开启免密支付                | selected\n');
    expect((await run()).code).toBe(0);
  });

  it('a different screen fails with the rows that differ, cell by cell, and the expected and actual pictures; --update-snapshots accepts the change', async () => {
    write('  - expect: { snapshot: editing }\n');
    await run('--update-snapshots');
    const stored = readFileSync(golden('editing.default.txt'), 'utf8');
    // The screen changes: the walkthrough now unticks the box before the snapshot.
    write('  - select: 开启免密支付\n  - expect: { snapshot: editing }\n');
    const failed = await run();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(
      [
        `  the screen differs from snapshot editing (${golden('editing.default.txt')}):`,
        '    line 4:',
        '      - |> 1.[x] 开启免密支付                | selected',
        '      + |> 1.[ ] 开启免密支付 *未保存        | selected',
        '              ^               ^^^^^^^',
        '  if the change is intended, accept it with pos-sim run --update-snapshots',
      ].join('\n'),
    );
    const pictures = join(dir, 'pictures', 'p2');
    expect(readdirSync(pictures).sort()).toEqual([
      'editing.default.actual.svg',
      'editing.default.actual.txt',
      'editing.default.expected.svg',
    ]);
    const rowsOf = (file: string) => svgRows(readFileSync(join(pictures, file), 'utf8')).map((row) => row.text);
    expect(rowsOf('editing.default.expected.svg').some((row) => row.includes('> 1.[x] 开启免密支付'))).toBe(true);
    expect(rowsOf('editing.default.actual.svg').some((row) => row.includes('> 1.[ ] 开启免密支付 *未保存'))).toBe(true);
    expect(readFileSync(golden('editing.default.txt'), 'utf8')).toBe(stored);

    const accepted = await run('--update-snapshots');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain(`updated 1 screen snapshots:\n  ${golden('editing.default.txt')}`);
    expect(readFileSync(golden('editing.default.txt'), 'utf8')).toContain('*未保存');
    expect((await run()).code).toBe(0);
  });

  it('goldens no step uses are listed, and removed (with their folder) by --update-snapshots', async () => {
    write('  - snapshot: editing\n  - select: 开启免密支付\n  - snapshot: unticked\n');
    await run('--update-snapshots');
    write('  - snapshot: editing\n');
    const listed = await run();
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(
      `1 screen snapshots no step uses any more (--update-snapshots removes them):\n  ${golden('unticked.default.txt')}`,
    );
    expect(existsSync(golden('unticked.default.txt'))).toBe(true);
    const removed = await run('--update-snapshots');
    expect(removed.out).toContain(`removed 1 screen snapshots no step uses any more:\n  ${golden('unticked.default.txt')}`);
    expect(readdirSync(join(dir, '__snapshots__', 'p2'))).toEqual(['editing.default.txt']);
    write('  - press: 取消\n');
    await run('--update-snapshots');
    expect(existsSync(join(dir, '__snapshots__'))).toBe(false);
  });

  it('a walkthrough left out (by tags, or by its when:) keeps its goldens, --update-snapshots or not', async () => {
    write('  - snapshot: editing\n');
    await run('--update-snapshots');
    const skipped = await run('--update-snapshots', '--include-tags', 'smoke');
    expect(skipped.code).toBe(0);
    expect(skipped.out).not.toContain('no step uses');
    expect(existsSync(golden('editing.default.txt'))).toBe(true);
    writeFileSync(join(dir, 'p2.yaml'), OPEN.replace('steps:', 'when: { profile: pax-a920 }\nsteps:') + '  - snapshot: editing\n');
    expect((await run('--update-snapshots')).out).not.toContain('no step uses');
    expect(existsSync(golden('editing.default.txt'))).toBe(true);
  });

  it('keeps a golden per profile, so a walkthrough played on another terminal is compared with its own', async () => {
    write('  - snapshot: editing\n');
    await run('--update-snapshots');
    expect((await run('--fixture', 'pax-a920')).code).toBe(1);
    await run('--update-snapshots', '--fixture', 'pax-a920');
    expect(readdirSync(join(dir, '__snapshots__', 'p2')).sort()).toEqual(['editing.default.txt', 'editing.pax-a920.txt']);
    expect(readFileSync(golden('editing.pax-a920.txt'), 'utf8')).not.toBe(readFileSync(golden('editing.default.txt'), 'utf8'));
    expect((await run('--fixture', 'pax-a920')).code).toBe(0);
  });

  it('a golden that is no snapshot fails at its line, and --update-snapshots writes it anew', async () => {
    write('  - snapshot: editing\n');
    await run('--update-snapshots');
    writeFileSync(golden('editing.default.txt'), 'a screen\n');
    const failed = await run();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(
      `${golden('editing.default.txt')}:1: not a pos-sim screen snapshot, this line should be pos-sim screen COLUMNSxROWS zh|en`,
    );
    expect((await run('--update-snapshots')).code).toBe(0);
    expect((await run()).code).toBe(0);
  });
});
