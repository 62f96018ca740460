// The practice history file: results appended and read back (newest first in the table), each
// practice's mistakes in a line under it, the table fits 80 columns, lines written before mistakes
// were noted still read, and a torn or damaged line is skipped and named by file:line, with nothing changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendHistory,
  formatDuration,
  formatHistory,
  historyEntry,
  historyFile,
  readHistory,
  type HistoryEntry,
} from '../../src/practice/history.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import type { MistakeNote, PracticeResult } from '../../src/practice/tracker.js';
import { finishedPractice } from '../support/practice.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-history-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  setToolLang('zh');
});

/** A finished practice with a wrong password, two 取消 and a hint, scored by the formula. */
const result = (overrides: Partial<Omit<PracticeResult, 'breakdown'>> = {}): PracticeResult =>
  finishedPractice({
    elapsedMs: 102_500,
    mistakes: { wrongPassword: 1, detour: 0, cancelledStep: 2, forgottenRestart: 0 },
    hintsUsed: 1,
    ...overrides,
  });

const AT = Date.parse('2026-06-01T09:30:00+08:00');

/** A wrong password, a detour and two 取消, as the tracker notes them. */
const NOTES: readonly MistakeNote[] = [
  { kind: 'wrongPassword', atMs: 12_000, what: '00', where: { zh: '进入设置', en: 'opening the settings' } },
  { kind: 'detour', atMs: 31_000, what: 'operationRecords', where: { zh: '操作记录', en: 'Operation records' } },
  {
    kind: 'cancelledStep',
    atMs: 45_000,
    what: 'bindingManagement.confirming',
    where: { zh: '确认关闭 云闪付服务？', en: 'Close the UnionPay QuickPass app service?' },
  },
  {
    kind: 'cancelledStep',
    atMs: 50_000,
    what: 'passwordPrompt.entering',
    where: { zh: '请输入密码确认注销', en: 'Password to deregister' },
  },
];

describe('the practice history file', () => {
  it('round trips: what is appended is read back, oldest first, one JSON line each', () => {
    expect(readHistory(dir)).toEqual({ entries: [], skipped: [] });
    const first = historyEntry(result(), AT);
    const second = historyEntry(result({ goalReached: false, endedBy: 'quit' }), AT + 60_000);
    expect(appendHistory(dir, first)).toBe(historyFile(dir));
    appendHistory(dir, second);
    expect(readHistory(dir)).toEqual({ entries: [first, second], skipped: [] });
    expect(first).toEqual({
      at: '2026-06-01T01:30:00.000Z',
      task: 'p1-deregister-unionpay',
      title: { zh: '注销云闪付', en: 'Deregister UnionPay QuickPass' },
      procedure: 'P1',
      profile: 'default',
      goalReached: true,
      endedBy: 'goal',
      elapsedMs: 102_500,
      targetMs: 90_000,
      mistakes: { wrongPassword: 1, detour: 0, cancelledStep: 2, forgottenRestart: 0 },
      hintsUsed: 1,
      score: 100 - 10 - 10 - 5 - 1,
      notes: [],
    });
    expect(readFileSync(historyFile(dir), 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('keeps each mistake: what, when and where, in both languages (never anything typed)', () => {
    appendHistory(dir, historyEntry(result({ notes: NOTES }), AT));
    expect(readHistory(dir).entries[0]?.notes).toEqual(NOTES);
    expect(readFileSync(historyFile(dir), 'utf8')).toContain('"where":{"zh":"进入设置","en":"opening the settings"}');
  });

  it('reads lines written before mistakes were noted one by one: counts only, no notes', () => {
    const old =
      '{"at":"2026-05-01T01:30:00.000Z","task":"p1-deregister-unionpay","title":{"zh":"注销云闪付","en":"Deregister UnionPay QuickPass"},' +
      '"procedure":"P1","profile":"default","goalReached":true,"endedBy":"goal","elapsedMs":60000,"targetMs":90000,' +
      '"mistakes":{"wrongPassword":0,"detour":1,"cancelledStep":0,"forgottenRestart":0},"hintsUsed":0,"score":95}';
    writeFileSync(historyFile(dir), `${old}\n`);
    appendHistory(dir, historyEntry(result({ notes: NOTES }), AT));
    const [before, after] = readHistory(dir).entries;
    expect(before).toMatchObject({ task: 'p1-deregister-unionpay', mistakes: { detour: 1 }, score: 95, notes: [] });
    expect(after?.notes).toEqual(NOTES);
    const table = formatHistory(
      [before, after].filter((entry) => entry !== undefined),
      'zh',
      'Asia/Shanghai',
    );
    // The newest with its mistakes under it; the old one as counts only.
    expect(table).toHaveLength(4);
    expect(table[3]).toMatch(/^05-01 09:30 {2}P1 注销云闪付\s+达成\s+1:00\s+1\s+0\s+95$/);
  });

  it('creates the data folder when it is not there yet', () => {
    const nested = join(dir, 'new', 'data');
    appendHistory(nested, historyEntry(result(), AT));
    expect(readHistory(nested).entries).toHaveLength(1);
  });

  it('a torn line (a practice cut off mid-write) is skipped and named by file:line; the rest reads, and the file is left as it was', () => {
    setToolLang('en');
    const first = historyEntry(result(), AT);
    appendHistory(dir, first);
    const file = historyFile(dir);
    const whole = readFileSync(file, 'utf8');
    // The process died while appending the second: half a line, no newline.
    writeFileSync(file, `${whole}${JSON.stringify(first).slice(0, 40)}`);
    const torn = readFileSync(file, 'utf8');
    const { entries, skipped } = readHistory(dir);
    expect(entries).toEqual([first]);
    expect(skipped).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file}:2: skipped this line: this practice record is not valid JSON \\(.+\\)\\. Nothing was changed; repair or delete that line\\.$`,
        ),
      ),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(torn);
  });

  it('the next practice after a torn line starts a line of its own, so it is not torn too', () => {
    const first = historyEntry(result(), AT);
    appendHistory(dir, first);
    const file = historyFile(dir);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"at": "2026-06`);
    const next = historyEntry(result({ goalReached: false, endedBy: 'quit' }), AT + 60_000);
    appendHistory(dir, next);
    const { entries, skipped } = readHistory(dir);
    expect(entries).toEqual([first, next]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/:2: /);
  });

  it('a line that is JSON but no practice record is skipped too, with what is wrong, in Chinese by default', () => {
    appendHistory(dir, historyEntry(result(), AT));
    const file = historyFile(dir);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"at":"2026-06-01T01:30:00.000Z","task":"x"}\n`);
    const { entries, skipped } = readHistory(dir);
    expect(entries).toHaveLength(1);
    expect(skipped).toEqual([expect.stringMatching(new RegExp(`^${file}:2: 跳过了这一行：这条练习记录无效：\\n  title`))]);
  });
});

describe('the history table', () => {
  const entries: HistoryEntry[] = [
    historyEntry(result(), AT),
    historyEntry(
      result({
        task: {
          id: 'p5',
          title: { zh: '关闭免密并用一笔小额闪付验证', en: 'Turn password-free off and prove it with a sale' },
          procedure: 'P5',
          profile: 'default',
          targetMs: 180_000,
        },
        goalReached: false,
        endedBy: 'quit',
        elapsedMs: 3_725_000,
      }),
      AT + 86_400_000,
    ),
  ];

  it('lists the newest first, with goal, time, mistakes, hints and score', () => {
    const [header, newest, oldest] = formatHistory(entries, 'zh', 'Asia/Shanghai');
    expect(header).toMatch(/^时间\s+任务\s+目标\s+用时\s+错误\s+提示\s+得分$/);
    expect(newest).toMatch(/^06-02 09:30 {2}P5 关闭免密并用一笔小额闪\.\.\s+未达成\s+1:02:05\s+3\s+1\s+0$/);
    expect(oldest).toMatch(/^06-01 09:30 {2}P1 注销云闪付\s+达成\s+1:42\s+3\s+1\s+74$/);
  });

  it('shows the mistakes in a line under the practice, as many as fit, then how many more', () => {
    const noted = [historyEntry(result({ notes: NOTES.slice(0, 2) }), AT), historyEntry(result({ notes: NOTES }), AT + 60_000)];
    expect(formatHistory(noted, 'zh', 'Asia/Shanghai').slice(1)).toEqual([
      expect.stringMatching(/^06-01 09:31 {2}P1 注销云闪付/),
      '             密码错误：进入设置(操作员 00) · …还有 3 项',
      expect.stringMatching(/^06-01 09:30 {2}P1 注销云闪付/),
      '             密码错误：进入设置(操作员 00) · 走错菜单：进入了「操作记录」',
    ]);
    expect(formatHistory(noted, 'en', 'Asia/Shanghai')[2]).toBe(
      '             Wrong password: opening the settings (operator 00) · …and 3 more',
    );
    // One too long for the line alone is cut.
    const [, , cut] = formatHistory([historyEntry(result({ notes: NOTES.slice(2, 3) }), AT)], 'en', 'Asia/Shanghai');
    expect(cut).toBe('             Cancelled: pressed Cancel at "Close the UnionPay QuickPass app s..');
    for (const lang of ['zh', 'en'] as const) {
      for (const line of [...formatHistory(noted, lang, 'Asia/Shanghai'), cut ?? ''])
        expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  it('fits 80 columns in both languages, and says when there is nothing yet', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const line of formatHistory(entries, lang, 'Asia/Shanghai')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
    expect(formatHistory(entries, 'en', 'Asia/Shanghai')[1]).toContain('P5 Turn password-free off..');
    expect(formatHistory([], 'en')).toEqual(['No practice yet. Start one with pos-sim practice.']);
  });

  it('shows durations as m:ss, and h:mm:ss past an hour', () => {
    expect([formatDuration(0), formatDuration(59_999), formatDuration(102_500), formatDuration(3_725_000)]).toEqual([
      '0:00',
      '0:59',
      '1:42',
      '1:02:05',
    ]);
  });
});
