// `pos-sim practice` from the built executable without a terminal: the task list, a task that is
// not there, and the history (empty, filled, with what each mistake was, damaged), with their exit
// codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendHistory, historyEntry, historyFile } from '../../src/practice/history.js';
import type { MistakeNote, PracticeResult } from '../../src/practice/tracker.js';
import { finishedPractice } from '../support/practice.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/pos-sim.js');
const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-practice-cli-'));

/** Runs pos-sim in the default language (Chinese), or in English with `en`. */
const runPosSim = (lang: 'zh' | 'en', args: readonly string[]) => {
  const { POS_SIM_LANG: _lang, ...env } = process.env;
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: '',
    env: {
      ...env,
      POS_SIM_DATA_DIR: join(scratch, 'default-data'),
      CI: 'true',
      NO_COLOR: '1',
      ...(lang === 'en' ? { POS_SIM_LANG: 'en' } : {}),
    },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const posSim = (...args: string[]) => runPosSim('zh', args);
const posSimEn = (...args: string[]) => runPosSim('en', args);

/** P1 done in `elapsedMs` with one detour (noted one by one when `notes` are given). */
const finished = (elapsedMs: number, notes: readonly MistakeNote[] = []): PracticeResult =>
  finishedPractice({ elapsedMs, notes, mistakes: { wrongPassword: 0, detour: 1, cancelledStep: 0, forgottenRestart: 0 } });

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pos-sim practice without a terminal', () => {
  it('lists the tasks by number and name, and says how to start one', () => {
    const { code, stdout } = posSim('practice');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      '选择练习任务',
      ' 1. P1 注销云闪付  (p1-deregister-unionpay)',
      ' 2. P2 关闭免密支付并使其生效  (p2-password-free-off)',
    ]);
    expect(stdout).toContain('开始练习：pos-sim practice 编号或名称');
  });

  it('names the tasks there are when asked for one that is not there (exit 2)', () => {
    const { code, stderr } = posSimEn('practice', '42');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^pos-sim: No practice task "42"\. Tasks: 1 p1-deregister-unionpay, /);
    const zh = posSim('practice', '42');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^pos-sim: 没有练习任务 "42"。任务有：1 p1-deregister-unionpay, /);
  });

  it('needs a terminal to practise (exit 2)', () => {
    const { code, stderr } = posSimEn('practice', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('pos-sim practice needs an interactive terminal');
    expect(posSim('practice', '1').stderr).toContain('pos-sim practice 需要交互式终端：请在终端窗口中运行，不要用管道输入。');
  });

  it('--history: none yet, then the results newest first', () => {
    const dataDir = join(scratch, 'history');
    expect(posSim('practice', '--history', '--data-dir', dataDir).stdout.trim()).toBe('还没有练习记录。用 pos-sim practice 开始练习。');
    appendHistory(dataDir, historyEntry(finished(60_000), Date.parse('2026-06-01T09:00:00Z')));
    appendHistory(dataDir, historyEntry(finished(30_000), Date.parse('2026-06-02T09:00:00Z')));
    const { code, stdout } = posSim('practice', '--history', '--data-dir', dataDir, '--lang', 'en');
    expect(code).toBe(0);
    const [header, newest, oldest] = stdout.trim().split('\n');
    expect(header).toMatch(/^When\s+Task\s+Goal\s+Time\s+Errors\s+Hints\s+Score$/);
    expect(newest).toMatch(/P1 Deregister UnionPay Qu\.\.\s+yes\s+0:30\s+1\s+0\s+95$/);
    expect(oldest).toMatch(/\s+1:00\s+1\s+0\s+95$/);
  });

  it('--history: what each mistake was, in a line under the practice, in the language asked for', () => {
    const dataDir = join(scratch, 'notes');
    const detour: MistakeNote = {
      kind: 'detour',
      atMs: 31_000,
      what: 'operationRecords',
      where: { zh: '操作记录', en: 'Operation records' },
    };
    appendHistory(dataDir, historyEntry(finished(45_000, [detour]), Date.parse('2026-06-01T09:00:00Z')));
    const zh = posSim('practice', '--history', '--data-dir', dataDir).stdout.trimEnd().split('\n');
    expect(zh.slice(1)).toEqual([
      expect.stringMatching(/^06-01 17:00 {2}P1 注销云闪付\s+达成\s+0:45\s+1\s+0\s+95$/),
      '             走错菜单：进入了「操作记录」',
    ]);
    const en = posSimEn('practice', '--history', '--data-dir', dataDir).stdout.trimEnd().split('\n');
    expect(en[2]).toBe('             Detour: went into "Operation records"');
  });

  it('--history: a torn line is skipped, named by file:line on stderr; the rest is shown (exit 0) and the file left as it was', () => {
    const dataDir = join(scratch, 'damaged');
    appendHistory(dataDir, historyEntry(finished(60_000), 0));
    const file = historyFile(dataDir);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"at":"2026-06-01T01:`);
    const before = readFileSync(file, 'utf8');
    const { code, stdout, stderr } = posSimEn('practice', '--history', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^When/),
      expect.stringMatching(/P1 Deregister UnionPay Qu\.\.\s+yes\s+1:00\s+1\s+0\s+95$/),
    ]);
    expect(stderr).toMatch(new RegExp(`^pos-sim: ${file}:2: skipped this line: this practice record is not valid JSON \\(`));
    expect(posSim('practice', '--history', '--data-dir', dataDir).stderr).toContain(
      `${file}:2: 跳过了这一行：这条练习记录不是有效的 JSON(`,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
